// The causal trace: every delivered event, in delivery order, and its JSON Lines form.
#pragma once

#include <string>
#include <vector>

#include "core/event.h"

namespace eventlab::core {

/// One delivered event. `seq` counts deliveries from 1.
struct TraceRecord {
  uint64_t seq = 0;
  Event event;
};

/// One JSON object on one line, keys in the documented order (web/docs/trace-format.md):
/// seq, time_us, id, parent, reply_to, from, to, kind, payload, error. No trailing newline.
std::string TraceLine(const TraceRecord& r);

/// The record as a JSON value with the same fields (object keys are then sorted by nlohmann).
Json TraceJson(const TraceRecord& r);

/// The whole trace as JSON Lines, each line ending in '\n'.
std::string TraceJsonLines(const std::vector<TraceRecord>& records);

/// The error object of the trace format: {"code","message","status"} in that order.
std::string ErrorJson(const Error& e);

}  // namespace eventlab::core
