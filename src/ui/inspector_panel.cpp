// The inspector: the selected delivery's header (what, when, who), a link to the event that
// caused it, and its payload and error as JSON trees.
#include <string>

#include "core/trace.h"
#include "imgui.h"
#include "ui/commands.h"
#include "ui/json_tree.h"
#include "ui/panels.h"
#include "ui/style.h"
#include "ui/time_text.h"

namespace eventlab::ui {

namespace {

/// The delivery seq of the event with this id, or 0 if it is not in the trace.
uint64_t SeqOfEvent(const std::vector<core::TraceRecord>& trace, uint64_t id) {
  for (const auto& r : trace)
    if (r.event.id == id) return r.seq;
  return 0;
}

}  // namespace

void DrawInspectorPanel(const api::Lab& lab, UiState& state, const PanelRect& where) {
  PlaceNextWindow(where);
  if (ImGui::Begin("Inspector", nullptr, kPanelFlags)) {
    const auto& trace = lab.Trace();
    if (state.selected_seq == 0 || state.selected_seq > trace.size()) {
      ImGui::TextColored(kMutedColor, "Select a delivery in the trace.");
      ImGui::End();
      return;
    }
    const core::TraceRecord& r = trace[state.selected_seq - 1];
    const core::Event& e = r.event;
    ImGui::Text("#%llu  %s", static_cast<unsigned long long>(r.seq), e.kind.c_str());
    ImGui::TextColored(kMutedColor, "at %s   %s -> %s", SecondsText(e.time.us).c_str(), e.from.c_str(), e.to.c_str());
    ImGui::TextColored(kMutedColor, "event id %llu", static_cast<unsigned long long>(e.id));
    if (e.parent) {
      const uint64_t cause = SeqOfEvent(trace, *e.parent);
      ImGui::SameLine();
      if (cause > 0) {
        char label[48];
        snprintf(label, sizeof label, "caused by #%llu", static_cast<unsigned long long>(cause));
        if (ImGui::SmallButton(label)) CommandSelect(state, cause);
        RecordWidget(state, "inspector_cause");
      } else {
        ImGui::TextColored(kMutedColor, "caused by event %llu", static_cast<unsigned long long>(*e.parent));
      }
    }
    ImGui::Separator();
    if (e.error) {
      const nlohmann::json error = {{"code", e.error->code}, {"message", e.error->message}, {"status", e.error->status}};
      ImGui::PushStyleColor(ImGuiCol_Text, kErrorColor);
      DrawJsonTree("error", error);
      ImGui::PopStyleColor();
    }
    DrawJsonTree("payload", e.payload, 3);
    if (ImGui::CollapsingHeader("As a trace line")) {
      ImGui::PushTextWrapPos(0.0f);
      ImGui::TextUnformatted(core::TraceLine(r).c_str());
      ImGui::PopTextWrapPos();
    }
  }
  ImGui::End();
}

}  // namespace eventlab::ui
