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
  void ContainerReady(ServiceContext& ctx, const core::Event& event);
  void TimedOut(ServiceContext& ctx, const core::Event& event);
  void CallReturned(ServiceContext& ctx, const core::Event& event);
  void BeginHandler(ServiceContext& ctx, Invocation& inv);
  /// Acts on the interpreter's outcome: sends the next call, or finishes the invocation.
  void Continue(ServiceContext& ctx, Invocation& inv, Outcome outcome);
  void Finish(ServiceContext& ctx, Invocation& inv, const core::Result<Json>& result);
  std::string Self() const { return Address("function", config_->name); }
  TemplateScope Scope(ServiceContext& ctx, Invocation& inv);

  const FunctionConfig* config_;
  FunctionStore store_;
};

}  // namespace eventlab::cloud::functions
