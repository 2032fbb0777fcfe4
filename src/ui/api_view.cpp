// The API view: where it is deployed, its counters, which function (and authorizer) each route
// invokes, and the authorizer policy cache.
#include <cinttypes>

#include "imgui.h"
#include "ui/resource_views.h"
#include "ui/style.h"
#include "ui/text_fit.h"

namespace eventlab::ui {

namespace {

// The custom authorizers and the gateway's cache of their policies: one entry per identity (token)
// until its TTL runs out; a hit answers without invoking the authorizer function.
void DrawAuthorizers(const nlohmann::json& s, ImGuiTableFlags flags) {
  const nlohmann::json authorizers = s.value("authorizers", nlohmann::json::object());
  if (!authorizers.is_object() || authorizers.empty()) return;
  for (auto it = authorizers.begin(); it != authorizers.end(); ++it) {
    ImGui::Text("authorizer %s: %s, function %s, cache TTL %s s", it.key().c_str(), FieldText(it.value(), "type").c_str(),
                FieldText(it.value(), "function").c_str(), FieldText(it.value(), "ttl_s").c_str());
  }
  const nlohmann::json cache = s.value("authorizer_cache", nlohmann::json::object());
  ImGui::Text("Authorizer cache: %" PRId64 " hits, %" PRId64 " misses", FieldInt(cache, "hits"), FieldInt(cache, "misses"));
  const nlohmann::json& entries = FieldArray(cache, "entries");
  if (entries.empty()) {
    ImGui::TextColored(kMutedColor, "  no cached policies");
    return;
  }
  if (!ImGui::BeginTable("authorizer_cache", 4, flags)) return;
  ImGui::TableSetupColumn("authorizer");
  ImGui::TableSetupColumn("principal");
  ImGui::TableSetupColumn("policy");
  ImGui::TableSetupColumn("expires at");
  ImGui::TableHeadersRow();
  for (const auto& e : entries) {
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    TextWithTooltip(FieldText(e, "authorizer").c_str());
    ImGui::TableNextColumn();
    TextWithTooltip(FieldText(e, "principal_id").c_str());
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(FieldText(e, "effect").c_str());
    ImGui::TableNextColumn();
    TextWithTooltip(FieldText(e, "expires_at").c_str());
  }
  ImGui::EndTable();
}

}  // namespace

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
  if (!routes.empty() && ImGui::BeginTable("routes", 3, flags)) {
    ImGui::TableSetupColumn("route");
    ImGui::TableSetupColumn("function");
    ImGui::TableSetupColumn("authorizer");
    ImGui::TableHeadersRow();
    for (const auto& r : routes) {
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      TextWithTooltip(FieldText(r, "route").c_str());
      ImGui::TableNextColumn();
      TextWithTooltip(("-> " + FieldText(r, "function")).c_str());
      ImGui::TableNextColumn();
      TextWithTooltip(FieldText(r, "authorizer").c_str());
    }
    ImGui::EndTable();
  }
  DrawAuthorizers(s, flags);
}

}  // namespace eventlab::ui
