// API Gateway WebSocket APIs (Lambda proxy integrations): configuration from the scenario, the
// quotas the gateway enforces, and the store of connections and invocations in flight.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <memory>
#include <string>
#include <vector>

#include "cloud/gateway/authorizer.h"
#include "cloud/service.h"
#include "core/event.h"
#include "core/sim_time.h"

namespace eventlab::cloud::websocket {

using core::Json;

// Quotas for configuring and running a WebSocket API in API Gateway (API Gateway developer
// guide, apigateway-execution-service-websocket-limits-table), none of them adjustable:
/// "WebSocket frame size: 32 KB". A message travels in ceil(size / 32 KB) frames.
inline constexpr uint64_t kFrameBytes = 32 * 1024;
/// "Message payload size: 128 KB"; "If a larger message (or larger frame size) is received, the
/// connection is closed with code 1009". The same limit applies to @connections posts.
inline constexpr uint64_t kMessagePayloadBytes = 128 * 1024;
/// "Idle Connection Timeout: 10 minutes".
inline constexpr core::SimTime kIdleTimeout = core::SimTime::Seconds(600);
/// "Connection duration for WebSocket API: 2 hours".
inline constexpr core::SimTime kMaxConnectionDuration = core::SimTime::Seconds(7200);

// WebSocket close codes (RFC 6455 section 7.4.1) and the reasons this simulator reports with them.
inline constexpr int kCloseNormal = 1000;      ///< client close, DeleteConnection
inline constexpr int kCloseGoingAway = 1001;   ///< idle timeout, maximum duration
inline constexpr int kCloseTooBig = 1009;      ///< message over the payload quota

/// One route: "$connect" -> function "on-connect".
struct WsRoute {
  std::string key;              ///< "$connect", "$disconnect", "$default" or a selection value
  std::string function;         ///< integrated function's name
  bool route_response = false;  ///< the function's result goes back to the client as a message
};

struct WebSocketApiConfig : ResourceConfig {
  std::string Kind() const override { return "websocket_api"; }
  std::unique_ptr<Service> CreateService() const override;
  std::vector<Wire> Wires() const override;

  std::string stage = "prod";
  /// "$request.body.<path>": the dotted path into the JSON message whose value picks the route.
  std::string route_selection_expression = "$request.body.action";
  std::vector<std::string> selection_path;  ///< the expression's path: {"action"}
  std::map<std::string, WsRoute> routes;    ///< route key -> route
  /// A REQUEST Lambda authorizer guarding $connect (WebSocket APIs accept only REQUEST
  /// authorizers, on $connect only). Its identity sources are stored in the "method.request."
  /// form the shared authorizer code reads; scenarios write "route.request.".
  std::optional<gateway::AuthorizerConfig> connect_authorizer;

  /// The API's id: ApiId(account, name), the same scheme as REST APIs.
  std::string IdIn(const Environment& env) const;
  /// "<id>.execute-api.<region>.amazonaws.com".
  std::string Host(const Environment& env) const;
  /// "wss://<host>/<stage>": what clients connect to.
  std::string Url(const Environment& env) const;
  /// "https://<host>/<stage>/@connections": the management (callback) URL; a connection's is
  /// this plus "/<connectionId>".
  std::string CallbackUrl(const Environment& env) const;
  const WsRoute* Route(const std::string& key) const;
};

enum class ConnectionState { kConnecting, kOpen, kClosed, kRefused };
const char* StateName(ConnectionState s);

struct Connection {
  std::string id;                  ///< "L0SM9cOFvHcCIhw=": base64 of 11 random bytes
  std::string client;              ///< the client's address "client:alice"
  ConnectionState state = ConnectionState::kConnecting;
  int64_t connected_at_us = 0;     ///< simulated time of the handshake
  int64_t last_active_at_us = 0;   ///< simulated time of the latest message either way
  std::string source_ip;
  std::string user_agent;          ///< from the handshake's User-Agent header, or empty
  uint64_t messages_in = 0, messages_out = 0;
  uint64_t frames_in = 0, frames_out = 0;
  uint64_t idle_timer = 0;         ///< pending websocket.idle_timeout event, or 0
  uint64_t duration_timer = 0;     ///< pending websocket.max_duration event, or 0
  int close_code = 0;              ///< once closed: the close code, 0 for a drop
  std::string close_reason;        ///< once closed: why ("client close", "dropped", ...)
};

/// A route function invocation whose result the gateway still needs.
struct PendingInvoke {
  std::string connection_id;
  std::string route;       ///< route key invoked
  std::string request_id;  ///< the event's requestContext.requestId (for error messages)
  /// For $connect: the client's websocket.connect request, answered once the function has.
  uint64_t request_event = 0;
  std::string request_from, request_to, request_kind;
  /// For the $connect authorizer: the CONNECT event to send to $connect once it allows.
  Json connect_event;
};

struct WebSocketStore {
  std::map<std::string, Connection> connections;     ///< connection id -> connection (closed ones too)
  std::map<std::string, std::string> by_client;      ///< client address -> its live connection's id
  std::map<uint64_t, PendingInvoke> in_flight;       ///< function.invoke event id -> what it was for
  uint64_t connects = 0, refused = 0, messages = 0, posts = 0, gone_410 = 0, disconnects = 0;
};

}  // namespace eventlab::cloud::websocket
