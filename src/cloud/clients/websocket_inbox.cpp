// A client's view of its WebSocket connections, built from the events it receives: the handshake
// answer, the messages the API pushes, close frames, and the acknowledgements of its own sends.
#include "cloud/clients/websocket_inbox.h"

namespace eventlab::cloud::clients {
namespace {

std::string ApiOf(const core::Event& e) {
  if (e.payload.is_object() && e.payload.contains("api") && e.payload["api"].is_string()) return e.payload["api"].get<std::string>();
  const size_t colon = e.from.find(':');
  return colon == std::string::npos ? e.from : e.from.substr(colon + 1);
}

core::Json& Entry(core::Json& inbox, const std::string& api) {
  if (!inbox.contains(api)) {
    inbox[api] = {{"connection_id", nullptr}, {"state", "closed"}, {"received", core::Json::array()}, {"sent", 0}};
  }
  return inbox[api];
}

}  // namespace

bool IsWebSocketEvent(const std::string& kind) {
  return kind == "websocket.message" || kind == "websocket.close" || kind == "websocket.connect.result" ||
         kind == "websocket.send.result" || kind == "websocket.disconnect.result" || kind == "websocket.drop.result";
}

void RecordWebSocketEvent(core::Json& inbox, const core::Event& e) {
  if (!IsWebSocketEvent(e.kind)) return;
  core::Json& entry = Entry(inbox, ApiOf(e));
  if (e.kind == "websocket.connect.result") {
    if (e.error) {
      // Refused by $connect; a failure before any request (already connected) changes nothing.
      if (e.error->code == "UnexpectedServerResponse") entry["state"] = "refused";
      return;
    }
    entry["connection_id"] = e.payload.value("connectionId", core::Json(nullptr));
    entry["state"] = "open";
    entry.erase("close_code");
  } else if (e.kind == "websocket.send.result") {
    if (!e.error) entry["sent"] = entry["sent"].get<uint64_t>() + 1;
  } else if (e.kind == "websocket.disconnect.result" || e.kind == "websocket.drop.result") {
    if (!e.error) entry["state"] = "closed";
  } else if (e.kind == "websocket.close") {
    entry["state"] = "closed";
    entry["close_code"] = e.payload.value("code", core::Json(nullptr));
  } else {  // websocket.message
    core::Json& received = entry["received"];
    received.push_back({{"data", e.payload.value("data", core::Json(nullptr))}, {"time_us", e.time.us}});
    if (received.size() > kWebSocketInboxSize) received.erase(received.begin());
  }
}

}  // namespace eventlab::cloud::clients
