// Writes, retention and state of a stream. Argument names are the snake_case forms of Kinesis'
// request members (PartitionKey -> partition_key); answers use Kinesis' member names.
#include "cloud/streams/stream_service.h"
#include "core/json_bounds.h"

#include "cloud/iam/permissions.h"
#include "cloud/streams/poll_board.h"
#include "cloud/world_config.h"
#include "core/digest.h"

namespace eventlab::cloud::streams {
namespace {

core::Error Validation(const std::string& message) { return {"ValidationException", message, 400}; }

core::Error NullMember(const std::string& member) {
  return Validation("1 validation error detected: Value null at '" + member + "' failed to satisfy constraint: Member must not be null");
}

// Which IAM action each request needs (Kinesis actions; consumers read with GetRecords).
const std::map<std::string, std::string>& IamActions() {
  static const std::map<std::string, std::string> kActions = {
      {"kinesis.put_record", "kinesis:PutRecord"},        {"kinesis.put_records", "kinesis:PutRecords"},
      {"kinesis.get_shard_iterator", "kinesis:GetShardIterator"}, {"kinesis.get_records", "kinesis:GetRecords"},
      {"kinesis.set_position", "kinesis:GetShardIterator"}, {"kinesis.consumer_read", "kinesis:GetRecords"}};
  return kActions;
}

}  // namespace

std::unique_ptr<Service> StreamConfig::CreateService() const { return std::make_unique<StreamService>(this); }

StreamService::StreamService(const StreamConfig* config) : config_(config), ranges_(EvenHashKeyRanges(config->shard_count)) {
  store_.shards.resize(config_->shard_count);
  for (const auto& [name, start] : config_->consumers) store_.consumers[name].start = start;
}

std::string StreamService::Arn(const Environment& env) const {
  return "arn:aws:kinesis:" + env.region + ":" + env.account + ":stream/" + config_->name;
}

core::Error StreamService::ThroughputError(const Environment& env, uint32_t shard) const {
  // The message PutRecords shows per record (Kinesis API reference, PutRecords, example response).
  return {"ProvisionedThroughputExceededException",
          "Rate exceeded for shard " + ShardIdOf(shard) + " in stream " + config_->name + " under account " + env.account + ".",
          400};
}

void StreamService::Deliver(ServiceContext& ctx, const core::Event& event) {
  if (event.kind == "stream.poll") return Poll(ctx, event);
  if (event.kind == "stream.trim") return Trim(ctx, static_cast<uint32_t>(event.payload.value("shard", 0)));
  auto action = IamActions().find(event.kind);
  if (action == IamActions().end()) return;
  const std::string arn = Arn(ctx.env());
  if (!iam::GrantsOf(ctx.config, event.from).Allows(action->second, arn)) {
    Reply(ctx, event,
          core::Error{"AccessDeniedException",
                      "User: " + iam::PrincipalArn(ctx.config, event.from) + " is not authorized to perform: " + action->second +
                          " on resource: " + arn + " because no identity-based policy allows the " + action->second + " action",
                      400});
    return;
  }
  const Json args = event.payload.is_object() ? event.payload : Json::object();
  core::Result<Json> result = Json::object();
  if (event.kind == "kinesis.put_record") result = PutRecord(ctx, args);
  else if (event.kind == "kinesis.put_records") result = PutRecords(ctx, args);
  else if (event.kind == "kinesis.get_shard_iterator") result = GetShardIterator(ctx, args);
  else if (event.kind == "kinesis.get_records") result = GetRecords(ctx, args);
  else if (event.kind == "kinesis.set_position") result = SetPosition(ctx, args);
  else result = ConsumerRead(ctx, args);
  Reply(ctx, event, result);
}

core::Result<StreamService::Entry> StreamService::CheckEntry(ServiceContext& ctx, const Json& args, const std::string& at) const {
  Entry e;
  if (!args.is_object() || !args.contains("partition_key") || args["partition_key"].is_null()) return NullMember(at + "partitionKey");
  if (!args["partition_key"].is_string()) return Validation("Value at '" + at + "partitionKey' must be a string");
  e.partition_key = args["partition_key"].get<std::string>();
  if (e.partition_key.empty() || e.partition_key.size() > kMaxPartitionKeyLength) {
    return Validation("1 validation error detected: Value '" + e.partition_key + "' at '" + at +
                      "partitionKey' failed to satisfy constraint: Member must have length between 1 and 256");
  }
  if (!args.contains("data") || args["data"].is_null()) return NullMember(at + "data");
  const Json& data = args["data"];
  // Data is bytes; text is taken as its bytes and structured values as their JSON text.
  e.data = core::IsSyntheticBody(data) || data.is_string() ? data : Json(core::DumpText(data));
  e.size = core::BodySize(e.data) + e.partition_key.size();
  // "The maximum size of a data blob (the data payload before base64-encoding) plus the
  // partition key is 1 MiB" (Kinesis API reference, PutRecord; limit stream_record_bytes).
  const uint64_t limit = ctx.env().limits.stream_record_bytes;
  if (e.size > limit) {
    return Validation("1 validation error detected: Value at '" + at +
                      "data' failed to satisfy constraint: Member must have length less than or equal to " + std::to_string(limit));
  }
  U128 hash = HashKeyOf(e.partition_key);
  if (args.contains("explicit_hash_key") && !args["explicit_hash_key"].is_null()) {
    const Json& h = args["explicit_hash_key"];
    const std::string text = h.is_string() ? h.get<std::string>() : core::DumpText(h);
    // The API's pattern 0|([1-9]\d{0,38}) first (ValidationException); a value that matches it
    // but exceeds 128 bits is InvalidArgumentException with the range, as Kinesis answers it
    // (and as kinesalite, checked against Kinesis, words it).
    const bool digits = !text.empty() && text.size() <= 39 && text.find_first_not_of("0123456789") == std::string::npos &&
                        (text.size() == 1 || text[0] != '0');
    if (!digits) {
      return Validation("1 validation error detected: Value '" + core::SnippetText(text, 100) + "' at '" + at +
                        "explicitHashKey' failed to satisfy constraint: Member must satisfy regular expression pattern: 0|([1-9]\\d{0,38})");
    }
    auto parsed = ParseDecimal(text);
    if (!parsed) {
      return core::Error{"InvalidArgumentException",
                         "Invalid ExplicitHashKey. ExplicitHashKey must be in the range: [0, 2^128-1]. Specified value was " + text, 400};
    }
    e.explicit_hash_key = text;
    hash = *parsed;
  }
  e.shard = ShardIndexFor(ranges_, hash);
  return e;
}

bool StreamService::AdmitWrite(ServiceContext& ctx, uint32_t shard, uint64_t bytes) {
  Shard& s = store_.shards[shard];
  const int64_t second = ctx.kernel.Now().us / 1000000;
  if (s.write_second != second) {
    s.write_second = second;
    s.write_records = s.write_bytes = 0;
  }
  if (s.write_records + 1 > kShardWriteRecordsPerSecond || s.write_bytes + bytes > kShardWriteBytesPerSecond) {
    ++store_.throttled;
    return false;
  }
  ++s.write_records;
  s.write_bytes += bytes;
  return true;
}

bool StreamService::AdmitRead(ServiceContext& ctx, uint32_t shard) {
  Shard& s = store_.shards[shard];
  const int64_t second = ctx.kernel.Now().us / 1000000;
  if (s.read_second != second) {
    s.read_second = second;
    s.read_calls = s.read_bytes = 0;
  }
  // A call is refused once five were made this second, or once this second's reads reached 2 MiB.
  if (s.read_calls + 1 > kShardReadCallsPerSecond || s.read_bytes >= kShardReadBytesPerSecond) {
    ++store_.throttled;
    return false;
  }
  ++s.read_calls;
  return true;
}

const StreamRecord& StreamService::Append(ServiceContext& ctx, const Entry& e) {
  Shard& s = store_.shards[e.shard];
  StreamRecord r;
  r.ordinal = s.next_ordinal++;
  r.arrival_epoch_ms = ctx.NowEpochUs() / 1000;
  r.sequence_number = SequenceNumberOf(e.shard, r.arrival_epoch_ms, r.ordinal);
  r.partition_key = e.partition_key;
  r.data = e.data;
  r.explicit_hash_key = e.explicit_hash_key;
  r.size = e.size;
  s.records.push_back(std::move(r));
  ++store_.put;
  if (s.trim_timer == 0) {
    // Retention trims on whole simulated seconds, so records of one second leave together.
    const int64_t expiry_us = ctx.kernel.Now().us + config_->retention.us;
    const int64_t at_us = (expiry_us + 999999) / 1000000 * 1000000;
    core::EventSpec t;
    t.delay = core::SimTime{at_us - ctx.kernel.Now().us};
    t.priority = core::kPriorityTimer;
    t.from = t.to = Self();
    t.kind = "stream.trim";
    t.payload = {{"shard", e.shard}, {"shard_id", ShardIdOf(e.shard)}};
    s.trim_timer = ctx.kernel.Schedule(std::move(t));
  }
  // Held polls get the new record; mappings that never polled this shard are told it has data.
  const std::map<std::string, ParkedPoll> parked = std::move(s.parked);
  store_.shards[e.shard].parked.clear();
  for (const auto& [mapping, poll] : parked) AnswerPoll(ctx, e.shard, mapping, poll);
  for (const std::string& mapping : MappingsReading(ctx.config, Self())) {
    Shard& shard = store_.shards[e.shard];
    if (shard.polled_by.count(mapping) || shard.parked.count(mapping)) continue;
    shard.polled_by.insert(mapping);
    SendWake(ctx, Self(), mapping, ShardIdOf(e.shard));
  }
  return store_.shards[e.shard].records.back();
}

core::Result<Json> StreamService::PutRecord(ServiceContext& ctx, const Json& args) {
  auto entry = CheckEntry(ctx, args, "");
  if (!entry.ok()) return entry.error();
  if (!AdmitWrite(ctx, entry.value().shard, entry.value().size)) return ThroughputError(ctx.env(), entry.value().shard);
  const StreamRecord& r = Append(ctx, entry.value());
  return Json{{"ShardId", ShardIdOf(entry.value().shard)}, {"SequenceNumber", r.sequence_number}};
}

core::Result<Json> StreamService::PutRecords(ServiceContext& ctx, const Json& args) {
  if (!args.contains("records") || args["records"].is_null()) return NullMember("records");
  const Json& records = args["records"];
  if (!records.is_array() || records.empty() || records.size() > kMaxPutRecordsEntries) {
    return Validation("1 validation error detected: Value at 'records' failed to satisfy constraint: Member must have length less than or equal to 500 and greater than or equal to 1");
  }
  // The whole request is checked first: a malformed entry fails it; throughput fails entries alone.
  std::vector<Entry> entries;
  for (size_t i = 0; i < records.size(); ++i) {
    auto e = CheckEntry(ctx, records[i], "records." + std::to_string(i + 1) + ".member.");
    if (!e.ok()) return e.error();
    entries.push_back(e.value());
  }
  Json out = Json::array();
  uint64_t failed = 0;
  for (const Entry& e : entries) {
    if (!AdmitWrite(ctx, e.shard, e.size)) {
      const core::Error err = ThroughputError(ctx.env(), e.shard);
      out.push_back({{"ErrorCode", err.code}, {"ErrorMessage", err.message}});
      ++failed;
      continue;
    }
    const StreamRecord& r = Append(ctx, e);
    out.push_back({{"ShardId", ShardIdOf(e.shard)}, {"SequenceNumber", r.sequence_number}});
  }
  return Json{{"FailedRecordCount", failed}, {"Records", out}};
}

void StreamService::Trim(ServiceContext& ctx, uint32_t shard_index) {
  if (shard_index >= store_.shards.size()) return;
  Shard& s = store_.shards[shard_index];
  s.trim_timer = 0;
  const int64_t now_ms = ctx.NowEpochUs() / 1000;
  const int64_t retention_ms = config_->retention.us / 1000;
  while (!s.records.empty() && s.records.front().arrival_epoch_ms + retention_ms <= now_ms) {
    s.records.pop_front();
    ++s.trimmed;
  }
  if (s.records.empty()) return;
  const int64_t expiry_us = (s.records.front().arrival_epoch_ms + retention_ms) * 1000 - ctx.env().start_epoch_us;
  const int64_t at_us = (expiry_us + 999999) / 1000000 * 1000000;
  core::EventSpec t;
  t.delay = core::SimTime{at_us > ctx.kernel.Now().us ? at_us - ctx.kernel.Now().us : 0};
  t.priority = core::kPriorityTimer;
  t.from = t.to = Self();
  t.kind = "stream.trim";
  t.payload = {{"shard", shard_index}, {"shard_id", ShardIdOf(shard_index)}};
  s.trim_timer = ctx.kernel.Schedule(std::move(t));
}

Json StreamService::State() const {
  Json shards = Json::array();
  for (uint32_t i = 0; i < store_.shards.size(); ++i) {
    const Shard& s = store_.shards[i];
    Json records = Json::array();
    for (const StreamRecord& r : s.records) {
      Json rec = {{"ordinal", r.ordinal}, {"sequence_number", r.sequence_number}, {"partition_key", r.partition_key},
                  {"data", r.data}, {"arrival_epoch_ms", r.arrival_epoch_ms}, {"size", r.size}};
      if (!r.explicit_hash_key.empty()) rec["explicit_hash_key"] = r.explicit_hash_key;
      records.push_back(std::move(rec));
    }
    Json waiting = Json::array();
    for (const auto& [mapping, poll] : s.parked) waiting.push_back({{"mapping", mapping}, {"position", poll.position}});
    shards.push_back({{"shard_id", ShardIdOf(i)},
                      {"hash_key_range", {{"starting", ToDecimal(ranges_[i].starting)}, {"ending", ToDecimal(ranges_[i].ending)}}},
                      {"records", records},
                      {"first_ordinal", s.records.empty() ? s.next_ordinal : s.records.front().ordinal},
                      {"next_ordinal", s.next_ordinal},
                      {"trimmed", s.trimmed},
                      {"waiting_polls", waiting}});
  }
  Json consumers = Json::object();
  for (const auto& [name, c] : store_.consumers) {
    Json positions = Json::object();
    for (uint32_t i = 0; i < store_.shards.size(); ++i) {
      auto it = c.positions.find(i);
      positions[ShardIdOf(i)] = it == c.positions.end() ? Json(nullptr) : Json(it->second);
    }
    consumers[name] = {{"start", c.start}, {"positions", positions}, {"read", c.read}};
  }
  return {{"kind", "stream"}, {"retention_us", config_->retention.us}, {"shards", shards}, {"consumers", consumers},
          {"put", store_.put}, {"throttled", store_.throttled}};
}

}  // namespace eventlab::cloud::streams
