// The controls bar: Step back, Step, Run/Pause at a rate (events or simulated seconds per second),
// Reset with a seed, the theme, the timeline over the whole run, and where the run is.
#include <cstdio>
#include <cstring>
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

void SameLineIfFits(float width) {
  const float right = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
  const float next = ImGui::GetItemRectMax().x + ImGui::GetStyle().ItemSpacing.x + width;
  if (next <= right) ImGui::SameLine();
}

void SetSeedField(UiState& state, uint32_t seed) {
  state.seed_input = seed;
  snprintf(state.seed_text, sizeof state.seed_text, "%u", seed);
  state.seed_error.clear();
}

namespace {

float ButtonWidth(const char* label) {
  const char* end = strstr(label, "###");
  return ImGui::CalcTextSize(label, end).x + ImGui::GetStyle().FramePadding.x * 2;
}

// A seed is a whole number from 0 to 2^32-1 (the kernel's seed type); anything else is refused
// with a message instead of being wrapped or clamped.
constexpr uint64_t kMaxSeed = 4294967295ull;

void ParseSeedField(UiState& state) {
  const char* text = state.seed_text;
  uint64_t value = 0;
  bool ok = *text != '\0';
  for (const char* c = text; ok && *c; ++c) {
    if (*c < '0' || *c > '9') ok = false;
    else value = value * 10 + static_cast<uint64_t>(*c - '0');
    if (value > kMaxSeed) ok = false;
  }
  if (ok) {
    state.seed_input = static_cast<uint32_t>(value);
    state.seed_error.clear();
  } else {
    state.seed_error = "The seed must be a whole number from 0 to 4294967295.";
  }
}

void DrawSeedField(UiState& state) {
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 7);
  const bool refused = !state.seed_error.empty();
  if (refused) ImGui::PushStyleColor(ImGuiCol_FrameBg, ImVec4(0.55f, 0.12f, 0.12f, 1.0f));
  // Like a number field: a click selects the whole seed, so typing replaces it.
  if (ImGui::InputText("seed", state.seed_text, sizeof state.seed_text, ImGuiInputTextFlags_AutoSelectAll)) ParseSeedField(state);
  if (refused) ImGui::PopStyleColor();
  RecordWidget(state, "seed");
  if (refused && ImGui::IsItemHovered()) ImGui::SetTooltip("%s", state.seed_error.c_str());
}

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
    ImGui::BeginDisabled(!lab.CanStep());
    if (ImGui::Button("Step")) CommandStep(lab, state);
    RecordWidget(state, "step");
    ImGui::EndDisabled();
    ImGui::SameLine();
    // At the end of the run Play starts it again from the beginning (CommandToggleRun).
    const bool at_end = lab.Loaded() && !lab.CanStep();
    if (ImGui::Button(state.running ? "Pause###run" : at_end ? "Replay###run" : "Run###run")) CommandToggleRun(lab, state);
    RecordWidget(state, "run");
    SameLineIfFits(ImGui::GetFontSize() * 8 + ButtonWidth("sim time") + ImGui::GetStyle().ItemSpacing.x);
    DrawRateControl(state);
    SameLineIfFits(ImGui::GetFontSize() * 7 + ImGui::CalcTextSize("seed").x + ButtonWidth("Reset") +
                   ImGui::GetStyle().ItemSpacing.x * 3);
    DrawSeedField(state);
    ImGui::SameLine();
    ImGui::BeginDisabled(!state.seed_error.empty());
    if (ImGui::Button("Reset")) CommandReset(lab, state);
    RecordWidget(state, "reset");
    ImGui::EndDisabled();
    ImGui::EndDisabled();
    const char* theme_label = state.theme == view::Theme::kDark ? "Light theme" : "Dark theme";
    SameLineIfFits(ButtonWidth(theme_label));
    if (ImGui::Button(theme_label)) CommandToggleTheme(state);
    RecordWidget(state, "theme");
    SameLineIfFits(ButtonWidth("Copy link"));
    ImGui::BeginDisabled(!lab.Loaded());
    if (ImGui::Button("Copy link")) state.copy_link_requested = true;
    RecordWidget(state, "copy_link");
    ImGui::EndDisabled();
    if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) ImGui::SetTooltip("Copy a link that reopens this scenario at this step");
    SameLineIfFits(ButtonWidth("Help (H)"));
    if (ImGui::Button("Help (H)")) state.show_help = !state.show_help;
    RecordWidget(state, "help");
    if (!state.seed_error.empty()) ImGui::TextColored(kErrorColor, "%s", state.seed_error.c_str());
    DrawTimeline(lab, state);

    if (!lab.Loaded()) {
      ImGui::TextColored(kMutedColor, "No scenario loaded yet: pick one on the left.");
    } else {
      const uint64_t pending = lab.PendingCount();
      ImGui::Text("t = %s", ClockText(lab.NowUs()).c_str());
      char counts[96];
      snprintf(counts, sizeof counts, "| delivered %llu | pending %u | seed %u%s",
               static_cast<unsigned long long>(lab.Delivered()), static_cast<unsigned>(pending), lab.Seed(),
               state.running ? " | running" : "");
      SameLineIfFits(ImGui::CalcTextSize(counts).x);
      ImGui::TextColored(kMutedColor, "%s", counts);
      const auto stop = lab.Stopped();
      const std::string end_note = stop ? "| " + stop->message
                                   : pending == 0 ? "| finished: nothing pending (Run replays it)"
                                                  : "";
      if (!end_note.empty()) {
        SameLineIfFits(ImGui::CalcTextSize(end_note.c_str()).x);
        if (stop) ImGui::PushTextWrapPos(0.0f);
        ImGui::TextColored(stop ? kErrorColor : kAccentColor, "%s", end_note.c_str());
        if (stop) ImGui::PopTextWrapPos();
      }
    }
    // Narrow screens wrap the controls onto more rows: the layout sizes the window from this.
    state.controls_height = ImGui::GetCursorPosY() - ImGui::GetStyle().ItemSpacing.y + ImGui::GetStyle().WindowPadding.y;
  }
  ImGui::End();
}

}  // namespace eventlab::ui
