// What checks read from one finished run: the trace with an index by event id, each delivery as
// the JSON that `where` conditions see, and the final state.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <vector>

#include "core/trace.h"

namespace eventlab::grading {

using core::Json;

class RunFacts {
 public:
  RunFacts(uint32_t seed, const std::vector<core::TraceRecord>& trace, Json state);

  uint32_t Seed() const { return seed_; }
  const std::vector<core::TraceRecord>& Trace() const { return trace_; }
  const Json& State() const { return state_; }
  /// The delivery's fields as `where` sees them: seq, time_us, id, parent, reply_to, from, to,
  /// kind, payload, error. Built on first use.
  const Json& Fields(size_t index) const;
  /// The position in Trace() of the delivery that scheduled delivery `index`; nullopt for a root.
  std::optional<size_t> ParentIndex(size_t index) const;
  /// The evidence object of a delivery: {seed, seq, time_us, from, to, kind} (and error code).
  Json Evidence(size_t index) const;

 private:
  uint32_t seed_;
  const std::vector<core::TraceRecord>& trace_;
  Json state_;
  std::map<uint64_t, size_t> index_by_id_;
  mutable std::vector<std::optional<Json>> fields_;
};

}  // namespace eventlab::grading
