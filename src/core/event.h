// A scheduled event: what the kernel queues and, once delivered, what the trace records.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "core/result.h"
#include "core/sim_time.h"

namespace eventlab::core {

using Json = nlohmann::json;

/// Default priorities: at one instant, lower runs first. Timers yield to messages so that a reply
/// arriving exactly at a deadline still counts.
inline constexpr int32_t kPriorityScript = -10;
inline constexpr int32_t kPriorityMessage = 0;
inline constexpr int32_t kPriorityTimer = 10;

/// What a component asks the kernel to deliver.
struct EventSpec {
  SimTime delay;                   ///< from now; never negative
  int32_t priority = kPriorityMessage;
  std::optional<uint64_t> reply_to;  ///< id of the request this answers
  std::string from;                ///< "kind:name"
  std::string to;                  ///< "kind:name"
  std::string kind;                ///< dotted name, see web/docs/trace-format.md
  Json payload;                    ///< what the target receives
  std::optional<Error> error;
};

/// An event in the queue. `id` is assigned at scheduling; `seq` at delivery.
struct Event {
  uint64_t id = 0;
  SimTime time;
  int32_t priority = 0;
  uint64_t order = 0;                ///< scheduling order, the final tie-breaker
  std::optional<uint64_t> parent;    ///< event being handled when this one was scheduled
  std::optional<uint64_t> reply_to;
  std::string from, to, kind;
  Json payload;
  std::optional<Error> error;
};

}  // namespace eventlab::core
