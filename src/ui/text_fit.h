// Text that fits its cell: cut with "..." to the width left on the line, the full text in a
// tooltip on hover, so narrow table columns never hide a value without a way to read it.
#pragma once

#include "imgui.h"

namespace eventlab::ui {

/// Draws `text` (UTF-8) within the available width, ending in "..." when cut, and shows the
/// full text as a tooltip while a cut text is hovered.
void TextWithTooltip(const char* text);
/// TextWithTooltip in `color`.
void TextColoredWithTooltip(const ImVec4& color, const char* text);

}  // namespace eventlab::ui
