// The controls bar: Step back, Step, Run/Pause at a rate, Reset with a seed, and where the run is.
#include <string>

#include "imgui.h"
#include "ui/commands.h"
#include "ui/panels.h"
#include "ui/style.h"
#include "ui/time_text.h"

namespace eventlab::ui {

void RecordWidget(UiState& state, const char* name) {
  const ImVec2 min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();
  state.widget_rects[name] = WidgetRect{min.x, min.y, max.x - min.x, max.y - min.y};
}

void DrawControlsPanel(api::Lab& lab, UiState& state, const PanelRect& where) {
  PlaceNextWindow(where);
  const auto* scenario = lab.Scenario();
  const std::string title = std::string("eventlab") + (scenario ? "  -  " + scenario->title : "") + "###controls";
  if (ImGui::Begin(title.c_str(), nullptr, kPanelFlags)) {
    ImGui::BeginDisabled(!lab.Loaded());
    ImGui::BeginDisabled(lab.Delivered() == 0);
    if (ImGui::Button("Step back")) CommandStepBack(lab, state);
    RecordWidget(state, "step_back");
    ImGui::EndDisabled();
    ImGui::SameLine();
    ImGui::BeginDisabled(!lab.CanStep() && !state.running);
    if (ImGui::Button("Step")) CommandStep(lab, state);
    RecordWidget(state, "step");
    ImGui::SameLine();
    if (ImGui::Button(state.running ? "Pause###run" : "Run###run")) CommandToggleRun(lab, state);
    RecordWidget(state, "run");
    ImGui::EndDisabled();
    ImGui::SameLine();
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 9);
    ImGui::SliderFloat("events/s", &state.rate_events_per_s, 1.0f, 1000.0f, "%.0f", ImGuiSliderFlags_Logarithmic);
    ImGui::SameLine();
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 7);
    ImGui::InputScalar("seed", ImGuiDataType_U32, &state.seed_input);
    RecordWidget(state, "seed");
    ImGui::SameLine();
    if (ImGui::Button("Reset")) CommandReset(lab, state);
    RecordWidget(state, "reset");
    ImGui::EndDisabled();
    ImGui::SameLine();
    ImGui::TextDisabled("(?) shortcuts: H");

    if (!lab.Loaded()) {
      ImGui::TextColored(kMutedColor, "No scenario loaded yet: pick one on the left.");
    } else {
      const uint64_t pending = lab.PendingCount();
      ImGui::Text("t = %s", SecondsText(lab.NowUs()).c_str());
      ImGui::SameLine();
      ImGui::TextColored(kMutedColor, "| delivered %llu | pending %u | seed %u%s",
                         static_cast<unsigned long long>(lab.Delivered()), static_cast<unsigned>(pending),
                         lab.Seed(), state.running ? " | running" : "");
      if (lab.HitEventLimit()) {
        ImGui::SameLine();
        ImGui::TextColored(kErrorColor, "| stopped at the scenario's max_events");
      } else if (pending == 0) {
        ImGui::SameLine();
        ImGui::TextColored(kAccentColor, "| finished: nothing pending");
      }
    }
  }
  ImGui::End();
}

}  // namespace eventlab::ui
