// Where each panel goes: a fixed tiling of the display (framebuffer pixels), recomputed every
// frame so the panels follow the canvas size.
#pragma once

#include "imgui.h"

namespace eventlab::ui {

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
  PanelRect embed;      ///< embed mode: everything below the controls
  PanelRect inspector;  ///< right column, top
  PanelRect resources;  ///< right column, bottom
};

/// Tiles `display` for the current style and font. `with_banner` makes room for the error banner.
Layout ComputeLayout(ImVec2 display, bool with_banner);
/// Embed mode: a strip of controls on top and one view below it.
Layout ComputeEmbedLayout(ImVec2 display);

/// Places the next ImGui window at `r`, fixed (no move, resize or collapse).
void PlaceNextWindow(const PanelRect& r);
inline constexpr ImGuiWindowFlags kPanelFlags =
    ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoCollapse |
    ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus;

}  // namespace eventlab::ui
