// Embed mode (web/embed.html): a strip with step back, run, step and the timeline, and one view
// below it, for an iframe on a documentation page.
#include "imgui.h"
#include "ui/commands.h"
#include "ui/panels.h"
#include "ui/style.h"
#include "ui/time_text.h"

namespace eventlab::ui {

void DrawEmbedControls(api::Lab& lab, UiState& state, const PanelRect& where) {
  PlaceNextWindow(where);
  const ImGuiWindowFlags flags = kPanelFlags | ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoScrollbar;
  if (ImGui::Begin("###embed_controls", nullptr, flags)) {
    ImGui::BeginDisabled(!lab.Loaded());
    ImGui::BeginDisabled(lab.Delivered() == 0);
    if (ImGui::Button("<")) CommandStepBack(lab, state);
    RecordWidget(state, "step_back");
    ImGui::EndDisabled();
    ImGui::SameLine();
    const bool at_end = lab.Loaded() && !lab.CanStep();
    if (ImGui::Button(state.running ? "Pause###run" : at_end ? "Replay###run" : "Play###run")) CommandToggleRun(lab, state);
    RecordWidget(state, "run");
    ImGui::SameLine();
    ImGui::BeginDisabled(!lab.CanStep());
    if (ImGui::Button(">")) CommandStep(lab, state);
    RecordWidget(state, "step");
    ImGui::EndDisabled();
    ImGui::EndDisabled();
    ImGui::SameLine();
    const auto* scenario = lab.Scenario();
    const char* title = scenario ? scenario->title.c_str() : state.load_error.empty() ? "loading..." : "no scenario";
    ImGui::TextColored(kMutedColor, "%s  t = %s", title, ClockText(lab.NowUs()).c_str());
    DrawTimeline(lab, state);
  }
  ImGui::End();
}

}  // namespace eventlab::ui
