// Functions: configuration from the scenario, and the runtime store (containers, invocations).
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "cloud/functions/step.h"
#include "cloud/iam/permissions.h"
#include "cloud/service.h"
#include "cloud/functions/step_interpreter.h"
#include "core/sim_time.h"

namespace eventlab::cloud::functions {

/// Lambda's default timeout is 3 seconds; the maximum is 900 (Lambda quotas).
inline constexpr core::SimTime kDefaultTimeout = core::SimTime::Seconds(3);
inline constexpr core::SimTime kMaxTimeout = core::SimTime::Seconds(900);

struct FunctionConfig : ResourceConfig {
  std::string Kind() const override { return "function"; }
  std::unique_ptr<Service> CreateService() const override;

  std::vector<Step> handler;       ///< the steps each invocation runs
  core::SimTime timeout = kDefaultTimeout;
  uint64_t memory_mb = 128;        ///< reported in context; 128..10240 as in Lambda
  Json environment = Json::object();  ///< readable as ${env.NAME}
  /// The execution role's grants; absent means unrestricted (see iam::Grants).
  std::optional<std::vector<iam::Grant>> permissions;
  /// Asynchronous invocations: queues that get the invocation record when retries are exhausted
  /// (on failure) or when the function succeeds (on success); empty when not configured.
  std::string on_failure_queue, on_success_queue;
};

/// A call result kept by a container for a call step with "cache" (see call_cache.h).
struct CachedCall {
  std::string action;         ///< "secrets.get_secret_value"
  Json result;                ///< the successful reply's payload (or local result)
  core::SimTime stored_at;    ///< when the result reached the handler
  core::SimTime ttl;          ///< the step's "cache" duration: a hit needs age < ttl
};

/// One execution environment. It serves one invocation at a time and keeps its cache while warm.
struct Container {
  uint32_t id = 0;
  bool initialised = false;     ///< false until its cold start finishes
  bool busy = false;
  core::SimTime busy_until;     ///< still finishing the last handler's CPU work until then
  Json cache = Json::object();  ///< ${container.*}: survives between invocations in this container
  uint64_t invocations = 0;
  uint64_t expiry_timer = 0;    ///< pending function.expire event while idle, or 0
  /// Cached call results, by action + " " + rendered arguments (compact JSON, keys sorted).
  std::map<std::string, CachedCall> call_cache;
};

/// An invocation in progress.
struct Invocation {
  uint64_t invoke_event = 0;    ///< id of the function.invoke event (the reply answers it)
  std::string caller;           ///< address to reply to
  std::string request_id;       ///< aws_request_id, a deterministic UUID
  uint32_t container = 0;
  bool cold = false;
  uint64_t timeout_timer = 0;   ///< id of the pending function.timeout event
  core::SimTime deadline;       ///< when the timeout fires; work past it never completes
  uint64_t waiting_call = 0;    ///< id of the request whose reply the handler awaits, or 0
  std::string cache_key;        ///< the awaited call's cache key when its step caches, else empty
  core::SimTime cache_ttl;      ///< the awaited call's cache TTL
  core::SimTime invoked_at;     ///< when the invoke event arrived
  core::SimTime started_at;     ///< when the handler started (after any cold start)
  bool async = false;           ///< an Event invocation: nobody awaits the result; retries apply
  uint32_t attempt = 1;         ///< 1 for the first try of an async event, then 2 and 3
  Execution execution;
};

struct FunctionStore {
  std::map<uint32_t, Container> containers;   ///< by container id
  std::map<uint64_t, Invocation> running;     ///< by invoke event id
  uint32_t next_container = 1;
  uint64_t invocations = 0, cold_starts = 0, errors = 0, throttles = 0, expired = 0;
  std::vector<Json> recent;  ///< finished invocations, newest last: request_id, cold, init/run µs, error
  std::vector<Json> logs;    ///< log lines, newest last: request_id, time_us, line
};

/// Lambda retries a failed asynchronous invocation twice, "with one minute between the first and
/// second attempts, and two minutes between the second and third" (Lambda developer guide,
/// asynchronous invocation).
inline constexpr uint32_t kAsyncAttempts = 3;
inline constexpr core::SimTime kAsyncRetryDelays[] = {core::SimTime::Seconds(60), core::SimTime::Seconds(120)};

/// How many finished invocations and log lines a function keeps for inspection.
inline constexpr size_t kKeepRecent = 50;

}  // namespace eventlab::cloud::functions
