// The queue service (placeholder until the queues issue): SendMessage, push delivery of each
// message to a consumer function in the SQS event format, and redelivery after failures.
#pragma once

#include "cloud/messaging.h"
#include "cloud/queues/queue_models.h"

namespace eventlab::cloud::queues {

class QueueService : public CopyableService<QueueService> {
 public:
  explicit QueueService(const QueueConfig* config) : config_(config) {}

  /// Handles queue.send, queue.redeliver and the consumer's function.invoke.result.
  void Deliver(ServiceContext& ctx, const core::Event& event) override;
  Json State() const override;

 private:
  void Send(ServiceContext& ctx, const core::Event& event);
  void DeliverToConsumer(ServiceContext& ctx, Message& m, core::SimTime delay);
  void ConsumerReplied(ServiceContext& ctx, const core::Event& event);
  std::string Self() const { return Address("queue", config_->name); }

  const QueueConfig* config_;
  QueueStore store_;
};

}  // namespace eventlab::cloud::queues
