// Everything the page's app is made of, in one instance: the platform seam, the lab (held by the
// bindings' registry so that JS reaches the same lab by its id) and the UI over it. The main loop
// gets this object through emscripten_set_main_loop_arg; JS gets its address as a handle.
#pragma once

#include <cstdint>

#include "platform/web_platform.h"
#include "render/graph_renderer.h"
#include "ui/app.h"

namespace eventlab::platform {

class AppHost {
 public:
  AppHost();
  /// After the platform's GL context exists: builds the graph's shader programs. A failure is
  /// shown in the graph panel (the rest of the app still works).
  void InitGraphics();
  /// One browser frame: new frame, UI, render, then hand picked scenarios to the page.
  void Frame();

  WebPlatform& Platform() { return platform_; }
  ui::App& App() { return app_; }
  /// The bindings' id of the lab the UI shows (labLoad(id, ...) from JS acts on it).
  uint32_t LabId() const { return lab_id_; }
  /// CPU time of the last frame in milliseconds (UI + render command submission).
  double LastFrameMs() const { return last_frame_ms_; }
  /// The last frame's parts: building the UI (ImGui frame and every panel, including the graph's
  /// scene), and submitting the draw calls (ImGui's and the graph renderer's), in milliseconds.
  double LastUiMs() const { return last_ui_ms_; }
  double LastSubmitMs() const { return last_submit_ms_; }
  /// Instances the graph renderer drew last frame (edges + nodes + particles).
  int GraphInstances() const { return graph_renderer_.LastInstanceCount(); }

 private:
  void EnsureLab();
  void ForwardScenarioRequest();
  void ForwardCopyLinkRequest();

  WebPlatform platform_;
  uint32_t lab_id_;
  ui::App app_;
  render::GraphRenderer graph_renderer_;
  double last_frame_ms_ = 0.0;
  double last_ui_ms_ = 0.0, last_submit_ms_ = 0.0;
};

}  // namespace eventlab::platform
