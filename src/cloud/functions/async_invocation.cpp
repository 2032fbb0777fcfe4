// Asynchronous (Event) invocations: a failed attempt is retried twice with Lambda's backoff, and
// the outcome can go to a destination queue as Lambda's invocation record.
#include "cloud/functions/function_service.h"
#include "core/json_bounds.h"

namespace eventlab::cloud::functions {

void FunctionService::ScheduleRetry(ServiceContext& ctx, const Json& payload, uint32_t next_attempt,
                                    const std::string& request_id) {
  core::EventSpec e;
  e.delay = kAsyncRetryDelays[next_attempt >= 3 ? 1 : 0];
  e.priority = core::kPriorityTimer;
  e.from = e.to = Self();
  e.kind = "function.retry";
  e.payload = {{"attempt", next_attempt}, {"request_id", request_id}, {"event", payload}};
  ctx.kernel.Schedule(std::move(e));
}

void FunctionService::Retry(ServiceContext& ctx, const core::Event& event) {
  const uint32_t attempt = event.payload.value("attempt", uint32_t{2});
  Start(ctx, event.id, {}, event.payload.value("event", Json()), true, attempt, event.payload.value("request_id", ""));
}

void FunctionService::AsyncFinished(ServiceContext& ctx, const Invocation& inv, const core::Result<Json>& result) {
  if (!result.ok() && inv.attempt < kAsyncAttempts) {
    ScheduleRetry(ctx, inv.execution.vars["event"], inv.attempt + 1, inv.request_id);
    return;
  }
  const std::string& queue = result.ok() ? config_->on_success_queue : config_->on_failure_queue;
  if (queue.empty()) return;
  // The invocation record Lambda sends to a destination (Lambda developer guide, "Capturing
  // records of Lambda asynchronous invocations").
  Json record = {
      {"version", "1.0"},
      {"timestamp", core::FormatIsoUtc(ctx.NowEpochUs())},
      {"requestContext",
       {{"requestId", inv.request_id},
        {"functionArn", Arn(ctx.env()) + ":$LATEST"},
        {"condition", result.ok() ? "Success" : "RetriesExhausted"},
        {"approximateInvokeCount", inv.attempt}}},
      {"requestPayload", inv.execution.vars["event"]},
      {"responseContext", {{"statusCode", 200}, {"executedVersion", "$LATEST"}}}};
  if (result.ok()) {
    record["responsePayload"] = result.value();
  } else {
    record["responseContext"]["functionError"] = "Unhandled";
    record["responsePayload"] = {{"errorType", result.error().code}, {"errorMessage", result.error().message}};
  }
  auto request = BuildRequest(ctx, Self(), "queue.send", Json{{"queue", queue}, {"body", core::DumpText(record)}});
  if (request.ok()) ctx.kernel.Schedule(std::move(request.value()));
}

}  // namespace eventlab::cloud::functions
