// The sequence diagram's geometry: a lane per participant (ordered as the graph lays them out,
// so the diagram reads in the same direction) and a row per delivered event, placed in simulated
// time. Rows are at least a line apart; a quiet stretch adds space up to a cap and is marked as a
// break, so a 10-minute idle period neither hides nor swallows the screen.
#pragma once

#include <cstdint>
#include <set>
#include <string>
#include <vector>

#include "core/trace.h"
#include "view/graph_layout.h"

namespace eventlab::view {

struct SequenceFilter {
  std::set<std::string> hidden_participants;  ///< addresses
  std::set<std::string> hidden_kinds;         ///< event kinds
};

struct SequenceRow {
  uint64_t seq = 0;
  int from_lane = 0, to_lane = 0;  ///< equal for an event a resource sends itself
  float y = 0;                     ///< top of the diagram = 0, in pixels at zoom 1
  int64_t time_us = 0;
  bool reply = false, error = false;
  int64_t gap_before_us = 0;  ///< simulated time since the previous shown row
  bool break_before = false;  ///< the gap was longer than the space shows
};

struct SequenceLayout {
  std::vector<std::string> lanes;  ///< participant addresses, left to right
  std::vector<SequenceRow> rows;   ///< in delivery order
  float height = 0;                ///< y of the last row plus one line
};

struct SequenceScale {
  float row_px = 22.0f;         ///< the least space between two rows
  float px_per_ms = 0.25f;      ///< extra space per millisecond of simulated time between rows
  float max_gap_px = 60.0f;     ///< extra space never exceeds this; longer gaps are breaks
};

/// Lays out `trace` (filtered) with lanes ordered by `layout` (layer, then height); participants
/// the layout does not know come last, in name order.
SequenceLayout LayOutSequence(const std::vector<core::TraceRecord>& trace, const GraphLayout& layout,
                              const SequenceFilter& filter, const SequenceScale& scale);

/// The row nearest to `y` within `tolerance` pixels, or -1.
int RowAt(const SequenceLayout& layout, float y, float tolerance);

}  // namespace eventlab::view
