// One UI frame: keep the selection in step with the lab (which JS may have changed since the last
// frame), run at the chosen rate, then lay out and draw every panel.
#include "ui/app.h"

#include <algorithm>
#include <cmath>

#include "imgui.h"
#include "ui/commands.h"
#include "ui/panels.h"
#include "ui/scenario_index.h"
#include "ui/style.h"

namespace eventlab::ui {

namespace {
// A frame never delivers more than this, however long it was: the page stays responsive.
constexpr uint64_t kMaxEventsPerFrame = 2000;
}  // namespace

void App::Frame(double dt_s, float scale) {
  ++frames_;
  if (scale != style_scale_ || state_.theme != style_theme_) {
    ApplyStyle(scale, state_.theme);
    style_scale_ = scale;
    style_theme_ = state_.theme;
  }
  state_.widget_rects.clear();

  HandleShortcuts(*lab_, state_);
  AdvanceRun(dt_s);
  SyncWithLab();
  if (state_.embed_view.empty()) DrawFullApp(dt_s);
  else DrawEmbed(dt_s);
  if (state_.show_help) DrawHelpOverlay(state_);
}

void App::DrawFullApp(double dt_s) {
  const ImVec2 display = ImGui::GetIO().DisplaySize;
  state_.narrow = display.x < kNarrowCssWidth * style_scale_;
  if (state_.narrow) {
    DrawNarrowApp(dt_s);
    return;
  }
  const Layout layout = ComputeLayout(display, BannerLines(state_), state_.controls_height);
  DrawControlsPanel(*lab_, state_, layout.controls);
  if (!state_.load_error.empty()) DrawErrorBanner(state_, layout.banner);
  DrawScenarioPicker(*lab_, state_, layout.scenarios);
  DrawPendingPanel(*lab_, layout.pending);
  DrawGraphPanel(*lab_, state_, cache_, layout.graph, dt_s);
  DrawTimelineTabs(*lab_, state_, cache_, layout.lower);
  DrawInspectorPanel(*lab_, state_, layout.inspector);
  DrawResourcesPanel(*lab_, state_, cache_, layout.resources);
}

void App::DrawNarrowApp(double dt_s) {
  const Layout layout = ComputeNarrowLayout(ImGui::GetIO().DisplaySize, BannerLines(state_), state_.controls_height);
  DrawControlsPanel(*lab_, state_, layout.controls);
  if (!state_.load_error.empty()) DrawErrorBanner(state_, layout.banner);
  DrawNarrowTabs(state_, layout.tabs);
  const std::string& v = state_.narrow_view;
  if (v == "sequence") DrawSequencePanel(*lab_, state_, cache_, layout.embed);
  else if (v == "trace") DrawTracePanel(*lab_, state_, layout.embed);
  else if (v == "inspector") DrawInspectorPanel(*lab_, state_, layout.embed);
  else if (v == "resources") DrawResourcesPanel(*lab_, state_, cache_, layout.embed);
  else if (v == "scenarios") {
    DrawScenarioPicker(*lab_, state_, layout.scenarios);
    DrawPendingPanel(*lab_, layout.pending);
  } else {
    DrawGraphPanel(*lab_, state_, cache_, layout.embed, dt_s);
  }
}

void App::DrawEmbed(double dt_s) {
  const Layout layout = ComputeEmbedLayout(ImGui::GetIO().DisplaySize, BannerLines(state_));
  DrawEmbedControls(*lab_, state_, layout.controls);
  if (!state_.load_error.empty()) DrawErrorBanner(state_, layout.banner);
  const std::string& v = state_.embed_view;
  if (v == "graph") DrawGraphPanel(*lab_, state_, cache_, layout.embed, dt_s);
  else if (v == "sequence") DrawSequencePanel(*lab_, state_, cache_, layout.embed);
  else if (v == "trace") DrawTracePanel(*lab_, state_, layout.embed);
  else if (v == "inspector") DrawInspectorPanel(*lab_, state_, layout.embed);
  else if (v == "resources") DrawResourcesPanel(*lab_, state_, cache_, layout.embed);
}

bool App::SetEmbedView(std::string_view view) {
  static constexpr const char* kViews[] = {"", "graph", "sequence", "trace", "inspector", "resources"};
  for (const char* known : kViews) {
    if (view == known) {
      state_.embed_view = std::string(view);
      return true;
    }
  }
  return false;
}

void App::AdvanceRun(double dt_s) {
  if (!state_.running) return;
  if (state_.rate_in_sim_time) {
    // run_budget is the simulated clock the run has reached; deliveries catch up with it.
    state_.run_budget = std::max(state_.run_budget, static_cast<double>(lab_->NowUs()));
    state_.run_budget += std::max(0.0, dt_s) * state_.rate_sim_s_per_s * 1e6;
    lab_->RunUntil(static_cast<int64_t>(state_.run_budget), kMaxEventsPerFrame);
    if (!lab_->CanStep()) state_.running = false;
    state_.follow_latest = true;
    return;
  }
  state_.run_budget += std::max(0.0, dt_s) * state_.rate_events_per_s;
  const uint64_t due = std::min<uint64_t>(static_cast<uint64_t>(std::floor(state_.run_budget)), kMaxEventsPerFrame);
  state_.run_budget -= static_cast<double>(due);
  for (uint64_t i = 0; i < due; ++i) {
    if (!lab_->CanStep() || !lab_->Step()) {
      state_.running = false;
      break;
    }
  }
  state_.follow_latest = true;
}

void App::SyncWithLab() {
  // A new scenario (from the picker or from JS): fresh selection, its seed, no stale banner.
  const void* scenario = lab_->Scenario();
  if (scenario != seen_scenario_) {
    seen_scenario_ = scenario;
    SetSeedField(state_, lab_->Seed());
    state_.selected_seq = 0;
    state_.selected_pending_id = 0;
    state_.why_seq = 0;
    state_.selected_node.clear();
    state_.follow_latest = true;
    state_.running = false;
    state_.camera.fit_pending = true;
  }
  if (lab_->Seed() != seen_seed_) {  // a reset with another seed, from JS or the UI
    seen_seed_ = lab_->Seed();
    SetSeedField(state_, seen_seed_);
  }
  const uint64_t delivered = lab_->Delivered();
  if (delivered != seen_delivered_) {
    seen_delivered_ = delivered;
    if (state_.follow_latest) state_.scroll_to_selected = true;
  }
  if (state_.follow_latest || state_.selected_seq > delivered) state_.selected_seq = delivered;
  if (!lab_->CanStep()) state_.running = false;
}

void App::SetLoadResult(std::string_view file, std::string_view error, std::vector<std::string> problems) {
  state_.load_error = std::string(error);
  state_.load_problems = std::move(problems);
  state_.show_all_problems = false;
  if (error.empty()) {
    state_.current_file = std::string(file);
    state_.load_problems.clear();
  } else if (!file.empty()) {
    state_.load_error = std::string(file) + ": " + state_.load_error;
  }
}

void App::ShowProblems(std::string_view headline, std::vector<std::string> problems) {
  state_.load_error = std::string(headline);
  state_.load_problems = std::move(problems);
  state_.show_all_problems = false;
}

bool App::SetScenarioIndex(std::string_view index_json) {
  auto entries = ParseScenarioIndex(index_json);
  if (!entries) return false;
  state_.scenarios = std::move(*entries);
  return true;
}

}  // namespace eventlab::ui
