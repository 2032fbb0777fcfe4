// Simulated clients: they send their scripted calls and keep the replies they get.
#pragma once

#include "cloud/clients/client_models.h"
#include "cloud/messaging.h"

namespace eventlab::cloud::clients {

class ClientService : public CopyableService<ClientService> {
 public:
  explicit ClientService(const ClientConfig* config) : config_(config) {}

  /// Records every reply ("*.result") addressed to this client.
  void Deliver(ServiceContext& ctx, const core::Event& event) override;
  Json State() const override;

 private:
  const ClientConfig* config_;
  ClientStore store_;
};

}  // namespace eventlab::cloud::clients
