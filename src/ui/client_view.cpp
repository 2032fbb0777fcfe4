// The client view: a browser's page storage (localStorage, the cookie jar with each cookie's
// flags, and which cookies the last request carried or withheld and why), its WebSocket
// connections with the messages received and a field to send one or disconnect, and the replies.
#include <cinttypes>
#include <string>

#include "imgui.h"
#include "imgui_stdlib.h"
#include "ui/json_tree.h"
#include "ui/panels.h"
#include "ui/resource_views.h"
#include "ui/style.h"
#include "ui/text_fit.h"
#include "ui/time_text.h"

namespace eventlab::ui {

namespace {

constexpr ImGuiTableFlags kTableFlags = ImGuiTableFlags_RowBg | ImGuiTableFlags_Borders | ImGuiTableFlags_SizingStretchProp;

void LocalStorage(const nlohmann::json& page) {
  const nlohmann::json storage = page.value("local_storage", nlohmann::json::object());
  ImGui::TextColored(kMutedColor, "localStorage of %s (any script on the page can read it)", FieldText(page, "origin").c_str());
  if (storage.empty()) {
    ImGui::TextColored(kMutedColor, "  empty");
    return;
  }
  if (!ImGui::BeginTable("local_storage", 2, kTableFlags)) return;
  ImGui::TableSetupColumn("key");
  ImGui::TableSetupColumn("value");
  ImGui::TableHeadersRow();
  for (auto it = storage.begin(); it != storage.end(); ++it) {
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    TextWithTooltip(it.key().c_str());
    ImGui::TableNextColumn();
    ImGui::TextWrapped("%s", ScalarText(it.value()).c_str());
  }
  ImGui::EndTable();
}

void Cookies(const nlohmann::json& page) {
  const nlohmann::json& cookies = FieldArray(page, "cookies");
  ImGui::TextColored(kMutedColor, "Cookie jar (the browser sends these; scripts see only those without HttpOnly)");
  if (cookies.empty()) {
    ImGui::TextColored(kMutedColor, "  empty");
  } else if (ImGui::BeginTable("cookies", 5, kTableFlags)) {
    ImGui::TableSetupColumn("name");
    ImGui::TableSetupColumn("domain / path");
    ImGui::TableSetupColumn("HttpOnly");
    ImGui::TableSetupColumn("Secure");
    ImGui::TableSetupColumn("SameSite");
    ImGui::TableHeadersRow();
    for (const auto& c : cookies) {
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      TextWithTooltip(FieldText(c, "name").c_str());
      ImGui::TableNextColumn();
      TextWithTooltip((FieldText(c, "domain") + " " + FieldText(c, "path")).c_str());
      ImGui::TableNextColumn();
      const bool http_only = c.value("http_only", false);
      ImGui::TextColored(http_only ? kAccentColor : kErrorColor, "%s", http_only ? "yes: hidden from scripts" : "no: readable");
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(c.value("secure", false) ? "yes" : "no");
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(FieldText(c, "same_site").c_str());
    }
    ImGui::EndTable();
  }
  const nlohmann::json& decisions = FieldArray(page, "last_request_cookies");
  if (decisions.empty()) return;
  ImGui::TextColored(kMutedColor, "Last request: %s", FieldText(decisions[0], "url").c_str());
  for (const auto& d : decisions) {
    if (d.value("sent", false)) ImGui::Text("  %s sent", FieldText(d, "cookie").c_str());
    else ImGui::TextColored(kErrorColor, "  %s withheld: %s", FieldText(d, "cookie").c_str(), FieldText(d, "why_not").c_str());
  }
}

void WebSocketConnection(api::Lab& lab, UiState& ui, const std::string& client, const std::string& api, const nlohmann::json& ws) {
  const std::string state = FieldText(ws, "state");
  ImGui::Text("%s: %s", api.c_str(), state.c_str());
  ImGui::SameLine();
  ImGui::TextColored(kMutedColor, "connection %s, %" PRId64 " sent", FieldText(ws, "connection_id").c_str(), FieldInt(ws, "sent"));
  const nlohmann::json& received = FieldArray(ws, "received");
  if (received.empty()) ImGui::TextColored(kMutedColor, "  no messages received");
  const int decimals = FieldTimeDecimals(received, "time_us");
  for (const auto& m : received) {
    ImGui::TextColored(kMutedColor, "  %s", FixedSecondsText(FieldInt(m, "time_us"), decimals).c_str());
    ImGui::SameLine();
    ImGui::TextWrapped("%s", ScalarText(m.value("data", nlohmann::json())).c_str());
  }
  const std::string client_address = "client:" + client;
  ImGui::PushID(api.c_str());
  if (state == "open") {
    std::string& draft = ui.websocket_form.drafts[client];
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 14);
    // Any length: a pasted JSON document fits (the API's own limits refuse what is too large).
    ImGui::InputText("##ws_message", &draft);
    RecordWidget(ui, ("ws_message:" + client).c_str());
    ImGui::SameLine();
    if (ImGui::Button("Send")) {
      const nlohmann::json out = lab.Send(client_address, "websocket.send", {{"api", api}, {"data", draft}});
      ui.websocket_form.last = out.contains("error") ? "refused: " + out["error"].value("message", std::string()) : "sent as " + client + ": step to see it";
    }
    RecordWidget(ui, ("ws_send:" + client).c_str());
    ImGui::SameLine();
    if (ImGui::Button("Disconnect")) {
      const nlohmann::json out = lab.Send(client_address, "websocket.disconnect", {{"api", api}});
      ui.websocket_form.last = out.contains("error") ? "refused: " + out["error"].value("message", std::string()) : client + " closes: step to see it";
    }
    RecordWidget(ui, ("ws_disconnect:" + client).c_str());
  }
  ImGui::PopID();
}

}  // namespace

