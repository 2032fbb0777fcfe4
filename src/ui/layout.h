// Where each panel goes: a fixed tiling of the display (framebuffer pixels), recomputed every
// frame so the panels follow the canvas size.
#pragma once

#include "imgui.h"
#include "ui/ui_state.h"

namespace eventlab::ui {

/// Below this width (CSS pixels) the page shows one view at a time behind tabs.
inline constexpr float kNarrowCssWidth = 900.0f;

struct PanelRect {
  ImVec2 pos;
  ImVec2 size;
};

struct Layout {
  PanelRect controls;   ///< full width, top
  PanelRect banner;     ///< below the controls, only when a load failed (size.y == 0 otherwise)
  PanelRect scenarios;  ///< left column, top
  PanelRect pending;    ///< left column, bottom
  PanelRect graph;      ///< centre, top: the architecture graph
  PanelRect lower;      ///< centre, bottom: sequence diagram and trace tabs
  PanelRect embed;      ///< embed and narrow modes: the one view below the controls (and tabs)
  PanelRect tabs;       ///< narrow mode: the strip of view tabs
  PanelRect inspector;  ///< right column, top
  PanelRect resources;  ///< right column, bottom
};

/// Rows of text the error banner needs (0 without an error): the headline, every problem when
/// expanded, and its buttons.
int BannerLines(const UiState& state);

/// Tiles `display` for the current style and font, with room for `banner_lines` of error banner
/// and for the controls' content (`controls_height`, as measured last frame; 0 if unknown).
Layout ComputeLayout(ImVec2 display, int banner_lines, float controls_height);
/// Narrow screens: the controls (wrapped onto more rows: `controls_height` is what they needed
/// last frame, 0 if unknown), a strip of tabs and one view.
Layout ComputeNarrowLayout(ImVec2 display, int banner_lines, float controls_height);
/// Embed mode: a strip of controls on top and one view below it.
Layout ComputeEmbedLayout(ImVec2 display, int banner_lines);

/// Places the next ImGui window at `r`, fixed (no move, resize or collapse).
void PlaceNextWindow(const PanelRect& r);
inline constexpr ImGuiWindowFlags kPanelFlags =
    ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoCollapse |
    ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus;

}  // namespace eventlab::ui
