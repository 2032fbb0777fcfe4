// The event-source mapping service: one poller per shard of its source. A poller reads a batch,
// invokes the function synchronously, and on an error retries the same batch, holding the shard
// until it succeeds, is split (bisect), runs out of retries, or its records expire.
#pragma once

#include "cloud/messaging.h"
#include "cloud/streams/mapping_models.h"

namespace eventlab::cloud::streams {

class MappingService : public CopyableService<MappingService> {
 public:
  explicit MappingService(const MappingConfig* config) : config_(config) {}

  /// Handles mapping.wake (from the source), stream.poll.result, mapping.window and
  /// mapping.retry (its own timers) and function.invoke.result.
  void Deliver(ServiceContext& ctx, const core::Event& event) override;
  Json State() const override;

 private:
  void PollResult(ServiceContext& ctx, ShardPoller& p, const std::string& shard, const core::Event& event);
  void InvokeResult(ServiceContext& ctx, ShardPoller& p, const std::string& shard, const core::Event& event);
  /// Polls the source `delay` from now (plus a hop); `wait` lets the source hold the poll.
  void SendPoll(ServiceContext& ctx, ShardPoller& p, const std::string& shard, bool wait, core::SimTime delay);
  /// Polls again no sooner than one poll interval after the last poll.
  void PollAgain(ServiceContext& ctx, ShardPoller& p, const std::string& shard);
  /// Drops expired records, then invokes the function with the batch (or moves on if none is left).
  void Invoke(ServiceContext& ctx, ShardPoller& p, const std::string& shard);
  /// The batch is done (processed or discarded): checkpoint, then the next half or a new poll.
  void Finish(ServiceContext& ctx, ShardPoller& p, const std::string& shard);
  void ScheduleTimer(ServiceContext& ctx, const std::string& kind, const std::string& shard, core::SimTime delay, Json extra);
  /// Milliseconds after which the source no longer holds a record.
  int64_t RetentionMs(const ServiceContext& ctx) const;
  std::string Self() const { return Address("mapping", config_->name); }

  const MappingConfig* config_;
  MappingStore store_;
};

}  // namespace eventlab::cloud::streams
