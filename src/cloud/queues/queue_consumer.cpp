// The Lambda event source mapping on a queue ("consumer"): up to five pollers receive batches and
// invoke the function synchronously with the SQS event; a successful invocation deletes the
// batch, a failed one leaves it to reappear when the visibility timeout ends (Lambda developer
// guide, "Using Lambda with Amazon SQS", error handling).
#include "cloud/functions/function_models.h"
#include "cloud/queues/queue_service.h"
#include "cloud/world_config.h"

namespace eventlab::cloud::queues {
namespace {

// SQS message attributes as the Lambda SQS event spells them (stringValue, dataType, ...).
Json EventAttributes(const Json& attributes) {
  Json out = Json::object();
  for (auto it = attributes.begin(); it != attributes.end(); ++it) {
    const Json& a = it.value();
    if (!a.is_object() || !a.contains("DataType")) {
      out[it.key()] = a;
      continue;
    }
    Json e = {{"stringListValues", Json::array()}, {"binaryListValues", Json::array()}, {"dataType", a["DataType"]}};
    if (a.contains("StringValue")) e["stringValue"] = a["StringValue"];
    if (a.contains("BinaryValue")) e["binaryValue"] = a["BinaryValue"];
    out[it.key()] = std::move(e);
  }
  return out;
}

}  // namespace

Json QueueService::ConsumerRecord(ServiceContext& ctx, const Message& m) const {
  const Environment& env = ctx.env();
  // One record of the SQS event (Lambda developer guide, "Using Lambda with Amazon SQS", example
  // standard queue message event). Receipt handles here are "<message id>#<receive count>".
  return {{"messageId", m.id},
          {"receiptHandle", m.id + "#" + std::to_string(m.receive_count)},
          {"body", m.body},
          {"attributes",
           {{"ApproximateReceiveCount", std::to_string(m.receive_count)},
            {"SentTimestamp", std::to_string(m.sent_epoch_ms)},
            {"SenderId", env.account},
            {"ApproximateFirstReceiveTimestamp", std::to_string(m.first_receive_epoch_ms)}}},
          {"messageAttributes", EventAttributes(m.attributes)},
          {"md5OfBody", m.md5},
          {"eventSource", "aws:sqs"},
          {"eventSourceARN", "arn:aws:sqs:" + env.region + ":" + env.account + ":" + config_->name},
          {"awsRegion", env.region}};
}

void QueueService::Poll(ServiceContext& ctx) {
  if (config_->consumer.empty()) return;
  // "Your function's timeout must be less than or equal to the queue's visibility timeout.
  // Lambda validates this requirement when you create or update an event source mapping"
  // (Lambda developer guide, configuring an SQS event source mapping).
  if (const auto* f = ctx.config.Find<functions::FunctionConfig>(config_->consumer);
      f && f->timeout > config_->visibility_timeout) {
    store_.mapping_error = "InvalidParameterValueException: Queue visibility timeout: " +
                           std::to_string(config_->visibility_timeout.us / 1000000) +
                           " seconds is less than Function timeout: " + std::to_string(f->timeout.us / 1000000) + " seconds";
    return;
  }
  while (store_.pollers_busy < kPollers) {
    std::vector<Message*> batch = TakeVisible(ctx, config_->batch_size);
    if (batch.empty()) return;
    Json records = Json::array();
    std::vector<uint64_t> seqs;
    for (Message* m : batch) {
      MarkReceived(ctx, *m, config_->visibility_timeout, "consumer");
      records.push_back(ConsumerRecord(ctx, *m));
      seqs.push_back(m->seq);
    }
    core::EventSpec e;
    e.delay = HopDelay(ctx, Self());
    e.from = Self();
    e.to = Address("function", config_->consumer);
    e.kind = "function.invoke";
    e.payload = {{"Records", records}};
    store_.batches[ctx.kernel.Schedule(std::move(e))] = std::move(seqs);
    ++store_.pollers_busy;
  }
}

void QueueService::ConsumerReplied(ServiceContext& ctx, const core::Event& event) {
  if (!event.reply_to) return;
  auto b = store_.batches.find(*event.reply_to);
  if (b == store_.batches.end()) return;
  const std::vector<uint64_t> seqs = std::move(b->second);
  store_.batches.erase(b);
  --store_.pollers_busy;
  for (uint64_t seq : seqs) {
    Message& m = store_.messages[seq];
    if (m.status != MessageStatus::kInFlight || m.received_by != "consumer") continue;
    if (!event.error) {
      m.status = MessageStatus::kDeleted;  // the mapping deletes what its function handled
      ++store_.deleted;
      continue;
    }
    // The batch stays invisible until its visibility timeout, counted from the receive, ends.
    core::EventSpec e;
    const int64_t wait = m.visible_at_us - ctx.kernel.Now().us;
    e.delay = core::SimTime{wait > 0 ? wait : 0};
    e.priority = core::kPriorityTimer;
    e.from = e.to = Self();
    e.kind = "queue.redeliver";
    e.payload = {{"message_id", m.id}, {"receive_count", m.receive_count}};
    m.visibility_timer = ctx.kernel.Schedule(std::move(e));
  }
  Poll(ctx);
}

}  // namespace eventlab::cloud::queues
