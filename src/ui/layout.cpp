// The panel tiling: controls and the timeline across the top, scenarios and pending events on the
// left, the architecture graph in the middle above the sequence diagram and trace, the inspector
// above the resources on the right. Sizes come from the font so HiDPI scales them.
#include "ui/layout.h"

#include <algorithm>
#include <cmath>

#include "ui/panels.h"

namespace eventlab::ui {

namespace {

// The banner never takes more than this many rows; past it, it scrolls.
constexpr int kMaxBannerLines = 8;

float Gap() { return std::max(1.0f, ImGui::GetStyle().ItemSpacing.y * 0.5f); }

/// Places the banner at `top` (if any) and returns the top of what comes below it.
float PlaceBanner(Layout& l, ImVec2 display, float top, int banner_lines) {
  if (banner_lines <= 0) return top;
  const ImGuiStyle& style = ImGui::GetStyle();
  const float h = ImGui::GetFrameHeightWithSpacing() * static_cast<float>(std::min(banner_lines, kMaxBannerLines)) +
                  style.WindowPadding.y * 2;
  l.banner = {{0, top}, {display.x, h}};
  return top + h + Gap();
}

/// The controls window: as tall as its content was last frame (rows wrap on narrow screens, the
/// seed field may add its message), or `rows` rows under the title bar until it has been drawn.
float ControlsHeight(int rows, float measured) {
  if (measured > 0) return measured;
  const ImGuiStyle& style = ImGui::GetStyle();
  const float title_h = ImGui::GetFontSize() + style.FramePadding.y * 2;
  return title_h + ImGui::GetFrameHeightWithSpacing() * static_cast<float>(rows) + style.WindowPadding.y * 2;
}

}  // namespace

int BannerLines(const UiState& state) {
  if (state.load_error.empty()) return 0;
  const int problems = static_cast<int>(state.load_problems.size());
  return 2 + (state.show_all_problems ? problems : std::min(problems, 1));
}

Layout ComputeLayout(ImVec2 display, int banner_lines, float controls_height) {
  const float row_h = ImGui::GetFrameHeightWithSpacing();
  const float gap = Gap();

  Layout l;
  const float controls_h = ControlsHeight(3, controls_height);
  l.controls = {{0, 0}, {display.x, controls_h}};
  float top = PlaceBanner(l, display, controls_h + gap, banner_lines);
  const float body_h = std::max(display.y - top, row_h * 4);
  const float left_w = std::clamp(display.x * 0.24f, ImGui::GetFontSize() * 14, ImGui::GetFontSize() * 24);
  const float rest_w = std::max(display.x - left_w - gap * 2, 0.0f);
  const float trace_w = std::floor(rest_w * 0.62f);
  const float scenarios_h = std::floor(body_h * 0.36f);

  l.scenarios = {{0, top}, {left_w, scenarios_h}};
  l.pending = {{0, top + scenarios_h + gap}, {left_w, body_h - scenarios_h - gap}};
  const float graph_h = std::floor(body_h * 0.56f);
  l.graph = {{left_w + gap, top}, {trace_w, graph_h}};
  l.lower = {{left_w + gap, top + graph_h + gap}, {trace_w, body_h - graph_h - gap}};
  const float inspector_h = std::floor(body_h * 0.45f);
  l.inspector = {{left_w + gap * 2 + trace_w, top}, {rest_w - trace_w, inspector_h}};
  l.resources = {{left_w + gap * 2 + trace_w, top + inspector_h + gap}, {rest_w - trace_w, body_h - inspector_h - gap}};
  return l;
}

Layout ComputeNarrowLayout(ImVec2 display, int banner_lines, float controls_height) {
  const ImGuiStyle& style = ImGui::GetStyle();
  const float row_h = ImGui::GetFrameHeightWithSpacing();
  const float gap = Gap();
  Layout l;
  const float controls_h = ControlsHeight(6, controls_height);
  l.controls = {{0, 0}, {display.x, controls_h}};
  float top = PlaceBanner(l, display, controls_h + gap, banner_lines);
  const float tabs_h = row_h * static_cast<float>(NarrowTabRows(display.x)) + style.WindowPadding.y * 2;
  l.tabs = {{0, top}, {display.x, tabs_h}};
  top += tabs_h + gap;
  const float body_h = std::max(display.y - top, row_h * 3);
  l.embed = {{0, top}, {display.x, body_h}};
  const float scenarios_h = std::floor(body_h * 0.5f);
  l.scenarios = {{0, top}, {display.x, scenarios_h}};
  l.pending = {{0, top + scenarios_h + gap}, {display.x, body_h - scenarios_h - gap}};
  return l;
}

Layout ComputeEmbedLayout(ImVec2 display, int banner_lines) {
  const ImGuiStyle& style = ImGui::GetStyle();
  const float controls_h = ImGui::GetFrameHeightWithSpacing() * 2 + style.WindowPadding.y * 2;
  Layout l;
  l.controls = {{0, 0}, {display.x, controls_h}};
  const float top = PlaceBanner(l, display, controls_h, banner_lines);
  l.embed = {{0, top}, {display.x, std::max(display.y - top, 1.0f)}};
  return l;
}

void PlaceNextWindow(const PanelRect& r) {
  ImGui::SetNextWindowPos(r.pos, ImGuiCond_Always);
  ImGui::SetNextWindowSize(r.size, ImGuiCond_Always);
}

}  // namespace eventlab::ui
