// What a client keeps of its WebSocket connections, per API: the connection id, whether it is
// open, the messages pushed to it (the latest 50) and how many it sent.
#pragma once

#include <string>

#include "core/event.h"

namespace eventlab::cloud::clients {

/// The received messages a client keeps per API, oldest dropped first.
inline constexpr size_t kWebSocketInboxSize = 50;

/// True for the events the inbox records: websocket.message, websocket.close and the results of
/// websocket.connect / send / disconnect / drop.
bool IsWebSocketEvent(const std::string& kind);

/// Records `event` in `inbox` ({"<api>": {"connection_id", "state": "open" | "closed" | "refused",
/// "received": [{"data", "time_us"}], "sent": N}}, plus "close_code" once closed by a close frame).
void RecordWebSocketEvent(core::Json& inbox, const core::Event& event);

}  // namespace eventlab::cloud::clients
