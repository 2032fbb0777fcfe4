// Routing by the `to` address keeps services ignorant of each other: they only send events.
#include "cloud/world.h"

#include "cloud/functions/template.h"

namespace eventlab::cloud {

World::World(std::shared_ptr<const WorldConfig> config) : config_(std::move(config)) {
  for (const auto& [name, c] : config_->clients) clients_.emplace(name, clients::ClientService(&c));
  for (const auto& [name, c] : config_->functions) functions_.emplace(name, functions::FunctionService(&c));
  for (const auto& [name, c] : config_->queues) queues_.emplace(name, queues::QueueService(&c));
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
  const std::string kind = KindOf(event.to), name = NameOf(event.to);
  if (kind == "function") {
    if (auto it = functions_.find(name); it != functions_.end()) return it->second.Deliver(ctx, event);
  } else if (kind == "queue") {
    if (auto it = queues_.find(name); it != queues_.end()) return it->second.Deliver(ctx, event);
  } else if (kind == "client") {
    if (auto it = clients_.find(name); it != clients_.end()) return it->second.Deliver(ctx, event);
  }
  // No such resource: the service's endpoint answers a request with its not-found error.
  const bool is_reply = event.kind.size() > 7 && event.kind.compare(event.kind.size() - 7, 7, ".result") == 0;
  if (!is_reply) Reply(ctx, event, NotFoundError(ctx, kind, name));
}

Json World::State() const {
  Json resources = Json::object();
  for (const auto& [name, s] : clients_) resources[name] = s.State();
  for (const auto& [name, s] : functions_) resources[name] = s.State();
  for (const auto& [name, s] : queues_) resources[name] = s.State();
  return resources;
}

}  // namespace eventlab::cloud
