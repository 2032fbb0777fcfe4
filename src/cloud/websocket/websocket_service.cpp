// Client connections as API Gateway runs them: the handshake waits for the $connect function
// (a 2xx accepts), each message is routed by the route selection expression to a route function
// (or $default), and a close, an idle connection or the maximum duration ends the connection and
// invokes $disconnect. A dropped client sends no close frame, and no $disconnect is delivered.
#include "cloud/websocket/websocket_service.h"
#include "core/json_bounds.h"

#include "cloud/gateway/proxy_event.h"
#include "cloud/websocket/websocket_event.h"
#include "core/digest.h"

namespace eventlab::cloud::websocket {
namespace {

core::Error NotOpen(const std::string& api) {
  // What a browser reports for send() or close() on a socket that is not open; no request leaves.
  return {"InvalidStateError", "no open WebSocket connection to " + api, 0};
}

// The handshake answer a client sees when $connect refuses: ws clients report "Unexpected server
// response: <status>"; browsers only see the close.
core::Error Refused(int64_t status) {
  return {"UnexpectedServerResponse", "Unexpected server response: " + std::to_string(status), static_cast<int>(status)};
}

// A $connect result's status: statusCode as a number or numeric text; a result without one
// accepts (200); anything malformed is the gateway's 502.
int64_t ConnectStatus(const core::Event& reply) {
  if (reply.error) return 502;  // the function failed: API Gateway answers 502 Internal server error
  const Json& r = reply.payload;
  if (!r.is_object() || !r.contains("statusCode")) return 200;
  const Json& s = r["statusCode"];
  if (s.is_number_integer()) return s.get<int64_t>();
  if (s.is_string() && !s.get<std::string>().empty() && s.get<std::string>().size() <= 3 &&
      s.get<std::string>().find_first_not_of("0123456789") == std::string::npos) {
    return std::stoll(s.get<std::string>());
  }
  return 502;
}

}  // namespace

void WebSocketService::Deliver(ServiceContext& ctx, const core::Event& event) {
  if (url_.empty()) {
    url_ = config_->Url(ctx.env());
    callback_url_ = config_->CallbackUrl(ctx.env());
  }
  const std::string& k = event.kind;
  if (k == "websocket.connect") Connect(ctx, event);
  else if (k == "websocket.send") Send(ctx, event);
  else if (k == "websocket.disconnect") ClientClose(ctx, event, false);
  else if (k == "websocket.drop") ClientClose(ctx, event, true);
  else if (k == "websocket.post_to_connection" || k == "websocket.get_connection" || k == "websocket.delete_connection") {
    Manage(ctx, event);
  } else if (k == "function.invoke.result") FunctionReplied(ctx, event);
  else if (k == "websocket.idle_timeout" || k == "websocket.max_duration") TimerFired(ctx, event);
}

Connection* WebSocketService::LiveOf(const std::string& client) {
  auto it = store_.by_client.find(client);
  if (it == store_.by_client.end()) return nullptr;
  auto c = store_.connections.find(it->second);
  return c == store_.connections.end() ? nullptr : &c->second;
}

uint64_t WebSocketService::Invoke(ServiceContext& ctx, const WsRoute& route, Json payload) {
  core::EventSpec e;
  e.delay = HopDelay(ctx, Self());
  e.from = Self();
  e.to = Address("function", route.function);
  e.kind = "function.invoke";
  e.payload = std::move(payload);
  return ctx.kernel.Schedule(std::move(e));
}

uint64_t WebSocketService::Timer(ServiceContext& ctx, const char* kind, const Connection& c, core::SimTime delay) {
  core::EventSpec e;
  e.delay = delay;
  e.priority = core::kPriorityTimer;
  e.from = e.to = Self();
  e.kind = kind;
  e.payload = {{"connectionId", c.id}};
  return ctx.kernel.Schedule(std::move(e));
}

void WebSocketService::Touch(ServiceContext& ctx, Connection& c) {
  if (c.state != ConnectionState::kOpen) return;
  c.last_active_at_us = ctx.kernel.Now().us;
  if (c.idle_timer) ctx.kernel.Cancel(c.idle_timer);
  c.idle_timer = Timer(ctx, "websocket.idle_timeout", c, kIdleTimeout);
}

void WebSocketService::Push(ServiceContext& ctx, Connection& c, const Json& data) {
  core::EventSpec e;
  e.delay = HopDelay(ctx, Self());
  e.from = Self();
  e.to = c.client;
  e.kind = "websocket.message";
  e.payload = {{"api", config_->name}, {"connectionId", c.id}, {"data", data}};
  ctx.kernel.Schedule(std::move(e));
  ++c.messages_out;
  c.frames_out += FramesFor(core::BodySize(data));
  Touch(ctx, c);
}

void WebSocketService::Connect(ServiceContext& ctx, const core::Event& event) {
  if (Connection* live = LiveOf(event.from)) {
    // One connection per client and API in this simulator: close the first before opening another.
    return Reply(ctx, event, core::Error{"InvalidStateError", event.from + " already has connection " + live->id + " to " +
                                                                   config_->name + "; disconnect it first", 0});
  }
  core::Rng& rng = ctx.kernel.RngFor(Self());
  Connection c;
  do c.id = NewConnectionId(rng);
  while (store_.connections.count(c.id));
  c.client = event.from;
  c.connected_at_us = c.last_active_at_us = ctx.kernel.Now().us;
  c.source_ip = gateway::SourceIpFor(event.from);
  const Json headers = event.payload.is_object() ? event.payload.value("headers", Json::object()) : Json::object();
  if (headers.is_object()) {
    for (const auto& [name, value] : headers.items()) {
      std::string lower;
      for (char ch : name) lower += static_cast<char>(ch >= 'A' && ch <= 'Z' ? ch - 'A' + 'a' : ch);
      if (lower == "user-agent" && value.is_string()) c.user_agent = value.get<std::string>();
    }
  }
  Connection& stored = store_.connections[c.id] = c;
  store_.by_client[event.from] = c.id;
  const WsRoute* route = config_->Route("$connect");
  if (!route && !config_->connect_authorizer) return Open(ctx, stored, RefOf(event));
  const std::string request_id = NewConnectionId(rng);
  EventInput in{*config_, ctx.env(), stored, "$connect", request_id, ctx.NowEpochUs()};
  const Json query = event.payload.is_object() ? event.payload.value("query", Json::object()) : Json::object();
  Json connect_event = BuildConnectEvent(in, headers, query, rng);
  if (config_->connect_authorizer) return Authorize(ctx, event, stored, std::move(connect_event), headers, query);
  const uint64_t invoke = Invoke(ctx, *route, std::move(connect_event));
  store_.in_flight[invoke] = {stored.id, "$connect", request_id, event.id, event.from, event.to, event.kind};
}

void WebSocketService::Authorize(ServiceContext& ctx, const core::Event& event, Connection& c, Json connect_event,
                                 const Json& headers, const Json& query) {
  const gateway::AuthorizerConfig& a = *config_->connect_authorizer;
  // A missing identity source is refused 401 without invoking the authorizer.
  if (!gateway::IdentityValues(a, headers, query)) return Refuse(ctx, c, RefOf(event), 401, "no identity source for the authorizer");
  const uint64_t invoke = Invoke(ctx, WsRoute{"$connect", a.function, false},
                                 gateway::RequestAuthorizerEvent(ConnectMethodArn(ctx.env()), connect_event));
  PendingInvoke& p = store_.in_flight[invoke] = {c.id, "$authorizer", "", event.id, event.from, event.to, event.kind};
  p.connect_event = std::move(connect_event);
}

std::string WebSocketService::ConnectMethodArn(const Environment& env) const {
  return "arn:aws:execute-api:" + env.region + ":" + env.account + ":" + config_->IdIn(env) + "/" + config_->stage + "/$connect";
}

void WebSocketService::Refuse(ServiceContext& ctx, Connection& c, const RequestRef& request, int64_t status, const std::string& why) {
  c.state = ConnectionState::kRefused;
  c.close_reason = why;
  store_.by_client.erase(c.client);
  ++store_.refused;
  ReplyTo(ctx, request, Refused(status));
}

void WebSocketService::Authorized(ServiceContext& ctx, Connection& c, const PendingInvoke& p, const core::Event& reply) {
  const RequestRef request{p.request_event, p.request_from, p.request_to, p.request_kind};
  const gateway::AuthorizerVerdict verdict =
      gateway::VerdictFromReply(reply.error ? core::Result<Json>(*reply.error) : core::Result<Json>(reply.payload), ConnectMethodArn(ctx.env()));
  if (!verdict.allowed) return Refuse(ctx, c, request, verdict.error.status, "authorizer: " + verdict.error.message);
  const WsRoute* route = config_->Route("$connect");
  if (!route) return Open(ctx, c, request);
  // $connect sees who the authorizer let in, as requestContext.authorizer.
  Json connect_event = p.connect_event;
  connect_event["requestContext"]["authorizer"] = verdict.authorizer_context;
  const std::string request_id = connect_event["requestContext"].value("requestId", "");
  const uint64_t invoke = Invoke(ctx, *route, std::move(connect_event));
  store_.in_flight[invoke] = {c.id, "$connect", request_id, p.request_event, p.request_from, p.request_to, p.request_kind};
}

void WebSocketService::Open(ServiceContext& ctx, Connection& c, const RequestRef& request) {
  c.state = ConnectionState::kOpen;
  ++store_.connects;
  // The maximum duration counts from the handshake (connectedAt).
  c.duration_timer = Timer(ctx, "websocket.max_duration", c, core::SimTime{c.connected_at_us} + kMaxConnectionDuration - ctx.kernel.Now());
  Touch(ctx, c);
  // 101 Switching Protocols is the handshake answer a client sees. A real browser is not told its
  // connection id; the simulator shows it so that the learner can follow the connection.
  ReplyTo(ctx, request, Json{{"connectionId", c.id}, {"statusCode", 101}, {"url", url_}});
}

void WebSocketService::Send(ServiceContext& ctx, const core::Event& event) {
  Connection* c = LiveOf(event.from);
  if (!c || c->state != ConnectionState::kOpen) return Reply(ctx, event, NotOpen(config_->name));
  const Json data = event.payload.is_object() ? event.payload.value("data", Json(nullptr)) : Json(nullptr);
  const uint64_t bytes = core::BodySize(data);
  const uint64_t frames = FramesFor(bytes);
  ++c->messages_in;
  c->frames_in += frames;
  ++store_.messages;
  // The frames left the client: the acknowledgement is the simulator's, not a server message.
  Reply(ctx, event, Json{{"connectionId", c->id}, {"bytes", bytes}, {"frames", frames}});
  if (bytes > kMessagePayloadBytes) {
    return Close(ctx, *c, kCloseTooBig, "Message too big", "message_too_big", true, true);
  }
  Touch(ctx, *c);
  core::Rng& rng = ctx.kernel.RngFor(Self());
  const bool synthetic = core::IsSyntheticBody(data);
  const std::string text = synthetic ? "" : MessageText(data);
  const std::string key = synthetic ? "" : SelectRoute(config_->selection_path, text);
  const WsRoute* route = key.empty() || key[0] == '$' ? nullptr : config_->Route(key);
  if (!route) route = config_->Route("$default");
  const std::string request_id = NewConnectionId(rng);
  if (!route) {
    // No route and no $default: API Gateway answers on the socket itself.
    return Push(ctx, *c, Json{{"message", "Forbidden"}, {"connectionId", c->id}, {"requestId", request_id}}.dump());
  }
  EventInput in{*config_, ctx.env(), *c, route->key, request_id, ctx.NowEpochUs()};
  const std::string message_id = NewConnectionId(rng);
  Json payload = BuildMessageEvent(in, message_id, text);
  if (synthetic) payload["body"] = data;
  const uint64_t invoke = Invoke(ctx, *route, std::move(payload));
  store_.in_flight[invoke] = {c->id, route->key, request_id};
}

void WebSocketService::ClientClose(ServiceContext& ctx, const core::Event& event, bool dropped) {
  Connection* c = LiveOf(event.from);
  if (!c || c->state != ConnectionState::kOpen) return Reply(ctx, event, NotOpen(config_->name));
  const std::string id = c->id;
  if (dropped) {
    // No close frame reaches the gateway. API Gateway makes only a best-effort attempt to deliver
    // $disconnect; this simulator models the attempt failing, so the app keeps a stale id.
    Close(ctx, *c, 0, "", "dropped", false, false);
    return Reply(ctx, event, Json{{"connectionId", id}, {"disconnect_delivered", false}});
  }
  // A browser's close() sends code 1000 and no reason text.
  Close(ctx, *c, kCloseNormal, "", "client", false, true);
  Reply(ctx, event, Json{{"connectionId", id}, {"code", kCloseNormal}});
}

void WebSocketService::Close(ServiceContext& ctx, Connection& c, int code, const std::string& reason, const std::string& by,
                             bool tell_client, bool deliver_disconnect) {
  if (c.idle_timer) ctx.kernel.Cancel(c.idle_timer);
  if (c.duration_timer) ctx.kernel.Cancel(c.duration_timer);
  c.idle_timer = c.duration_timer = 0;
  c.state = ConnectionState::kClosed;
  c.close_code = code;
  c.close_reason = by;
  store_.by_client.erase(c.client);
  ++store_.disconnects;
  if (tell_client) {
    core::EventSpec e;
    e.delay = HopDelay(ctx, Self());
    e.from = Self();
    e.to = c.client;
    e.kind = "websocket.close";
    e.payload = {{"api", config_->name}, {"connectionId", c.id}, {"code", code}, {"reason", reason}};
    ctx.kernel.Schedule(std::move(e));
  }
  const WsRoute* route = config_->Route("$disconnect");
  if (!deliver_disconnect || !route) return;
  const std::string request_id = NewConnectionId(ctx.kernel.RngFor(Self()));
  EventInput in{*config_, ctx.env(), c, "$disconnect", request_id, ctx.NowEpochUs()};
  const uint64_t invoke = Invoke(ctx, *route, BuildDisconnectEvent(in, code, reason));
  store_.in_flight[invoke] = {c.id, "$disconnect", request_id};
}

void WebSocketService::FunctionReplied(ServiceContext& ctx, const core::Event& event) {
  if (!event.reply_to) return;
  auto it = store_.in_flight.find(*event.reply_to);
  if (it == store_.in_flight.end()) return;
  const PendingInvoke p = it->second;
  store_.in_flight.erase(it);
  auto cit = store_.connections.find(p.connection_id);
  if (cit == store_.connections.end()) return;
  Connection& c = cit->second;
  if (p.route == "$authorizer") {
    if (c.state != ConnectionState::kConnecting) return;
    return Authorized(ctx, c, p, event);
  }
  if (p.route == "$connect") {
    if (c.state != ConnectionState::kConnecting) return;
    const RequestRef request{p.request_event, p.request_from, p.request_to, p.request_kind};
    const int64_t status = ConnectStatus(event);
    if (status >= 200 && status < 300) return Open(ctx, c, request);
    return Refuse(ctx, c, request, status, "$connect answered " + std::to_string(status));
  }
  if (p.route == "$disconnect") return;  // API Gateway ignores what $disconnect returns
  const WsRoute* route = config_->Route(p.route);
  if (!route || !route->route_response || c.state != ConnectionState::kOpen) return;
  if (event.error) {
    return Push(ctx, c, Json{{"message", "Internal server error"}, {"connectionId", c.id}, {"requestId", p.request_id}}.dump());
  }
  // A proxy-shaped result sends its body; any other result goes as it is (text) or as JSON text.
  const Json& r = event.payload;
  if (r.is_null()) return;
  if (r.is_object() && r.contains("body")) {
    if (!r["body"].is_null()) Push(ctx, c, r["body"]);
    return;
  }
  Push(ctx, c, r.is_string() || core::IsSyntheticBody(r) ? r : Json(core::DumpText(r)));
}

void WebSocketService::TimerFired(ServiceContext& ctx, const core::Event& event) {
  auto it = store_.connections.find(event.payload.value("connectionId", ""));
  if (it == store_.connections.end() || it->second.state != ConnectionState::kOpen) return;
  Connection& c = it->second;
  if (event.kind == "websocket.idle_timeout") {
    if (c.idle_timer != event.id) return;
    c.idle_timer = 0;
    Close(ctx, c, kCloseGoingAway, "Going away", "idle_timeout", true, true);
  } else {
    if (c.duration_timer != event.id) return;
    c.duration_timer = 0;
    Close(ctx, c, kCloseGoingAway, "Going away", "max_duration", true, true);
  }
}

Json WebSocketService::State() const {
  Json routes = Json::array();
  for (const auto& [key, r] : config_->routes) {
    routes.push_back({{"route", key}, {"function", r.function}, {"route_response", r.route_response}});
  }
  Json connections = Json::array();
  for (const auto& [id, c] : store_.connections) {
    Json item = {{"id", c.id},
                 {"client", c.client},
                 {"state", StateName(c.state)},
                 {"connected_at_us", c.connected_at_us},
                 {"last_active_at_us", c.last_active_at_us},
                 {"messages_in", c.messages_in},
                 {"messages_out", c.messages_out},
                 {"frames_in", c.frames_in},
                 {"frames_out", c.frames_out}};
    if (c.state == ConnectionState::kOpen) {
      item["idle_deadline_us"] = c.last_active_at_us + kIdleTimeout.us;
      item["duration_deadline_us"] = c.connected_at_us + kMaxConnectionDuration.us;
    }
    if (c.state == ConnectionState::kClosed || c.state == ConnectionState::kRefused) {
      item["close_code"] = c.close_code == 0 ? Json(nullptr) : Json(c.close_code);
      item["closed_by"] = c.close_reason;
    }
    connections.push_back(std::move(item));
  }
  return {{"kind", "websocket_api"},
          {"url", url_.empty() ? Json(nullptr) : Json(url_)},
          {"callback_url", callback_url_.empty() ? Json(nullptr) : Json(callback_url_ + "/{connectionId}")},
          {"stage", config_->stage},
          {"route_selection_expression", config_->route_selection_expression},
          {"routes", routes},
          {"connections", connections},
          {"in_flight", store_.in_flight.size()},
          {"counters",
           {{"connects", store_.connects},
            {"refused", store_.refused},
            {"messages", store_.messages},
            {"posts", store_.posts},
            {"gone_410", store_.gone_410},
            {"disconnects", store_.disconnects}}}};
}

}  // namespace eventlab::cloud::websocket
