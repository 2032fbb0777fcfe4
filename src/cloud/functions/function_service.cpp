// Function invocations as a learner should see them: a cold start is its own event
// (function.init), every call the handler makes is a request event with a reply, and the
// result goes back to the caller as function.invoke.result.
#include "cloud/functions/function_service.h"

#include <cstdio>

#include "cloud/action_catalog.h"
#include "cloud/functions/call_cache.h"
#include "core/digest.h"
#include "core/ids.h"

namespace eventlab::cloud::functions {
namespace {

bool EndsWith(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

std::string TimeoutMessage(core::SimTime timeout) {
  // Lambda reports "Task timed out after 3.00 seconds".
  char buf[64];
  std::snprintf(buf, sizeof buf, "Task timed out after %lld.%02lld seconds", static_cast<long long>(timeout.us / 1000000),
                static_cast<long long>(timeout.us % 1000000 / 10000));
  return buf;
}

void KeepRecent(std::vector<Json>& list, Json item) {
  list.push_back(std::move(item));
  if (list.size() > kKeepRecent) list.erase(list.begin());
}

}  // namespace

std::unique_ptr<Service> FunctionConfig::CreateService() const { return std::make_unique<FunctionService>(this); }

void FunctionService::Deliver(ServiceContext& ctx, const core::Event& event) {
  if (event.kind == "function.invoke" || event.kind == "function.invoke_async") Invoke(ctx, event);
  else if (event.kind == "function.init") ContainerReady(ctx, event);
  else if (event.kind == "function.timeout") TimedOut(ctx, event);
  else if (event.kind == "function.retry") Retry(ctx, event);
  else if (event.kind == "function.expire") Expire(ctx, event);
  else if (EndsWith(event.kind, ".result")) CallReturned(ctx, event);
}

std::string FunctionService::Arn(const Environment& env) const {
  return "arn:aws:lambda:" + env.region + ":" + env.account + ":function:" + config_->name;
}

void FunctionService::Invoke(ServiceContext& ctx, const core::Event& event) {
  const Limits& limits = ctx.env().limits;
  const bool async = event.kind == "function.invoke_async";
  const uint64_t limit = async ? limits.function_async_payload_bytes : limits.function_sync_payload_bytes;
  if (core::PayloadSize(event.payload) > limit) {
    // Lambda Invoke's error for an oversized request (HTTP 413).
    Reply(ctx, event,
          core::Error{"RequestEntityTooLargeException",
                      "Request must be smaller than " + std::to_string(limit) + " bytes for the InvokeFunction operation",
                      413});
    return;
  }
  const std::string request_id = core::NewUuid(ctx.kernel.RngFor(Self()));
  if (async) {
    // An Event invocation is queued and acknowledged at once (HTTP 202); the caller never sees
    // the result.
    Reply(ctx, event, Json{{"StatusCode", 202}});
    Start(ctx, event.id, {}, event.payload, true, 1, request_id);
    return;
  }
  Start(ctx, event.id, RefOf(event), event.payload, false, 1, request_id);
}

void FunctionService::Start(ServiceContext& ctx, uint64_t key, const RequestRef& caller, const Json& payload,
                            bool async, uint32_t attempt, const std::string& request_id) {
  // An idle warm container first (lowest id, so the choice is deterministic), else a new one.
  Container* chosen = nullptr;
  for (auto& [id, c] : store_.containers) {
    if (c.initialised && !c.busy && c.busy_until <= ctx.kernel.Now()) { chosen = &c; break; }
  }
  bool cold = false;
  if (!chosen) {
    if (store_.containers.size() >= ctx.env().limits.function_concurrency) {
      ++store_.throttles;
      const core::Error throttled{"TooManyRequestsException", "Rate Exceeded.", 429};
      // A throttled event is tried again like a failed one, at most kAsyncAttempts times in all
      // (Lambda keeps throttled events for up to six hours; the bound keeps runs finite).
      if (async && attempt < kAsyncAttempts) ScheduleRetry(ctx, payload, attempt + 1, request_id);
      else if (!async) ReplyTo(ctx, caller, throttled);
      return;
    }
    const uint32_t id = store_.next_container++;
    chosen = &store_.containers[id];
    chosen->id = id;
    cold = true;
    ++store_.cold_starts;
  }
  if (chosen->expiry_timer) ctx.kernel.Cancel(chosen->expiry_timer);
  chosen->expiry_timer = 0;
  chosen->busy = true;
  ++chosen->invocations;
  ++store_.invocations;

  Invocation& inv = store_.running[key];
  inv.invoke_event = key;
  inv.caller = caller.from;
  inv.request_id = request_id;
  inv.container = chosen->id;
  inv.cold = cold;
  inv.async = async;
  inv.attempt = attempt;
  inv.invoked_at = ctx.kernel.Now();
  inv.execution.vars["event"] = payload;

  if (cold) {
    core::EventSpec init;
    init.delay = ctx.env().timings.cold_start;
    init.from = init.to = Self();
    init.kind = "function.init";
    init.payload = {{"container", chosen->id}, {"init_duration_us", ctx.env().timings.cold_start.us},
                    {"request_id", inv.request_id}, {"invoke", key}};
    ctx.kernel.Schedule(std::move(init));
    return;
  }
  inv.execution.elapsed = ctx.env().timings.warm_start;
  BeginHandler(ctx, inv);
}

void FunctionService::ContainerReady(ServiceContext& ctx, const core::Event& event) {
  const uint64_t invoke = event.payload.value("invoke", uint64_t{0});
  auto it = store_.running.find(invoke);
  if (it == store_.running.end()) return;
  store_.containers[it->second.container].initialised = true;
  BeginHandler(ctx, it->second);
}

TemplateScope FunctionService::Scope(ServiceContext& ctx, Invocation& inv) {
  TemplateScope scope;
  scope.rng = &ctx.kernel.RngFor(Self());
  scope.now_epoch_us = ctx.NowEpochUs() + inv.execution.elapsed.us;  // work steps move it on
  scope.max_value_bytes = config_->memory_mb << 20;
  return scope;
}

void FunctionService::BeginHandler(ServiceContext& ctx, Invocation& inv) {
  const Environment& env = ctx.env();
  Json& vars = inv.execution.vars;
  vars["context"] = {{"function_name", config_->name},
                     {"aws_request_id", inv.request_id},
                     {"invoked_function_arn", Arn(env)},
                     {"memory_limit_in_mb", config_->memory_mb},
                     {"cold_start", inv.cold},
                     {"container", inv.container}};
  vars["env"] = config_->environment;
  vars["container"] = store_.containers[inv.container].cache;

  core::EventSpec timer;
  timer.delay = config_->timeout;
  timer.priority = core::kPriorityTimer;
  timer.from = timer.to = Self();
  timer.kind = "function.timeout";
  timer.payload = {{"invoke", inv.invoke_event}, {"request_id", inv.request_id}};
  inv.timeout_timer = ctx.kernel.Schedule(std::move(timer));
  inv.deadline = ctx.kernel.Now() + config_->timeout;
  inv.started_at = ctx.kernel.Now();

  TemplateScope scope = Scope(ctx, inv);
  Continue(ctx, inv, StartExecution(inv.execution, config_->handler, scope));
}

void FunctionService::Continue(ServiceContext& ctx, Invocation& inv, Outcome outcome) {
  while (true) {
    // Work that runs past the deadline never completes: the pending timeout ends the invocation.
    if (ctx.kernel.Now() + inv.execution.elapsed > inv.deadline) return;
    if (outcome.kind != Outcome::Kind::kCall) break;
    // A step with "cache" first looks in the container; a hit answers at once, without a request.
    const bool cached = outcome.cache_ttl.us > 0;
    std::string cache_key;
    if (cached) {
      Container& c = store_.containers[inv.container];
      cache_key = CacheKey(outcome.action, outcome.args);
      const CacheLookup look = LookUpCall(c, cache_key, ctx.kernel.Now() + inv.execution.elapsed, c.invocations == 1);
      ctx.kernel.Schedule(CacheRecord(Self(), outcome.action, look, outcome.cache_ttl, c.id, inv.execution.elapsed));
      if (look.hit) {
        TemplateScope scope = Scope(ctx, inv);
        outcome = ResumeExecution(inv.execution, look.result, scope);
        continue;
      }
    }
    CallOutcome call = MakeCall(ctx, Self(), outcome.action, outcome.args, inv.execution.elapsed,
                                ctx.NowEpochUs() + inv.execution.elapsed.us);
    if (call.sent) {
      inv.waiting_call = call.request_id;
      inv.cache_key = cache_key;
      inv.cache_ttl = outcome.cache_ttl;
      return;
    }
    // A local action, or a call refused before sending: the handler has its result at once.
    if (call.recorded) ctx.kernel.Schedule(LocalResultRecord(Self(), outcome.action, call.result, inv.execution.elapsed));
    if (cached && call.result.ok()) {
      StoreCall(store_.containers[inv.container], cache_key, call.result.value(), ctx.kernel.Now() + inv.execution.elapsed,
                outcome.cache_ttl);
    }
    TemplateScope scope = Scope(ctx, inv);
    outcome = ResumeExecution(inv.execution, call.result, scope);
  }
  if (outcome.kind == Outcome::Kind::kFailed) {
    Finish(ctx, inv, outcome.error);
    return;
  }
  if (core::PayloadSize(outcome.value) > ctx.env().limits.function_sync_payload_bytes) {
    Finish(ctx, inv, core::Error{"Function.ResponseSizeTooLarge",
                                 "Response payload size exceeded maximum allowed payload size (" +
                                     std::to_string(ctx.env().limits.function_sync_payload_bytes) + " bytes).",
                                 502});
    return;
  }
  Finish(ctx, inv, outcome.value);
}

void FunctionService::CallReturned(ServiceContext& ctx, const core::Event& event) {
  for (auto& [id, inv] : store_.running) {
    if (inv.waiting_call == 0 || !event.reply_to || *event.reply_to != inv.waiting_call) continue;
    inv.waiting_call = 0;
    inv.execution.elapsed = core::SimTime{};  // the handler resumes at this event's time
    TemplateScope scope = Scope(ctx, inv);
    core::Result<Json> reply = event.error ? core::Result<Json>(*event.error) : core::Result<Json>(event.payload);
    // A cached step keeps a successful reply, stored at its arrival; errors are never cached.
    if (!inv.cache_key.empty() && reply.ok()) {
      StoreCall(store_.containers[inv.container], inv.cache_key, reply.value(), ctx.kernel.Now(), inv.cache_ttl);
    }
    inv.cache_key.clear();
    Continue(ctx, inv, ResumeExecution(inv.execution, reply, scope));
    return;
  }
  // A reply for an invocation that already ended (it timed out): delivered, and ignored.
}

void FunctionService::TimedOut(ServiceContext& ctx, const core::Event& event) {
  auto it = store_.running.find(event.payload.value("invoke", uint64_t{0}));
  if (it == store_.running.end()) return;
  Invocation& inv = it->second;
  inv.timeout_timer = 0;
  inv.execution.elapsed = core::SimTime{};  // the timeout answers at the deadline itself
  // Lambda restarts the runtime after a timeout: the container and its cache are gone.
  Finish(ctx, inv, core::Error{"Sandbox.Timedout", TimeoutMessage(config_->timeout), 200}, /*discard_container=*/true);
}

void FunctionService::Finish(ServiceContext& ctx, Invocation& inv, const core::Result<Json>& result,
                             bool discard_container) {
  if (inv.timeout_timer) ctx.kernel.Cancel(inv.timeout_timer);
  Container& c = store_.containers[inv.container];
  c.busy = false;
  c.busy_until = ctx.kernel.Now() + inv.execution.elapsed;
  c.cache = inv.execution.vars["container"];
  if (!result.ok()) ++store_.errors;
  const core::SimTime end = ctx.kernel.Now() + inv.execution.elapsed;
  Json record = {{"request_id", inv.request_id}, {"cold", inv.cold}, {"container", inv.container},
                 {"init_us", (inv.started_at - inv.invoked_at).us}, {"run_us", (end - inv.started_at).us}};
  record["error"] = result.ok() ? Json(nullptr) : Json(result.error().code);
  KeepRecent(store_.recent, std::move(record));
  for (const std::string& line : inv.execution.logs) {
    KeepRecent(store_.logs, Json{{"request_id", inv.request_id}, {"time_us", end.us}, {"line", line}});
  }

  if (discard_container) store_.containers.erase(inv.container);
  else ScheduleExpiry(ctx, c, c.busy_until);
  const Invocation finished = std::move(inv);
  store_.running.erase(finished.invoke_event);  // `inv` is gone from here on
  if (finished.async) AsyncFinished(ctx, finished, result);
  else ReplyTo(ctx, {finished.invoke_event, finished.caller, Self(), "function.invoke"}, result, finished.execution.elapsed);
}

void FunctionService::ScheduleExpiry(ServiceContext& ctx, Container& c, core::SimTime idle_from) {
  core::EventSpec e;
  e.delay = idle_from - ctx.kernel.Now() + ctx.env().timings.container_idle;
  e.priority = core::kPriorityTimer;
  e.from = e.to = Self();
  e.kind = "function.expire";
  e.payload = {{"container", c.id}, {"idle_us", ctx.env().timings.container_idle.us}};
  c.expiry_timer = ctx.kernel.Schedule(std::move(e));
}

void FunctionService::Expire(ServiceContext& ctx, const core::Event& event) {
  auto it = store_.containers.find(event.payload.value("container", uint32_t{0}));
  if (it == store_.containers.end() || it->second.expiry_timer != event.id) return;
  store_.containers.erase(it);
  ++store_.expired;
}

Json FunctionService::State() const {
  Json containers = Json::array();
  for (const auto& [id, c] : store_.containers) {
    containers.push_back({{"id", id}, {"state", !c.initialised ? "initialising" : c.busy ? "busy" : "warm"},
                          {"invocations", c.invocations}, {"cache", c.cache}, {"call_cache", CacheState(c)}});
  }
  Json running = Json::array();
  for (const auto& [id, inv] : store_.running) {
    running.push_back({{"invoke", id}, {"request_id", inv.request_id}, {"container", inv.container},
                       {"cold", inv.cold}, {"waiting_on", inv.waiting_call ? Json(inv.waiting_call) : Json(nullptr)}});
  }
  return {{"kind", "function"},
          {"timeout_us", config_->timeout.us},
          {"containers", containers},
          {"running", running},
          {"invocations", store_.invocations},
          {"cold_starts", store_.cold_starts},
          {"errors", store_.errors},
          {"throttles", store_.throttles},
          {"expired", store_.expired},
          {"recent", store_.recent},
          {"logs", store_.logs}};
}

}  // namespace eventlab::cloud::functions
