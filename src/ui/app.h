// The app: the UI state over one lab, and one Frame() that draws every panel. The platform layer
// owns the App and the lab (a lab of the bindings' registry, so JS drives the very same one) and
// calls Frame() once per browser frame.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "api/lab.h"
#include "ui/ui_state.h"
#include "ui/view_cache.h"

namespace eventlab::ui {

class App {
 public:
  explicit App(api::Lab& lab) : lab_(&lab) {}
  /// Points the UI at another lab (the page disposed of the old one from JS).
  void Rebind(api::Lab& lab) { lab_ = &lab; seen_scenario_ = nullptr; }

  /// Handles shortcuts, advances a running simulation by `dt_s` seconds of wall time and draws
  /// the panels. Call between ImGui::NewFrame() and ImGui::Render(). `scale` is the device pixel
  /// ratio the fonts were built for (style sizes follow it).
  void Frame(double dt_s, float scale);

  api::Lab& Lab() { return *lab_; }
  const api::Lab& Lab() const { return *lab_; }
  UiState& State() { return state_; }
  const UiState& State() const { return state_; }
  uint64_t Frames() const { return frames_; }

  /// The page's load path reports here: the file it loaded (or tried to) and, on failure, why,
  /// with every problem of the scenario ("path: message"; may be empty).
  void SetLoadResult(std::string_view file, std::string_view error, std::vector<std::string> problems = {});
  /// Shows the error banner for something other than a load (a bad link): a headline and every
  /// problem. The run is not touched.
  void ShowProblems(std::string_view headline, std::vector<std::string> problems);
  /// Replaces the picker's list from index.json text; false (list unchanged) if it is malformed.
  bool SetScenarioIndex(std::string_view index_json);
  /// Embed mode: show only `view` ("graph", "sequence", "trace", "inspector" or "resources") under
  /// a strip of controls. False (mode unchanged) for an unknown view; "" returns to the full app.
  bool SetEmbedView(std::string_view view);
  /// The renderer the graph draws its shapes with; the platform sets it once GL is up.
  void SetGraphRenderer(render::GraphRenderer* renderer) { cache_.renderer = renderer; }

 private:
  void SyncWithLab();
  void AdvanceRun(double dt_s);
  void DrawFullApp(double dt_s);
  void DrawEmbed(double dt_s);
  void DrawNarrowApp(double dt_s);

  api::Lab* lab_;  ///< never null; not owned
  UiState state_;
  ViewCache cache_;
  view::Theme style_theme_ = view::Theme::kDark;
  uint64_t frames_ = 0;
  float style_scale_ = 0.0f;
  const void* seen_scenario_ = nullptr;  ///< detects loads made from JS
  uint64_t seen_delivered_ = 0;
  uint32_t seen_seed_ = 0;
};

}  // namespace eventlab::ui
