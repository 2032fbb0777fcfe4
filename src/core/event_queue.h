// The pending-event queue, ordered by (time, priority, scheduling order): a total order, so ties
// never depend on the heap implementation.
#pragma once

#include <cstdint>
#include <vector>

#include "core/event.h"

namespace eventlab::core {

class EventQueue {
 public:
  void Push(Event e);
  /// The next event to deliver; the queue must not be empty.
  const Event& Top() const { return slots_[heap_.front().slot]; }
  Event Pop();
  /// Removes the pending event `id`; false if it is not pending.
  bool Remove(uint64_t id);
  bool Empty() const { return heap_.empty(); }
  size_t Size() const { return heap_.size(); }
  /// All pending events in delivery order (a sorted copy; for inspection, not for the hot path).
  std::vector<Event> Sorted() const;
  /// The same order without copying the events (pointers stay valid until the queue changes).
  std::vector<const Event*> SortedView() const;

 private:
  // The heap orders small keys; events stay put in slots, so sifting moves 24 bytes, not events.
  struct Key {
    int64_t time_us;
    int32_t priority;
    uint32_t slot;
    uint64_t order;
  };
  static bool After(const Key& a, const Key& b);

  std::vector<Key> heap_;         // binary min-heap under After
  std::vector<Event> slots_;      // event storage; a free slot is reused
  std::vector<uint32_t> free_;    // indexes of free slots
};

/// True when `a` is delivered after `b`.
bool RunsLater(const Event& a, const Event& b);

}  // namespace eventlab::core
