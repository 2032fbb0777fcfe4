// Requests follow a REST API's order of checks: the stage, the payload size, the route; then the
// integration runs with a timeout. Gateway answers carry API Gateway's default messages.
#include "cloud/gateway/gateway_service.h"

#include "cloud/gateway/proxy_event.h"
#include "cloud/gateway/route_matcher.h"
#include "core/digest.h"
#include "core/ids.h"

namespace eventlab::cloud::gateway {
namespace {

// Maps an id to the original http.request event, as the function service rebuilds its invoke.
core::Event RequestEvent(const PendingRequest& p) {
  core::Event e;
  e.id = p.request_event;
  e.from = p.from;
  e.to = p.to;
  e.kind = p.kind;
  return e;
}

}  // namespace

std::string ApiId(const std::string& account, const std::string& name) {
  static const char kAlphabet[] = "abcdefghijklmnopqrstuvwxyz0123456789";
  uint64_t h = core::Fnv1a64(account + ":" + name);
  std::string id;
  for (int i = 0; i < 10; ++i) {
    id += kAlphabet[h % 36];
    h /= 36;
  }
  return id;
}

std::unique_ptr<Service> ApiConfig::CreateService() const { return std::make_unique<GatewayService>(this); }

std::string ApiConfig::IdIn(const Environment& env) const { return id.empty() ? ApiId(env.account, name) : id; }

std::string ApiConfig::Host(const Environment& env) const { return IdIn(env) + ".execute-api." + env.region + ".amazonaws.com"; }

std::string ApiConfig::InvokeUrl(const Environment& env) const { return "https://" + Host(env) + "/" + stage; }

bool ApiConfig::ServesHost(const std::string& host, const Environment& env) const {
  return host == Host(env) || (!domain.empty() && host == domain);
}

void GatewayService::Deliver(ServiceContext& ctx, const core::Event& event) {
  // The id may come from the account, which only the world knows: the URL is learnt here.
  if (store_.url.empty()) store_.url = config_->InvokeUrl(ctx.env());
  if (event.kind == "http.request") Request(ctx, event);
  else if (event.kind == "function.invoke.result" && event.reply_to && store_.authorizing.count(*event.reply_to)) {
    AuthorizerReplied(ctx, event);
  } else if (event.kind == "function.invoke.result") FunctionReplied(ctx, event);
  else if (event.kind == "api.integration_timeout") TimedOut(ctx, event);
}

void GatewayService::Answer(ServiceContext& ctx, const core::Event& request, const core::Result<Json>& result) {
  store_.last_status = result.ok() ? result.value().value("statusCode", int64_t{200}) : result.error().status;
  Reply(ctx, request, result);
}

void GatewayService::Request(ServiceContext& ctx, const core::Event& event) {
  ++store_.requests;
  const Json& req = event.payload;
  const std::string full_path = req.value("path", "/");
  // The first path part names the stage; a stage the API does not have is answered
  // 403 {"message": "Forbidden"}.
  const std::string stage_prefix = "/" + config_->stage;
  std::string path;
  if (!config_->domain.empty() && req.value("host", "") == config_->domain) path = full_path;  // base path mapping "/"
  else if (full_path == stage_prefix) path = "/";
  else if (full_path.compare(0, stage_prefix.size() + 1, stage_prefix + "/") == 0) path = full_path.substr(stage_prefix.size());
  else return Answer(ctx, event, core::Error{"ForbiddenException", "Forbidden", 403});

  // API Gateway quotas: "Maximum payload size" 10 MB, answered 413 with the REQUEST_TOO_LARGE
  // gateway response ({"message": "Request Entity Too Large"}).
  const uint64_t limit = ctx.env().limits.gateway_payload_bytes;
  if (req.contains("body") && !req["body"].is_null() && core::BodySize(req["body"]) > limit) {
    return Answer(ctx, event, core::Error{"RequestEntityTooLarge", "Request Entity Too Large", 413});
  }

  // A REST API answers a path or method it has no resource for with 403
  // {"message": "Missing Authentication Token"} (MISSING_AUTHENTICATION_TOKEN gateway response),
  // not 404: it cannot tell an unknown resource from an unsigned request to an IAM-protected one.
  const std::string method = req.value("method", "");
  std::optional<RouteMatch> match = MatchRoute(config_->routes, method, path);
  if (!match) return Answer(ctx, event, core::Error{"MissingAuthenticationTokenException", "Missing Authentication Token", 403});

  core::Rng& rng = ctx.kernel.RngFor(Self());
  ProxyInput in{*config_, ctx.env(), req, path, *match, SourceIpFor(event.from), ctx.NowEpochUs()};
  if (!match->route->authorizer.empty()) {
    Json proxy_event = BuildProxyEvent(in, rng);
    return Authorize(ctx, event, *match->route, path, std::move(proxy_event));
  }
  const core::SimTime delay = HopDelay(ctx, Self());
  Integrate(ctx, RefOf(event), match->route->key, BuildProxyEvent(in, rng), delay);
}

void GatewayService::Integrate(ServiceContext& ctx, const RequestRef& request, const std::string& route,
                               Json proxy_event, core::SimTime delay) {
  const Route* r = nullptr;
  for (const Route& candidate : config_->routes) {
    if (candidate.key == route) r = &candidate;
  }
  core::EventSpec invoke;
  invoke.delay = delay;
  invoke.from = Self();
  invoke.to = Address("function", r ? r->function : "");
  invoke.kind = "function.invoke";
  invoke.payload = std::move(proxy_event);
  const uint64_t invoke_id = ctx.kernel.Schedule(std::move(invoke));

  core::EventSpec timer;
  timer.delay = kIntegrationTimeout;
  timer.priority = core::kPriorityTimer;
  timer.from = timer.to = Self();
  timer.kind = "api.integration_timeout";
  timer.payload = {{"invoke", invoke_id}, {"route", route}};
  PendingRequest& pending = store_.in_flight[invoke_id];
  pending.timeout_timer = ctx.kernel.Schedule(std::move(timer));
  pending.request_event = request.id;
  pending.from = request.from;
  pending.to = request.to;
  pending.kind = request.kind;
  pending.route = route;
}

void GatewayService::FunctionReplied(ServiceContext& ctx, const core::Event& event) {
  if (!event.reply_to) return;
  auto it = store_.in_flight.find(*event.reply_to);
  if (it == store_.in_flight.end()) return;  // answered already (the integration timed out)
  const PendingRequest pending = it->second;
  store_.in_flight.erase(it);
  ctx.kernel.Cancel(pending.timeout_timer);
  if (event.error) {
    // The invoke's own error (RequestEntityTooLargeException, a handler failure, ...) goes back
    // to the client as it is, with its code and status, so the learner sees where it came from.
    return Answer(ctx, RequestEvent(pending), *event.error);
  }
  Answer(ctx, RequestEvent(pending), MapProxyResponse(event.payload));
}

void GatewayService::TimedOut(ServiceContext& ctx, const core::Event& event) {
  auto it = store_.in_flight.find(event.payload.value("invoke", uint64_t{0}));
  if (it == store_.in_flight.end()) return;
  const PendingRequest pending = it->second;
  store_.in_flight.erase(it);
  // INTEGRATION_TIMEOUT gateway response: 504 {"message": "Endpoint request timed out"}.
  Answer(ctx, RequestEvent(pending), core::Error{"InternalServerErrorException", "Endpoint request timed out", 504});
}

Json GatewayService::State() const {
  Json routes = Json::array();
  for (const Route& r : config_->routes) {
    routes.push_back({{"route", r.key}, {"function", r.function}});
    if (!r.authorizer.empty()) routes.back()["authorizer"] = r.authorizer;
  }
  return {{"kind", "api"},
          {"url", store_.url.empty() ? Json(nullptr) : Json(store_.url)},
          {"stage", config_->stage},
          {"routes", routes},
          {"requests", store_.requests},
          {"in_flight", store_.in_flight.size()},
          {"authorizers", AuthorizersState()},
          {"authorizer_cache", store_.authorizer_cache.ToJson()},
          {"last_status", store_.last_status == 0 ? Json(nullptr) : Json(store_.last_status)}};
}

}  // namespace eventlab::cloud::gateway
