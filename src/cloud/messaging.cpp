// Requests and replies share one shape everywhere, so the trace reads the same for every service.
#include "cloud/messaging.h"

#include "cloud/action_catalog.h"
#include "cloud/world_config.h"

namespace eventlab::cloud {
core::Error NotFoundError(const ServiceContext& ctx, const std::string& kind, const std::string& name) {
  if (kind == "queue") {
    // SQS answers a missing queue with this code and message (SQS API reference, common errors).
    return {"AWS.SimpleQueueService.NonExistentQueue", "The specified queue does not exist.", 400};
  }
  if (kind == "bucket") return {"NoSuchBucket", "The specified bucket does not exist", 404};  // S3
  if (kind == "table") return {"ResourceNotFoundException", "Requested resource not found", 400};  // DynamoDB
  if (kind == "function") {
    return {"ResourceNotFoundException",
            "Function not found: arn:aws:lambda:" + ctx.env().region + ":" + ctx.env().account + ":function:" + name, 404};
  }
  // Secrets Manager and SSM Parameter Store (API references, GetSecretValue / GetParameter errors).
  if (kind == "secret") return {"ResourceNotFoundException", "Secrets Manager can't find the specified secret.", 400};
  if (kind == "parameter") return {"ParameterNotFound", "", 400};
  return {"ResourceNotFoundException", kind + " " + name + " does not exist", 404};
}

const Environment& ServiceContext::env() const { return config.env; }
int64_t ServiceContext::NowEpochUs() const { return config.env.start_epoch_us + kernel.Now().us; }

core::SimTime HopDelay(ServiceContext& ctx, const std::string& component) {
  const Timings& t = ctx.env().timings;
  return t.network_latency + core::SimTime{ctx.kernel.RngFor(component).Between(0, t.network_jitter.us)};
}

core::Result<core::EventSpec> BuildRequest(ServiceContext& ctx, const std::string& caller, const std::string& action,
                                           const Json& args) {
  const ActionSpec* spec = FindAction(action);
  if (!spec) return core::Error{"InvalidAction", "unknown action \"" + action + "\"", 400};
  if (spec->build) {
    auto built = spec->build(ctx, caller, args);
    if (built.ok()) built.value().delay = HopDelay(ctx, caller);
    return built;
  }
  if (!args.is_object() || !args.contains(spec->target_arg) || !args[spec->target_arg].is_string()) {
    return core::Error{"ValidationException", action + " needs \"" + spec->target_arg + "\" naming a " + spec->target_kind, 400};
  }
  const std::string target = args[spec->target_arg].get<std::string>();
  core::EventSpec e;
  e.delay = HopDelay(ctx, caller);
  e.from = caller;
  e.to = Address(spec->target_kind, target);
  e.kind = action;
  if (!spec->payload_arg.empty()) {
    e.payload = args.contains(spec->payload_arg) ? args[spec->payload_arg] : Json(nullptr);
  } else {
    e.payload = args;
    e.payload.erase(spec->target_arg);
  }
  return e;
}

RequestRef RefOf(const core::Event& request) { return {request.id, request.from, request.to, request.kind}; }

void Reply(ServiceContext& ctx, const core::Event& request, const core::Result<Json>& result, core::SimTime extra) {
  ReplyTo(ctx, RefOf(request), result, extra);
}

void ReplyTo(ServiceContext& ctx, const RequestRef& request, const core::Result<Json>& result, core::SimTime extra) {
  core::EventSpec e;
  e.delay = extra + HopDelay(ctx, request.to);
  e.reply_to = request.id;
  e.from = request.to;
  e.to = request.from;
  e.kind = request.kind + ".result";
  if (result.ok()) e.payload = result.value();
  else e.error = result.error();
  ctx.kernel.Schedule(std::move(e));
}

std::string KindOf(const std::string& address) { return address.substr(0, address.find(':')); }

std::string NameOf(const std::string& address) {
  const size_t colon = address.find(':');
  return colon == std::string::npos ? address : address.substr(colon + 1);
}

}  // namespace eventlab::cloud
