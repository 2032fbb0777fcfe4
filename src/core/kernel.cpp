// Kernel: scheduling assigns ids and order; delivery assigns seq, advances the clock and records.
#include "core/kernel.h"

#include "core/json_bounds.h"

namespace eventlab::core {

Kernel::Kernel(uint32_t seed, bool record_trace) : record_trace_(record_trace) { state_.seed = seed; }

uint64_t Kernel::Schedule(EventSpec spec) {
  Event e;
  e.id = state_.next_id++;
  e.order = state_.next_order++;
  e.time = state_.now + (spec.delay.us < 0 ? SimTime{} : spec.delay);
  e.priority = spec.priority;
  e.parent = current_;
  e.reply_to = spec.reply_to;
  e.from = std::move(spec.from);
  e.to = std::move(spec.to);
  e.kind = std::move(spec.kind);
  e.payload = std::move(spec.payload);
  e.error = std::move(spec.error);
  const uint64_t id = e.id;
  state_.queue.Push(std::move(e));
  return id;
}

std::optional<TraceRecord> Kernel::Step(EventHandler& handler) {
  if (state_.queue.Empty()) return std::nullopt;
  TraceRecord record{++state_.delivered, state_.queue.Pop()};
  state_.now = record.event.time;
  current_ = record.event.id;
  handler.Deliver(*this, record.event);
  current_.reset();
  if (!record_trace_) return record;
  // A record's fixed fields (names, kind, ids) weigh about as much as a small payload.
  state_.trace_bytes += Measure(record.event.payload).bytes + 128;
  trace_.push_back(std::move(record));
  return trace_.back();
}

uint64_t Kernel::RunUntil(EventHandler& handler, SimTime until, uint64_t max_events) {
  uint64_t ran = 0;
  while (ran < max_events && !state_.queue.Empty() && state_.queue.Top().time <= until) {
    Step(handler);
    ++ran;
  }
  return ran;
}

Rng& Kernel::RngFor(const std::string& component) {
  auto it = state_.rngs.find(component);
  if (it == state_.rngs.end()) it = state_.rngs.emplace(component, Rng::ForComponent(state_.seed, component)).first;
  return it->second;
}

void Kernel::Restore(const KernelState& s) {
  state_ = s;
  if (trace_.size() > s.delivered) trace_.resize(s.delivered);
  current_.reset();
}

}  // namespace eventlab::core
