// The WebSocket API view: its URLs and routes, every connection with its state and message
// counts, and each browser client of the scenario: connected ones with the messages they received,
// a field to send one and a Disconnect button; the others with a Connect button. Page actions go
// through Lab::Send, so they are client calls in the run.
#include <cinttypes>
#include <string>

#include "imgui.h"
#include "ui/panels.h"
#include "ui/resource_views.h"
#include "ui/style.h"
#include "ui/text_fit.h"
#include "ui/time_text.h"

namespace eventlab::ui {

namespace {

constexpr ImGuiTableFlags kTableFlags = ImGuiTableFlags_RowBg | ImGuiTableFlags_Borders | ImGuiTableFlags_SizingStretchProp;

void Routes(const nlohmann::json& s) {
  ImGui::TextColored(kMutedColor, "route selection %s", FieldText(s, "route_selection_expression").c_str());
  const nlohmann::json& routes = FieldArray(s, "routes");
  if (routes.empty() || !ImGui::BeginTable("ws_routes", 2, kTableFlags)) return;
  ImGui::TableSetupColumn("route");
  ImGui::TableSetupColumn("function");
  ImGui::TableHeadersRow();
  for (const auto& r : routes) {
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    TextWithTooltip(FieldText(r, "route").c_str());
    ImGui::TableNextColumn();
    ImGui::Text("-> %s%s", FieldText(r, "function").c_str(), r.value("route_response", false) ? " (replies)" : "");
  }
  ImGui::EndTable();
}

void Connections(const nlohmann::json& s) {
  const nlohmann::json& connections = FieldArray(s, "connections");
  if (connections.empty()) {
    ImGui::TextColored(kMutedColor, "No connections yet.");
    return;
  }
  if (!ImGui::BeginTable("ws_connections", 5, kTableFlags)) return;
  ImGui::TableSetupColumn("connection id");
  ImGui::TableSetupColumn("client");
  ImGui::TableSetupColumn("state");
  ImGui::TableSetupColumn("in / out");
  ImGui::TableSetupColumn("connected");
  ImGui::TableHeadersRow();
  const int decimals = FieldTimeDecimals(connections, "connected_at_us");
  for (const auto& c : connections) {
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    TextWithTooltip(FieldText(c, "id").c_str());
    ImGui::TableNextColumn();
    TextWithTooltip(FieldText(c, "client").c_str());
    ImGui::TableNextColumn();
    const std::string state = FieldText(c, "state");
    if (state == "open") ImGui::TextColored(kAccentColor, "open");
    else ImGui::TextColored(kErrorColor, "%s %s %s", state.c_str(), FieldText(c, "close_code").c_str(), FieldText(c, "closed_by").c_str());
    ImGui::TableNextColumn();
    ImGui::Text("%" PRId64 " / %" PRId64, FieldInt(c, "messages_in"), FieldInt(c, "messages_out"));
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(FixedSecondsText(FieldInt(c, "connected_at_us"), decimals).c_str());
  }
  ImGui::EndTable();
}

}  // namespace

void DrawWebSocketView(api::Lab& lab, UiState& ui, const std::string& name, const nlohmann::json& s,
                       const nlohmann::json& resources) {
  ImGui::TextColored(kMutedColor, "URL");
  ImGui::SameLine();
  ImGui::TextColored(kAccentColor, "%s", FieldText(s, "url").c_str());
  ImGui::TextColored(kMutedColor, "@connections %s", FieldText(s, "callback_url").c_str());
  const nlohmann::json counters = s.value("counters", nlohmann::json::object());
  ImGui::Text("%" PRId64 " connects, %" PRId64 " refused, %" PRId64 " messages, %" PRId64 " posts, %" PRId64 " gone (410), %" PRId64 " disconnects",
              FieldInt(counters, "connects"), FieldInt(counters, "refused"), FieldInt(counters, "messages"), FieldInt(counters, "posts"),
              FieldInt(counters, "gone_410"), FieldInt(counters, "disconnects"));
  ImGui::Separator();
  ImGui::TextUnformatted("Browsers");
  RecordWidget(ui, "ws_browsers");
  for (auto it = resources.begin(); it != resources.end(); ++it) {
    if (FieldText(it.value(), "kind") != "client") continue;
    const std::string& client = it.key();
    const nlohmann::json sockets = it.value().value("websocket", nlohmann::json::object());
    const bool open = sockets.contains(name) && FieldText(sockets.at(name), "state") == "open";
    ImGui::PushID(client.c_str());
    ImGui::TextColored(kAccentColor, "%s", client.c_str());
    if (sockets.contains(name)) {
      DrawClientWebSockets(lab, ui, client, {{"websocket", {{name, sockets.at(name)}}}});
    }
    if (!open) DrawConnectButton(lab, ui, client, name);
    ImGui::PopID();
  }
  if (!ui.websocket_form.last.empty()) ImGui::TextColored(kMutedColor, "%s", ui.websocket_form.last.c_str());
  ImGui::Separator();
  Connections(s);
  Routes(s);
}

}  // namespace eventlab::ui
