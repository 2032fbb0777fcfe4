// The bytes of the TTF named by EVENTLAB_UI_FONT in cmake/AppTarget.cmake, as `xxd -i` wrote them.
#include "platform/ui_font.h"

namespace eventlab::platform {

namespace {
const unsigned char kUiFont[] = {
#include "ui_font.inc"
};
}  // namespace

std::span<const unsigned char> UiFontTtf() { return kUiFont; }

}  // namespace eventlab::platform
