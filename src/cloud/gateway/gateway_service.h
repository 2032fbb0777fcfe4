// The API Gateway service: answers http.request for its host, forwards matched requests to the
// route's function as a Lambda proxy integration, and maps the function's reply back.
#pragma once

#include "cloud/gateway/gateway_models.h"
#include "cloud/messaging.h"

namespace eventlab::cloud::gateway {

class GatewayService : public CopyableService<GatewayService> {
 public:
  explicit GatewayService(const ApiConfig* config) : config_(config) {}

  /// Handles http.request, function.invoke.result (integrations and authorizers), api.integration_timeout
  /// and api.authorizer_cache_hit (a record of a cached authorizer policy being used; nothing to do).
  void Deliver(ServiceContext& ctx, const core::Event& event) override;
  Json State() const override;

 private:
  void Request(ServiceContext& ctx, const core::Event& event);
  /// Sends the integration's proxy event to the route's function and arms the timeout.
  void Integrate(ServiceContext& ctx, const RequestRef& request, const std::string& route, Json proxy_event,
                 core::SimTime delay);
  // gateway_authorizer.cpp: Lambda authorizers in front of a route.
  void Authorize(ServiceContext& ctx, const core::Event& event, const Route& route, const std::string& path,
                 Json proxy_event);
  void AuthorizerReplied(ServiceContext& ctx, const core::Event& event);
  /// Continues an authorized request: requestContext.authorizer, then the integration.
  void Authorized(ServiceContext& ctx, const RequestRef& request, const std::string& route, Json proxy_event,
                  Json authorizer_context, int64_t latency_ms);
  Json AuthorizersState() const;
  void FunctionReplied(ServiceContext& ctx, const core::Event& event);
  void TimedOut(ServiceContext& ctx, const core::Event& event);
  /// Replies to the client and records the status.
  void Answer(ServiceContext& ctx, const core::Event& request, const core::Result<Json>& result);
  void Answer(ServiceContext& ctx, const RequestRef& request, const core::Result<Json>& result);
  std::string Self() const { return Address("api", config_->name); }

  const ApiConfig* config_;
  ApiStore store_;
};

}  // namespace eventlab::cloud::gateway
