// The API view: where it is deployed, its counters and which function each route invokes.
#include <cinttypes>

#include "imgui.h"
#include "ui/resource_views.h"
#include "ui/style.h"

namespace eventlab::ui {

void DrawApiView(const nlohmann::json& s) {
  ImGui::TextColored(kMutedColor, "URL");
  ImGui::SameLine();
  if (s.contains("url") && s.at("url").is_string()) {
    ImGui::PushStyleColor(ImGuiCol_Text, kAccentColor);
    ImGui::TextWrapped("%s", FieldText(s, "url").c_str());
    ImGui::PopStyleColor();
  } else ImGui::TextColored(kMutedColor, "(not deployed yet)");
  ImGui::Text("stage %s   %" PRId64 " requests   %" PRId64 " in flight   last status %s", FieldText(s, "stage").c_str(),
              FieldInt(s, "requests"), FieldInt(s, "in_flight"), FieldText(s, "last_status").c_str());
  const nlohmann::json& routes = FieldArray(s, "routes");
  const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_Borders | ImGuiTableFlags_SizingStretchProp;
  if (routes.empty() || !ImGui::BeginTable("routes", 2, flags)) return;
  ImGui::TableSetupColumn("route");
  ImGui::TableSetupColumn("function");
  ImGui::TableHeadersRow();
  for (const auto& r : routes) {
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(FieldText(r, "route").c_str());
    ImGui::TableNextColumn();
    ImGui::Text("-> %s", FieldText(r, "function").c_str());
  }
  ImGui::EndTable();
}

}  // namespace eventlab::ui
