// What every service does with the kernel: hop delays with jitter, requests built from calls, and
// replies to requests.
#pragma once

#include <string>

#include "cloud/environment.h"
#include "core/kernel.h"

namespace eventlab::cloud {

using core::Json;

struct WorldConfig;

/// What a service sees while it handles one event.
struct ServiceContext {
  core::Kernel& kernel;
  const WorldConfig& config;
  const Environment& env() const;
  /// Wall-clock instant of the simulated now, in epoch microseconds.
  int64_t NowEpochUs() const;
};

/// One network hop from `component`: the base latency plus jitter from the component's own stream.
core::SimTime HopDelay(ServiceContext& ctx, const std::string& component);

/// A request event for `action` from `caller` ("function:echo"), or a ValidationException when the
/// arguments name no target. A target that does not exist still gets the request: the world
/// answers it with the service's not-found error, so both show in the trace.
core::Result<core::EventSpec> BuildRequest(ServiceContext& ctx, const std::string& caller, const std::string& action,
                                           const Json& args);

/// What a reply needs to know of its request, kept by services that answer later.
struct RequestRef {
  uint64_t id = 0;
  std::string from, to, kind;
};
RequestRef RefOf(const core::Event& request);

/// Schedules the reply to `request`: kind "<request kind>.result", addressed to the requester,
/// after `extra` plus one hop.
void Reply(ServiceContext& ctx, const core::Event& request, const core::Result<Json>& result,
           core::SimTime extra = {});
void ReplyTo(ServiceContext& ctx, const RequestRef& request, const core::Result<Json>& result, core::SimTime extra = {});

/// The service's error for a missing resource (SQS NonExistentQueue, Lambda
/// ResourceNotFoundException, ...).
core::Error NotFoundError(const ServiceContext& ctx, const std::string& kind, const std::string& name);

/// "queue" from "queue:jobs".
std::string KindOf(const std::string& address);
/// "jobs" from "queue:jobs".
std::string NameOf(const std::string& address);

}  // namespace eventlab::cloud
