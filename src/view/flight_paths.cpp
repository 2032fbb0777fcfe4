// Path lookups are set lookups, so thousands of flights per frame stay cheap.
#include "view/flight_paths.h"

#include <algorithm>
#include <cmath>

namespace eventlab::view {

FlightPaths::FlightPaths(const api::Architecture& arch) {
  for (const auto& n : arch.nodes) {
    nodes_.insert(n.address);
    if (n.kind == "route") routes_of_[n.owner].push_back(n.address);
  }
  for (const auto& e : arch.edges) {
    edges_.insert({e.from, e.to});
    edges_.insert({e.to, e.from});
  }
}

bool FlightPaths::Linked(const std::string& a, const std::string& b) const { return edges_.count({a, b}) > 0; }

std::vector<std::string> FlightPaths::Route(const std::string& from, const std::string& to) const {
  if (!nodes_.count(from) || !nodes_.count(to)) return {};
  if (from == to || Linked(from, to)) return {from, to};
  // An API and a function meet at the route that integrates them.
  for (const auto& [api, api_end_is_from] : {std::pair{from, true}, std::pair{to, false}}) {
    auto it = routes_of_.find(api);
    if (it == routes_of_.end()) continue;
    const std::string& other = api_end_is_from ? to : from;
    for (const auto& route : it->second) {
      if (Linked(route, other)) return {from, route, to};
    }
  }
  return {from, to};
}

Vec2 BoxExit(Vec2 centre, Vec2 toward) {
  const float dx = toward.x - centre.x, dy = toward.y - centre.y;
  if (dx == 0 && dy == 0) return centre;
  const float sx = std::abs(dx) > 0 ? (kNodeWidth / 2) / std::abs(dx) : 1e30f;
  const float sy = std::abs(dy) > 0 ? (kNodeHeight / 2) / std::abs(dy) : 1e30f;
  const float s = std::min({sx, sy, 1.0f});
  return {centre.x + dx * s, centre.y + dy * s};
}

std::vector<Vec2> FlightPaths::Polyline(const std::string& from, const std::string& to,
                                        const std::map<std::string, Vec2>& centers) const {
  std::vector<Vec2> points;
  for (const auto& id : Route(from, to)) {
    auto it = centers.find(id);
    if (it == centers.end()) return {};
    points.push_back(it->second);
  }
  if (points.size() < 2) return points;
  const Vec2 first = points.front(), last = points.back();
  points.front() = BoxExit(first, points[1]);
  points.back() = BoxExit(last, points[points.size() - 2]);
  return points;
}

Vec2 PointAlong(const std::vector<Vec2>& points, float t) {
  if (points.empty()) return {};
  if (points.size() == 1) return points[0];
  float total = 0;
  for (size_t i = 1; i < points.size(); ++i) total += std::hypot(points[i].x - points[i - 1].x, points[i].y - points[i - 1].y);
  float remaining = std::clamp(t, 0.0f, 1.0f) * total;
  for (size_t i = 1; i < points.size(); ++i) {
    const float len = std::hypot(points[i].x - points[i - 1].x, points[i].y - points[i - 1].y);
    if (remaining <= len && len > 0) {
      const float f = remaining / len;
      return {points[i - 1].x + (points[i].x - points[i - 1].x) * f, points[i - 1].y + (points[i].y - points[i - 1].y) * f};
    }
    remaining -= len;
  }
  return points.back();
}

}  // namespace eventlab::view
