// Table streams (DynamoDB Streams-style): the change log read by event-source mappings as
// INSERT/MODIFY/REMOVE records in the Lambda event format, one shard per table, 24-hour retention.
#include <algorithm>

#include "cloud/streams/poll_board.h"
#include "cloud/tables/attribute_value.h"
#include "cloud/tables/table_service.h"
#include "core/digest.h"
#include "core/sim_time.h"

namespace eventlab::cloud::tables {
namespace {

// DynamoDB Streams keeps records for 24 hours (DynamoDB developer guide, DynamoDB Streams).
constexpr int64_t kRetentionSeconds = 24 * 3600;

// Stream records shown in the table's state (the newest).
constexpr size_t kStreamRecordsShown = 50;

std::string Padded(uint64_t v, size_t width) {
  std::string digits = std::to_string(v);
  return digits.size() >= width ? digits : std::string(width - digits.size(), '0') + digits;
}

// Stream sequence numbers are 21 digits here ("100000000000000000007" for change 7), shaped like
// DynamoDB's ("1100000000000136137170" in its sample events) and ordered as text.
std::string StreamSequence(uint64_t n) { return "1" + Padded(n, 20); }

std::optional<uint64_t> ParseStreamSequence(const std::string& s) {
  if (s.size() != 21 || s[0] != '1' || s.find_first_not_of("0123456789") != std::string::npos) return std::nullopt;
  return std::stoull(s.substr(1));
}

}  // namespace

void TableService::PollStream(ServiceContext& ctx, const core::Event& event) {
  const std::string arn = Arn(ctx.env());
  if (config_->stream_view_type.empty()) {
    return Reply(ctx, event, core::Error{"ResourceNotFoundException", "Requested resource not found: Table " + config_->name + " has no stream", 400});
  }
  const Json& p = event.payload;
  uint64_t position = 0;
  if (p.contains("after") && p["after"].is_string()) {
    auto after = ParseStreamSequence(p["after"].get<std::string>());
    if (!after) return Reply(ctx, event, core::Error{"ValidationException", "Invalid SequenceNumber", 400});
    position = *after + 1;
  } else if (p.value("start", "") == "TRIM_HORIZON") {
    position = 0;  // the oldest retained change
  } else {
    // LATEST as of the mapping's creation, or AT_TIMESTAMP: the first change at or after it.
    const int64_t ts_s = p.value("timestamp_ms", int64_t{0}) / 1000;
    position = store_.next_sequence;
    for (const ChangeRecord& c : store_.changes) {
      if (c.approximate_epoch_s >= ts_s) {
        position = std::stoull(c.sequence_number);
        break;
      }
    }
  }
  store_.stream_readers.insert(event.from);
  const StreamPoll poll{RefOf(event), position, p.value("limit", uint64_t{100})};
  const bool has_changes = !store_.changes.empty() && std::stoull(store_.changes.back().sequence_number) >= position;
  if (has_changes || !p.value("wait", false)) return AnswerStreamPoll(ctx, poll);
  store_.stream_polls[event.from] = poll;
}

void TableService::StreamChanged(ServiceContext& ctx) {
  const std::map<std::string, StreamPoll> parked = std::move(store_.stream_polls);
  store_.stream_polls.clear();
  for (const auto& [mapping, poll] : parked) AnswerStreamPoll(ctx, poll);
  for (const std::string& mapping : streams::MappingsReading(ctx.config, Self())) {
    if (store_.stream_readers.count(mapping) || store_.stream_polls.count(mapping)) continue;
    store_.stream_readers.insert(mapping);
    streams::SendWake(ctx, Self(), mapping, StreamShardId(ctx.env()));
  }
}

std::string TableService::StreamShardId(const Environment& env) const {
  // DynamoDB Streams shard ids: "shardId-" + 20-digit creation time in ms + "-" + 8 hex digits.
  return "shardId-" + Padded(static_cast<uint64_t>(env.start_epoch_us / 1000), 20) + "-" + core::Md5Hex(Arn(env)).substr(0, 8);
}

void TableService::AnswerStreamPoll(ServiceContext& ctx, const StreamPoll& poll) {
  const Environment& env = ctx.env();
  const std::string& view = config_->stream_view_type;
  // The stream's ARN ends in its label, the stream's creation time (the run's start).
  std::string label = core::FormatIsoUtc(env.start_epoch_us);
  label.pop_back();
  const std::string stream_arn = Arn(env) + "/stream/" + label;
  const int64_t now_s = ctx.NowEpochUs() / 1000000;
  Json records = Json::array();
  for (const ChangeRecord& c : store_.changes) {
    const uint64_t seq = std::stoull(c.sequence_number);
    if (seq < poll.position || c.approximate_epoch_s + kRetentionSeconds <= now_s) continue;
    if (records.size() >= poll.limit) break;
    Json d = {{"ApproximateCreationDateTime", c.approximate_epoch_s}, {"Keys", c.keys},
              {"SequenceNumber", StreamSequence(seq)}, {"StreamViewType", view}};
    uint64_t size = ItemSize(c.keys);
    if ((view == "NEW_IMAGE" || view == "NEW_AND_OLD_IMAGES") && !c.new_image.is_null()) {
      d["NewImage"] = c.new_image;
      size += ItemSize(c.new_image);
    }
    if ((view == "OLD_IMAGE" || view == "NEW_AND_OLD_IMAGES") && !c.old_image.is_null()) {
      d["OldImage"] = c.old_image;
      size += ItemSize(c.old_image);
    }
    d["SizeBytes"] = size;
    // The DynamoDB Streams record of a Lambda event (Lambda developer guide, "Using Lambda with
    // DynamoDB", example event); eventID is a 32-hex-digit id, derived here from the change.
    Json record = {{"eventID", core::Md5Hex(stream_arn + "/" + c.sequence_number)},
                   {"eventName", c.event_name},
                   {"eventVersion", "1.1"},
                   {"eventSource", "aws:dynamodb"},
                   {"awsRegion", env.region},
                   {"dynamodb", d},
                   {"eventSourceARN", stream_arn}};
    records.push_back({{"record", record}, {"sequence_number", StreamSequence(seq)}, {"arrival_epoch_ms", c.approximate_epoch_s * 1000}});
  }
  ReplyTo(ctx, poll.request, Json{{"shard_id", StreamShardId(env)}, {"records", records}});
}

Json TableService::StreamState() const {
  Json waiting = Json::array();
  for (const auto& [mapping, poll] : store_.stream_polls) waiting.push_back({{"mapping", mapping}, {"position", poll.position}});
  // The latest stream records, as a table inspector lists them (the Lambda event holds the rest).
  Json records = Json::array();
  const size_t from = store_.changes.size() > kStreamRecordsShown ? store_.changes.size() - kStreamRecordsShown : 0;
  for (size_t i = from; i < store_.changes.size(); ++i) {
    const ChangeRecord& c = store_.changes[i];
    records.push_back({{"sequence_number", StreamSequence(std::stoull(c.sequence_number))}, {"event_name", c.event_name},
                       {"keys", c.keys}, {"new_image", c.new_image}, {"old_image", c.old_image},
                       {"approximate_epoch_s", c.approximate_epoch_s}});
  }
  return {{"view_type", config_->stream_view_type}, {"waiting_polls", waiting}, {"next_sequence", store_.next_sequence},
          {"records", records}};
}

}  // namespace eventlab::cloud::tables
