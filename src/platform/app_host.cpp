// The app's frame and its links to the page: the lab comes from the bindings' registry (the same
// ids JS uses) and a scenario picked in the UI goes to the page's Module.onScenarioRequest, which
// fetches it and loads it through the JS API.
#include "platform/app_host.h"

#include <emscripten/emscripten.h>

#include "bindings/lab_registry.h"
#include "imgui.h"

namespace eventlab::platform {

namespace {
api::Lab& NewRegisteredLab(uint32_t* id) {
  *id = bindings::ModuleLabs().Create();
  return *bindings::ModuleLabs().Find(*id);
}
}  // namespace

AppHost::AppHost() : lab_id_(0), app_(NewRegisteredLab(&lab_id_)) {}

void AppHost::InitGraphics() {
  if (graph_renderer_.Init()) app_.SetGraphRenderer(&graph_renderer_);
  else app_.State().render_error = graph_renderer_.Error();
}

void AppHost::Frame() {
  const double start = emscripten_get_now();
  EnsureLab();
  platform_.NewFrame();
  const double ui_start = emscripten_get_now();
  ImGui::NewFrame();
  app_.Frame(ImGui::GetIO().DeltaTime, platform_.Scale());
  ImGui::Render();
  const double submit_start = emscripten_get_now();
  platform_.Render();
  last_ui_ms_ = submit_start - ui_start;
  last_submit_ms_ = emscripten_get_now() - submit_start;
  ForwardScenarioRequest();
  ForwardCopyLinkRequest();
  last_frame_ms_ = emscripten_get_now() - start;
}

void AppHost::EnsureLab() {
  // JS may dispose of any lab, this one included: the UI then starts over on a fresh lab.
  if (bindings::ModuleLabs().Find(lab_id_)) return;
  app_.Rebind(NewRegisteredLab(&lab_id_));
}

void AppHost::ForwardScenarioRequest() {
  auto& requested = app_.State().requested_file;
  if (!requested) return;
  EM_ASM({
    if (typeof Module["onScenarioRequest"] === "function") Module["onScenarioRequest"](UTF8ToString($0));
  }, requested->c_str());
  requested.reset();
}

void AppHost::ForwardCopyLinkRequest() {
  bool& requested = app_.State().copy_link_requested;
  if (!requested) return;
  requested = false;
  // Only the page knows its own URL: it builds the moment's link and writes the clipboard.
  EM_ASM({
    if (typeof Module["onCopyLink"] === "function") Module["onCopyLink"]();
  });
}

}  // namespace eventlab::platform
