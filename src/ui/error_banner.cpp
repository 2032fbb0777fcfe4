// The banner for a scenario that failed to load, or a link that could not be followed: the
// headline, the first problem, and every problem on demand. The previous scenario stays loaded.
#include <string>

#include "imgui.h"
#include "ui/panels.h"
#include "ui/style.h"

namespace eventlab::ui {

void DrawErrorBanner(UiState& state, const PanelRect& where) {
  PlaceNextWindow(where);
  ImGui::PushStyleColor(ImGuiCol_WindowBg, ImVec4(0.36f, 0.10f, 0.10f, 1.0f));
  ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(1.0f, 0.93f, 0.92f, 1.0f));
  const ImGuiWindowFlags flags = kPanelFlags | ImGuiWindowFlags_NoTitleBar;
  if (ImGui::Begin("##load-error", nullptr, flags)) {
    if (ImGui::Button("Dismiss")) {
      state.load_error.clear();
      state.load_problems.clear();
    }
    RecordWidget(state, "dismiss_error");
    const size_t n = state.load_problems.size();
    if (n > 1) {
      ImGui::SameLine();
      const std::string label = state.show_all_problems ? "Show fewer###all_problems"
                                                        : "Show all " + std::to_string(n) + " problems###all_problems";
      if (ImGui::Button(label.c_str())) state.show_all_problems = !state.show_all_problems;
      RecordWidget(state, "error_all_problems");
    }
    ImGui::SameLine();
    ImGui::TextWrapped("%s", state.load_error.c_str());
    const size_t shown = state.show_all_problems ? n : std::min<size_t>(n, 1);
    for (size_t i = 0; i < shown; ++i) ImGui::BulletText("%s", state.load_problems[i].c_str());
    ImGui::TextColored(kMutedColor, "The previous scenario is still loaded.");
  }
  ImGui::End();
  ImGui::PopStyleColor(2);
}

}  // namespace eventlab::ui
