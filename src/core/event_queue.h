// The pending-event queue, ordered by (time, priority, scheduling order): a total order, so ties
// never depend on the heap implementation.
#pragma once

#include <vector>

#include "core/event.h"

namespace eventlab::core {

class EventQueue {
 public:
  void Push(Event e);
  /// The next event to deliver; the queue must not be empty.
  const Event& Top() const { return heap_.front(); }
  Event Pop();
  /// Removes the pending event `id`; false if it is not pending.
  bool Remove(uint64_t id);
  bool Empty() const { return heap_.empty(); }
  size_t Size() const { return heap_.size(); }
  /// All pending events in delivery order (a sorted copy; for inspection, not for the hot path).
  std::vector<Event> Sorted() const;

 private:
  std::vector<Event> heap_;  // binary min-heap under RunsLater
};

/// True when `a` is delivered after `b`.
bool RunsLater(const Event& a, const Event& b);

}  // namespace eventlab::core
