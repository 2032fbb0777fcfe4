// The controls bar: Step back, Step, Run/Pause at a rate (events or simulated seconds per second),
// Reset with a seed, the theme, the timeline over the whole run, and where the run is.
#include <cstdio>
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

namespace {

void DrawRateControl(UiState& state) {
  const float em = ImGui::GetFontSize();
  ImGui::SetNextItemWidth(em * 8);
  if (state.rate_in_sim_time) {
    ImGui::SliderFloat("###rate", &state.rate_sim_s_per_s, 0.01f, 600.0f, "%.2f sim s/s", ImGuiSliderFlags_Logarithmic);
  } else {
    ImGui::SliderFloat("###rate", &state.rate_events_per_s, 1.0f, 1000.0f, "%.0f events/s", ImGuiSliderFlags_Logarithmic);
  }
  RecordWidget(state, "rate");
  ImGui::SameLine();
  if (ImGui::SmallButton(state.rate_in_sim_time ? "sim time###rate_unit" : "events###rate_unit")) {
    state.rate_in_sim_time = !state.rate_in_sim_time;
    state.running = false;
  }
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("Run at a number of events per second, or at a pace of simulated time");
}

}  // namespace

void DrawTimeline(api::Lab& lab, UiState& state) {
  const uint64_t total = lab.Loaded() ? lab.RunLength() : 0;
  const uint64_t zero = 0;
  uint64_t at = lab.Delivered();
  char format[96];
  snprintf(format, sizeof format, "step %%llu of %llu", static_cast<unsigned long long>(total));
  ImGui::BeginDisabled(total == 0);
  if (ImGui::SmallButton("|<")) CommandSeek(lab, state, 0);
  RecordWidget(state, "timeline_start");
  ImGui::SameLine();
  ImGui::SetNextItemWidth(-ImGui::GetFontSize() * 2.5f);
  if (ImGui::SliderScalar("###timeline", ImGuiDataType_U64, &at, &zero, &total, format)) CommandSeek(lab, state, at);
  RecordWidget(state, "timeline");
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("Drag to any step: the simulation is restored exactly there");
  ImGui::SameLine();
  if (ImGui::SmallButton(">|")) CommandSeek(lab, state, total);
  RecordWidget(state, "timeline_end");
  ImGui::EndDisabled();
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
    DrawRateControl(state);
    ImGui::SameLine();
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 7);
    ImGui::InputScalar("seed", ImGuiDataType_U32, &state.seed_input);
    RecordWidget(state, "seed");
    ImGui::SameLine();
    if (ImGui::Button("Reset")) CommandReset(lab, state);
    RecordWidget(state, "reset");
    ImGui::EndDisabled();
    ImGui::SameLine();
    if (ImGui::Button(state.theme == view::Theme::kDark ? "Light theme" : "Dark theme")) CommandToggleTheme(state);
    RecordWidget(state, "theme");
    ImGui::SameLine();
    if (ImGui::Button("Help (H)")) state.show_help = !state.show_help;
    RecordWidget(state, "help");
    DrawTimeline(lab, state);

    if (!lab.Loaded()) {
      ImGui::TextColored(kMutedColor, "No scenario loaded yet: pick one on the left.");
    } else {
      const uint64_t pending = lab.PendingCount();
      ImGui::Text("t = %s", ClockText(lab.NowUs()).c_str());
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
