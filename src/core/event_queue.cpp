// Binary heap over a total order; copying the queue is copying one vector (cheap snapshots).
#include "core/event_queue.h"

#include <algorithm>
#include <tuple>

namespace eventlab::core {

bool RunsLater(const Event& a, const Event& b) {
  return std::tie(a.time, a.priority, a.order) > std::tie(b.time, b.priority, b.order);
}

void EventQueue::Push(Event e) {
  heap_.push_back(std::move(e));
  std::push_heap(heap_.begin(), heap_.end(), RunsLater);
}

Event EventQueue::Pop() {
  std::pop_heap(heap_.begin(), heap_.end(), RunsLater);
  Event e = std::move(heap_.back());
  heap_.pop_back();
  return e;
}

bool EventQueue::Remove(uint64_t id) {
  for (size_t i = 0; i < heap_.size(); ++i) {
    if (heap_[i].id != id) continue;
    heap_[i] = std::move(heap_.back());
    heap_.pop_back();
    std::make_heap(heap_.begin(), heap_.end(), RunsLater);
    return true;
  }
  return false;
}

std::vector<Event> EventQueue::Sorted() const {
  std::vector<Event> out = heap_;
  std::sort(out.begin(), out.end(), [](const Event& a, const Event& b) { return RunsLater(b, a); });
  return out;
}

}  // namespace eventlab::core
