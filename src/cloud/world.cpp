// Routing by the `to` address keeps services ignorant of each other: they only send events.
#include "cloud/world.h"


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
  // Each scripted call starts as the client's own step at its time, so the client renders its
  // arguments then, with the replies it has received so far.
  for (size_t i = 0; i < config_->script.size(); ++i) {
    const ScriptedCall& call = config_->script[i];
    const std::string client = Address("client", call.client);
    core::EventSpec e{call.at, core::kPriorityScript, std::nullopt, client, client, "client.call",
                      Json{{"step", i}, {"call", call.call}, {"with", call.with}}, std::nullopt};
    if (!call.as.empty()) e.payload["as"] = call.as;
    kernel.Schedule(std::move(e));
  }
  ServiceContext ctx{kernel, *config_};
  for (auto& [address, service] : services_) service->Start(ctx);
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
