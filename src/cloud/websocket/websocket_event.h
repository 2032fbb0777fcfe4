// The events a WebSocket API hands to its route functions (Lambda proxy integration: CONNECT,
// MESSAGE, DISCONNECT), connection and request ids as API Gateway shapes them, and route selection.
#pragma once

#include <string>

#include "cloud/environment.h"
#include "cloud/websocket/websocket_models.h"
#include "core/rng.h"

namespace eventlab::cloud::websocket {

/// 16 characters as API Gateway's connection and request ids look ("L0SM9cOFvHcCIhw="): the
/// base64 text of 11 bytes from `rng`.
std::string NewConnectionId(core::Rng& rng);

/// What every event is built from.
struct EventInput {
  const WebSocketApiConfig& api;
  const Environment& env;
  const Connection& connection;
  std::string route_key;
  std::string request_id;     ///< also the extendedRequestId, as WebSocket events carry them
  int64_t now_epoch_us = 0;
};

/// $connect: headers (the client's plus Host, Sec-WebSocket-*, X-Forwarded-*), multiValueHeaders,
/// queryStringParameters / multiValueQueryStringParameters (only when the URL had a query),
/// requestContext (eventType "CONNECT"), isBase64Encoded.
Json BuildConnectEvent(const EventInput& in, const Json& headers, const Json& query, core::Rng& rng);

/// A message: requestContext (eventType "MESSAGE", messageId), body (text), isBase64Encoded.
Json BuildMessageEvent(const EventInput& in, const std::string& message_id, const std::string& body);

/// $disconnect: headers, multiValueHeaders, requestContext (eventType "DISCONNECT",
/// disconnectStatusCode, disconnectReason), isBase64Encoded.
Json BuildDisconnectEvent(const EventInput& in, int status_code, const std::string& reason);

/// The message as the text that went over the wire: a string as it is, other JSON as compact text.
std::string MessageText(const Json& data);

/// The route key the selection expression picks for `text`: the value at `path` of the message
/// parsed as JSON (a string as it is, a number or boolean as its JSON text), or empty when the
/// message is not JSON or has no such value.
std::string SelectRoute(const std::vector<std::string>& path, const std::string& text);

}  // namespace eventlab::cloud::websocket
