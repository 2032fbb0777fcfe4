// Data streams (Kinesis-style): configuration, the per-shard record store with its throughput
// windows, named consumers with a position per shard, and polls held for event-source mappings.
#pragma once

#include <cstdint>
#include <deque>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "cloud/service.h"
#include "cloud/streams/shard_router.h"
#include "core/event.h"
#include "core/sim_time.h"

namespace eventlab::cloud::streams {

using core::Json;

/// Kinesis retention: 24 hours by default, settable from 24 to 8,760 hours (Kinesis developer
/// guide, "Changing the data retention period"; API IncreaseStreamRetentionPeriod).
inline constexpr core::SimTime kDefaultRetention = core::SimTime::Seconds(24 * 3600);
inline constexpr core::SimTime kMaxRetention = core::SimTime::Seconds(8760LL * 3600);
/// "A shard iterator expires 5 minutes after it is returned to the requester" (Kinesis API
/// reference, GetShardIterator).
inline constexpr core::SimTime kIteratorLifetime = core::SimTime::Seconds(300);
/// Per-shard writes: "up to 1,000 records per second for writes, up to a maximum total data write
/// rate of 1 MiB per second" (Kinesis developer guide, quotas and limits).
inline constexpr uint64_t kShardWriteRecordsPerSecond = 1000;
inline constexpr uint64_t kShardWriteBytesPerSecond = 1048576;
/// Per-shard reads: "up to 5 transactions per second for reads, up to a maximum total data read
/// rate of 2 MiB per second" (Kinesis developer guide, quotas and limits).
inline constexpr uint64_t kShardReadCallsPerSecond = 5;
inline constexpr uint64_t kShardReadBytesPerSecond = 2097152;
/// GetRecords Limit: 1 to 10,000, the default being the maximum (Kinesis API reference, GetRecords).
inline constexpr uint64_t kMaxGetRecordsLimit = 10000;
/// PutRecords: "Each PutRecords request can support up to 500 records" (Kinesis API reference).
inline constexpr uint64_t kMaxPutRecordsEntries = 500;
/// Partition keys are Unicode strings of 1 to 256 characters (Kinesis API reference, PutRecord).
inline constexpr uint64_t kMaxPartitionKeyLength = 256;
/// Records a mapping's poll asks for when it names no limit.
inline constexpr uint64_t kDefaultPollLimit = 100;
/// Shards per stream accepted in scenarios (a small stand-in for the account's shard quota).
inline constexpr uint32_t kMaxScenarioShards = 64;

struct StreamConfig : ResourceConfig {
  std::string Kind() const override { return "stream"; }
  std::unique_ptr<Service> CreateService() const override;

  uint32_t shard_count = 1;
  core::SimTime retention = kDefaultRetention;
  std::map<std::string, std::string> consumers;  ///< consumer name -> starting type (TRIM_HORIZON or LATEST)
};

/// One data record in a shard.
struct StreamRecord {
  uint64_t ordinal = 0;           ///< 1-based position in its shard, never reused
  std::string sequence_number;    ///< see SequenceNumberOf
  std::string partition_key;
  Json data;                      ///< the data's bytes as a string, or a synthetic body
  std::string explicit_hash_key;  ///< decimal, or empty when the partition key's hash was used
  int64_t arrival_epoch_ms = 0;   ///< ApproximateArrivalTimestamp, Unix milliseconds
  uint64_t size = 0;              ///< data bytes plus partition key bytes (what the limits count)
};

/// A poll from an event-source mapping held until its shard has a record to give.
struct ParkedPoll {
  RequestRef request;
  uint64_t position = 0;  ///< ordinal of the next record the mapping reads
  uint64_t limit = 0;
};

struct Shard {
  std::deque<StreamRecord> records;  ///< oldest first; retention trims the front
  uint64_t next_ordinal = 1;         ///< the next record's ordinal
  uint64_t trimmed = 0;              ///< records removed by retention so far
  uint64_t trim_timer = 0;           ///< pending stream.trim event id, or 0
  /// Throughput windows: the simulated second each counts in, and what it has used.
  int64_t write_second = -1, read_second = -1;
  uint64_t write_records = 0, write_bytes = 0, read_calls = 0, read_bytes = 0;
  std::map<std::string, ParkedPoll> parked;  ///< mapping address -> its poll waiting for records
  std::set<std::string> polled_by;           ///< mappings that have polled this shard (no wake-up needed)
};

/// A named reader with its own position in every shard.
struct Consumer {
  std::string start;                        ///< TRIM_HORIZON or LATEST, used for unresolved shards
  std::map<uint32_t, uint64_t> positions;   ///< shard index -> ordinal of its next record (absent until first use)
  uint64_t read = 0;                        ///< records read so far
};

struct StreamStore {
  std::vector<Shard> shards;                  ///< by shard index
  std::map<std::string, Consumer> consumers;  ///< by consumer name
  uint64_t put = 0;                           ///< records accepted
  uint64_t throttled = 0;                     ///< writes and reads refused by the shard limits
};

}  // namespace eventlab::cloud::streams
