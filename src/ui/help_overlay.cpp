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
        {"Space", "deliver the next event"},
        {"Shift+Space", "step back one delivery"},
        {"R", "run / pause at the chosen rate"},
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
    ImGui::TextColored(kMutedColor, "The page's JS drives the same lab: window.eventlab.");
  }
  ImGui::End();
}

}  // namespace eventlab::ui
