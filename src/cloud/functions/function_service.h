// The function service: invocations, cold and warm containers, timeouts, and the handler's calls.
#pragma once

#include "cloud/functions/function_models.h"
#include "cloud/messaging.h"
#include "cloud/service.h"

namespace eventlab::cloud::functions {

class FunctionService : public CopyableService<FunctionService> {
 public:
  /// `config` lives in the shared WorldConfig and outlives every copy of this service.
  explicit FunctionService(const FunctionConfig* config) : config_(config) {}

  /// Handles function.invoke, function.init, function.timeout and replies to the handler's calls.
  void Deliver(ServiceContext& ctx, const core::Event& event) override;

  /// Inspectable state: containers, running invocations, counters.
  Json State() const override;

 private:
  void Invoke(ServiceContext& ctx, const core::Event& event);
  /// Starts an invocation keyed by `key` (the event that asked for it) in a warm or new container.
  void Start(ServiceContext& ctx, uint64_t key, const RequestRef& caller, const Json& payload, bool async,
             uint32_t attempt, const std::string& request_id);
  // Asynchronous invocations (async_invocation.cpp): retries with backoff and destinations.
  void Retry(ServiceContext& ctx, const core::Event& event);
  void ScheduleRetry(ServiceContext& ctx, const Json& payload, uint32_t next_attempt, const std::string& request_id);
  void AsyncFinished(ServiceContext& ctx, const Invocation& inv, const core::Result<Json>& result);
  // Idle containers are reclaimed (function.expire).
  void ScheduleExpiry(ServiceContext& ctx, Container& c, core::SimTime idle_from);
  void Expire(ServiceContext& ctx, const core::Event& event);
  void ContainerReady(ServiceContext& ctx, const core::Event& event);
  void TimedOut(ServiceContext& ctx, const core::Event& event);
  void CallReturned(ServiceContext& ctx, const core::Event& event);
  void BeginHandler(ServiceContext& ctx, Invocation& inv);
  /// Acts on the interpreter's outcome: sends the next call, or finishes the invocation.
  void Continue(ServiceContext& ctx, Invocation& inv, Outcome outcome);
  void Finish(ServiceContext& ctx, Invocation& inv, const core::Result<Json>& result, bool discard_container = false);
  std::string Self() const { return Address("function", config_->name); }
  TemplateScope Scope(ServiceContext& ctx, Invocation& inv);

  std::string Arn(const Environment& env) const;

  const FunctionConfig* config_;
  FunctionStore store_;
};

}  // namespace eventlab::cloud::functions
