// The Resources panel's per-kind views (one file each) and the small JSON readers they share. Each
// view draws one resource's State() JSON; a field of the wrong type shows as empty, never throws.
#pragma once

#include <algorithm>
#include <cstdint>
#include <string>

#include <nlohmann/json.hpp>

#include "api/lab.h"
#include "ui/time_text.h"
#include "ui/ui_state.h"
#include "core/json_bounds.h"

namespace eventlab::ui {

/// Objects, counters, a form that presigns a URL for this bucket (through CommandPresign) and the
/// presigned URLs for this bucket found in the trace.
void DrawBucketView(api::Lab& lab, UiState& ui, const std::string& name, const nlohmann::json& state);
/// Containers, recent invocations with init and run durations, and logs.
void DrawFunctionView(const nlohmann::json& state);
/// URL, stage, counters and the route table.
void DrawApiView(const nlohmann::json& state);
/// Key schema and the items as a table, one column per attribute.
void DrawTableView(const nlohmann::json& state);
/// Subscriptions with their copies' fates, every copy's delivery state, and the inboxes.
void DrawTopicView(const nlohmann::json& state);
/// Indexes with their documents, the last search, and a form that sends a match query.
void DrawSearchView(api::Lab& lab, UiState& ui, const std::string& name, const nlohmann::json& state);
/// Each shard as a tape of records with a marker per consumer (draggable) and per mapping;
/// `resources` is every resource's state (the mappings reading this stream are found there).
void DrawStreamView(api::Lab& lab, UiState& ui, const std::string& name, const nlohmann::json& state,
                    const nlohmann::json& resources);

/// A browser client: page storage (localStorage, cookies and why the last request carried or
/// withheld each), its WebSocket connections with a send field and a Disconnect button, replies.
void DrawClientView(api::Lab& lab, UiState& ui, const std::string& name, const nlohmann::json& state);
/// One client's WebSocket connections: received messages, a field to send one, Disconnect.
void DrawClientWebSockets(api::Lab& lab, UiState& ui, const std::string& client, const nlohmann::json& client_state);
/// A button that connects `client` to the WebSocket API `api` (websocket.connect through Lab::Send).
void DrawConnectButton(api::Lab& lab, UiState& ui, const std::string& client, const std::string& api);

/// A WebSocket API: URLs, routes, connections, and every browser client with its received
/// messages, a send field and Disconnect, or a Connect button. `resources` is every resource's state.
void DrawWebSocketView(api::Lab& lab, UiState& ui, const std::string& name, const nlohmann::json& state,
                       const nlohmann::json& resources);

/// A Secrets Manager secret: ARN, versions with their staging labels, reads and rotations.
void DrawSecretView(const nlohmann::json& state);
/// A Parameter Store parameter: name, type, version, value (SecureString masked), reads.
void DrawParameterView(const nlohmann::json& state);

/// An identity provider: issuer, signing keys (signing now, published, retired), recent tokens.
void DrawIdentityView(const nlohmann::json& state);

/// A scalar as short text: strings unquoted, null as "-", containers as compact JSON.
inline std::string ScalarText(const nlohmann::json& v) {
  if (v.is_string()) return v.get_ref<const std::string&>();
  if (v.is_null()) return "-";
  return core::DumpText(v);
}
/// `obj[key]` as text, or "-" when missing.
inline std::string FieldText(const nlohmann::json& obj, const char* key) {
  if (!obj.is_object() || !obj.contains(key)) return "-";
  return ScalarText(obj.at(key));
}
/// `obj[key]` as an integer, or `fallback` when missing or not a number.
inline int64_t FieldInt(const nlohmann::json& obj, const char* key, int64_t fallback = 0) {
  if (!obj.is_object() || !obj.contains(key) || !obj.at(key).is_number()) return fallback;
  return obj.at(key).get<int64_t>();
}
/// `obj[key]` when it is an array, else an empty array.
inline const nlohmann::json& FieldArray(const nlohmann::json& obj, const char* key) {
  static const nlohmann::json kEmpty = nlohmann::json::array();  // immutable, shared by every caller
  if (!obj.is_object() || !obj.contains(key) || !obj.at(key).is_array()) return kEmpty;
  return obj.at(key);
}
/// Sends `action` from the page as the scenario's first client with credentials (else its first
/// client) through Lab::Send; returns a line for the view: what was sent, or why it was refused.
std::string SendAsPageClient(api::Lab& lab, const std::string& action, const nlohmann::json& args);

/// The decimals that show every `rows[i][key]` time exactly (view::TimePrecisionFor), so one
/// list or column of times shares one FixedSecondsText format.
inline int FieldTimeDecimals(const nlohmann::json& rows, const char* key) {
  int decimals = 0;
  for (const auto& r : rows) decimals = std::max(decimals, TimeDecimalsFor(FieldInt(r, key)));
  return decimals;
}

}  // namespace eventlab::ui
