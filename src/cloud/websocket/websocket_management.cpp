// The @connections management API (ApiGatewayManagementApi: PostToConnection, GetConnection,
// DeleteConnection) as functions call it, with the execute-api:ManageConnections check on the
// connection's ARN and the service's errors.
#include "cloud/iam/permissions.h"
#include "cloud/websocket/websocket_service.h"
#include "cloud/world_config.h"
#include "core/digest.h"

namespace eventlab::cloud::websocket {
namespace {

// GoneException, 410: "The connection with the provided id no longer exists."
// (ApiGatewayManagementApi API reference, PostToConnection / GetConnection / DeleteConnection errors).
core::Error Gone() { return {"GoneException", "The connection with the provided id no longer exists.", 410}; }

}  // namespace

void WebSocketService::Manage(ServiceContext& ctx, const core::Event& event) {
  static const std::map<std::string, std::string> kMethods = {{"websocket.post_to_connection", "POST"},
                                                             {"websocket.get_connection", "GET"},
                                                             {"websocket.delete_connection", "DELETE"}};
  const std::string method = kMethods.at(event.kind);
  const Json args = event.payload.is_object() ? event.payload : Json::object();
  if (!args.contains("connection_id") || !args["connection_id"].is_string() || args["connection_id"].get<std::string>().empty()) {
    return Reply(ctx, event, core::Error{"BadRequestException", "Invalid connectionId: connection_id must be a non-empty string", 400});
  }
  const std::string id = args["connection_id"].get<std::string>();
  // Access is granted per connection and method: arn:aws:execute-api:<region>:<account>:<api-id>/
  // <stage>/<METHOD>/@connections/<connection-id> (API Gateway developer guide, "Use @connections
  // commands in your backend service": execute-api:ManageConnections).
  const Environment& env = ctx.env();
  const std::string arn = "arn:aws:execute-api:" + env.region + ":" + env.account + ":" + config_->IdIn(env) + "/" +
                          config_->stage + "/" + method + "/@connections/" + id;
  const std::string action = "execute-api:ManageConnections";
  if (!iam::GrantsOf(ctx.config, event.from).Allows(action, arn)) {
    // The management API answers an IAM denial with 403 ForbiddenException, "The caller is not
    // authorized to invoke this operation" being its generic text; the IAM wording names both ARNs.
    return Reply(ctx, event,
                 core::Error{"ForbiddenException",
                             "User: " + iam::PrincipalArn(ctx.config, event.from) + " is not authorized to perform: " + action +
                                 " on resource: " + arn,
                             403});
  }
  auto it = store_.connections.find(id);
  Connection* c = it != store_.connections.end() && it->second.state == ConnectionState::kOpen ? &it->second : nullptr;
  core::Result<Json> result = Json::object();
  if (method == "POST") result = PostToConnection(ctx, c, args);
  else if (method == "GET") result = GetConnection(ctx, c);
  else result = DeleteConnection(ctx, c);
  if (!result.ok() && result.error().status == 410) ++store_.gone_410;
  Reply(ctx, event, result);
}

core::Result<Json> WebSocketService::PostToConnection(ServiceContext& ctx, Connection* c, const Json& args) {
  const Json data = args.value("data", Json(nullptr));
  const uint64_t bytes = core::BodySize(data);
  if (bytes > kMessagePayloadBytes) {
    // PayloadTooLargeException, 413: "The data has exceeded the maximum size allowed."
    // (ApiGatewayManagementApi API reference, PostToConnection errors).
    return core::Error{"PayloadTooLargeException", "The data has exceeded the maximum size allowed.", 413};
  }
  if (!c) return Gone();
  ++store_.posts;
  Push(ctx, *c, data);
  return Json::object();
}

core::Result<Json> WebSocketService::GetConnection(ServiceContext& ctx, Connection* c) const {
  if (!c) return Gone();
  const int64_t start = ctx.env().start_epoch_us;
  return Json{{"ConnectedAt", core::FormatIsoUtc(start + c->connected_at_us)},
              {"Identity", {{"SourceIp", c->source_ip}, {"UserAgent", c->user_agent}}},
              {"LastActiveAt", core::FormatIsoUtc(start + c->last_active_at_us)}};
}

core::Result<Json> WebSocketService::DeleteConnection(ServiceContext& ctx, Connection* c) {
  if (!c) return Gone();
  // The gateway closes the socket with a normal closure; $disconnect is delivered (the gateway
  // itself ends the connection, so it knows).
  Close(ctx, *c, kCloseNormal, "Connection deleted", "delete_connection", true, true);
  return Json::object();
}

}  // namespace eventlab::cloud::websocket
