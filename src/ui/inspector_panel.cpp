// The inspector: the selected delivery's header (what, when, who), a link to the event that
// caused it, the "why?" chain back to the root cause, and its payload and error as JSON trees.
// An event picked in flight on the graph is shown the same way until it is delivered.
#include <cstdio>
#include <string>
#include <vector>

#include "core/trace.h"
#include "imgui.h"
#include "ui/commands.h"
#include "ui/json_tree.h"
#include "ui/jwt_inspector.h"
#include "ui/panels.h"
#include "ui/style.h"
#include "ui/time_text.h"
#include "core/json_bounds.h"

namespace eventlab::ui {

namespace {

/// The delivery seq of the event with this id, or 0 if it is not in the trace.
uint64_t SeqOfEvent(const std::vector<core::TraceRecord>& trace, uint64_t id) {
  for (const auto& r : trace)
    if (r.event.id == id) return r.seq;
  return 0;
}

/// An event's error (red) and payload as JSON trees.
void DrawErrorAndPayload(const core::Event& e) {
  if (e.error) {
    const nlohmann::json error = {{"code", e.error->code}, {"message", e.error->message}, {"status", e.error->status}};
    ImGui::PushStyleColor(ImGuiCol_Text, kErrorColor);
    DrawJsonTree("error", error);
    ImGui::PopStyleColor();
  }
  DrawJsonTree("payload", e.payload, 3);
}

void DrawPendingEvent(const api::Lab& lab, UiState& state) {
  for (const core::Event* pending : lab.PendingView()) {
    const core::Event& e = *pending;
    if (e.id != state.selected_pending_id) continue;
    ImGui::Text("in flight  %s", e.kind.c_str());
    ImGui::TextColored(kMutedColor, "due at %s   %s -> %s", ClockText(e.time.us).c_str(), e.from.c_str(), e.to.c_str());
    ImGui::TextColored(kMutedColor, "event id %llu: not delivered yet", static_cast<unsigned long long>(e.id));
    ImGui::Separator();
    DrawErrorAndPayload(e);
    return;
  }
  state.selected_pending_id = 0;  // delivered or gone since: back to the trace's selection
}

/// The "why?" chain: every cause of the selected delivery, root first, each one clickable.
void DrawWhyChain(const api::Lab& lab, UiState& state, uint64_t seq) {
  const bool shown = state.why_seq == seq;
  if (ImGui::SmallButton(shown ? "Why? (hide)" : "Why?")) CommandToggleWhy(state);
  RecordWidget(state, "inspector_why");
  if (!shown) return;
  const auto& trace = lab.Trace();
  const std::vector<uint64_t> chain = lab.Why(seq);
  ImGui::TextColored(kAccentColor, "caused by, from the root (highlighted on the graph):");
  for (uint64_t s : chain) {
    const core::Event& e = trace[s - 1].event;
    char label[160];
    snprintf(label, sizeof label, "#%llu %s  %s -> %s###why%llu", static_cast<unsigned long long>(s), e.kind.c_str(),
             e.from.c_str(), e.to.c_str(), static_cast<unsigned long long>(s));
    if (ImGui::Selectable(label, s == state.selected_seq)) {
      CommandSelect(state, s);
      state.why_seq = seq;  // keep showing the chain being walked
    }
  }
}

}  // namespace

void DrawInspectorPanel(api::Lab& lab, UiState& state, const PanelRect& where) {
  PlaceNextWindow(where);
  if (ImGui::Begin("Inspector", nullptr, kPanelFlags)) {
    const auto& trace = lab.Trace();
    if (state.selected_pending_id != 0) DrawPendingEvent(lab, state);
    if (state.selected_pending_id != 0) {
      ImGui::End();
      return;
    }
    if (state.selected_seq == 0 || state.selected_seq > trace.size()) {
      ImGui::TextColored(kMutedColor, "Select a delivery in the trace.");
      ImGui::End();
      return;
    }
    const core::TraceRecord& r = trace[state.selected_seq - 1];
    const core::Event& e = r.event;
    ImGui::Text("#%llu  %s", static_cast<unsigned long long>(r.seq), e.kind.c_str());
    ImGui::TextColored(kMutedColor, "at %s   %s -> %s", ClockText(e.time.us).c_str(), e.from.c_str(), e.to.c_str());
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
    DrawWhyChain(lab, state, r.seq);
    ImGui::SameLine();
    // Both go to the system clipboard through ImGui's clipboard (the platform's, web/clipboard.mjs).
    if (ImGui::SmallButton("Copy JSON")) ImGui::SetClipboardText(core::TraceJson(r).dump(2, ' ', false, nlohmann::json::error_handler_t::replace).c_str());
    RecordWidget(state, "inspector_copy_json");
    ImGui::SameLine();
    if (ImGui::SmallButton("Copy trace line")) ImGui::SetClipboardText(core::TraceLine(r).c_str());
    RecordWidget(state, "inspector_copy_line");
    ImGui::Separator();
    DrawJwtInspector(lab, state, e);  // before the payload: a verification's checks are long
    DrawErrorAndPayload(e);
    if (ImGui::CollapsingHeader("As a trace line")) {
      ImGui::PushTextWrapPos(0.0f);
      ImGui::TextUnformatted(core::TraceLine(r).c_str());
      ImGui::PopTextWrapPos();
    }
  }
  ImGui::End();
}

}  // namespace eventlab::ui
