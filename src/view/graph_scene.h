// What the graph renderer draws in one frame, as flat instance arrays in world units: a segment
// per edge, a box per node, a dot per flight. Built without GL so that the scene (and where each
// event is) can be tested natively; src/render/ uploads it as instanced attributes.
#pragma once

#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "api/architecture.h"
#include "view/flight_paths.h"
#include "view/flights.h"
#include "view/graph_layout.h"
#include "view/palette.h"

namespace eventlab::view {

struct EdgeInstance {
  Vec2 a, b;
  Rgba colour;
  float width = 2.0f;  ///< world units
};

struct NodeInstance {
  Vec2 centre;
  Vec2 half_size;
  Rgba fill, border;
  float shape = 0;      ///< NodeShape as a float (an attribute)
  float highlight = 0;  ///< 0 normal, 1 on the "why?" path or selected
};

struct ParticleInstance {
  Vec2 centre;
  float radius = 6.0f;
  Rgba colour;
};

struct GraphScene {
  std::vector<EdgeInstance> edges;
  std::vector<NodeInstance> nodes;
  std::vector<ParticleInstance> particles;
  std::vector<uint64_t> particle_events;  ///< event id of each particle (same order)
  std::vector<uint64_t> particle_seqs;    ///< delivery seq of each particle, 0 while pending
  std::vector<std::string> node_ids;      ///< address of each node instance (same order)
};

struct SceneInput {
  const api::Architecture* arch = nullptr;
  const std::map<std::string, Vec2>* centers = nullptr;  ///< laid out, with dragged nodes moved
  const FlightPaths* paths = nullptr;
  const std::vector<Flight>* flights = nullptr;
  std::set<std::string> highlighted_nodes;                       ///< the "why?" path's resources
  std::set<std::pair<std::string, std::string>> highlighted_edges;  ///< its hops, as (from, to)
  std::string selected_node;
  uint64_t selected_event = 0;  ///< event id drawn larger
  Theme theme = Theme::kDark;
};

GraphScene BuildGraphScene(const SceneInput& in);

/// Half the width and height of a node's shape in world units: an API route is drawn smaller.
Vec2 NodeHalfSize(const std::string& kind);

/// Where a flight is drawn: along its path, or circling its node for an event a resource sends
/// itself (a timer, a scripted call). False if the graph has no place for it.
bool FlightPosition(const Flight& f, const FlightPaths& paths, const std::map<std::string, Vec2>& centers, Vec2* out);

}  // namespace eventlab::view
