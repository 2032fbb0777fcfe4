// Reads of a stream: shard iterators and GetRecords, named consumers, and the polls of
// event-source mappings. Every read position is a record ordinal in its shard; a position
// before the oldest retained record reads from the oldest one (the trim horizon).
#include <algorithm>

#include "cloud/streams/stream_service.h"
#include "core/sim_time.h"
#include "core/json_bounds.h"

namespace eventlab::cloud::streams {
namespace {

core::Error InvalidArgument(const std::string& message) { return {"InvalidArgumentException", message, 400}; }

int64_t NowMs(const ServiceContext& ctx) { return ctx.NowEpochUs() / 1000; }

// Timestamp arguments: ISO-8601 UTC text, or Unix seconds as an integer (the API's epoch form).
std::optional<int64_t> TimestampMs(const Json& v) {
  if (v.is_string()) {
    auto us = core::ParseIsoUtc(v.get<std::string>());
    if (us) return *us / 1000;
  }
  if (v.is_number_integer()) return v.get<int64_t>() * 1000;
  return std::nullopt;
}

}  // namespace

uint64_t StreamService::FirstOrdinal(uint32_t shard) const {
  const Shard& s = store_.shards[shard];
  return s.records.empty() ? s.next_ordinal : s.records.front().ordinal;
}

core::Result<uint32_t> StreamService::ShardArgument(const Json& args) const {
  if (!args.contains("shard_id") || !args["shard_id"].is_string()) {
    return core::Error{"ValidationException",
                       "1 validation error detected: Value null at 'shardId' failed to satisfy constraint: Member must not be null", 400};
  }
  const std::string id = args["shard_id"].get<std::string>();
  auto index = ShardIndexOf(id);
  if (!index || *index >= store_.shards.size()) {
    return core::Error{"ResourceNotFoundException", "Shard " + id + " in stream " + config_->name + " does not exist", 400};
  }
  return *index;
}

core::Result<uint64_t> StreamService::StartPosition(const ServiceContext& ctx, uint32_t shard, const Json& args) const {
  const std::string type = args.value("type", "");
  const Shard& s = store_.shards[shard];
  if (type == "TRIM_HORIZON") return FirstOrdinal(shard);
  if (type == "LATEST") return s.next_ordinal;
  if (type == "AT_SEQUENCE_NUMBER" || type == "AFTER_SEQUENCE_NUMBER") {
    if (!args.contains("sequence_number") || !args["sequence_number"].is_string()) {
      return InvalidArgument("StartingSequenceNumber is required for iterator type " + type + ".");
    }
    const std::string seq = args["sequence_number"].get<std::string>();
    auto parts = ParseSequenceNumber(seq);
    if (parts && parts->shard_index != shard) {
      // Kinesis' answer to a sequence number of another shard (seen in SDK error reports).
      return InvalidArgument("Invalid StartingSequenceNumber. It encodes " + ShardIdOf(parts->shard_index) +
                             ", while it was used in a call to " + ShardIdOf(shard));
    }
    if (!parts || parts->ordinal == 0 || parts->ordinal >= s.next_ordinal) {
      return InvalidArgument("StartingSequenceNumber " + seq + " used in GetShardIterator on shard " + ShardIdOf(shard) +
                             " in stream " + config_->name + " under account " + ctx.env().account +
                             " is invalid because it did not come from this stream.");
    }
    // A trimmed record: reading starts at the oldest retained one, as TRIM_HORIZON does.
    const uint64_t at = type == "AT_SEQUENCE_NUMBER" ? parts->ordinal : parts->ordinal + 1;
    return std::max(at, FirstOrdinal(shard));
  }
  if (type == "AT_TIMESTAMP") {
    if (!args.contains("timestamp")) {
      return InvalidArgument("Must specify timestampInMillis parameter for iterator of type AT_TIMESTAMP. Current request has no timestamp parameter.");
    }
    auto ts = TimestampMs(args["timestamp"]);
    if (!ts) return InvalidArgument("timestamp must be an ISO-8601 UTC instant or Unix seconds");
    if (*ts > NowMs(ctx)) {
      return InvalidArgument("The timestampInMillis parameter cannot be greater than the currentTimestampInMillis. timestampInMillis: " +
                             std::to_string(*ts) + ", currentTimestampInMillis: " + std::to_string(NowMs(ctx)));
    }
    for (const StreamRecord& r : s.records) {
      if (r.arrival_epoch_ms >= *ts) return r.ordinal;
    }
    return s.next_ordinal;
  }
  return core::Error{"ValidationException",
                     "1 validation error detected: Value '" + type +
                         "' at 'shardIteratorType' failed to satisfy constraint: Member must satisfy enum value set: "
                         "[AT_SEQUENCE_NUMBER, AFTER_SEQUENCE_NUMBER, TRIM_HORIZON, LATEST, AT_TIMESTAMP]",
                     400};
}

std::vector<const StreamRecord*> StreamService::Read(uint32_t shard, uint64_t position, uint64_t limit) {
  Shard& s = store_.shards[shard];
  std::vector<const StreamRecord*> out;
  const uint64_t first = FirstOrdinal(shard);
  for (uint64_t i = std::max(position, first) - first; i < s.records.size() && out.size() < limit; ++i) {
    out.push_back(&s.records[i]);
    s.read_bytes += s.records[i].size;
  }
  return out;
}

Json StreamService::RecordJson(const StreamRecord& r) {
  return {{"SequenceNumber", r.sequence_number},
          {"ApproximateArrivalTimestamp", EpochSecondsNumber(r.arrival_epoch_ms)},
          {"Data", r.data.is_string() ? Json(Base64Encode(r.data.get<std::string>())) : r.data},
          {"PartitionKey", r.partition_key}};
}

Json StreamService::LambdaRecordJson(const Environment& env, uint32_t shard, const StreamRecord& r) const {
  // The Kinesis record of a Lambda event (Lambda developer guide, "Using Lambda with Kinesis",
  // example event); invokeIdentityArn is the mapping's to add.
  return {{"kinesis",
           {{"kinesisSchemaVersion", "1.0"},
            {"partitionKey", r.partition_key},
            {"sequenceNumber", r.sequence_number},
            {"data", r.data.is_string() ? Json(Base64Encode(r.data.get<std::string>())) : r.data},
            {"approximateArrivalTimestamp", EpochSecondsNumber(r.arrival_epoch_ms)}}},
          {"eventSource", "aws:kinesis"},
          {"eventVersion", "1.0"},
          {"eventID", ShardIdOf(shard) + ":" + r.sequence_number},
          {"eventName", "aws:kinesis:record"},
          {"awsRegion", env.region},
          {"eventSourceARN", Arn(env)}};
}

core::Result<Json> StreamService::GetShardIterator(ServiceContext& ctx, const Json& args) {
  auto shard = ShardArgument(args);
  if (!shard.ok()) return shard.error();
  auto position = StartPosition(ctx, shard.value(), args);
  if (!position.ok()) return position.error();
  return Json{{"ShardIterator", EncodeIterator({config_->name, shard.value(), position.value(), NowMs(ctx)})}};
}

core::Result<Json> StreamService::GetRecords(ServiceContext& ctx, const Json& args) {
  if (!args.contains("iterator") || !args["iterator"].is_string()) {
    return core::Error{"ValidationException",
                       "1 validation error detected: Value null at 'shardIterator' failed to satisfy constraint: Member must not be null", 400};
  }
  auto it = DecodeIterator(args["iterator"].get<std::string>());
  if (!it || it->stream != config_->name || it->shard_index >= store_.shards.size()) return InvalidArgument("Invalid ShardIterator.");
  uint64_t limit = kMaxGetRecordsLimit;
  if (args.contains("limit")) {
    const Json& l = args["limit"];
    if (!l.is_number_integer() || l.get<int64_t>() < 1 || l.get<int64_t>() > static_cast<int64_t>(kMaxGetRecordsLimit)) {
      return core::Error{"ValidationException",
                         "1 validation error detected: Value '" + core::DumpText(l) +
                             "' at 'limit' failed to satisfy constraint: Member must have value between 1 and 10000", 400};
    }
    limit = l.get<uint64_t>();
  }
  const int64_t now_ms = NowMs(ctx);
  if (now_ms - it->issued_epoch_ms > kIteratorLifetime.us / 1000) {
    // Kinesis' wording, with its times written as ISO-8601 here.
    return core::Error{"ExpiredIteratorException",
                       "Iterator expired. The iterator was created at time " + core::FormatIsoUtc(it->issued_epoch_ms * 1000) +
                           " while right now it is " + core::FormatIsoUtc(now_ms * 1000) +
                           " which is further in the future than the tolerated delay of 300000 milliseconds.",
                       400};
  }
  if (!AdmitRead(ctx, it->shard_index)) return ThroughputError(ctx.env(), it->shard_index);
  auto records = Read(it->shard_index, it->position, limit);
  Json out = Json::array();
  uint64_t next = std::max(it->position, FirstOrdinal(it->shard_index));
  for (const StreamRecord* r : records) {
    out.push_back(RecordJson(*r));
    next = r->ordinal + 1;
  }
  const Shard& s = store_.shards[it->shard_index];
  int64_t behind = 0;
  if (next < s.next_ordinal && next >= FirstOrdinal(it->shard_index)) {
    behind = now_ms - s.records[next - FirstOrdinal(it->shard_index)].arrival_epoch_ms;
  }
  return Json{{"Records", out},
              {"NextShardIterator", EncodeIterator({config_->name, it->shard_index, next, now_ms})},
              {"MillisBehindLatest", behind}};
}

core::Result<Json> StreamService::SetPosition(ServiceContext& ctx, const Json& args) {
  const std::string name = args.value("consumer", "");
  auto c = store_.consumers.find(name);
  if (c == store_.consumers.end()) {
    return core::Error{"ResourceNotFoundException", "Consumer " + name + " under stream " + Arn(ctx.env()) + " not found.", 400};
  }
  auto shard = ShardArgument(args);
  if (!shard.ok()) return shard.error();
  auto position = StartPosition(ctx, shard.value(), args);
  if (!position.ok()) return position.error();
  c->second.positions[shard.value()] = position.value();
  return Json{{"Consumer", name}, {"ShardId", ShardIdOf(shard.value())}, {"Position", position.value()}};
}

core::Result<Json> StreamService::ConsumerRead(ServiceContext& ctx, const Json& args) {
  const std::string name = args.value("consumer", "");
  auto c = store_.consumers.find(name);
  if (c == store_.consumers.end()) {
    return core::Error{"ResourceNotFoundException", "Consumer " + name + " under stream " + Arn(ctx.env()) + " not found.", 400};
  }
  uint64_t limit = kMaxGetRecordsLimit;
  if (args.contains("limit")) {
    if (!args["limit"].is_number_integer() || args["limit"].get<int64_t>() < 1 || args["limit"].get<int64_t>() > 10000) {
      return core::Error{"ValidationException", "limit must be an integer from 1 to 10000", 400};
    }
    limit = args["limit"].get<uint64_t>();
  }
  std::vector<uint32_t> shards;
  if (args.contains("shard_id")) {
    auto shard = ShardArgument(args);
    if (!shard.ok()) return shard.error();
    shards.push_back(shard.value());
  } else {
    for (uint32_t i = 0; i < store_.shards.size(); ++i) shards.push_back(i);
  }
  Json records = Json::array(), throttled = Json::array(), positions = Json::object();
  for (uint32_t shard : shards) {
    auto pos = c->second.positions.find(shard);
    if (pos == c->second.positions.end()) {
      // A consumer's first read resolves its start: the oldest record, or the shard's tip now.
      pos = c->second.positions.emplace(shard, c->second.start == "TRIM_HORIZON" ? FirstOrdinal(shard) : store_.shards[shard].next_ordinal).first;
    }
    if (!AdmitRead(ctx, shard)) {
      throttled.push_back(ShardIdOf(shard));
    } else {
      for (const StreamRecord* r : Read(shard, pos->second, limit)) {
        Json rec = RecordJson(*r);
        rec["ShardId"] = ShardIdOf(shard);
        records.push_back(std::move(rec));
        pos->second = r->ordinal + 1;
        ++c->second.read;
      }
      pos->second = std::max(pos->second, FirstOrdinal(shard));
    }
    positions[ShardIdOf(shard)] = pos->second;
  }
  if (shards.size() == 1 && !throttled.empty()) return ThroughputError(ctx.env(), shards[0]);
  Json out = {{"Consumer", name}, {"Records", records}, {"Positions", positions}};
  if (!throttled.empty()) out["Throttled"] = throttled;
  return out;
}

void StreamService::AnswerPoll(ServiceContext& ctx, uint32_t shard, const std::string& mapping, const ParkedPoll& poll) {
  if (!AdmitRead(ctx, shard)) return ReplyTo(ctx, poll.request, ThroughputError(ctx.env(), shard));
  Json records = Json::array();
  for (const StreamRecord* r : Read(shard, poll.position, poll.limit)) {
    records.push_back({{"record", LambdaRecordJson(ctx.env(), shard, *r)},
                       {"sequence_number", r->sequence_number},
                       {"arrival_epoch_ms", r->arrival_epoch_ms}});
  }
  ReplyTo(ctx, poll.request, Json{{"shard_id", ShardIdOf(shard)}, {"records", records}});
}

void StreamService::Poll(ServiceContext& ctx, const core::Event& event) {
  const Json& p = event.payload;
  auto shard = ShardArgument(p);
  if (!shard.ok()) return Reply(ctx, event, shard.error());
  Shard& s = store_.shards[shard.value()];
  uint64_t position = 0;
  if (p.contains("after") && p["after"].is_string()) {
    auto parts = ParseSequenceNumber(p["after"].get<std::string>());
    if (!parts) return Reply(ctx, event, InvalidArgument("Invalid StartingSequenceNumber."));
    position = parts->ordinal + 1;
  } else {
    const std::string start = p.value("start", "LATEST");
    if (start == "TRIM_HORIZON") {
      position = FirstOrdinal(shard.value());
    } else {
      // LATEST as of the mapping's creation, or AT_TIMESTAMP: the first record at or after it.
      const int64_t ts = p.value("timestamp_ms", int64_t{0});
      position = s.next_ordinal;
      for (const StreamRecord& r : s.records) {
        if (r.arrival_epoch_ms >= ts) {
          position = r.ordinal;
          break;
        }
      }
    }
  }
  s.polled_by.insert(event.from);
  const ParkedPoll poll{RefOf(event), position, p.value("limit", uint64_t{kDefaultPollLimit})};
  if (std::max(position, FirstOrdinal(shard.value())) < s.next_ordinal || !p.value("wait", false)) {
    return AnswerPoll(ctx, shard.value(), event.from, poll);
  }
  s.parked[event.from] = poll;
}

}  // namespace eventlab::cloud::streams
