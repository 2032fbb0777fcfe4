// The trace: every delivered event in order. Clicking a row selects it for the inspector; the
// selected row is highlighted and kept in view when it changes.
#include <algorithm>
#include <cstdio>
#include <string>

#include "imgui.h"
#include "ui/commands.h"
#include "ui/panels.h"
#include "ui/style.h"
#include "ui/text_fit.h"
#include "ui/time_text.h"

namespace eventlab::ui {

void DrawTraceView(const api::Lab& lab, UiState& state) {
  const auto& trace = lab.Trace();
  {
    if (trace.empty()) ImGui::TextColored(kMutedColor, lab.Loaded() ? "No deliveries yet: press Space or Step." : "No scenario.");
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY | ImGuiTableFlags_SizingStretchProp;
    if (!trace.empty() && ImGui::BeginTable("trace", 5, flags)) {
      // One format for the whole column; the trace is in time order, so its last time is the widest.
      int decimals = 0;
      for (size_t i = 0; i < trace.size() && decimals < 6; ++i) decimals = std::max(decimals, TimeDecimalsFor(trace[i].event.time.us));
      const float at_w = ImGui::CalcTextSize(FixedSecondsText(trace.back().event.time.us, decimals).c_str()).x;
      char last_seq[32];
      snprintf(last_seq, sizeof last_seq, "%llu", static_cast<unsigned long long>(trace.back().seq));
      ImGui::TableSetupScrollFreeze(0, 1);
      ImGui::TableSetupColumn("#", ImGuiTableColumnFlags_WidthFixed, std::max(ImGui::CalcTextSize(last_seq).x, ImGui::GetFontSize()));
      ImGui::TableSetupColumn("at", ImGuiTableColumnFlags_WidthFixed, at_w);
      ImGui::TableSetupColumn("from", ImGuiTableColumnFlags_WidthStretch, 1.0f);
      ImGui::TableSetupColumn("to", ImGuiTableColumnFlags_WidthStretch, 1.0f);
      ImGui::TableSetupColumn("kind", ImGuiTableColumnFlags_WidthStretch, 1.3f);
      ImGui::TableHeadersRow();
      const float row_h = ImGui::GetTextLineHeightWithSpacing();
      if (state.scroll_to_selected && state.selected_seq > 0) {
        // Rows are one line each, so the selected row's offset is known without drawing it.
        const float y = row_h * static_cast<float>(state.selected_seq - 1);
        const float view = ImGui::GetWindowHeight() - row_h * 2;
        if (y < ImGui::GetScrollY() || y > ImGui::GetScrollY() + view) ImGui::SetScrollY(y - view * 0.5f);
      }
      state.scroll_to_selected = false;
      ImGuiListClipper clipper;
      clipper.Begin(static_cast<int>(trace.size()), row_h);
      while (clipper.Step()) {
        for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
          const core::TraceRecord& r = trace[static_cast<size_t>(i)];
          ImGui::TableNextRow();
          ImGui::TableNextColumn();
          char label[32];
          snprintf(label, sizeof label, "%llu", static_cast<unsigned long long>(r.seq));
          const ImGuiSelectableFlags sel_flags = ImGuiSelectableFlags_SpanAllColumns;
          if (ImGui::Selectable(label, r.seq == state.selected_seq, sel_flags)) CommandSelect(state, r.seq);
          RecordWidget(state, ("trace_row:" + std::string(label)).c_str());
          ImGui::TableNextColumn();
          ImGui::TextUnformatted(FixedSecondsText(r.event.time.us, decimals).c_str());
          ImGui::TableNextColumn();
          TextWithTooltip(r.event.from.c_str());
          ImGui::TableNextColumn();
          TextWithTooltip(r.event.to.c_str());
          ImGui::TableNextColumn();
          if (r.event.error) TextColoredWithTooltip(kErrorColor, (r.event.kind + "  " + r.event.error->code).c_str());
          else TextWithTooltip(r.event.kind.c_str());
        }
      }
      ImGui::EndTable();
    }
  }
}

void DrawTracePanel(const api::Lab& lab, UiState& state, const PanelRect& where) {
  PlaceNextWindow(where);
  char title[64];
  snprintf(title, sizeof title, "Trace (%u)###trace", static_cast<unsigned>(lab.Trace().size()));
  if (ImGui::Begin(title, nullptr, kPanelFlags)) DrawTraceView(lab, state);
  ImGui::End();
}

}  // namespace eventlab::ui
