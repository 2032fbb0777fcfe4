// The page's app: builds the AppHost on the canvas #canvas, tells the page its handle, and runs
// one frame per requestAnimationFrame.
#include <emscripten/emscripten.h>

#include "platform/app_host.h"

namespace {

void RunFrame(void* host) { static_cast<eventlab::platform::AppHost*>(host)->Frame(); }

}  // namespace

int main() {
  // Lives as long as the page: the main loop keeps running after main() returns.
  auto* host = new eventlab::platform::AppHost();
  if (!host->Platform().Init("#canvas")) {
    EM_ASM({ if (Module["onAppError"]) Module["onAppError"]("WebGL2 context could not be created"); });
    return 1;
  }
  host->InitGraphics();
  // The handle web/app.mjs passes to the app* functions (platform/page_bridge.cpp).
  EM_ASM({ Module["eventlabApp"] = $0; }, host);
  emscripten_set_main_loop_arg(&RunFrame, host, 0, false);
  return 0;
}
