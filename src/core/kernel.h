// The discrete-event kernel: a clock, the pending queue, per-component RNG streams and the trace.
// It never blocks: callers step, peek or run until a time, with a cap on events.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/event_queue.h"
#include "core/rng.h"
#include "core/trace.h"

namespace eventlab::core {

class Kernel;

/// Receives each delivered event. The world of services implements it.
class EventHandler {
 public:
  virtual ~EventHandler() = default;
  virtual void Deliver(Kernel& kernel, const Event& event) = 0;
};

/// Everything the kernel owns except the trace: copying it is a snapshot.
struct KernelState {
  uint32_t seed = 0;
  SimTime now;
  EventQueue queue;
  uint64_t next_id = 1;
  uint64_t next_order = 1;
  uint64_t delivered = 0;             ///< deliveries so far; the last trace seq
  uint64_t trace_bytes = 0;           ///< payload bytes the trace holds (core::Measure), for a run's memory bound
  std::map<std::string, Rng> rngs;    ///< per component, created on first use (ordered: no hash order)
};

class Kernel {
 public:
  explicit Kernel(uint32_t seed = 0, bool record_trace = true);

  /// Queues an event `spec.delay` from now, caused by the event being delivered (if any).
  /// Returns its id.
  uint64_t Schedule(EventSpec spec);

  /// Takes a pending event out of the queue (a timer that is no longer needed). Cancelled events
  /// never reach the trace.
  bool Cancel(uint64_t id) { return state_.queue.Remove(id); }

  /// Delivers the next event to `handler`; returns its trace record, or nullopt when idle.
  std::optional<TraceRecord> Step(EventHandler& handler);
  /// The next event to deliver, without delivering it.
  const Event* Peek() const { return state_.queue.Empty() ? nullptr : &state_.queue.Top(); }
  /// Delivers every event due at or before `until`, at most `max_events`; returns how many ran.
  /// The clock moves only on delivery: it stands at the last delivered event's time.
  uint64_t RunUntil(EventHandler& handler, SimTime until, uint64_t max_events);

  SimTime Now() const { return state_.now; }
  uint32_t Seed() const { return state_.seed; }
  uint64_t Delivered() const { return state_.delivered; }
  /// Bytes of payload the trace holds (0 when the trace is not recorded).
  uint64_t TraceBytes() const { return state_.trace_bytes; }
  const EventQueue& Queue() const { return state_.queue; }
  /// The event being delivered right now (valid inside EventHandler::Deliver).
  const std::optional<uint64_t>& Current() const { return current_; }
  /// This component's random stream ("function:thumbnail", ...).
  Rng& RngFor(const std::string& component);

  const std::vector<TraceRecord>& Trace() const { return trace_; }
  bool RecordsTrace() const { return record_trace_; }

  KernelState Snapshot() const { return state_; }
  /// Puts the kernel back to `s`; the trace is cut to the deliveries `s` had seen.
  void Restore(const KernelState& s);

 private:
  KernelState state_;
  std::vector<TraceRecord> trace_;
  bool record_trace_;
  std::optional<uint64_t> current_;
};

}  // namespace eventlab::core
