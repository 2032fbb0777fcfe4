// SQS operations with SQS's shapes and errors: SendMessage answers MessageId and MD5OfMessageBody;
// ReceiveMessage hides what it returns for the visibility timeout and counts receives; a message
// received more than maxReceiveCount times moves to the dead-letter queue (SQS developer guide,
// "Using dead-letter queues"); messages end after the retention period.
#include "cloud/queues/queue_service.h"
#include "core/json_bounds.h"

#include "cloud/world_config.h"
#include "core/digest.h"
#include "core/ids.h"

namespace eventlab::cloud::queues {
namespace {

core::Error InvalidValue(const std::string& message) { return {"InvalidParameterValue", message, 400}; }

}  // namespace

const char* StatusName(MessageStatus s) {
  switch (s) {
    case MessageStatus::kVisible: return "visible";
    case MessageStatus::kInFlight: return "in_flight";
    case MessageStatus::kDeleted: return "deleted";
    case MessageStatus::kMovedToDlq: return "moved_to_dlq";
    case MessageStatus::kExpired: return "expired";
  }
  return "?";
}

std::unique_ptr<Service> QueueConfig::CreateService() const { return std::make_unique<QueueService>(this); }

std::vector<Wire> QueueConfig::Wires() const {
  std::vector<Wire> wires;
  if (!consumer.empty()) wires.push_back({Address("function", consumer), "event source mapping"});
  if (!dead_letter_queue.empty()) {
    wires.push_back({Address("queue", dead_letter_queue), "dead-letter queue (after " + std::to_string(max_receive_count) + " receives)"});
  }
  return wires;
}

void QueueService::Deliver(ServiceContext& ctx, const core::Event& event) {
  if (event.kind == "queue.send") Send(ctx, event);
  else if (event.kind == "queue.receive") Reply(ctx, event, Receive(ctx, event));
  else if (event.kind == "queue.delete") Reply(ctx, event, Delete(ctx, event));
  else if (event.kind == "queue.dead_letter") ArrivedFromSource(ctx, event);
  else if (event.kind == "queue.redeliver") VisibilityEnded(ctx, event);
  else if (event.kind == "function.invoke.result") ConsumerReplied(ctx, event);
}

Message& QueueService::Store(Message m) {
  m.seq = store_.next_seq++;
  store_.by_id[m.id] = m.seq;
  return store_.messages[m.seq] = std::move(m);
}

void QueueService::Send(ServiceContext& ctx, const core::Event& event) {
  const Json& payload = event.payload;
  if (!payload.is_object() || !payload.contains("body") || payload["body"].is_null()) {
    Reply(ctx, event, core::Error{"MissingParameter", "The request must contain the parameter MessageBody.", 400});
    return;
  }
  Message m;
  // A message body is text; structured bodies are sent as their JSON text, as SDKs do.
  m.body = core::IsSyntheticBody(payload["body"]) || payload["body"].is_string() ? payload["body"] : Json(core::DumpText(payload["body"]));
  uint64_t size = core::BodySize(m.body);
  if (payload.contains("attributes") && payload["attributes"].is_object()) {
    m.attributes = payload["attributes"];
    if (m.attributes.size() > kMaxMessageAttributes) {
      Reply(ctx, event, InvalidValue("Number of message attributes [" + std::to_string(m.attributes.size()) +
                                     "] exceeds the allowed maximum [" + std::to_string(kMaxMessageAttributes) + "]."));
      return;
    }
    // Attribute names, types and values count towards the message size (SQS developer guide,
    // message attributes).
    for (auto it = m.attributes.begin(); it != m.attributes.end(); ++it) {
      size += it.key().size() + core::BodySize(it.value().value("DataType", Json(""))) +
              core::BodySize(it.value().value("StringValue", Json("")));
    }
  }
  const uint64_t limit = ctx.env().limits.queue_message_bytes;
  if (size > limit) {
    Reply(ctx, event, InvalidValue("One or more parameters are invalid. Reason: Message must be shorter than " +
                                   std::to_string(limit) + " bytes."));
    return;
  }
  m.id = core::NewUuid(ctx.kernel.RngFor(Self()));
  m.md5 = core::IsSyntheticBody(m.body) ? m.body["$body"].value("md5", "") : core::Md5Hex(m.body.get<std::string>());
  m.sent_epoch_ms = ctx.NowEpochUs() / 1000;
  ++store_.sent;
  Reply(ctx, event, Json{{"MessageId", m.id}, {"MD5OfMessageBody", m.md5}});
  Store(std::move(m));
  Poll(ctx);
}

void QueueService::ArrivedFromSource(ServiceContext& ctx, const core::Event& event) {
  // A dead-lettered message keeps its id, body and original send time.
  const Json& p = event.payload;
  Message m;
  m.id = p.value("message_id", "");
  m.body = p.value("body", Json(""));
  m.md5 = p.value("md5", "");
  m.attributes = p.value("attributes", Json::object());
  m.sent_epoch_ms = p.value("sent_epoch_ms", int64_t{0});
  m.moved_from = KindOf(event.from) == "queue" ? NameOf(event.from) : "";
  if (m.id.empty() || store_.by_id.count(m.id)) return;
  ++store_.sent;
  Store(std::move(m));
  Poll(ctx);
}

void QueueService::MarkReceived(ServiceContext& ctx, Message& m, core::SimTime visibility, const std::string& by) {
  ++m.receive_count;
  ++store_.received;
  if (!m.first_receive_epoch_ms) m.first_receive_epoch_ms = ctx.NowEpochUs() / 1000;
  m.status = MessageStatus::kInFlight;
  m.received_at_us = ctx.kernel.Now().us;
  m.visible_at_us = (ctx.kernel.Now() + visibility).us;
  m.received_by = by;
}

std::vector<Message*> QueueService::TakeVisible(ServiceContext& ctx, uint32_t limit) {
  std::vector<Message*> out;
  const int64_t now_ms = ctx.NowEpochUs() / 1000;
  for (auto& [seq, m] : store_.messages) {
    if (out.size() >= limit) break;
    if (m.status != MessageStatus::kVisible) continue;
    if (now_ms - m.sent_epoch_ms >= config_->retention.us / 1000) {
      m.status = MessageStatus::kExpired;  // SQS deletes messages older than the retention period
      ++store_.expired;
      continue;
    }
    out.push_back(&m);
  }
  return out;
}

core::Result<Json> QueueService::Receive(ServiceContext& ctx, const core::Event& event) {
  const Json& p = event.payload.is_object() ? event.payload : Json::object();
  uint32_t max = 1;
  if (p.contains("max_number_of_messages")) {
    const Json& v = p["max_number_of_messages"];
    if (!v.is_number_integer() || v.get<int64_t>() < 1 || v.get<int64_t>() > kMaxReceiveBatch) {
      return InvalidValue("Value " + core::DumpText(v) + " for parameter MaxNumberOfMessages is invalid. Reason: Must be between 1 and 10, if provided.");
    }
    max = static_cast<uint32_t>(v.get<int64_t>());
  }
  core::SimTime visibility = config_->visibility_timeout;
  if (p.contains("visibility_timeout")) {
    const Json& v = p["visibility_timeout"];
    if (!v.is_number_integer() || v.get<int64_t>() < 0 || v.get<int64_t>() > kMaxVisibilityTimeout.us / 1000000) {
      return InvalidValue("Value " + core::DumpText(v) + " for parameter VisibilityTimeout is invalid. Reason: Must be >= 0 and <= 43200, if provided.");
    }
    visibility = core::SimTime::Seconds(v.get<int64_t>());
  }
  auto wants = [&](const char* key, const std::string& name) {
    if (!p.contains(key) || !p[key].is_array()) return false;
    for (const Json& n : p[key]) {
      if (n == "All" || n == ".*" || n == name) return true;
    }
    return false;
  };
  Json messages = Json::array();
  for (Message* m : TakeVisible(ctx, max)) {
    MarkReceived(ctx, *m, visibility, event.from);
    // The message reappears when the visibility timeout ends unless the client deletes it.
    core::EventSpec e;
    e.delay = visibility;
    e.priority = core::kPriorityTimer;
    e.from = e.to = Self();
    e.kind = "queue.redeliver";
    e.payload = {{"message_id", m->id}, {"receive_count", m->receive_count}};
    m->visibility_timer = ctx.kernel.Schedule(std::move(e));
    Json out = {{"MessageId", m->id}, {"ReceiptHandle", m->id + "#" + std::to_string(m->receive_count)},
                {"MD5OfBody", m->md5}, {"Body", m->body}};
    Json attrs = Json::object();
    const Json system = {{"ApproximateReceiveCount", std::to_string(m->receive_count)},
                         {"SentTimestamp", std::to_string(m->sent_epoch_ms)},
                         {"SenderId", ctx.env().account},
                         {"ApproximateFirstReceiveTimestamp", std::to_string(m->first_receive_epoch_ms)}};
    for (auto it = system.begin(); it != system.end(); ++it) {
      if (wants("attribute_names", it.key())) attrs[it.key()] = it.value();
    }
    if (!attrs.empty()) out["Attributes"] = attrs;
    Json mattrs = Json::object();
    for (auto it = m->attributes.begin(); it != m->attributes.end(); ++it) {
      if (wants("message_attribute_names", it.key())) mattrs[it.key()] = it.value();
    }
    if (!mattrs.empty()) out["MessageAttributes"] = mattrs;
    messages.push_back(std::move(out));
  }
  // An empty receive has no Messages member, as SQS answers it.
  return messages.empty() ? Json::object() : Json{{"Messages", messages}};
}

core::Result<Json> QueueService::Delete(ServiceContext& ctx, const core::Event& event) {
  const Json handle = event.payload.is_object() ? event.payload.value("receipt_handle", Json()) : Json();
  const std::string text = handle.is_string() ? handle.get<std::string>() : core::DumpText(handle);
  const core::Error invalid{"ReceiptHandleIsInvalid", "The input receipt handle \"" + text + "\" is not a valid receipt handle.", 400};
  const size_t hash = text.rfind('#');
  if (!handle.is_string() || hash == std::string::npos) return invalid;
  auto seq = store_.by_id.find(text.substr(0, hash));
  if (seq == store_.by_id.end()) return invalid;
  Message& m = store_.messages[seq->second];
  const std::string count = text.substr(hash + 1);
  if (count.empty() || count.find_first_not_of("0123456789") != std::string::npos || count.size() > 9 ||
      std::stoul(count) == 0 || std::stoul(count) > m.receive_count) {
    return invalid;
  }
  if (m.status == MessageStatus::kInFlight || m.status == MessageStatus::kVisible) {
    if (m.visibility_timer) ctx.kernel.Cancel(m.visibility_timer);
    m.visibility_timer = 0;
    m.status = MessageStatus::kDeleted;
    ++store_.deleted;
  }
  return Json::object();
}

void QueueService::VisibilityEnded(ServiceContext& ctx, const core::Event& event) {
  auto seq = store_.by_id.find(event.payload.value("message_id", ""));
  if (seq == store_.by_id.end()) return;
  Message& m = store_.messages[seq->second];
  if (m.status != MessageStatus::kInFlight || m.receive_count != event.payload.value("receive_count", uint32_t{0})) return;
  m.visibility_timer = 0;
  m.received_by.clear();
  // The next receive would exceed maxReceiveCount: SQS moves the message instead.
  if (!config_->dead_letter_queue.empty() && m.receive_count >= config_->max_receive_count) {
    MoveToDeadLetterQueue(ctx, m);
    return;
  }
  m.status = MessageStatus::kVisible;
  Poll(ctx);
}

void QueueService::MoveToDeadLetterQueue(ServiceContext& ctx, Message& m) {
  m.status = MessageStatus::kMovedToDlq;
  ++store_.moved_to_dlq;
  core::EventSpec e;
  e.delay = HopDelay(ctx, Self());
  e.from = Self();
  e.to = Address("queue", config_->dead_letter_queue);
  e.kind = "queue.dead_letter";
  e.payload = {{"message_id", m.id}, {"body", m.body}, {"md5", m.md5}, {"attributes", m.attributes},
               {"sent_epoch_ms", m.sent_epoch_ms}, {"receive_count", m.receive_count}};
  ctx.kernel.Schedule(std::move(e));
}

Json QueueService::State() const {
  Json messages = Json::array();
  Json counts = {{"visible", 0}, {"in_flight", 0}, {"deleted", 0}, {"moved_to_dlq", 0}, {"expired", 0}};
  for (const auto& [seq, m] : store_.messages) {
    Json item = {{"id", m.id}, {"body", m.body}, {"status", StatusName(m.status)}, {"receive_count", m.receive_count},
                 {"sent_epoch_ms", m.sent_epoch_ms}, {"attributes", m.attributes}};
    if (m.status == MessageStatus::kInFlight) {
      item["visible_at_us"] = m.visible_at_us;
      item["received_by"] = m.received_by;
    }
    if (!m.moved_from.empty()) item["moved_from"] = m.moved_from;
    messages.push_back(std::move(item));
    counts[StatusName(m.status)] = counts[StatusName(m.status)].get<uint64_t>() + 1;
  }
  Json redrive = nullptr;
  if (!config_->dead_letter_queue.empty()) {
    redrive = {{"dead_letter_queue", config_->dead_letter_queue}, {"max_receive_count", config_->max_receive_count}};
  }
  return {{"kind", "queue"},
          {"consumer", config_->consumer.empty() ? Json(nullptr) : Json(config_->consumer)},
          {"visibility_timeout_us", config_->visibility_timeout.us},
          {"batch_size", config_->batch_size},
          {"redrive_policy", redrive},
          {"mapping_error", store_.mapping_error.empty() ? Json(nullptr) : Json(store_.mapping_error)},
          {"pollers_busy", store_.pollers_busy},
          {"sent", store_.sent},
          {"received", store_.received},
          {"deleted", store_.deleted},
          {"moved_to_dlq", store_.moved_to_dlq},
          {"expired", store_.expired},
          {"counts", counts},
          {"messages", messages}};
}

}  // namespace eventlab::cloud::queues
