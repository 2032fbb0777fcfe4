// The topic service (SNS-style): Publish with fan-out to every matching subscription, Subscribe
// with the HTTP/S confirmation handshake, ConfirmSubscription, and per-subscription delivery
// with retries and a dead-letter queue.
#pragma once

#include "cloud/messaging.h"
#include "cloud/topics/topic_models.h"

namespace eventlab::cloud::topics {

class TopicService : public CopyableService<TopicService> {
 public:
  /// `config` lives in the shared WorldConfig and outlives every copy of this service.
  explicit TopicService(const TopicConfig* config);

  /// Handles sns.publish, sns.subscribe, sns.confirm_subscription, http.request (a visit to a
  /// SubscribeURL), sns.retry, sns.email, sns.sms, and the replies to its deliveries.
  void Deliver(ServiceContext& ctx, const core::Event& event) override;
  /// Subscriptions, published messages, every delivery with its status, and the inboxes.
  Json State() const override;

 private:
  // topic_service.cpp: the API operations.
  void Publish(ServiceContext& ctx, const core::Event& event);
  void Subscribe(ServiceContext& ctx, const core::Event& event);
  core::Result<Json> ConfirmSubscription(ServiceContext& ctx, const std::string& token);
  void SubscribeUrlVisited(ServiceContext& ctx, const core::Event& event);
  void SendConfirmation(ServiceContext& ctx, uint32_t subscription);
  std::string ArnOf(ServiceContext& ctx);
  // topic_delivery.cpp: one copy per subscription, attempts, retries and dead letters.
  void FanOut(ServiceContext& ctx, const PublishedMessage& m);
  void Attempt(ServiceContext& ctx, Delivery& d);
  void InboxArrived(ServiceContext& ctx, const core::Event& event);
  void DeliveryReplied(ServiceContext& ctx, const core::Event& event);
  void Failed(ServiceContext& ctx, Delivery& d, const std::string& error, bool retryable);
  void RetryTimer(ServiceContext& ctx, const core::Event& event);
  void DeadLetter(ServiceContext& ctx, Delivery& d);
  std::string Self() const { return Address("topic", config_->name); }

  const TopicConfig* config_;
  TopicStore store_;
  std::string topic_arn_;  ///< known once the first event brings the environment
};

}  // namespace eventlab::cloud::topics
