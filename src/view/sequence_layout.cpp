// Lanes are sorted by the graph's layer and height so that arrows mostly point right for requests
// and left for replies, as in the architecture graph above them.
#include "view/sequence_layout.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <tuple>

namespace eventlab::view {

SequenceLayout LayOutSequence(const std::vector<core::TraceRecord>& trace, const GraphLayout& layout,
                              const SequenceFilter& filter, const SequenceScale& scale) {
  SequenceLayout out;
  auto shown = [&](const core::TraceRecord& r) {
    return !filter.hidden_kinds.count(r.event.kind) && !filter.hidden_participants.count(r.event.from) &&
           !filter.hidden_participants.count(r.event.to);
  };
  std::set<std::string> participants;
  for (const auto& r : trace) {
    if (!shown(r)) continue;
    participants.insert(r.event.from);
    participants.insert(r.event.to);
  }
  std::vector<std::string> lanes(participants.begin(), participants.end());
  auto key = [&](const std::string& id) {
    auto layer = layout.layers.find(id);
    auto centre = layout.centers.find(id);
    const bool known = layer != layout.layers.end() && centre != layout.centers.end();
    return std::make_tuple(!known, known ? layer->second : 0, known ? centre->second.y : 0.0f, id);
  };
  std::stable_sort(lanes.begin(), lanes.end(), [&](const auto& a, const auto& b) { return key(a) < key(b); });
  std::map<std::string, int> lane_of;
  for (size_t i = 0; i < lanes.size(); ++i) lane_of[lanes[i]] = static_cast<int>(i);
  out.lanes = lanes;

  float y = 0;
  int64_t previous_us = -1;
  for (const auto& r : trace) {
    if (!shown(r)) continue;
    SequenceRow row;
    row.seq = r.seq;
    row.from_lane = lane_of[r.event.from];
    row.to_lane = lane_of[r.event.to];
    row.time_us = r.event.time.us;
    row.reply = r.event.reply_to.has_value();
    row.error = r.event.error.has_value();
    if (previous_us >= 0) {
      row.gap_before_us = r.event.time.us - previous_us;
      const float extra = static_cast<float>(row.gap_before_us) / 1000.0f * scale.px_per_ms;
      row.break_before = extra > scale.max_gap_px;
      y += scale.row_px + std::min(extra, scale.max_gap_px);
    } else {
      y = scale.row_px;
    }
    row.y = y;
    previous_us = r.event.time.us;
    out.rows.push_back(row);
  }
  out.height = y + scale.row_px;
  return out;
}

int RowAt(const SequenceLayout& layout, float y, float tolerance) {
  auto it = std::lower_bound(layout.rows.begin(), layout.rows.end(), y,
                             [](const SequenceRow& r, float v) { return r.y < v; });
  int best = -1;
  float best_d = tolerance;
  for (auto c : {it, it == layout.rows.begin() ? it : std::prev(it)}) {
    if (c == layout.rows.end()) continue;
    const float d = std::abs(c->y - y);
    if (d <= best_d) {
      best_d = d;
      best = static_cast<int>(c - layout.rows.begin());
    }
  }
  return best;
}

}  // namespace eventlab::view
