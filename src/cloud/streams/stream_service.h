// The stream service (Kinesis-style): PutRecord, PutRecords, GetShardIterator and GetRecords with
// Kinesis' shapes, limits and errors; named consumers whose positions can be read and moved; and
// the polls of event-source mappings, held until a shard has records.
#pragma once

#include <optional>

#include "cloud/messaging.h"
#include "cloud/streams/stream_codec.h"
#include "cloud/streams/stream_models.h"

namespace eventlab::cloud::streams {

class StreamService : public CopyableService<StreamService> {
 public:
  explicit StreamService(const StreamConfig* config);

  /// Handles kinesis.put_record, kinesis.put_records, kinesis.get_shard_iterator,
  /// kinesis.get_records, kinesis.set_position, kinesis.consumer_read, stream.poll (from a
  /// mapping) and stream.trim (its own retention timer).
  void Deliver(ServiceContext& ctx, const core::Event& event) override;
  Json State() const override;

 private:
  core::Result<Json> PutRecord(ServiceContext& ctx, const Json& args);
  core::Result<Json> PutRecords(ServiceContext& ctx, const Json& args);
  core::Result<Json> GetShardIterator(ServiceContext& ctx, const Json& args);
  core::Result<Json> GetRecords(ServiceContext& ctx, const Json& args);
  core::Result<Json> SetPosition(ServiceContext& ctx, const Json& args);
  core::Result<Json> ConsumerRead(ServiceContext& ctx, const Json& args);
  void Poll(ServiceContext& ctx, const core::Event& event);
  void Trim(ServiceContext& ctx, uint32_t shard_index);

  /// A checked record ready to append: shard, data, key and size.
  struct Entry {
    uint32_t shard = 0;
    std::string partition_key, explicit_hash_key;
    Json data;
    uint64_t size = 0;
  };
  core::Result<Entry> CheckEntry(ServiceContext& ctx, const Json& args, const std::string& at) const;
  /// Counts a write against the shard's per-second limits; false when it would exceed them.
  bool AdmitWrite(ServiceContext& ctx, uint32_t shard, uint64_t bytes);
  /// Counts a read call against the shard's per-second limits; false when throttled.
  bool AdmitRead(ServiceContext& ctx, uint32_t shard);
  /// Appends, arms the retention timer, answers held polls and wakes mappings new to the shard.
  const StreamRecord& Append(ServiceContext& ctx, const Entry& e);
  /// The ordinal a shard iterator of `type` starts at, or the Kinesis error.
  core::Result<uint64_t> StartPosition(const ServiceContext& ctx, uint32_t shard, const Json& args) const;
  /// Up to `limit` records from `position` (clamped to the oldest retained record); counts bytes read.
  std::vector<const StreamRecord*> Read(uint32_t shard, uint64_t position, uint64_t limit);
  uint64_t FirstOrdinal(uint32_t shard) const;
  /// The GetRecords form of a record.
  static Json RecordJson(const StreamRecord& r);
  /// The Lambda event form of a record (without invokeIdentityArn, which the mapping adds).
  Json LambdaRecordJson(const Environment& env, uint32_t shard, const StreamRecord& r) const;
  void AnswerPoll(ServiceContext& ctx, uint32_t shard, const std::string& mapping, const ParkedPoll& poll);
  core::Result<uint32_t> ShardArgument(const Json& args) const;
  core::Error ThroughputError(const Environment& env, uint32_t shard) const;
  std::string Arn(const Environment& env) const;
  std::string Self() const { return Address("stream", config_->name); }

  const StreamConfig* config_;
  std::vector<HashKeyRange> ranges_;
  StreamStore store_;
};

}  // namespace eventlab::cloud::streams
