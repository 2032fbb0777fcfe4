// The world: one service instance per resource of a scenario, and the router that hands each
// delivered event to the service its address names. Copying a World copies all service state.
#pragma once

#include <map>
#include <memory>
#include <string>

#include "cloud/world_config.h"

namespace eventlab::cloud {

class World : public core::EventHandler {
 public:
  explicit World(std::shared_ptr<const WorldConfig> config);
  World(const World& other);
  World& operator=(const World& other);
  World(World&&) = default;
  World& operator=(World&&) = default;

  /// Schedules the scripted client calls. Call once, on a fresh kernel.
  void Start(core::Kernel& kernel);
  void Deliver(core::Kernel& kernel, const core::Event& event) override;

  /// {name: state} for every resource.
  Json State() const;
  const WorldConfig& Config() const { return *config_; }

 private:
  std::shared_ptr<const WorldConfig> config_;
  std::map<std::string, std::unique_ptr<Service>> services_;  ///< by address "kind:name"
};

}  // namespace eventlab::cloud
