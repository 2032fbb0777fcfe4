// The keyboard help overlay (toggled with ? or H).
#include "imgui.h"
#include "ui/panels.h"
#include "ui/style.h"

namespace eventlab::ui {

void DrawHelpOverlay(UiState& state) {
  const ImVec2 display = ImGui::GetIO().DisplaySize;
  ImGui::SetNextWindowPos(ImVec2(display.x * 0.5f, display.y * 0.5f), ImGuiCond_Always, ImVec2(0.5f, 0.5f));
  ImGui::SetNextWindowFocus();
  const ImGuiWindowFlags flags = ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoCollapse |
                                 ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings;
  if (ImGui::Begin("Keyboard shortcuts", &state.show_help, flags)) {
    static constexpr const char* kShortcuts[][2] = {
        {"Space or Right", "deliver the next event"},
        {"Shift+Space or Left", "step back one delivery"},
        {"Home / End", "go to the start / the end of the run"},
        {"R", "run / pause at the chosen rate"},
        {"W", "why? highlight the selected event's causes"},
        {"F", "fit the graph to its panel (or double-click it)"},
        {"T", "switch between the dark and light theme"},
        {"? or H", "show / hide this help"},
        {"Esc", "close this help"},
    };
    if (ImGui::BeginTable("shortcuts", 2)) {
      for (const auto& row : kShortcuts) {
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::TextColored(kAccentColor, "%s", row[0]);
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(row[1]);
      }
      ImGui::EndTable();
    }
    ImGui::TextColored(kMutedColor, "Graph: drag to pan, wheel to zoom, drag a node to move it, click an event to inspect it.");
    ImGui::TextColored(kMutedColor, "The timeline under the buttons goes to any step, backwards or forwards.");
    ImGui::TextColored(kMutedColor, "The page's JS drives the same lab: window.eventlab.");
  }
  ImGui::End();
}

}  // namespace eventlab::ui
