// What every service reads and nobody changes during a run: the scenario's clock origin, region,
// account, timings and limits.
#pragma once

#include <cstdint>
#include <string>

#include "core/sim_time.h"

namespace eventlab::cloud {

using core::SimTime;

/// Latencies the services add to every hop. Overridable per scenario under "timings".
struct Timings {
  SimTime network_latency = SimTime::Millis(2);  ///< one-way hop between components
  SimTime network_jitter = SimTime::Millis(1);   ///< up to this much extra per hop, uniform
  SimTime cold_start = SimTime::Millis(250);     ///< runtime and code init of a new container
  SimTime warm_start = SimTime::Millis(1);       ///< dispatch to an idle warm container
};

/// Real service limits. Overridable per scenario under "limits".
struct Limits {
  /// Lambda Invoke, RequestResponse: "For synchronous invocations, the maximum payload size is
  /// 6 MB" (AWS Lambda API reference, Invoke). 6 MB here is 6 * 1024 * 1024 bytes.
  uint64_t function_sync_payload_bytes = 6291456;
  /// SQS MaximumMessageSize queue attribute default, 262,144 bytes (256 KiB); settable up to
  /// 1,048,576 (SQS API reference, SetQueueAttributes).
  uint64_t queue_message_bytes = 262144;
  /// Concurrent executions (containers) per function. The default is Lambda's account quota of
  /// 1,000 concurrent executions (Lambda quotas), applied here to each function on its own.
  uint64_t function_concurrency = 1000;
  /// A guard against runaway scenarios, not a service limit: a run stops after this many events.
  uint64_t max_events = 100000;
};

/// The run's fixed context.
struct Environment {
  int64_t start_epoch_us = 1767225600000000LL;  ///< simulated time 0 = 2026-01-01T00:00:00Z
  std::string region = "us-east-1";
  std::string account = "123456789012";
  Timings timings;
  Limits limits;
};

/// "kind:name", the address format of trace `from` and `to`.
inline std::string Address(const std::string& kind, const std::string& name) { return kind + ":" + name; }

}  // namespace eventlab::cloud
