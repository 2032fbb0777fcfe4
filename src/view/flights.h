// Events in flight between resources, for the graph's moving particles: every pending event, and
// the events delivered since the last step that are still arriving while the shown clock catches
// up. Progress along the edge is simulated time: sent at the parent's delivery, due at delivery.
#pragma once

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "api/lab.h"

namespace eventlab::view {

struct Flight {
  uint64_t event_id = 0;
  uint64_t seq = 0;  ///< delivery seq for an arriving event; 0 while pending
  std::string from, to, kind;
  bool error = false;
  bool reply = false;     ///< a response (it has reply_to)
  float progress = 0.0f;  ///< 0 at the sender, 1 at the receiver
  int64_t sent_us = 0, due_us = 0;
};

class FlightTracker {
 public:
  /// The flights at simulated time `shown_us` (the clock the graph shows, which trails the lab's
  /// while it animates). Deliveries after seq `arrivals_after` still count while they are due
  /// after `shown_us`. Pending events come first, in delivery order.
  std::vector<Flight> Compute(const api::Lab& lab, int64_t shown_us, uint64_t arrivals_after);

 private:
  void Index(const api::Lab& lab);
  int64_t SentUs(const core::Event& e) const;

  const void* indexed_trace_ = nullptr;
  size_t indexed_size_ = 0;
  uint64_t last_id_ = 0;        ///< id and time of the last indexed record, to notice a new run
  int64_t last_time_us_ = 0;
  std::unordered_map<uint64_t, int64_t> delivered_at_;  ///< event id -> delivery time (lookups only)
};

/// Progress of an event sent at `sent_us`, due at `due_us`, seen at `shown_us`: 0..1. An event due
/// at the instant it was sent sits half-way until it is delivered.
float Progress(int64_t sent_us, int64_t due_us, int64_t shown_us);

}  // namespace eventlab::view
