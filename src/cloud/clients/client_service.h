// Simulated clients: they send their scripted calls and keep the replies they get.
#pragma once

#include "cloud/action_catalog.h"
#include "cloud/clients/client_models.h"
#include "cloud/messaging.h"

namespace eventlab::cloud::clients {

class ClientService : public CopyableService<ClientService> {
 public:
  explicit ClientService(const ClientConfig* config) : config_(config) {}

  /// Makes a scripted call (client.call) and records every reply ("*.result") it gets.
  void Deliver(ServiceContext& ctx, const core::Event& event) override;
  Json State() const override;

 private:
  void MakeScriptedCall(ServiceContext& ctx, const core::Event& event);
  void Record(const core::Event& event);
  /// A page action (browser.*) or an http.request as the page's browser sends it.
  CallOutcome MakePageCall(ServiceContext& ctx, const std::string& action, const Json& args);

  const ClientConfig* config_;
  ClientStore store_;
};

}  // namespace eventlab::cloud::clients
