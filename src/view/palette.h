// Colours and glyphs shared by the graph, the sequence diagram and the trace: one colour per
// service an event belongs to (errors are always red), one shape per resource kind, in a dark and
// a light theme.
#pragma once

#include <string>

namespace eventlab::view {

struct Rgba {
  float r = 0, g = 0, b = 0, a = 1;
};

enum class Theme { kDark, kLight };

/// Node shapes the node shader draws (the value is the shader's shape index).
enum class NodeShape : int { kRoundedBox = 0, kCircle = 1, kHexagon = 2, kDiamond = 3, kCylinder = 4, kPill = 5, kTag = 6 };

struct KindStyle {
  NodeShape shape;
  Rgba colour;
  const char* glyph;  ///< one or two characters drawn inside the node
};

/// How a resource of `kind` ("function", "route", ...) is drawn.
KindStyle StyleOfKind(const std::string& kind, Theme theme);
/// The colour of an event of `event_kind` ("s3:ObjectCreated:Put", "function.invoke", ...).
Rgba EventColour(const std::string& event_kind, bool error, Theme theme);

/// Packs a colour as ImGui's ImU32 (ABGR) without including ImGui.
unsigned int PackRgba(const Rgba& c);

}  // namespace eventlab::view
