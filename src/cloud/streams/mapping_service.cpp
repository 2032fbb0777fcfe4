// Lambda's stream polling as the learner should see it: the poll, the batch invoke, and on a
// function error the same batch again and again (mapping.retry) while the shard's later records
// wait. Only the records' expiry, the retry quota or a bisect lets the shard move on.
#include "cloud/streams/mapping_service.h"

#include <algorithm>

#include "cloud/iam/permissions.h"
#include "cloud/streams/stream_models.h"
#include "cloud/world_config.h"

namespace eventlab::cloud::streams {
namespace {

Json Sequences(const std::vector<BatchRecord>& batch) {
  Json out = Json::array();
  for (const BatchRecord& r : batch) out.push_back(r.sequence_number);
  return out;
}

}  // namespace

std::unique_ptr<Service> MappingConfig::CreateService() const { return std::make_unique<MappingService>(this); }

std::vector<Wire> MappingConfig::Wires() const {
  return {{Address("function", function), "batches from " + Address(source_kind, source)}};
}

int64_t MappingService::RetentionMs(const ServiceContext& ctx) const {
  if (config_->source_kind == "stream") {
    if (const auto* s = ctx.config.Find<StreamConfig>(config_->source)) return s->retention.us / 1000;
  }
  return kTableStreamRetention.us / 1000;
}

void MappingService::Deliver(ServiceContext& ctx, const core::Event& event) {
  if (event.kind == "mapping.wake" || event.kind == "mapping.window" || event.kind == "mapping.retry") {
    const std::string shard = event.payload.value("shard_id", "");
    if (shard.empty()) return;
    ShardPoller& p = store_.shards[shard];
    if (event.kind == "mapping.wake") {
      if (p.phase == "idle" && p.poll_event == 0) SendPoll(ctx, p, shard, true, {});
    } else if (event.kind == "mapping.window" && p.phase == "window") {
      SendPoll(ctx, p, shard, false, {});
    } else if (event.kind == "mapping.retry" && p.phase == "backoff") {
      Invoke(ctx, p, shard);
    }
    return;
  }
  if (!event.reply_to) return;
  for (auto& [shard, p] : store_.shards) {
    if (event.kind == "stream.poll.result" && p.poll_event == *event.reply_to) return PollResult(ctx, p, shard, event);
    if (event.kind == "function.invoke.result" && p.invoke_event == *event.reply_to) return InvokeResult(ctx, p, shard, event);
  }
}

void MappingService::SendPoll(ServiceContext& ctx, ShardPoller& p, const std::string& shard, bool wait, core::SimTime delay) {
  core::EventSpec e;
  e.delay = delay + HopDelay(ctx, Self());
  e.from = Self();
  e.to = Address(config_->source_kind, config_->source);
  e.kind = "stream.poll";
  e.payload = {{"shard_id", shard}, {"limit", config_->batch_size}, {"wait", wait}};
  if (!p.checkpoint.empty()) {
    e.payload["after"] = p.checkpoint;
  } else if (config_->starting_position == "TRIM_HORIZON") {
    e.payload["start"] = "TRIM_HORIZON";
  } else {
    // LATEST is taken as of the mapping's creation, the start of the run.
    e.payload["start"] = config_->starting_position;
    e.payload["timestamp_ms"] = config_->starting_position == "AT_TIMESTAMP" ? config_->starting_timestamp_ms
                                                                             : ctx.env().start_epoch_us / 1000;
  }
  p.phase = "polling";
  p.last_poll_us = ctx.kernel.Now().us + delay.us;
  p.poll_event = ctx.kernel.Schedule(std::move(e));
}

void MappingService::PollAgain(ServiceContext& ctx, ShardPoller& p, const std::string& shard) {
  const int64_t next_us = p.last_poll_us < 0 ? 0 : p.last_poll_us + kPollInterval.us;
  SendPoll(ctx, p, shard, true, core::SimTime{std::max<int64_t>(0, next_us - ctx.kernel.Now().us)});
}

void MappingService::ScheduleTimer(ServiceContext& ctx, const std::string& kind, const std::string& shard, core::SimTime delay,
                                   Json extra) {
  core::EventSpec t;
  t.delay = delay;
  t.priority = core::kPriorityTimer;
  t.from = t.to = Self();
  t.kind = kind;
  t.payload = std::move(extra);
  t.payload["shard_id"] = shard;
  ctx.kernel.Schedule(std::move(t));
}

void MappingService::PollResult(ServiceContext& ctx, ShardPoller& p, const std::string& shard, const core::Event& event) {
  p.poll_event = 0;
  if (event.error) {
    p.last_error = {{"code", event.error->code}, {"message", event.error->message}};
    if (event.error->code != "ProvisionedThroughputExceededException") {
      p.phase = "stopped";  // a source that refuses the mapping is not polled again
      return;
    }
    return PollAgain(ctx, p, shard);
  }
  const Json& records = event.payload.value("records", Json::array());
  if (records.empty()) return PollAgain(ctx, p, shard);
  p.started = true;
  if (config_->batching_window.us > 0 && !p.windowed && records.size() < config_->batch_size) {
    // The batching window: gather for up to the window before invoking with what has arrived.
    p.windowed = true;
    p.phase = "window";
    return ScheduleTimer(ctx, "mapping.window", shard, config_->batching_window, Json::object());
  }
  p.windowed = false;
  p.batch.clear();
  for (const Json& r : records) {
    p.batch.push_back({r.value("record", Json::object()), r.value("sequence_number", ""), r.value("arrival_epoch_ms", int64_t{0})});
  }
  p.batch_last_sequence = p.batch.back().sequence_number;
  p.attempts = p.retries = 0;
  ++p.batches;
  Invoke(ctx, p, shard);
}

void MappingService::Invoke(ServiceContext& ctx, ShardPoller& p, const std::string& shard) {
  const int64_t now_ms = ctx.NowEpochUs() / 1000;
  const int64_t retention_ms = RetentionMs(ctx);
  const int64_t max_age_ms = config_->maximum_record_age.us / 1000;
  const size_t before = p.batch.size();
  // Records past MaximumRecordAgeInSeconds, or gone from the source, are discarded unprocessed.
  p.batch.erase(std::remove_if(p.batch.begin(), p.batch.end(),
                               [&](const BatchRecord& r) {
                                 const int64_t age = now_ms - r.arrival_epoch_ms;
                                 return age >= retention_ms || (max_age_ms > 0 && age > max_age_ms);
                               }),
                p.batch.end());
  p.discarded += before - p.batch.size();
  if (p.batch.empty()) {
    p.blocked = false;
    return Finish(ctx, p, shard);
  }
  Json records = Json::array();
  const std::string role = iam::PrincipalArn(ctx.config, Address("function", config_->function));
  for (const BatchRecord& r : p.batch) {
    Json rec = r.record;
    if (config_->source_kind == "stream") rec["invokeIdentityArn"] = role;
    records.push_back(std::move(rec));
  }
  core::EventSpec e;
  e.delay = HopDelay(ctx, Self());
  e.from = Self();
  e.to = Address("function", config_->function);
  e.kind = "function.invoke";
  e.payload = {{"Records", records}};
  p.phase = "invoking";
  ++p.attempts;
  p.invoke_event = ctx.kernel.Schedule(std::move(e));
}

void MappingService::InvokeResult(ServiceContext& ctx, ShardPoller& p, const std::string& shard, const core::Event& event) {
  p.invoke_event = 0;
  if (!event.error) {
    p.processed += p.batch.size();
    p.blocked = false;
    return Finish(ctx, p, shard);
  }
  ++p.failures;
  p.blocked = true;
  p.last_error = {{"code", event.error->code}, {"message", event.error->message}};
  if (config_->bisect_on_error && p.batch.size() > 1) {
    // Split in two and try the first half at once; "splitting a batch does not count towards the
    // retry quota" (Lambda developer guide, Kinesis error handling).
    const size_t half = p.batch.size() / 2;
    p.queued.insert(p.queued.begin(), std::vector<BatchRecord>(p.batch.begin() + static_cast<std::ptrdiff_t>(half), p.batch.end()));
    p.batch.resize(half);
    p.batch_last_sequence = p.batch.back().sequence_number;
    p.attempts = p.retries = 0;
    return Invoke(ctx, p, shard);
  }
  // Throttling happens before the function runs: it is retried until the records expire but
  // does not use up the retry quota (Lambda developer guide, Kinesis error handling).
  if (event.error->code != "TooManyRequestsException") ++p.retries;
  if (config_->maximum_retry_attempts >= 0 && p.retries > static_cast<uint64_t>(config_->maximum_retry_attempts)) {
    p.discarded += p.batch.size();
    p.blocked = false;
    return Finish(ctx, p, shard);
  }
  int64_t delay = kFirstRetryDelay.us;
  for (uint32_t i = 1; i < p.attempts && delay < kMaxRetryDelay.us; ++i) delay *= 2;
  p.phase = "backoff";
  ScheduleTimer(ctx, "mapping.retry", shard, core::SimTime{std::min(delay, kMaxRetryDelay.us)},
                {{"attempt", p.attempts + 1}, {"retries", p.retries}, {"sequence_numbers", Sequences(p.batch)}});
}

void MappingService::Finish(ServiceContext& ctx, ShardPoller& p, const std::string& shard) {
  p.checkpoint = p.batch_last_sequence;
  p.batch.clear();
  p.attempts = p.retries = 0;
  if (!p.queued.empty()) {
    p.batch = std::move(p.queued.front());
    p.queued.erase(p.queued.begin());
    p.batch_last_sequence = p.batch.back().sequence_number;
    ++p.batches;
    return Invoke(ctx, p, shard);
  }
  PollAgain(ctx, p, shard);
}

Json MappingService::State() const {
  Json shards = Json::object();
  for (const auto& [id, p] : store_.shards) {
    Json queued = Json::array();
    for (const auto& q : p.queued) queued.push_back(Sequences(q));
    shards[id] = {{"phase", p.phase},         {"checkpoint", p.checkpoint.empty() ? Json(nullptr) : Json(p.checkpoint)},
                  {"started", p.started},     {"blocked", p.blocked},
                  {"batch", Sequences(p.batch)}, {"queued", queued},
                  {"attempts", p.attempts},   {"retries", p.retries},
                  {"processed", p.processed}, {"discarded", p.discarded},
                  {"batches", p.batches},     {"failures", p.failures},
                  {"last_error", p.last_error}};
  }
  return {{"kind", "mapping"},
          {"source", Address(config_->source_kind, config_->source)},
          {"function", config_->function},
          {"batch_size", config_->batch_size},
          {"starting_position", config_->starting_position},
          {"bisect_batch_on_function_error", config_->bisect_on_error},
          {"maximum_retry_attempts", config_->maximum_retry_attempts},
          {"maximum_record_age_us", config_->maximum_record_age.us},
          {"shards", shards}};
}

}  // namespace eventlab::cloud::streams
