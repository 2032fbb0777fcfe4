// Topics (SNS-style): configuration, subscriptions, and the store of published messages,
// per-subscription deliveries and the simulated email/SMS inboxes.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "cloud/service.h"
#include "cloud/topics/delivery_policy.h"
#include "cloud/topics/filter_policy.h"
#include "core/event.h"
#include "core/sim_time.h"

namespace eventlab::cloud::topics {

using core::Json;

/// Subscription protocols. "lambda" names a function, "sqs" a queue, "http"/"https" an
/// endpoint resource, "email"/"email-json" an address, "sms" a phone number.
enum class Protocol { kLambda, kSqs, kHttp, kHttps, kEmail, kEmailJson, kSms };

std::optional<Protocol> ParseProtocol(const std::string& name);
const char* ProtocolName(Protocol p);

/// A subscription as configured (in the scenario, or by sns.subscribe).
struct SubscriptionSpec {
  Protocol protocol = Protocol::kLambda;
  std::string endpoint;               ///< function, queue or endpoint resource name; address; phone
  std::optional<Json> filter_policy;  ///< absent: every message
  FilterScope filter_scope = FilterScope::kMessageAttributes;
  bool raw_message_delivery = false;  ///< sqs and http/https only
  std::string dead_letter_queue;      ///< redrive policy target queue, or empty
  std::optional<RetryPolicy> delivery_policy;  ///< http/https only; else the protocol's fixed policy
  bool confirmed = true;              ///< http/https declared in the scenario: handshake already done
};

/// What parsing a subscription found wrong: the key (relative path, "" for the object) and why.
struct SpecProblem {
  std::string key;
  std::string message;
};

/// Reads {"protocol", "endpoint", "filter_policy"?, "filter_policy_scope"?, "raw_message_delivery"?,
/// "redrive_policy"? {"dead_letter_queue"}, "delivery_policy"? {...}, "confirmed"?} (the scenario
/// form; sns.subscribe takes the same keys). `allow_confirmed` admits the "confirmed" key.
/// Resource references are checked by the caller.
SubscriptionSpec ParseSubscriptionSpec(const Json& json, bool allow_confirmed, std::vector<SpecProblem>& problems);

/// The policy a subscription's deliveries retry with.
RetryPolicy EffectiveRetryPolicy(const SubscriptionSpec& s);

struct TopicConfig : ResourceConfig {
  std::string Kind() const override { return "topic"; }
  std::unique_ptr<Service> CreateService() const override;
  std::vector<Wire> Wires() const override;

  std::vector<SubscriptionSpec> subscriptions;  ///< declared, in scenario order
};

enum class SubscriptionStatus { kPendingConfirmation, kConfirmed };

struct Subscription {
  std::string id;         ///< the uuid that ends the ARN
  std::string arn;        ///< "arn:aws:sns:<region>:<account>:<topic>:<id>", set on the first event
  SubscriptionSpec spec;
  SubscriptionStatus status = SubscriptionStatus::kConfirmed;
  std::string token;      ///< the latest confirmation token, or empty
  int64_t token_expires_us = 0;  ///< simulated time the token stops being valid
  bool declared = false;  ///< from the scenario rather than sns.subscribe
  uint64_t matched = 0, filtered = 0;  ///< published messages it got a copy of, or filtered out
};

struct PublishedMessage {
  std::string id;
  Json message;                 ///< the Message: a string, or a synthetic {"$body": ...}
  std::optional<std::string> subject;
  Json attributes = Json::object();  ///< {"name": {"DataType", "StringValue"}}
  int64_t timestamp_us = 0;     ///< epoch µs of publication
  std::string publisher;        ///< address of the caller
};

enum class DeliveryStatus { kInFlight, kRetrying, kDelivered, kDeadLettered, kDiscarded };
const char* DeliveryStatusName(DeliveryStatus s);

/// One subscription's copy of one message, through its attempts.
struct Delivery {
  uint64_t id = 0;
  std::string message_id;
  uint32_t subscription = 0;    ///< index into TopicStore::subscriptions
  uint32_t attempts = 0;
  DeliveryStatus status = DeliveryStatus::kInFlight;
  std::string last_error;       ///< code, or "HTTP 500", of the last failed attempt
  int64_t next_attempt_us = 0;  ///< simulated time of the pending retry while retrying
  uint64_t retry_timer = 0;     ///< id of the pending sns.retry event
};

/// "Confirmation tokens are valid for three days" (SNS API reference, Subscribe).
inline constexpr core::SimTime kTokenValidity = core::SimTime::Seconds(3 * 24 * 3600);

/// One message in a simulated email or SMS inbox.
struct InboxMessage {
  int64_t time_us = 0;          ///< simulated time of arrival
  std::string subject;          ///< email only
  std::string body;
  std::string message_id;
};

struct TopicStore {
  std::vector<Subscription> subscriptions;        ///< declared first, then by sns.subscribe
  std::map<std::string, PublishedMessage> messages;  ///< by message id
  std::vector<std::string> message_order;          ///< message ids in publish order
  std::map<uint64_t, Delivery> deliveries;         ///< by delivery id
  std::map<uint64_t, uint64_t> in_flight;          ///< request event id -> delivery id
  std::map<uint64_t, uint64_t> dead_letters;       ///< DLQ queue.send event id -> delivery id
  std::map<std::string, std::vector<InboxMessage>> email;  ///< by address
  std::map<std::string, std::vector<InboxMessage>> sms;    ///< by phone number
  uint64_t next_delivery = 1;
  uint64_t published = 0, rejected = 0;
};

}  // namespace eventlab::cloud::topics
