// The scenario picker: the files listed in scenarios/index.json. Picking one asks the page to
// fetch it; the page then loads it through the same lab API as any JS caller. The scenario's
// description is shown above the graph (story_strip.cpp).
#include <string>

#include "imgui.h"
#include "ui/panels.h"
#include "ui/style.h"

namespace eventlab::ui {

void DrawScenarioPicker(const api::Lab& lab, UiState& state, const PanelRect& where) {
  PlaceNextWindow(where);
  if (ImGui::Begin("Scenarios", nullptr, kPanelFlags)) {
    if (state.scenarios.empty()) ImGui::TextColored(kMutedColor, "Loading the scenario list...");
    for (const ScenarioEntry& entry : state.scenarios) {
      const bool current = lab.Loaded() && entry.file == state.current_file;
      const std::string label = entry.title + "##" + entry.file;
      if (ImGui::Selectable(label.c_str(), current)) state.requested_file = entry.file;
      RecordWidget(state, ("scenario:" + entry.file).c_str());
      // The whole title (a narrow list cuts it) and where it comes from.
      if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s\nscenarios/%s", entry.title.c_str(), entry.file.c_str());
    }
  }
  ImGui::End();
}

}  // namespace eventlab::ui
