// Keyboard shortcuts. Space uses ImGui's key map; letters and '?' come from the typed characters,
// so they follow the user's keyboard layout. Nothing fires while a text field has focus.
#include "imgui.h"
#include "ui/commands.h"
#include "ui/panels.h"

namespace eventlab::ui {

void HandleShortcuts(api::Lab& lab, UiState& state) {
  const ImGuiIO& io = ImGui::GetIO();
  if (io.WantTextInput) return;
  // No key repeat: one press is one step, however slowly frames come.
  if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Space), false)) {
    if (io.KeyShift) CommandStepBack(lab, state);
    else CommandStep(lab, state);
  }
  if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_RightArrow), false)) CommandStep(lab, state);
  if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_LeftArrow), false)) CommandStepBack(lab, state);
  if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Home), false)) CommandSeek(lab, state, 0);
  if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_End), false) && lab.Loaded()) CommandSeek(lab, state, lab.RunLength());
  if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false)) state.show_help = false;
  for (const ImWchar c : io.InputQueueCharacters) {
    if (c == 'r' || c == 'R') CommandToggleRun(lab, state);
    if (c == 'h' || c == 'H' || c == '?') state.show_help = !state.show_help;
    if (c == 'f' || c == 'F') state.camera.fit_pending = true;
    if (c == 'w' || c == 'W') CommandToggleWhy(state);
    if (c == 't' || c == 'T') CommandToggleTheme(state);
  }
}

}  // namespace eventlab::ui
