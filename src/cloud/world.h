// The world: every service instance of one scenario, and the router that hands each delivered
// event to the service its address names. Copying a World copies all service state (snapshots).
#pragma once

#include <map>
#include <memory>
#include <string>

#include "cloud/clients/client_service.h"
#include "cloud/functions/function_service.h"
#include "cloud/queues/queue_service.h"
#include "cloud/world_config.h"

namespace eventlab::cloud {

class World : public core::EventHandler {
 public:
  explicit World(std::shared_ptr<const WorldConfig> config);

  /// Schedules the scripted client calls. Call once, on a fresh kernel.
  void Start(core::Kernel& kernel);
  void Deliver(core::Kernel& kernel, const core::Event& event) override;

  /// {"resources": {name: state}}, every resource's inspectable state.
  Json State() const;
  const WorldConfig& Config() const { return *config_; }

 private:
  std::shared_ptr<const WorldConfig> config_;
  std::map<std::string, clients::ClientService> clients_;
  std::map<std::string, functions::FunctionService> functions_;
  std::map<std::string, queues::QueueService> queues_;
};

}  // namespace eventlab::cloud
