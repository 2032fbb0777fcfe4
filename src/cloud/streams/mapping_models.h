// Event-source mappings (Lambda-style): a poller per shard of a stream or a table's stream that
// invokes a function synchronously with batches, and blocks the shard while a batch fails.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "cloud/service.h"
#include "core/event.h"
#include "core/sim_time.h"

namespace eventlab::cloud::streams {

using core::Json;

/// BatchSize: Kinesis default 100, max 10,000; DynamoDB Streams default 100, max 10,000 (Lambda API
/// reference, CreateEventSourceMapping, BatchSize).
inline constexpr uint64_t kDefaultBatchSize = 100;
inline constexpr uint64_t kMaxBatchSize = 10000;
/// MaximumBatchingWindowInSeconds: 0 to 300 s; streams default to 0 (CreateEventSourceMapping).
inline constexpr core::SimTime kMaxBatchingWindow = core::SimTime::Seconds(300);
/// MaximumRecordAgeInSeconds: -1 (infinite, the default) or 60 to 604,800 (CreateEventSourceMapping).
inline constexpr core::SimTime kMinRecordAge = core::SimTime::Seconds(60);
inline constexpr core::SimTime kMaxRecordAge = core::SimTime::Seconds(604800);
/// MaximumRetryAttempts: -1 (infinite, the default) or 0 to 10,000 (CreateEventSourceMapping).
inline constexpr int64_t kMaxRetryAttempts = 10000;
/// "Lambda reads records from each shard at a base rate of once per second" (Lambda developer
/// guide, "Using Lambda with Kinesis": polling and batching streams).
inline constexpr core::SimTime kPollInterval = core::SimTime::Seconds(1);
/// The delay before retrying a failed batch. Lambda does not publish its stream retry intervals;
/// they are modelled as an exponential backoff from 1 s, doubling up to 60 s.
inline constexpr core::SimTime kFirstRetryDelay = core::SimTime::Seconds(1);
inline constexpr core::SimTime kMaxRetryDelay = core::SimTime::Seconds(60);
/// DynamoDB Streams keeps records for 24 hours (DynamoDB developer guide, "Change data capture
/// for DynamoDB Streams").
inline constexpr core::SimTime kTableStreamRetention = core::SimTime::Seconds(24 * 3600);

struct MappingConfig : ResourceConfig {
  std::string Kind() const override { return "mapping"; }
  std::unique_ptr<Service> CreateService() const override;
  std::vector<Wire> Wires() const override;

  std::string source_kind;     ///< "stream" or "table"
  std::string source;          ///< the stream's or table's name
  std::string function;        ///< the function invoked with each batch
  uint64_t batch_size = kDefaultBatchSize;
  core::SimTime batching_window;          ///< MaximumBatchingWindowInSeconds
  std::string starting_position = "LATEST";  ///< TRIM_HORIZON, LATEST or AT_TIMESTAMP
  int64_t starting_timestamp_ms = 0;      ///< AT_TIMESTAMP's instant, Unix milliseconds
  bool bisect_on_error = false;           ///< BisectBatchOnFunctionError
  int64_t maximum_retry_attempts = -1;    ///< -1: until the records expire
  core::SimTime maximum_record_age;       ///< zero: infinite (-1 in the API)
  bool enabled = true;
};

/// One record of a batch: the record as the function sees it, and what the poller needs.
struct BatchRecord {
  Json record;                  ///< the Lambda event record
  std::string sequence_number;
  int64_t arrival_epoch_ms = 0;
};

/// The poller of one shard.
struct ShardPoller {
  std::string phase = "idle";   ///< idle, polling, window, invoking, backoff
  std::string checkpoint;       ///< sequence number of the last record done (processed or discarded)
  bool started = false;         ///< false until the first poll resolved the starting position
  std::vector<BatchRecord> batch;               ///< the batch being invoked or awaiting a retry
  std::vector<std::vector<BatchRecord>> queued;  ///< later halves of bisected batches, next first
  std::string batch_last_sequence;  ///< the last sequence number of the batch as read (checkpoint on success)
  uint32_t attempts = 0;        ///< invocations of the current batch so far
  uint32_t retries = 0;         ///< failed attempts counted against maximum_retry_attempts
  bool blocked = false;         ///< the current batch failed: the shard waits for it
  bool windowed = false;        ///< the batching window already ran for this read
  int64_t last_poll_us = -1;    ///< simulated time of the last poll sent
  uint64_t invoke_event = 0;    ///< the function.invoke in flight, or 0
  uint64_t poll_event = 0;      ///< the stream.poll in flight, or 0
  uint64_t processed = 0, discarded = 0, batches = 0, failures = 0;
  Json last_error = nullptr;    ///< {code, message} of the last failed invocation or poll
};

struct MappingStore {
  std::map<std::string, ShardPoller> shards;  ///< shard id -> its poller
};

}  // namespace eventlab::cloud::streams
