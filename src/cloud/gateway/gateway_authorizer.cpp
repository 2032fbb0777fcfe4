// A REST API's Lambda authorizers: the identity source is checked first (401 without invoking),
// then the cached policy or the authorizer function decides; an allowed request continues to its
// integration with requestContext.authorizer filled in.
#include "cloud/gateway/gateway_service.h"

namespace eventlab::cloud::gateway {

void GatewayService::Answer(ServiceContext& ctx, const RequestRef& request, const core::Result<Json>& result) {
  store_.last_status = result.ok() ? result.value().value("statusCode", int64_t{200}) : result.error().status;
  ReplyTo(ctx, request, result);
}

void GatewayService::Authorize(ServiceContext& ctx, const core::Event& event, const Route& route, const std::string& path,
                               Json proxy_event) {
  auto found = config_->authorizers.find(route.authorizer);
  if (found == config_->authorizers.end()) {
    return Answer(ctx, event, core::Error{"AuthorizerConfigurationException", "null", 500});
  }
  const AuthorizerConfig& a = found->second;
  const Json& req = event.payload;
  auto values = IdentityValues(a, req.value("headers", Json()), req.value("query", Json()));
  if (!values) return Answer(ctx, event, UnauthorizedError());  // no identity source: not invoked
  const Environment& env = ctx.env();
  const std::string arn = MethodArn(env.region, env.account, config_->IdIn(env), config_->stage,
                                    req.value("method", ""), path);
  const std::string key = AuthorizerCacheKey(a.name, *values);
  const core::SimTime now = ctx.kernel.Now();
  if (a.ttl.us > 0) {
    if (const AuthorizerCacheEntry* hit = store_.authorizer_cache.Lookup(key, now)) {
      // The trace shows the cached policy being used as a record event to the API itself.
      core::EventSpec record{core::SimTime{}, core::kPriorityMessage, std::nullopt, Self(), Self(),
                             "api.authorizer_cache_hit",
                             Json{{"authorizer", a.name}, {"principalId", hit->output.principal_id},
                                  {"expires_in_s", (hit->expires_at - now).us / 1000000}},
                             std::nullopt};
      ctx.kernel.Schedule(std::move(record));
      AuthorizerVerdict verdict = Evaluate(hit->output, arn);
      if (!verdict.allowed) return Answer(ctx, event, verdict.error);
      return Authorized(ctx, RefOf(event), route.key, std::move(proxy_event), verdict.authorizer_context, 0);
    }
  }
  core::EventSpec invoke;
  invoke.delay = HopDelay(ctx, Self());
  invoke.from = Self();
  invoke.to = Address("function", a.function);
  invoke.kind = "function.invoke";
  invoke.payload = a.type == AuthorizerType::kToken ? TokenAuthorizerEvent(values->front(), arn)
                                                    : RequestAuthorizerEvent(arn, proxy_event);
  const uint64_t id = ctx.kernel.Schedule(std::move(invoke));
  store_.authorizing[id] = {RefOf(event), route.key, a.name, arn, key, std::move(proxy_event), now};
}

void GatewayService::AuthorizerReplied(ServiceContext& ctx, const core::Event& event) {
  auto it = store_.authorizing.find(*event.reply_to);
  PendingAuthorization pending = std::move(it->second);
  store_.authorizing.erase(it);
  const core::Result<Json> reply = event.error ? core::Result<Json>(*event.error) : core::Result<Json>(event.payload);
  std::optional<AuthorizerOutput> output;
  AuthorizerVerdict verdict = VerdictFromReply(reply, pending.method_arn, &output);
  auto a = config_->authorizers.find(pending.authorizer);
  if (output && a != config_->authorizers.end()) {
    store_.authorizer_cache.Store(pending.cache_key, pending.authorizer, *output, ctx.kernel.Now(), a->second.ttl,
                                  ctx.NowEpochUs());
  }
  if (!verdict.allowed) return Answer(ctx, pending.request, verdict.error);
  Authorized(ctx, pending.request, pending.route, std::move(pending.proxy_event), verdict.authorizer_context,
             (ctx.kernel.Now() - pending.invoked_at).us / 1000);
}

void GatewayService::Authorized(ServiceContext& ctx, const RequestRef& request, const std::string& route,
                                Json proxy_event, Json authorizer_context, int64_t latency_ms) {
  // REST API proxy events carry the authorizer's principalId and context, plus integrationLatency
  // (the authorizer's latency in ms; 0 when the policy came from the cache).
  authorizer_context["integrationLatency"] = latency_ms;
  proxy_event["requestContext"]["authorizer"] = std::move(authorizer_context);
  Integrate(ctx, request, route, std::move(proxy_event), HopDelay(ctx, Self()));
}

Json GatewayService::AuthorizersState() const {
  Json out = Json::object();
  for (const auto& [name, a] : config_->authorizers) {
    out[name] = {{"type", a.type == AuthorizerType::kToken ? "TOKEN" : "REQUEST"}, {"function", a.function},
                 {"identity_source", a.identity_sources}, {"ttl_s", a.ttl.us / 1000000}};
  }
  return out;
}

}  // namespace eventlab::cloud::gateway
