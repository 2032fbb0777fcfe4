// An automatic layered layout of the architecture, by data flow: sources (clients) on the left,
// each node one layer right of the furthest node that sends to it, and nodes ordered within a
// layer to keep edges short. Plain geometry, no drawing: the graph panel and the tests use it.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "api/architecture.h"

namespace eventlab::view {

struct Vec2 {
  float x = 0, y = 0;
};

/// Node sizes and spacing in world units (pixels at zoom 1).
inline constexpr float kNodeWidth = 150.0f;
inline constexpr float kNodeHeight = 54.0f;
inline constexpr float kLayerGap = 205.0f;
inline constexpr float kRowGap = 120.0f;  ///< room for a name written under a node when zoomed out

struct GraphLayout {
  std::map<std::string, Vec2> centers;  ///< node address -> centre in world units
  std::map<std::string, int> layers;    ///< node address -> layer (0 = leftmost)
};

/// Lays out every node of `arch`. Deterministic: the same architecture gives the same layout.
GraphLayout LayOut(const api::Architecture& arch);

/// The world-space box around every centre, grown by half a node: {min, max}.
struct Bounds {
  Vec2 min, max;
};
Bounds LayoutBounds(const std::map<std::string, Vec2>& centers);

}  // namespace eventlab::view
