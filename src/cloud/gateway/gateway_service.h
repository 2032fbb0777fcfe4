// The API Gateway service: answers http.request for its host, forwards matched requests to the
// route's function as a Lambda proxy integration, and maps the function's reply back.
#pragma once

#include "cloud/gateway/gateway_models.h"
#include "cloud/messaging.h"

namespace eventlab::cloud::gateway {

class GatewayService : public CopyableService<GatewayService> {
 public:
  explicit GatewayService(const ApiConfig* config) : config_(config) {}

  /// Handles http.request, function.invoke.result and api.integration_timeout.
  void Deliver(ServiceContext& ctx, const core::Event& event) override;
  Json State() const override;

 private:
  void Request(ServiceContext& ctx, const core::Event& event);
  void FunctionReplied(ServiceContext& ctx, const core::Event& event);
  void TimedOut(ServiceContext& ctx, const core::Event& event);
  /// Replies to the client and records the status.
  void Answer(ServiceContext& ctx, const core::Event& request, const core::Result<Json>& result);
  std::string Self() const { return Address("api", config_->name); }

  const ApiConfig* config_;
  ApiStore store_;
};

}  // namespace eventlab::cloud::gateway
