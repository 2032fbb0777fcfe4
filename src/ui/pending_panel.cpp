// The pending-event queue, in delivery order: when, where to, what.
#include <algorithm>
#include <vector>

#include "imgui.h"
#include "ui/panels.h"
#include "ui/style.h"
#include "ui/text_fit.h"
#include "ui/time_text.h"

namespace eventlab::ui {

void DrawPendingPanel(const api::Lab& lab, const PanelRect& where) {
  PlaceNextWindow(where);
  const std::vector<const core::Event*> pending = lab.PendingView();
  char title[64];
  snprintf(title, sizeof title, "Pending events (%u)###pending", static_cast<unsigned>(pending.size()));
  if (ImGui::Begin(title, nullptr, kPanelFlags)) {
    if (pending.empty()) ImGui::TextColored(kMutedColor, lab.Loaded() ? "Nothing pending." : "No scenario.");
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY | ImGuiTableFlags_SizingStretchProp;
    if (!pending.empty() && ImGui::BeginTable("pending", 3, flags)) {
      // One format for the whole column; the queue is in delivery order, so its last time is the widest.
      int decimals = 0;
      for (size_t i = 0; i < pending.size() && decimals < 6; ++i) decimals = std::max(decimals, TimeDecimalsFor(pending[i]->time.us));
      const float at_w = ImGui::CalcTextSize(FixedSecondsText(pending.back()->time.us, decimals).c_str()).x;
      ImGui::TableSetupScrollFreeze(0, 1);
      ImGui::TableSetupColumn("at", ImGuiTableColumnFlags_WidthFixed, at_w);
      ImGui::TableSetupColumn("to");
      ImGui::TableSetupColumn("kind");
      ImGui::TableHeadersRow();
      ImGuiListClipper clipper;
      clipper.Begin(static_cast<int>(pending.size()));
      while (clipper.Step()) {
        for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
          const core::Event& e = *pending[static_cast<size_t>(i)];
          ImGui::TableNextRow();
          ImGui::TableNextColumn();
          ImGui::TextUnformatted(FixedSecondsText(e.time.us, decimals).c_str());
          ImGui::TableNextColumn();
          TextWithTooltip(e.to.c_str());
          ImGui::TableNextColumn();
          if (e.error) TextColoredWithTooltip(kErrorColor, e.kind.c_str());
          else TextWithTooltip(e.kind.c_str());
        }
      }
      ImGui::EndTable();
    }
  }
  ImGui::End();
}

}  // namespace eventlab::ui
