// Message shapes follow SQS: SendMessage answers MessageId and MD5OfMessageBody, and a consumer
// function receives {"Records": [...]} with eventSource "aws:sqs".
#include "cloud/queues/queue_service.h"

#include "core/digest.h"
#include "core/ids.h"

namespace eventlab::cloud::queues {
namespace {

const char* StatusName(MessageStatus s) {
  switch (s) {
    case MessageStatus::kVisible: return "visible";
    case MessageStatus::kInFlight: return "in_flight";
    case MessageStatus::kDeleted: return "deleted";
    case MessageStatus::kDropped: return "dropped";
  }
  return "?";
}

}  // namespace

std::unique_ptr<Service> QueueConfig::CreateService() const { return std::make_unique<QueueService>(this); }

void QueueService::Deliver(ServiceContext& ctx, const core::Event& event) {
  if (event.kind == "queue.send") {
    Send(ctx, event);
  } else if (event.kind == "function.invoke.result") {
    ConsumerReplied(ctx, event);
  } else if (event.kind == "queue.redeliver") {
    auto it = store_.messages.find(event.payload.value("message_id", ""));
    if (it != store_.messages.end() && it->second.status == MessageStatus::kVisible) DeliverToConsumer(ctx, it->second, {});
  }
}

void QueueService::Send(ServiceContext& ctx, const core::Event& event) {
  const Json& payload = event.payload;
  if (!payload.is_object() || !payload.contains("body") || payload["body"].is_null()) {
    Reply(ctx, event, core::Error{"MissingParameter", "The request must contain the parameter MessageBody.", 400});
    return;
  }
  Message m;
  // A message body is text; structured bodies are sent as their JSON text, as SDKs do.
  m.body = core::IsSyntheticBody(payload["body"]) || payload["body"].is_string() ? payload["body"] : Json(payload["body"].dump());
  const uint64_t size = core::BodySize(m.body);
  const uint64_t limit = ctx.env().limits.queue_message_bytes;
  if (size > limit) {
    Reply(ctx, event, core::Error{"InvalidParameterValue",
                                  "One or more parameters are invalid. Reason: Message must be shorter than " +
                                      std::to_string(limit) + " bytes.",
                                  400});
    return;
  }
  m.id = core::NewUuid(ctx.kernel.RngFor(Self()));
  m.md5 = core::IsSyntheticBody(m.body) ? m.body["$body"].value("md5", "") : core::Md5Hex(m.body.get<std::string>());
  if (payload.contains("attributes") && payload["attributes"].is_object()) m.attributes = payload["attributes"];
  m.sent_epoch_ms = ctx.NowEpochUs() / 1000;
  ++store_.sent;
  Reply(ctx, event, Json{{"MessageId", m.id}, {"MD5OfMessageBody", m.md5}});
  Message& stored = store_.messages[m.id] = std::move(m);
  if (!config_->consumer.empty()) DeliverToConsumer(ctx, stored, {});
}

void QueueService::DeliverToConsumer(ServiceContext& ctx, Message& m, core::SimTime delay) {
  const Environment& env = ctx.env();
  ++m.receive_count;
  m.status = MessageStatus::kInFlight;
  Json record = {
      {"messageId", m.id},
      {"receiptHandle", m.id + "#" + std::to_string(m.receive_count)},
      {"body", m.body},
      {"attributes",
       {{"ApproximateReceiveCount", std::to_string(m.receive_count)},
        {"SentTimestamp", std::to_string(m.sent_epoch_ms)},
        {"SenderId", env.account},
        {"ApproximateFirstReceiveTimestamp", std::to_string(ctx.NowEpochUs() / 1000)}}},
      {"messageAttributes", m.attributes},
      {"md5OfBody", m.md5},
      {"eventSource", "aws:sqs"},
      {"eventSourceARN", "arn:aws:sqs:" + env.region + ":" + env.account + ":" + config_->name},
      {"awsRegion", env.region}};
  core::EventSpec e;
  e.delay = delay + HopDelay(ctx, Self());
  e.from = Self();
  e.to = Address("function", config_->consumer);
  e.kind = "function.invoke";
  e.payload = {{"Records", Json::array({record})}};
  store_.deliveries[ctx.kernel.Schedule(std::move(e))] = m.id;
}

void QueueService::ConsumerReplied(ServiceContext& ctx, const core::Event& event) {
  if (!event.reply_to) return;
  auto d = store_.deliveries.find(*event.reply_to);
  if (d == store_.deliveries.end()) return;
  Message& m = store_.messages[d->second];
  store_.deliveries.erase(d);
  if (!event.error) {
    m.status = MessageStatus::kDeleted;  // the event source deletes a message its function handled
    return;
  }
  if (m.receive_count >= config_->max_receive_count) {
    m.status = MessageStatus::kDropped;
    return;
  }
  // The message becomes visible again when its visibility timeout runs out.
  m.status = MessageStatus::kVisible;
  core::EventSpec e;
  e.delay = config_->visibility_timeout;
  e.priority = core::kPriorityTimer;
  e.from = e.to = Self();
  e.kind = "queue.redeliver";
  e.payload = {{"message_id", m.id}, {"receive_count", m.receive_count}};
  ctx.kernel.Schedule(std::move(e));
}

Json QueueService::State() const {
  Json messages = Json::array();
  for (const auto& [id, m] : store_.messages) {
    messages.push_back({{"id", id}, {"body", m.body}, {"status", StatusName(m.status)}, {"receive_count", m.receive_count}});
  }
  return {{"kind", "queue"}, {"consumer", config_->consumer.empty() ? Json(nullptr) : Json(config_->consumer)},
          {"sent", store_.sent}, {"messages", messages}};
}

}  // namespace eventlab::cloud::queues
