// Queues (a placeholder with SQS message shapes): configuration and the message store.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>

#include "cloud/service.h"
#include "core/event.h"
#include "core/sim_time.h"

namespace eventlab::cloud::queues {

using core::Json;

struct QueueConfig : ResourceConfig {
  std::string Kind() const override { return "queue"; }
  std::unique_ptr<Service> CreateService() const override;

  std::string consumer;  ///< function invoked with each message, or empty
  /// SQS default visibility timeout is 30 seconds (SQS developer guide, visibility timeout).
  core::SimTime visibility_timeout = core::SimTime::Seconds(30);
  uint32_t max_receive_count = 3;  ///< receives before a failing message is dropped
};

enum class MessageStatus { kVisible, kInFlight, kDeleted, kDropped };

struct Message {
  std::string id;
  Json body;            ///< a string, or a synthetic {"$body": ...}
  std::string md5;
  Json attributes = Json::object();
  int64_t sent_epoch_ms = 0;
  uint32_t receive_count = 0;
  MessageStatus status = MessageStatus::kVisible;
};

struct QueueStore {
  std::map<std::string, Message> messages;     ///< by message id
  std::map<uint64_t, std::string> deliveries;  ///< invoke event id -> message id, while in flight
  uint64_t sent = 0;
};

}  // namespace eventlab::cloud::queues