void DrawConnectButton(api::Lab& lab, UiState& ui, const std::string& client, const std::string& api) {
  ImGui::PushID((client + "/" + api).c_str());
  if (ImGui::Button(("Connect " + client).c_str())) {
    const nlohmann::json out = lab.Send("client:" + client, "websocket.connect", {{"api", api}});
    ui.websocket_form.last = out.contains("error") ? "refused: " + out["error"].value("message", std::string()) : client + " connects: step to see it";
  }
  RecordWidget(ui, ("ws_connect:" + client).c_str());
  ImGui::PopID();
}

void DrawClientWebSockets(api::Lab& lab, UiState& ui, const std::string& name, const nlohmann::json& s) {
  const nlohmann::json sockets = s.value("websocket", nlohmann::json::object());
  for (auto it = sockets.begin(); it != sockets.end(); ++it) WebSocketConnection(lab, ui, name, it.key(), it.value());
}

void DrawClientView(api::Lab& lab, UiState& ui, const std::string& name, const nlohmann::json& s) {
  ImGui::Text("%" PRId64 " replies received", FieldInt(s, "received"));
  if (s.contains("page") && s.at("page").is_object()) {
    const nlohmann::json& page = s.at("page");
    LocalStorage(page);
    Cookies(page);
    if (FieldInt(page, "scripts_injected") > 0)
      ImGui::TextColored(kErrorColor, "%" PRId64 " injected script(s) ran in this page", FieldInt(page, "scripts_injected"));
  }
  if (s.contains("websocket") && s.at("websocket").is_object() && !s.at("websocket").empty()) {
    ImGui::Separator();
    ImGui::TextUnformatted("WebSocket");
    DrawClientWebSockets(lab, ui, name, s);
    if (!ui.websocket_form.last.empty()) ImGui::TextColored(kMutedColor, "%s", ui.websocket_form.last.c_str());
  }
  ImGui::Separator();
  DrawJsonTree("results", s.value("results", nlohmann::json::object()), 1);
  DrawJsonTree("replies", s.value("replies", nlohmann::json::array()), 0);
}

}  // namespace eventlab::ui
