// Each candidate position fixes one edge or the centre of the label and lets it grow sideways, so
// the widest label that fits there can be computed in one pass over the obstacles; a narrower
// label at the same anchor is inside the wider one, which is what makes shortening safe.
#include "view/label_layout.h"

#include <algorithm>
#include <numeric>

namespace eventlab::view {

namespace {

enum class Band { kBelow, kAbove, kMiddle };
enum class Anchor { kCentre, kLeftEdge, kRightEdge };  // which x stays put as the width changes

struct Candidate {
  Band band;
  Anchor anchor;
  float x;  // the centre, or the fixed left or right edge
};

// In order of preference: under the node reads best, then above, then beside it, then shifted.
void Candidates(const ScreenRect& s, float gap, Candidate out[8]) {
  const float cx = (s.x0 + s.x1) / 2;
  out[0] = {Band::kBelow, Anchor::kCentre, cx};
  out[1] = {Band::kAbove, Anchor::kCentre, cx};
  out[2] = {Band::kMiddle, Anchor::kLeftEdge, s.x1 + gap};
  out[3] = {Band::kMiddle, Anchor::kRightEdge, s.x0 - gap};
  out[4] = {Band::kBelow, Anchor::kLeftEdge, s.x0};
  out[5] = {Band::kBelow, Anchor::kRightEdge, s.x1};
  out[6] = {Band::kAbove, Anchor::kLeftEdge, s.x0};
  out[7] = {Band::kAbove, Anchor::kRightEdge, s.x1};
}

void BandOf(const Candidate& c, const ScreenRect& shape, float gap, float height, float* y0, float* y1) {
  *y0 = shape.y1 + gap;
  switch (c.band) {
    case Band::kBelow: *y0 = shape.y1 + gap; break;
    case Band::kAbove: *y0 = shape.y0 - gap - height; break;
    case Band::kMiddle: *y0 = (shape.y0 + shape.y1) / 2 - height / 2; break;
  }
  *y1 = *y0 + height;
}

ScreenRect RectAt(const Candidate& c, float y0, float y1, float width) {
  switch (c.anchor) {
    case Anchor::kCentre: return {c.x - width / 2, y0, c.x + width / 2, y1};
    case Anchor::kLeftEdge: return {c.x, y0, c.x + width, y1};
    case Anchor::kRightEdge: return {c.x - width, y0, c.x, y1};
  }
  return {};
}

// The widest label that fits at `c` in the band [y0, y1), or a negative number if none does.
float RoomAt(const Candidate& c, float y0, float y1, const ScreenRect& canvas, std::span<const ScreenRect> obstacles,
             size_t skip) {
  if (y0 < canvas.y0 || y1 > canvas.y1) return -1;
  float room = 0;
  switch (c.anchor) {
    case Anchor::kCentre: room = 2 * std::min(c.x - canvas.x0, canvas.x1 - c.x); break;
    case Anchor::kLeftEdge: room = c.x < canvas.x0 ? -1 : canvas.x1 - c.x; break;
    case Anchor::kRightEdge: room = c.x > canvas.x1 ? -1 : c.x - canvas.x0; break;
  }
  if (room < 0) return -1;
  for (size_t i = 0; i < obstacles.size(); ++i) {
    const ScreenRect& o = obstacles[i];
    if (i == skip || !(o.y0 < y1 && y0 < o.y1)) continue;
    switch (c.anchor) {
      case Anchor::kCentre:
        if (o.x1 <= c.x) room = std::min(room, 2 * (c.x - o.x1));
        else if (o.x0 >= c.x) room = std::min(room, 2 * (o.x0 - c.x));
        else return -1;
        break;
      case Anchor::kLeftEdge:
        if (o.x0 >= c.x) room = std::min(room, o.x0 - c.x);
        else if (o.x1 > c.x) return -1;
        break;
      case Anchor::kRightEdge:
        if (o.x1 <= c.x) room = std::min(room, c.x - o.x1);
        else if (o.x0 < c.x) return -1;
        break;
    }
  }
  return room;
}

ScreenRect Inflate(const ScreenRect& r, float by) { return {r.x0 - by, r.y0 - by, r.x1 + by, r.y1 + by}; }

bool IsContinuationByte(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

// The first `chars` code points of `s`.
std::string_view PrefixChars(std::string_view s, int chars) {
  size_t i = 0;
  for (int n = 0; i < s.size() && n < chars; ++n) {
    ++i;
    while (i < s.size() && IsContinuationByte(s[i])) ++i;
  }
  return s.substr(0, i);
}

// Writes `line` shortened to `max_width` into `out` (reusing its buffer); true if it was cut.
bool ElideInto(std::string_view line, float max_width, const std::function<float(std::string_view)>& measure,
               std::string* out) {
  if (measure(line) <= max_width) {
    out->assign(line);
    return false;
  }
  // ImGui 1.86 has no kerning, so a prefix and the dots measure as the sum of their widths.
  const float dots = measure(kEllipsis);
  size_t lo = 0, hi = line.size();  // the longest fitting prefix has lo <= length < hi bytes
  while (hi - lo > 1) {
    size_t mid = lo + (hi - lo) / 2;
    while (mid > lo && IsContinuationByte(line[mid])) --mid;
    if (mid == lo) {  // no code point boundary strictly between: step past lo's code point
      mid = lo + 1;
      while (mid < hi && IsContinuationByte(line[mid])) ++mid;
      if (mid >= hi) break;
    }
    if (measure(line.substr(0, mid)) + dots <= max_width) lo = mid;
    else hi = mid;
  }
  std::string_view kept = line.substr(0, lo);
  while (!kept.empty() && kept.back() == ' ') kept.remove_suffix(1);
  if (kept.empty()) out->clear();
  else {
    out->assign(kept);
    out->append(kEllipsis);
  }
  return true;
}

struct Attempt {
  bool two_lines;
  bool shorten;
};

}  // namespace

std::string ElideToWidth(std::string_view line, float max_width, const std::function<float(std::string_view)>& measure) {
  std::string out;
  ElideInto(line, max_width, measure, &out);
  return out;
}

void PlaceLabels(const ScreenRect& canvas, std::span<const LabelInput> nodes, const LabelStyle& style,
                 std::vector<PlacedLabel>* out) {
  const size_t n = nodes.size();
  out->resize(n);
  std::vector<size_t> order(n);
  std::iota(order.begin(), order.end(), size_t{0});
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return nodes[a].address < nodes[b].address; });
  // Shapes first (index = node), then labels as they are placed; all grown by the margin.
  std::vector<ScreenRect> obstacles, plain;
  obstacles.reserve(2 * n);
  plain.reserve(2 * n);
  for (const LabelInput& node : nodes) {
    obstacles.push_back(Inflate(node.shape, style.margin));
    plain.push_back(node.shape);
  }

