// The banner for a scenario that failed to load. The previous scenario stays loaded and usable.
#include "imgui.h"
#include "ui/panels.h"
#include "ui/style.h"

namespace eventlab::ui {

void DrawErrorBanner(UiState& state, const PanelRect& where) {
  PlaceNextWindow(where);
  ImGui::PushStyleColor(ImGuiCol_WindowBg, ImVec4(0.36f, 0.10f, 0.10f, 1.0f));
  const ImGuiWindowFlags flags = kPanelFlags | ImGuiWindowFlags_NoTitleBar;
  if (ImGui::Begin("##load-error", nullptr, flags)) {
    if (ImGui::Button("Dismiss")) state.load_error.clear();
    RecordWidget(state, "dismiss_error");
    ImGui::SameLine();
    ImGui::TextColored(kErrorColor, "Load failed:");
    ImGui::SameLine();
    ImGui::TextWrapped("%s", state.load_error.c_str());
    ImGui::TextColored(kMutedColor, "The previous scenario is still loaded.");
  }
  ImGui::End();
  ImGui::PopStyleColor();
}

}  // namespace eventlab::ui
