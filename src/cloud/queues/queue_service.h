// The queue service (SQS-style): SendMessage, ReceiveMessage, DeleteMessage, visibility timeouts,
// receive counts and redrive to a dead-letter queue, and the Lambda event source mapping that
// polls for a consumer function in batches.
#pragma once

#include "cloud/messaging.h"
#include "cloud/queues/queue_models.h"

namespace eventlab::cloud::queues {

class QueueService : public CopyableService<QueueService> {
 public:
  explicit QueueService(const QueueConfig* config) : config_(config) {}

  /// Handles queue.send, queue.receive, queue.delete, queue.dead_letter (a message moved here),
  /// queue.redeliver (a visibility timeout ending) and the consumer's function.invoke.result.
  void Deliver(ServiceContext& ctx, const core::Event& event) override;
  Json State() const override;

 private:
  // queue_service.cpp: the API operations.
  void Send(ServiceContext& ctx, const core::Event& event);
  void ArrivedFromSource(ServiceContext& ctx, const core::Event& event);
  core::Result<Json> Receive(ServiceContext& ctx, const core::Event& event);
  core::Result<Json> Delete(ServiceContext& ctx, const core::Event& event);
  Message& Store(Message m);
  /// Marks a message received: count, first receive, visibility deadline.
  void MarkReceived(ServiceContext& ctx, Message& m, core::SimTime visibility, const std::string& by);
  /// Visible messages in arrival order, after ending those past retention; at most `limit`.
  std::vector<Message*> TakeVisible(ServiceContext& ctx, uint32_t limit);
  void VisibilityEnded(ServiceContext& ctx, const core::Event& event);
  void MoveToDeadLetterQueue(ServiceContext& ctx, Message& m);
  // queue_consumer.cpp: the event source mapping.
  void Poll(ServiceContext& ctx);
  void ConsumerReplied(ServiceContext& ctx, const core::Event& event);
  Json ConsumerRecord(ServiceContext& ctx, const Message& m) const;
  std::string Self() const { return Address("queue", config_->name); }

  const QueueConfig* config_;
  QueueStore store_;
};

}  // namespace eventlab::cloud::queues
