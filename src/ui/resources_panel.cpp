// The Resources panel: every resource of the loaded scenario, grouped by kind in a picker, and a
// readable view of the selected one's state (buckets, functions, APIs and tables have their own
// views; queues, clients and the rest fall back to the JSON tree).
#include <algorithm>
#include <map>
#include <string>
#include <vector>

#include "imgui.h"
#include "ui/json_tree.h"
#include "ui/panels.h"
#include "ui/resource_views.h"
#include "ui/style.h"

namespace eventlab::ui {

namespace {

/// Resource names by kind, both in sorted order (State() keeps nlohmann's sorted keys).
std::map<std::string, std::vector<std::string>> GroupByKind(const nlohmann::json& resources) {
  std::map<std::string, std::vector<std::string>> groups;
  if (!resources.is_object()) return groups;
  for (auto it = resources.begin(); it != resources.end(); ++it)
    groups[FieldText(it.value(), "kind")].push_back(it.key());
  return groups;
}

void DrawView(api::Lab& lab, UiState& state, const std::string& name, const std::string& kind,
              const nlohmann::json& s, const nlohmann::json& resources) {
  if (kind == "bucket") DrawBucketView(lab, state, name, s);
  else if (kind == "function") DrawFunctionView(s);
  else if (kind == "api") DrawApiView(s);
  else if (kind == "table") DrawTableView(s);
  else if (kind == "topic") DrawTopicView(s);
  else if (kind == "stream") DrawStreamView(lab, state, name, s, resources);
  else if (kind == "search") DrawSearchView(lab, state, name, s);
  else if (kind == "client") DrawClientView(lab, state, name, s);
  else if (kind == "secret") DrawSecretView(s);
  else if (kind == "identity_provider") DrawIdentityView(s);
  else if (kind == "parameter") DrawParameterView(s);
  else if (kind == "websocket_api") DrawWebSocketView(lab, state, name, s, resources);
  else DrawJsonTree(name.c_str(), s, 2);
}

}  // namespace

void DrawResourcesPanel(api::Lab& lab, UiState& state, ViewCache& cache, const PanelRect& where) {
  PlaceNextWindow(where);
  if (ImGui::Begin("Resources###resources", nullptr, kPanelFlags)) {
    const ImVec2 pos = ImGui::GetWindowPos(), size = ImGui::GetWindowSize();
    state.widget_rects["resources_panel"] = WidgetRect{pos.x, pos.y, size.x, size.y};
    if (!lab.Loaded()) {
      ImGui::TextColored(kMutedColor, "No scenario.");
      ImGui::End();
      return;
    }
    // Read once per change of the lab, not once per frame (a big world's state is costly to build).
    const nlohmann::json& resources = cache.Resources(lab);
    const auto groups = GroupByKind(resources);
    if (!resources.is_object() || resources.empty()) {
      ImGui::TextColored(kMutedColor, "This scenario has no resources.");
      ImGui::End();
      return;
    }
    if (!resources.contains(state.selected_resource)) state.selected_resource = resources.begin().key();
    const nlohmann::json& selected = resources.at(state.selected_resource);
    const std::string kind = FieldText(selected, "kind");

    // Every resource, one line per kind; click a name to view it.
    float kind_w = ImGui::CalcTextSize("function").x;
    for (const auto& [group, names] : groups) kind_w = std::max(kind_w, ImGui::CalcTextSize(group.c_str()).x);
    kind_w += ImGui::GetStyle().ItemSpacing.x * 2;
    for (const auto& [group, names] : groups) {
      ImGui::TextColored(kMutedColor, "%s", group.c_str());
      ImGui::SameLine(kind_w + ImGui::GetStyle().WindowPadding.x);
      for (size_t i = 0; i < names.size(); ++i) {
        const std::string& n = names[i];
        const ImVec2 text = ImGui::CalcTextSize(n.c_str());
        if (i > 0) {
          // Wrap when the next name would not fit on this line.
          const float right = ImGui::GetItemRectMax().x + ImGui::GetStyle().ItemSpacing.x + text.x;
          if (right < ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x) ImGui::SameLine();
          else ImGui::SetCursorPosX(kind_w + ImGui::GetStyle().WindowPadding.x);
        }
        if (ImGui::Selectable(n.c_str(), n == state.selected_resource, 0, text)) state.selected_resource = n;
        RecordWidget(state, ("resource:" + n).c_str());
      }
    }
    ImGui::Separator();
    if (ImGui::BeginChild("resource_view", ImVec2(0, 0), false, ImGuiWindowFlags_HorizontalScrollbar)) {
      ImGui::PushID(state.selected_resource.c_str());
      DrawView(lab, state, state.selected_resource, kind, selected, resources);
      ImGui::PopID();
    }
    ImGui::EndChild();
  }
  ImGui::End();
}

}  // namespace eventlab::ui
