// Binary heap of keys over slot storage; copying the queue copies two vectors (cheap snapshots).
#include "core/event_queue.h"

#include <algorithm>
#include <tuple>

namespace eventlab::core {

bool RunsLater(const Event& a, const Event& b) {
  return std::tie(a.time, a.priority, a.order) > std::tie(b.time, b.priority, b.order);
}

bool EventQueue::After(const Key& a, const Key& b) {
  return std::tie(a.time_us, a.priority, a.order) > std::tie(b.time_us, b.priority, b.order);
}

void EventQueue::Push(Event e) {
  uint32_t slot;
  if (free_.empty()) {
    slot = static_cast<uint32_t>(slots_.size());
    slots_.push_back(std::move(e));
  } else {
    slot = free_.back();
    free_.pop_back();
    slots_[slot] = std::move(e);
  }
  const Event& stored = slots_[slot];
  heap_.push_back(Key{stored.time.us, stored.priority, slot, stored.order});
  std::push_heap(heap_.begin(), heap_.end(), After);
}

Event EventQueue::Pop() {
  std::pop_heap(heap_.begin(), heap_.end(), After);
  const uint32_t slot = heap_.back().slot;
  heap_.pop_back();
  Event e = std::move(slots_[slot]);
  free_.push_back(slot);
  return e;
}

bool EventQueue::Remove(uint64_t id) {
  for (size_t i = 0; i < heap_.size(); ++i) {
    const uint32_t slot = heap_[i].slot;
    if (slots_[slot].id != id) continue;
    heap_[i] = heap_.back();
    heap_.pop_back();
    std::make_heap(heap_.begin(), heap_.end(), After);
    slots_[slot] = Event{};
    free_.push_back(slot);
    return true;
  }
  return false;
}

std::vector<Event> EventQueue::Sorted() const {
  std::vector<Key> keys = heap_;
  std::sort(keys.begin(), keys.end(), [](const Key& a, const Key& b) { return After(b, a); });
  std::vector<Event> out;
  out.reserve(keys.size());
  for (const Key& k : keys) out.push_back(slots_[k.slot]);
  return out;
}

std::vector<const Event*> EventQueue::SortedView() const {
  std::vector<Key> keys = heap_;
  std::sort(keys.begin(), keys.end(), [](const Key& a, const Key& b) { return After(b, a); });
  std::vector<const Event*> out;
  out.reserve(keys.size());
  for (const Key& k : keys) out.push_back(&slots_[k.slot]);
  return out;
}

}  // namespace eventlab::core
