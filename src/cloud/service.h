// What every service is to the world: it handles the events addressed to its resource, shows its
// state, and copies itself for snapshots.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "cloud/environment.h"
#include "cloud/messaging.h"

namespace eventlab::cloud {

class Service {
 public:
  virtual ~Service() = default;
  /// Handles one event addressed to this resource.
  virtual void Deliver(ServiceContext& ctx, const core::Event& event) = 0;
  /// Inspectable state, starting with {"kind": ...}.
  virtual Json State() const = 0;
  /// Called once when a run starts, after the scripted calls are scheduled: a resource schedules
  /// its own first timers here (a secret's rotation schedule). Most services need nothing.
  virtual void Start(ServiceContext& ctx) {}
  /// A deep copy (snapshots copy the whole world).
  virtual std::unique_ptr<Service> Clone() const = 0;
};

/// Implements Clone() for a copyable service class.
template <typename Derived>
class CopyableService : public Service {
 public:
  std::unique_ptr<Service> Clone() const override {
    return std::make_unique<Derived>(static_cast<const Derived&>(*this));
  }
};

/// A wiring from one resource to another that the configuration fixes (a bucket's notification, a
/// topic's subscription, an API route, a mapping), as the architecture graph draws it.
struct Wire {
  std::string to;     ///< "kind:name" of the resource events flow to
  std::string label;  ///< what flows, short: "s3:ObjectCreated:*", "POST /uploads", "subscription"
};

/// A resource's configuration as loaded from the scenario. Each kind derives from it and knows
/// how to create its service. Configs are immutable and shared by every copy of the world.
struct ResourceConfig {
  std::string name;
  std::string description;
  virtual ~ResourceConfig() = default;
  /// The kind as written in scenarios ("queue").
  virtual std::string Kind() const = 0;
  /// A fresh service for this resource; the config outlives it.
  virtual std::unique_ptr<Service> CreateService() const = 0;
  /// True if HTTP requests to `host` reach this resource (a bucket's virtual host, an API's
  /// endpoint). Used by http.request to route a URL.
  virtual bool ServesHost(const std::string& host, const Environment& env) const { return false; }
  /// The wirings this resource's configuration sends events along. Calls made by handler steps
  /// and scripted clients are found from the steps themselves (api/architecture), not here.
  virtual std::vector<Wire> Wires() const { return {}; }
};

}  // namespace eventlab::cloud
