// The WebSocket API service (API Gateway v2, WebSocket protocol): client connections and their
// $connect / message / $disconnect route functions, the @connections management API functions
// call, and the quotas (payload and frame size, idle timeout, maximum duration).
#pragma once

#include "cloud/messaging.h"
#include "cloud/websocket/websocket_models.h"

namespace eventlab::cloud::websocket {

class WebSocketService : public CopyableService<WebSocketService> {
 public:
  explicit WebSocketService(const WebSocketApiConfig* config) : config_(config) {}

  /// Handles websocket.connect / send / disconnect / drop (clients), websocket.post_to_connection
  /// / get_connection / delete_connection (functions), the route functions' function.invoke.result,
  /// and the websocket.idle_timeout / websocket.max_duration timers.
  void Deliver(ServiceContext& ctx, const core::Event& event) override;
  Json State() const override;

 private:
  // websocket_service.cpp: the client side.
  void Connect(ServiceContext& ctx, const core::Event& event);
  void Open(ServiceContext& ctx, Connection& c, const RequestRef& request);
  /// Invokes the $connect authorizer with a REQUEST event built from the CONNECT event.
  void Authorize(ServiceContext& ctx, const core::Event& event, Connection& c, Json connect_event, const Json& headers,
                 const Json& query);
  /// The authorizer answered: refuse (401/403/500) or go on to $connect (or open).
  void Authorized(ServiceContext& ctx, Connection& c, const PendingInvoke& p, const core::Event& reply);
  /// Refuses the handshake with HTTP `status`.
  void Refuse(ServiceContext& ctx, Connection& c, const RequestRef& request, int64_t status, const std::string& why);
  /// "arn:aws:execute-api:<region>:<account>:<api id>/<stage>/$connect", the authorizer's methodArn.
  std::string ConnectMethodArn(const Environment& env) const;
  void Send(ServiceContext& ctx, const core::Event& event);
  void ClientClose(ServiceContext& ctx, const core::Event& event, bool dropped);
  void FunctionReplied(ServiceContext& ctx, const core::Event& event);
  void TimerFired(ServiceContext& ctx, const core::Event& event);
  // websocket_management.cpp: the @connections API.
  void Manage(ServiceContext& ctx, const core::Event& event);
  core::Result<Json> PostToConnection(ServiceContext& ctx, Connection* c, const Json& args);
  core::Result<Json> GetConnection(ServiceContext& ctx, Connection* c) const;
  core::Result<Json> DeleteConnection(ServiceContext& ctx, Connection* c);

  /// The client's open connection, or nullptr.
  Connection* LiveOf(const std::string& client);
  /// Ends an open connection: timers cancelled, the client told with a close frame when
  /// `tell_client`, and $disconnect invoked (if routed) when `deliver_disconnect`.
  /// `by` names the cause in State() ("client", "idle_timeout", ...).
  void Close(ServiceContext& ctx, Connection& c, int code, const std::string& reason, const std::string& by,
             bool tell_client, bool deliver_disconnect);
  /// A message (or activity) on `c` now: LastActiveAt moves and the idle timer starts again.
  void Touch(ServiceContext& ctx, Connection& c);
  /// Sends `data` to the connection's client as a websocket.message event.
  void Push(ServiceContext& ctx, Connection& c, const Json& data);
  /// Invokes `route`'s function with `payload`; returns the invoke event's id.
  uint64_t Invoke(ServiceContext& ctx, const WsRoute& route, Json payload);
  uint64_t Timer(ServiceContext& ctx, const char* kind, const Connection& c, core::SimTime delay);
  std::string Self() const { return Address("websocket_api", config_->name); }

  const WebSocketApiConfig* config_;
  WebSocketStore store_;
  std::string url_, callback_url_;  ///< known from the first event on (the id needs the account)
};

/// Frames a message of `bytes` takes: ceil(bytes / 32 KB), at least one.
uint64_t FramesFor(uint64_t bytes);

}  // namespace eventlab::cloud::websocket
