// Static analysis of a scenario for the graph. Targets of calls are resolved the way the step
// would resolve them when they are literal or read the function's environment ("${env.QUEUE}");
// anything else waits for the trace.
#include "api/architecture.h"

#include <map>
#include <set>
#include <utility>

#include "cloud/action_catalog.h"
#include "cloud/functions/function_models.h"
#include "cloud/gateway/gateway_models.h"
#include "cloud/http/url.h"
#include "cloud/messaging.h"
#include "cloud/queues/queue_models.h"

namespace eventlab::api {

namespace {

using cloud::functions::Step;

/// Collects edges keyed by (from, to), so each pair is drawn once with every label it carries.
class EdgeSet {
 public:
  void Add(const std::string& from, const std::string& to, const std::string& label) {
    if (from.empty() || to.empty() || from == to) return;
    auto& labels = edges_[{from, to}];
    for (const auto& l : labels) {
      if (l == label) return;
    }
    labels.push_back(label);
  }
  std::vector<ArchEdge> Take() const {
    std::vector<ArchEdge> out;
    for (const auto& [key, labels] : edges_) {
      std::string joined;
      for (const auto& l : labels) joined += (joined.empty() ? "" : ", ") + l;
      out.push_back({key.first, key.second, joined});
    }
    return out;
  }

 private:
  std::map<std::pair<std::string, std::string>, std::vector<std::string>> edges_;
};

/// A step argument's value when it is known before the run: a literal string, or exactly
/// "${env.NAME}" with NAME a string in `env`.
std::string StaticString(const core::Json& value, const core::Json& env) {
  if (!value.is_string()) return "";
  const std::string text = value.get<std::string>();
  if (text.find("${") == std::string::npos) return text;
  const std::string prefix = "${env.";
  if (text.rfind(prefix, 0) == 0 && text.back() == '}' && text.find("${", 2) == std::string::npos) {
    const std::string key = text.substr(prefix.size(), text.size() - prefix.size() - 1);
    if (env.is_object() && env.contains(key) && env[key].is_string()) return env[key].get<std::string>();
  }
  return "";
}

/// The address a call with `args` goes to, or "" if only the run can tell.
std::string CallTarget(const cloud::WorldConfig& world, const std::string& action, const core::Json& args,
                       const core::Json& env) {
  const cloud::ActionSpec* spec = cloud::FindAction(action);
  if (!spec || !args.is_object()) return "";
  if (action == "http.request") {
    const std::string url_text = StaticString(args.value("url", core::Json()), env);
    auto url = url_text.empty() ? std::nullopt : cloud::http::ParseUrl(url_text, nullptr);
    if (!url) return "";
    for (const auto& [name, resource] : world.resources) {
      if (resource->ServesHost(url->host, world.env)) return cloud::Address(resource->Kind(), name);
    }
    return "";
  }
  if (spec->target_kind.empty() || spec->target_arg.empty()) return "";
  const std::string name = StaticString(args.value(spec->target_arg, core::Json()), env);
  if (name.empty() || !world.Has(spec->target_kind, name)) return "";
  return cloud::Address(spec->target_kind, name);
}

void AddStepCalls(const cloud::WorldConfig& world, const std::string& from, const std::vector<Step>& steps,
                  const core::Json& env, EdgeSet& edges) {
  for (const Step& step : steps) {
    if (step.type == cloud::functions::StepType::kCall) {
      edges.Add(from, CallTarget(world, step.call, step.with, env), step.call);
      for (const auto& [code, handler] : step.catches) AddStepCalls(world, from, handler, env, edges);
    }
    AddStepCalls(world, from, step.then_steps, env, edges);
    AddStepCalls(world, from, step.else_steps, env, edges);
    AddStepCalls(world, from, step.body, env, edges);
  }
}

}  // namespace

std::string RouteAddress(const std::string& api_name, const std::string& route_key) {
  return "route:" + api_name + "/" + route_key;
}

Architecture BuildArchitecture(const cloud::WorldConfig& world, const std::vector<core::TraceRecord>& observed) {
  Architecture arch;
  EdgeSet edges;
  for (const auto& [name, resource] : world.resources) {
    const std::string address = cloud::Address(resource->Kind(), name);
    arch.nodes.push_back({address, resource->Kind(), name, ""});
    for (const cloud::Wire& wire : resource->Wires()) edges.Add(address, wire.to, wire.label);

    if (const auto* api = dynamic_cast<const cloud::gateway::ApiConfig*>(resource.get())) {
      for (const auto& route : api->routes) {
        const std::string route_address = RouteAddress(name, route.key);
        arch.nodes.push_back({route_address, "route", route.key, address});
        edges.Add(address, route_address, route.key);
        edges.Add(route_address, cloud::Address("function", route.function), "function.invoke");
        // A guarded route asks its authorizer function first (on a cache miss).
        auto authorizer = api->authorizers.find(route.authorizer);
        if (authorizer != api->authorizers.end())
          edges.Add(route_address, cloud::Address("function", authorizer->second.function), "authorizer");
      }
    } else if (const auto* fn = dynamic_cast<const cloud::functions::FunctionConfig*>(resource.get())) {
      AddStepCalls(world, address, fn->handler, fn->environment, edges);
      if (!fn->on_failure_queue.empty()) edges.Add(address, cloud::Address("queue", fn->on_failure_queue), "on_failure");
      if (!fn->on_success_queue.empty()) edges.Add(address, cloud::Address("queue", fn->on_success_queue), "on_success");
    } else if (const auto* queue = dynamic_cast<const cloud::queues::QueueConfig*>(resource.get())) {
      if (!queue->consumer.empty()) edges.Add(address, cloud::Address("function", queue->consumer), "consumer");
    }
  }
  for (const auto& call : world.script) {
    const std::string from = cloud::Address("client", call.client);
    edges.Add(from, CallTarget(world, call.call, call.with, core::Json::object()), call.call);
  }
  std::set<std::string> nodes;
  for (const auto& n : arch.nodes) nodes.insert(n.address);
  for (const auto& r : observed) {
    const core::Event& e = r.event;
    if (e.reply_to || !nodes.count(e.from) || !nodes.count(e.to)) continue;
    // An API's request reaches its function through a route, which the static pass already drew.
    if (cloud::KindOf(e.from) == "api" && cloud::KindOf(e.to) == "function") continue;
    edges.Add(e.from, e.to, e.kind);
  }
  arch.edges = edges.Take();
  return arch;
}

core::Json Architecture::ToJson() const {
  core::Json out = {{"nodes", core::Json::array()}, {"edges", core::Json::array()}};
  for (const auto& n : nodes) {
    core::Json node = {{"address", n.address}, {"kind", n.kind}, {"name", n.name}};
    if (!n.owner.empty()) node["owner"] = n.owner;
    out["nodes"].push_back(node);
  }
  for (const auto& e : edges) out["edges"].push_back({{"from", e.from}, {"to", e.to}, {"label", e.label}});
  return out;
}

}  // namespace eventlab::api
