// Narrow screens (a phone, a small window): a strip of tabs that picks the one view shown below.
#include <string>

#include "imgui.h"
#include "ui/panels.h"

namespace eventlab::ui {

namespace {

struct ViewTab {
  const char* view;   ///< UiState::narrow_view
  const char* label;
};

constexpr ViewTab kTabs[] = {{"graph", "Graph"},         {"sequence", "Sequence"},   {"trace", "Trace"},
                             {"inspector", "Inspector"}, {"resources", "Resources"}, {"scenarios", "Scenarios"}};

float TabWidth(const ViewTab& tab) { return ImGui::CalcTextSize(tab.label).x + ImGui::GetStyle().FramePadding.x * 2; }

}  // namespace

int NarrowTabRows(float width) {
  const ImGuiStyle& style = ImGui::GetStyle();
  const float avail = width - style.WindowPadding.x * 2;
  int rows = 1;
  float x = 0;
  for (const ViewTab& tab : kTabs) {
    const float w = TabWidth(tab);
    if (x > 0 && x + style.ItemSpacing.x + w > avail) {
      ++rows;
      x = 0;
    }
    x += (x > 0 ? style.ItemSpacing.x : 0) + w;
  }
  return rows;
}

void DrawNarrowTabs(UiState& state, const PanelRect& where) {
  PlaceNextWindow(where);
  const ImGuiWindowFlags flags = kPanelFlags | ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoScrollbar |
                                 ImGuiWindowFlags_HorizontalScrollbar;
  if (ImGui::Begin("###narrow_tabs", nullptr, flags)) {
    bool first = true;
    for (const ViewTab& tab : kTabs) {
      if (!first) SameLineIfFits(TabWidth(tab));
      first = false;
      const bool selected = state.narrow_view == tab.view;
      if (selected) ImGui::PushStyleColor(ImGuiCol_Button, ImGui::GetStyleColorVec4(ImGuiCol_ButtonActive));
      if (ImGui::Button(tab.label)) state.narrow_view = tab.view;
      if (selected) ImGui::PopStyleColor();
      RecordWidget(state, (std::string("view_tab:") + tab.view).c_str());
    }
  }
  ImGui::End();
}

}  // namespace eventlab::ui
