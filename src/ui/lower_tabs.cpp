// Below the graph: the sequence diagram and the plain trace list, as two tabs of one window.
#include <cstdio>

#include "imgui.h"
#include "ui/panels.h"

namespace eventlab::ui {

void DrawTimelineTabs(api::Lab& lab, UiState& state, ViewCache& cache, const PanelRect& where) {
  PlaceNextWindow(where);
  if (ImGui::Begin("Events###lower", nullptr, kPanelFlags | ImGuiWindowFlags_NoScrollbar)) {
    if (ImGui::BeginTabBar("lower_tabs")) {
      char trace_label[48];
      snprintf(trace_label, sizeof trace_label, "Trace (%u)###trace_tab", static_cast<unsigned>(lab.Trace().size()));
      if (ImGui::BeginTabItem("Sequence diagram###sequence_tab")) {
        RecordWidget(state, "tab_sequence");
        state.centre_shows_trace = false;
        DrawSequenceView(lab, state, cache);
        ImGui::EndTabItem();
      } else {
        RecordWidget(state, "tab_sequence");
      }
      if (ImGui::BeginTabItem(trace_label)) {
        RecordWidget(state, "tab_trace");
        state.centre_shows_trace = true;
        DrawTraceView(lab, state);
        ImGui::EndTabItem();
      } else {
        RecordWidget(state, "tab_trace");
      }
      ImGui::EndTabBar();
    }
  }
  ImGui::End();
}

}  // namespace eventlab::ui