  for (size_t i : order) {
    const LabelInput& node = nodes[i];
    PlacedLabel& p = (*out)[i];
    p.elided = false;
    p.hidden = true;
    const float cx = (node.shape.x0 + node.shape.x1) / 2, cy = (node.shape.y0 + node.shape.y1) / 2;
    p.rect = {cx, cy, cx, cy};
    p.name.assign(node.name);
    p.counter.assign(node.counter);
    if (!canvas.Overlaps(node.shape) || node.name.empty()) continue;

    const float name_w = style.measure(node.name);
    const float counter_w = node.counter.empty() ? 0 : style.measure(node.counter);
    const std::string_view least = PrefixChars(node.name, style.min_chars);
    const float min_w = least.size() < node.name.size() ? std::min(name_w, style.measure(least) + style.measure(kEllipsis)) : name_w;
    Candidate candidates[8];
    Candidates(node.shape, style.gap, candidates);

    // Whole text, then the name alone, then shortened with and without the counter.
    const Attempt attempts[] = {{true, false}, {false, false}, {true, true}, {false, true}};
    for (const Attempt& a : attempts) {
      const bool two = a.two_lines && !node.counter.empty();
      if (a.two_lines != two && a.two_lines) continue;  // no counter: the one-line attempts cover it
      const float height = style.line_height * (two ? 2 : 1);
      const float need = two ? std::max(name_w, counter_w) : name_w;
      int best = -1;
      float best_room = -1, best_y0 = 0, best_y1 = 0;
      for (int k = 0; k < 8; ++k) {
        float y0, y1;
        BandOf(candidates[k], node.shape, style.gap, height, &y0, &y1);
        const float room = RoomAt(candidates[k], y0, y1, canvas, obstacles, i);
        const bool usable = a.shorten ? room >= min_w : room >= need;
        if (usable && room > best_room) {
          best = k, best_room = room, best_y0 = y0, best_y1 = y1;
          if (!a.shorten) break;  // whole text: the first place that fits
        }
      }
      if (best < 0) continue;
      const float width = std::min(best_room, need);
      bool cut = ElideInto(node.name, width, style.measure, &p.name);
      if (two) cut |= ElideInto(node.counter, width, style.measure, &p.counter);
      else p.counter.clear();
      const bool dropped = !node.counter.empty() && p.counter.empty();
      const float drawn_w = std::max(style.measure(p.name), p.counter.empty() ? 0.0f : style.measure(p.counter));
      const float drawn_h = style.line_height * (p.counter.empty() ? 1 : 2);
      // A shorter label keeps the candidate's fixed edge: below keeps its top, above its bottom.
      const float y0 = candidates[best].band == Band::kAbove ? best_y1 - drawn_h
                       : candidates[best].band == Band::kMiddle ? cy - drawn_h / 2 : best_y0;
      const ScreenRect rect = RectAt(candidates[best], y0, y0 + drawn_h, drawn_w);
      // The room was computed against grown rectangles; check the plain ones (its own shape too)
      // as well, so that float rounding can never let a label overlap anything.
      if (std::any_of(plain.begin(), plain.end(), [&](const ScreenRect& r) { return r.Overlaps(rect); })) continue;
      p.rect = rect;
      p.elided = cut || dropped;
      p.hidden = false;
      obstacles.push_back(Inflate(rect, style.margin));
      plain.push_back(rect);
      break;
    }
    if (p.hidden) {
      p.name.assign(node.name);
      p.counter.assign(node.counter);
    }
  }
}

}  // namespace eventlab::view
