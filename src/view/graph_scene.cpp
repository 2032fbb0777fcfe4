// Colours come from the palette; highlighted parts of the "why?" path are drawn wider and
// brighter, and everything else is dimmed a little so the path stands out.
#include "view/graph_scene.h"

#include <cmath>

namespace eventlab::view {

namespace {

constexpr float kPi = 3.14159265f;

Rgba WithAlpha(Rgba c, float a) {
  c.a = a;
  return c;
}

Rgba Mix(Rgba a, Rgba b, float t) {
  return {a.r + (b.r - a.r) * t, a.g + (b.g - a.g) * t, a.b + (b.b - a.b) * t, a.a + (b.a - a.a) * t};
}

}  // namespace

bool FlightPosition(const Flight& f, const FlightPaths& paths, const std::map<std::string, Vec2>& centers, Vec2* out) {
  if (f.from == f.to) {
    auto it = centers.find(f.from);
    if (it == centers.end()) return false;
    // Round the node's corner, clockwise from the top, once per trip.
    const float angle = -kPi / 2 + f.progress * 2 * kPi;
    *out = {it->second.x + std::cos(angle) * (kNodeWidth / 2 + 10), it->second.y + std::sin(angle) * (kNodeHeight / 2 + 10)};
    return true;
  }
  const std::vector<Vec2> line = paths.Polyline(f.from, f.to, centers);
  if (line.size() < 2) return false;
  *out = PointAlong(line, f.progress);
  return true;
}

Vec2 NodeHalfSize(const std::string& kind) {
  return kind == "route" ? Vec2{kNodeWidth / 2 - 10, kNodeHeight / 2 - 10} : Vec2{kNodeWidth / 2, kNodeHeight / 2};
}

GraphScene BuildGraphScene(const SceneInput& in) {
  GraphScene scene;
  const bool dark = in.theme == Theme::kDark;
  const bool has_path = !in.highlighted_nodes.empty();
  const Rgba edge_colour = dark ? Rgba{0.55f, 0.60f, 0.70f, 0.55f} : Rgba{0.35f, 0.38f, 0.45f, 0.55f};
  const Rgba path_colour = dark ? Rgba{1.0f, 0.85f, 0.35f, 1.0f} : Rgba{0.85f, 0.55f, 0.0f, 1.0f};
  const Rgba node_base = dark ? Rgba{0.13f, 0.15f, 0.19f, 1.0f} : Rgba{0.97f, 0.97f, 0.98f, 1.0f};

  for (const auto& e : in.arch->edges) {
    auto a = in.centers->find(e.from), b = in.centers->find(e.to);
    if (a == in.centers->end() || b == in.centers->end()) continue;
    const bool on_path = in.highlighted_edges.count({e.from, e.to}) || in.highlighted_edges.count({e.to, e.from});
    EdgeInstance edge;
    edge.a = BoxExit(a->second, b->second);
    edge.b = BoxExit(b->second, a->second);
    edge.colour = on_path ? path_colour : WithAlpha(edge_colour, has_path ? 0.3f : edge_colour.a);
    edge.width = on_path ? 4.0f : 2.0f;
    scene.edges.push_back(edge);
  }
  for (const auto& n : in.arch->nodes) {
    auto c = in.centers->find(n.address);
    if (c == in.centers->end()) continue;
    const KindStyle style = StyleOfKind(n.kind, in.theme);
    const bool on_path = in.highlighted_nodes.count(n.address) > 0;
    NodeInstance node;
    node.centre = c->second;
    node.half_size = NodeHalfSize(n.kind);
    node.fill = Mix(node_base, style.colour, dark ? 0.16f : 0.12f);
    node.border = style.colour;
    if (has_path && !on_path) node.border = WithAlpha(node.border, 0.45f);
    node.shape = static_cast<float>(static_cast<int>(style.shape));
    node.highlight = on_path || n.address == in.selected_node ? 1.0f : 0.0f;
    scene.nodes.push_back(node);
    scene.node_ids.push_back(n.address);
  }
  for (const Flight& f : *in.flights) {
    Vec2 at;
    if (!FlightPosition(f, *in.paths, *in.centers, &at)) continue;
    ParticleInstance p;
    p.centre = at;
    p.radius = f.event_id == in.selected_event ? 9.0f : f.from == f.to ? 4.5f : 6.0f;
    p.colour = EventColour(f.kind, f.error, in.theme);
    if (f.reply) p.colour = Mix(p.colour, dark ? Rgba{1, 1, 1, 1} : Rgba{0, 0, 0, 1}, 0.25f);
    scene.particles.push_back(p);
    scene.particle_events.push_back(f.event_id);
    scene.particle_seqs.push_back(f.seq);
  }
  return scene;
}

}  // namespace eventlab::view
