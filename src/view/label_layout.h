// Where the graph writes each node's name and counter: outside the node's shape, clear of every
// other shape and label, shortened with "..." when there is no room for all of it. Plain geometry
// in screen pixels (the caller measures text at its font size, so it scales with the display's
// pixel ratio); the graph panel draws what this returns and the tests check it.
#pragma once

#include <functional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "view/graph_layout.h"

namespace eventlab::view {

/// An axis-aligned rectangle in screen pixels: [x0, x1) x [y0, y1). Touching is not overlapping.
struct ScreenRect {
  float x0 = 0, y0 = 0, x1 = 0, y1 = 0;
  float Width() const { return x1 - x0; }
  float Height() const { return y1 - y0; }
  bool Overlaps(const ScreenRect& o) const { return x0 < o.x1 && o.x0 < x1 && y0 < o.y1 && o.y0 < y1; }
  bool Contains(const ScreenRect& o) const { return o.x0 >= x0 && o.x1 <= x1 && o.y0 >= y0 && o.y1 <= y1; }
};

/// The rectangle of a shape with centre `c` and half sizes `half`.
inline ScreenRect RectAround(Vec2 c, Vec2 half) { return {c.x - half.x, c.y - half.y, c.x + half.x, c.y + half.y}; }

/// One node to label. The views must outlive the PlaceLabels call.
struct LabelInput {
  std::string_view address;  ///< placement order (by address) and tie-breaks
  ScreenRect shape;          ///< the node's shape on screen
  std::string_view name;     ///< first line
  std::string_view counter;  ///< second line, or empty for none
};

struct LabelStyle {
  /// A line's width in pixels at the label font size.
  std::function<float(std::string_view)> measure;
  float line_height = 16;  ///< pixels per line
  float gap = 3;           ///< between a shape and its label
  float margin = 2;        ///< kept clear around other shapes and labels
  int min_chars = 4;       ///< a name is not shortened below this many characters (plus "...")
};

/// Appended to a line that had to be shortened. The UI font covers Latin-1 only, which has no
/// U+2026, so three dots.
inline constexpr std::string_view kEllipsis = "...";

struct PlacedLabel {
  ScreenRect rect;       ///< the text's box (widest line x lines); empty at the shape's centre when hidden
  std::string name;      ///< the first line as drawn
  std::string counter;   ///< the second line as drawn, or empty (dropped when there is no room)
  bool elided = false;   ///< a line was shortened or dropped: show the full text on hover
  bool hidden = false;   ///< not even a few characters fit anywhere: nothing is drawn
};

/// Places a label for each of `nodes` inside `canvas`; `out` gets one entry per node, in the same
/// order (its strings are reused between frames). Guarantees: no two drawn labels overlap, and no
/// drawn label overlaps a shape. Nodes are placed by address, each at the first candidate where
/// it fits whole (below, above, right, left, then below/above aligned to an edge), else
/// shortened at the candidate with the most room. Deterministic. O(n^2) per call.
void PlaceLabels(const ScreenRect& canvas, std::span<const LabelInput> nodes, const LabelStyle& style,
                 std::vector<PlacedLabel>* out);

/// `line` cut to the longest prefix (on a UTF-8 boundary) that, with kEllipsis, is at most
/// `max_width` wide; `line` itself if it fits; empty if not even one character fits.
std::string ElideToWidth(std::string_view line, float max_width, const std::function<float(std::string_view)>& measure);

}  // namespace eventlab::view
