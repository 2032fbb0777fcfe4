// Queues (SQS-style standard queues): configuration, the Lambda event source mapping that a
// "consumer" stands for, and the message store with visibility and receive counts.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "cloud/service.h"
#include "core/event.h"
#include "core/sim_time.h"

namespace eventlab::cloud::queues {

using core::Json;

/// SQS default visibility timeout, 30 seconds; 0 s to 12 hours (SQS developer guide, visibility
/// timeout).
inline constexpr core::SimTime kDefaultVisibilityTimeout = core::SimTime::Seconds(30);
inline constexpr core::SimTime kMaxVisibilityTimeout = core::SimTime::Seconds(43200);
/// MessageRetentionPeriod: default 345,600 s (4 days), 60 s to 1,209,600 s (14 days) (SQS API
/// reference, SetQueueAttributes).
inline constexpr core::SimTime kDefaultRetention = core::SimTime::Seconds(345600);
inline constexpr core::SimTime kMinRetention = core::SimTime::Seconds(60);
inline constexpr core::SimTime kMaxRetention = core::SimTime::Seconds(1209600);
/// ReceiveMessage MaxNumberOfMessages: 1 to 10 (SQS API reference, ReceiveMessage).
inline constexpr uint32_t kMaxReceiveBatch = 10;
/// SendMessage: at most 10 message attributes (SQS developer guide, message attributes).
inline constexpr size_t kMaxMessageAttributes = 10;
/// Event source mapping BatchSize default 10 (Lambda developer guide, SQS event source mapping
/// parameters). Sizes above 10 need a batching window, which is not simulated, so 10 is the cap.
inline constexpr uint32_t kDefaultBatchSize = 10;
/// "When messages are available, Lambda starts processing five batches at a time with five
/// concurrent invocations of your function" (Lambda developer guide, SQS scaling): five pollers.
inline constexpr uint32_t kPollers = 5;

struct QueueConfig : ResourceConfig {
  std::string Kind() const override { return "queue"; }
  std::unique_ptr<Service> CreateService() const override;
  std::vector<Wire> Wires() const override;

  std::string consumer;  ///< function with an event source mapping on this queue, or empty
  core::SimTime visibility_timeout = kDefaultVisibilityTimeout;
  core::SimTime retention = kDefaultRetention;
  uint32_t batch_size = kDefaultBatchSize;  ///< records per consumer invocation, 1 to 10
  /// Redrive policy: after max_receive_count receives, a message moves to this queue; empty for
  /// none (then a failing message is received again until its retention period ends).
  std::string dead_letter_queue;
  uint32_t max_receive_count = 0;  ///< 1 to 1000 with a dead-letter queue (SQS RedrivePolicy)
};

enum class MessageStatus { kVisible, kInFlight, kDeleted, kMovedToDlq, kExpired };
const char* StatusName(MessageStatus s);

struct Message {
  std::string id;
  uint64_t seq = 0;              ///< arrival order in this queue
  Json body;                     ///< a string, or a synthetic {"$body": ...}
  std::string md5;
  Json attributes = Json::object();   ///< message attributes {"name": {"DataType", "StringValue"}}
  int64_t sent_epoch_ms = 0;
  int64_t first_receive_epoch_ms = 0;  ///< 0 until first received
  uint32_t receive_count = 0;
  MessageStatus status = MessageStatus::kVisible;
  int64_t visible_at_us = 0;     ///< while in flight: simulated time it becomes visible again
  int64_t received_at_us = 0;    ///< simulated time of the latest receive
  uint64_t visibility_timer = 0; ///< pending queue.redeliver event, or 0
  std::string received_by;       ///< "consumer" or the client's address, while in flight
  std::string moved_from;        ///< source queue of a dead-lettered message, or empty
};

struct QueueStore {
  std::map<uint64_t, Message> messages;             ///< by seq (arrival order)
  std::map<std::string, uint64_t> by_id;            ///< message id -> seq
  std::map<uint64_t, std::vector<uint64_t>> batches;  ///< consumer invoke event id -> message seqs
  uint64_t next_seq = 1;
  uint64_t sent = 0, received = 0, deleted = 0, moved_to_dlq = 0, expired = 0;
  uint32_t pollers_busy = 0;     ///< consumer batches in flight
  std::string mapping_error;     ///< why the event source mapping cannot run, or empty
};

}  // namespace eventlab::cloud::queues
