// The architecture a scenario describes, as the graph draws it: a node per resource and per API
// route, and an edge per wiring. Wirings come from the configuration (notifications, routes,
// subscriptions, mappings: ResourceConfig::Wires) and from the calls that handler steps and
// scripted clients make, whose targets are read from the steps themselves.
#pragma once

#include <string>
#include <vector>

#include "cloud/world_config.h"
#include "core/event.h"
#include "core/trace.h"

namespace eventlab::api {

struct ArchNode {
  std::string address;  ///< "function:thumbnail", or "route:shop/POST /uploads" for an API route
  std::string kind;     ///< "function", ..., "route"
  std::string name;     ///< the resource's name, or the route key
  std::string owner;    ///< for a route, its API's address; else empty
};

struct ArchEdge {
  std::string from, to;  ///< node addresses
  std::string label;     ///< what flows ("s3:ObjectCreated:*", "queue.send", "POST /uploads")
};

struct Architecture {
  std::vector<ArchNode> nodes;  ///< resources in name order, each API's routes after it
  std::vector<ArchEdge> edges;  ///< one per (from, to) pair, labels joined by ", "
  /// {"nodes": [{address, kind, name, owner?}], "edges": [{from, to, label}]}
  core::Json ToJson() const;
};

/// The architecture of `world`. Call targets that are only known at run time (a URL read from a
/// reply) come from `observed`, a trace of a run: each request it delivers between two resources
/// adds its edge (replies go back along their request's edge and add none).
Architecture BuildArchitecture(const cloud::WorldConfig& world, const std::vector<core::TraceRecord>& observed = {});

/// The address of an API route's node.
std::string RouteAddress(const std::string& api_name, const std::string& route_key);

}  // namespace eventlab::api
