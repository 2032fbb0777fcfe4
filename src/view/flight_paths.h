// Where a flight travels on the graph: along the architecture's edge between its two nodes
// (either direction, so replies go back the way requests came), through an API route node when
// the pair is connected by one, or straight across when the scenario's wiring did not say.
#pragma once

#include <map>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "api/architecture.h"
#include "view/graph_layout.h"

namespace eventlab::view {

class FlightPaths {
 public:
  explicit FlightPaths(const api::Architecture& arch);

  /// The node addresses a flight from `from` to `to` passes, ends included; empty if either end
  /// is not a node.
  std::vector<std::string> Route(const std::string& from, const std::string& to) const;
  /// Route() as points between node boxes (each end starts at its node's border).
  std::vector<Vec2> Polyline(const std::string& from, const std::string& to,
                             const std::map<std::string, Vec2>& centers) const;

 private:
  bool Linked(const std::string& a, const std::string& b) const;
  std::set<std::string> nodes_;
  std::set<std::pair<std::string, std::string>> edges_;  ///< both directions
  std::map<std::string, std::vector<std::string>> routes_of_;  ///< API address -> its route nodes
};

/// The point at fraction `t` (0..1) of the polyline's length.
Vec2 PointAlong(const std::vector<Vec2>& points, float t);

/// Where the segment from `centre` towards `toward` leaves a node box of kNodeWidth x kNodeHeight.
Vec2 BoxExit(Vec2 centre, Vec2 toward);

}  // namespace eventlab::view
