// Routing by the `to` address keeps services ignorant of each other: they only send events.
#include "cloud/world.h"

#include "cloud/functions/template.h"

namespace eventlab::cloud {

World::World(std::shared_ptr<const WorldConfig> config) : config_(std::move(config)) {
  for (const auto& [name, resource] : config_->resources) {
    services_.emplace(Address(resource->Kind(), name), resource->CreateService());
  }
}

World::World(const World& other) : config_(other.config_) {
  for (const auto& [address, service] : other.services_) services_.emplace(address, service->Clone());
}

World& World::operator=(const World& other) {
  if (this == &other) return *this;
  World copy(other);
  config_ = std::move(copy.config_);
  services_ = std::move(copy.services_);
  return *this;
}

void World::Start(core::Kernel& kernel) {
  ServiceContext ctx{kernel, *config_};
  for (const ScriptedCall& call : config_->script) {
    const std::string caller = Address("client", call.client);
    functions::TemplateScope scope;
    const Json no_vars = Json::object();
    scope.vars = &no_vars;
    scope.rng = &kernel.RngFor(caller);
    scope.now_epoch_us = config_->env.start_epoch_us + call.at.us;
    auto args = functions::Render(call.with, scope);
    core::Result<core::EventSpec> request =
        args.ok() ? BuildRequest(ctx, caller, call.call, args.value()) : core::Result<core::EventSpec>(args.error());
    if (!request.ok()) {
      // The client's call fails before it is sent: the client sees the error at the scripted time.
      core::EventSpec e{call.at, core::kPriorityScript, std::nullopt, caller, caller, call.call + ".result",
                        nullptr, request.error()};
      kernel.Schedule(std::move(e));
      continue;
    }
    core::EventSpec e = std::move(request.value());
    e.delay = call.at;
    e.priority = core::kPriorityScript;
    kernel.Schedule(std::move(e));
  }
}

void World::Deliver(core::Kernel& kernel, const core::Event& event) {
  ServiceContext ctx{kernel, *config_};
  if (auto it = services_.find(event.to); it != services_.end()) return it->second->Deliver(ctx, event);
  // No such resource: the service's endpoint answers a request with its not-found error.
  const bool is_reply = event.kind.size() > 7 && event.kind.compare(event.kind.size() - 7, 7, ".result") == 0;
  if (!is_reply) Reply(ctx, event, NotFoundError(ctx, KindOf(event.to), NameOf(event.to)));
}

Json World::State() const {
  Json resources = Json::object();
  for (const auto& [address, service] : services_) resources[NameOf(address)] = service->State();
  return resources;
}

}  // namespace eventlab::cloud
