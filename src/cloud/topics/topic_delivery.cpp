// Fan-out and delivery: every matching confirmed subscription gets its own copy (its own event),
// retried per the protocol's delivery policy on server-side errors and sent to the
// subscription's dead-letter queue when retries run out or the error is client-side (SNS
// developer guide, "Amazon SNS message delivery retries" and "Amazon SNS dead-letter queues").
#include "cloud/endpoints/endpoint_models.h"
#include "cloud/topics/sns_formats.h"
#include "cloud/topics/topic_service.h"
#include "cloud/world_config.h"
#include "core/json_bounds.h"

namespace eventlab::cloud::topics {
namespace {

// SNS retries server-side failures only: an HTTP/S endpoint answering 500-599 (or not
// reachable), an AWS endpoint failing with a 5xx or throttling. A status from 200 to 499 ends an
// HTTP/S delivery (SNS developer guide, "Prepare your HTTP/S endpoint": SNS retries when the
// endpoint "returns a status code outside the range 200–4xx").
bool ServerSide(const core::Error& e) { return e.status >= 500 || e.status == 429 || e.status == 0; }

}  // namespace

const char* DeliveryStatusName(DeliveryStatus s) {
  switch (s) {
    case DeliveryStatus::kInFlight: return "in_flight";
    case DeliveryStatus::kRetrying: return "retrying";
    case DeliveryStatus::kDelivered: return "delivered";
    case DeliveryStatus::kDeadLettered: return "dead_lettered";
    case DeliveryStatus::kDiscarded: return "discarded";
  }
  return "?";
}

void TopicService::FanOut(ServiceContext& ctx, const PublishedMessage& m) {
  Json attribute_doc = FilterDocument(m.attributes);
  Json body_doc = m.message.is_string() ? core::ParseBounded(m.message.get<std::string>()) : Json();
  for (uint32_t i = 0; i < store_.subscriptions.size(); ++i) {
    Subscription& s = store_.subscriptions[i];
    if (s.status != SubscriptionStatus::kConfirmed) continue;  // no messages until confirmed
    if (s.spec.filter_policy) {
      const bool body = s.spec.filter_scope == FilterScope::kMessageBody;
      // A body-scoped policy never matches a message that is not a JSON object.
      const bool match = body ? body_doc.is_object() && MatchesFilterPolicy(*s.spec.filter_policy, body_doc)
                              : MatchesFilterPolicy(*s.spec.filter_policy, attribute_doc);
      if (!match) {
        ++s.filtered;
        continue;
      }
    }
    ++s.matched;
    Delivery& d = store_.deliveries[store_.next_delivery];
    d.id = store_.next_delivery++;
    d.message_id = m.id;
    d.subscription = i;
    Attempt(ctx, d);
  }
}

void TopicService::Attempt(ServiceContext& ctx, Delivery& d) {
  const Subscription& s = store_.subscriptions[d.subscription];
  const PublishedMessage& m = store_.messages.at(d.message_id);
  const Environment& env = ctx.env();
  ++d.attempts;
  d.status = DeliveryStatus::kInFlight;
  d.retry_timer = 0;
  core::EventSpec e;
  e.delay = HopDelay(ctx, Self());
  e.from = Self();
  switch (s.spec.protocol) {
    case Protocol::kLambda:
      // SNS invokes Lambda asynchronously (Lambda developer guide, "Using Lambda with Amazon SNS").
      e.to = Address("function", s.spec.endpoint);
      e.kind = "function.invoke_async";
      e.payload = LambdaEvent(env, topic_arn_, s.arn, m);
      break;
    case Protocol::kSqs:
      e.to = Address("queue", s.spec.endpoint);
      e.kind = "queue.send";
      if (s.spec.raw_message_delivery) {
        e.payload = {{"body", m.message}};
        if (!m.attributes.empty()) e.payload["attributes"] = m.attributes;
      } else {
        e.payload = {{"body", NotificationJson(env, topic_arn_, s.arn, m)}};
      }
      break;
    case Protocol::kHttp:
    case Protocol::kHttps: {
      const auto* endpoint = ctx.config.Find<endpoints::EndpointConfig>(s.spec.endpoint);
      const std::string url = endpoint ? endpoint->url : "";
      const size_t slash = url.find('/', url.find("://") == std::string::npos ? 0 : url.find("://") + 3);
      Json headers = {{"x-amz-sns-message-type", "Notification"},
                      {"x-amz-sns-message-id", m.id},
                      {"x-amz-sns-topic-arn", topic_arn_},
                      {"x-amz-sns-subscription-arn", s.arn},
                      {"Content-Type", "text/plain; charset=UTF-8"},
                      {"User-Agent", "Amazon Simple Notification Service Agent"}};
      if (s.spec.raw_message_delivery) headers["x-amz-sns-rawdelivery"] = "true";
      e.to = Address("endpoint", s.spec.endpoint);
      e.kind = "http.request";
      e.payload = {{"method", "POST"},
                   {"url", url},
                   {"host", endpoint ? endpoint->host_name : ""},
                   {"path", slash == std::string::npos ? "/" : url.substr(slash)},
                   {"query", Json::object()},
                   {"headers", headers},
                   {"body", s.spec.raw_message_delivery ? Json(MessageText(m.message)) : Json(NotificationJson(env, topic_arn_, s.arn, m))}};
      break;
    }
    case Protocol::kEmail:
    case Protocol::kEmailJson:
      e.to = Self();
      e.kind = "sns.email";
      e.payload = {{"delivery", d.id}, {"to", s.spec.endpoint}, {"message_id", m.id},
                   {"subject", m.subject ? *m.subject : kDefaultEmailSubject},
                   {"body", s.spec.protocol == Protocol::kEmail ? EmailBody(env, s.arn, m) : NotificationJson(env, topic_arn_, s.arn, m)}};
      break;
    case Protocol::kSms:
      e.to = Self();
      e.kind = "sns.sms";
      e.payload = {{"delivery", d.id}, {"to", s.spec.endpoint}, {"message_id", m.id}, {"body", MessageText(m.message)}};
      break;
  }
  store_.in_flight[ctx.kernel.Schedule(std::move(e))] = d.id;
}

void TopicService::InboxArrived(ServiceContext& ctx, const core::Event& event) {
  const Json& p = event.payload;
  InboxMessage msg{ctx.kernel.Now().us, p.value("subject", ""), p.value("body", ""), p.value("message_id", "")};
  auto& boxes = event.kind == "sns.email" ? store_.email : store_.sms;
  boxes[p.value("to", "")].push_back(std::move(msg));
  auto flight = store_.in_flight.find(event.id);
  if (flight == store_.in_flight.end()) return;  // a confirmation email
  store_.deliveries[flight->second].status = DeliveryStatus::kDelivered;
  store_.in_flight.erase(flight);
}

void TopicService::DeliveryReplied(ServiceContext& ctx, const core::Event& event) {
  if (auto dl = store_.dead_letters.find(*event.reply_to); dl != store_.dead_letters.end()) {
    // The dead-letter queue refused the message (it is gone, or too small): SNS loses it.
    Delivery& d = store_.deliveries[dl->second];
    if (event.error) {
      d.status = DeliveryStatus::kDiscarded;
      d.last_error = event.error->code + " (dead-letter queue)";
    }
    store_.dead_letters.erase(dl);
    return;
  }
  auto flight = store_.in_flight.find(*event.reply_to);
  if (flight == store_.in_flight.end()) return;  // the answer to a confirmation request
  Delivery& d = store_.deliveries[flight->second];
  store_.in_flight.erase(flight);
  if (event.error) return Failed(ctx, d, event.error->code, ServerSide(*event.error));
  if (event.kind == "http.request.result") {
    const int status = event.payload.value("statusCode", 0);
    if (status < 200 || status > 499) return Failed(ctx, d, "HTTP " + std::to_string(status), true);
  }
  d.status = DeliveryStatus::kDelivered;
}

void TopicService::Failed(ServiceContext& ctx, Delivery& d, const std::string& error, bool retryable) {
  d.last_error = error;
  const std::optional<core::SimTime> delay =
      retryable ? RetryDelay(EffectiveRetryPolicy(store_.subscriptions[d.subscription].spec), d.attempts) : std::nullopt;
  if (!delay) return DeadLetter(ctx, d);
  d.status = DeliveryStatus::kRetrying;
  d.next_attempt_us = (ctx.kernel.Now() + *delay).us;
  core::EventSpec e;
  e.delay = *delay;
  e.priority = core::kPriorityTimer;
  e.from = e.to = Self();
  e.kind = "sns.retry";
  e.payload = {{"delivery", d.id}, {"message_id", d.message_id}, {"retry", d.attempts}, {"last_error", error}};
  d.retry_timer = ctx.kernel.Schedule(std::move(e));
}

void TopicService::RetryTimer(ServiceContext& ctx, const core::Event& event) {
  auto it = store_.deliveries.find(event.payload.value("delivery", uint64_t{0}));
  if (it == store_.deliveries.end() || it->second.status != DeliveryStatus::kRetrying) return;
  Attempt(ctx, it->second);
}

void TopicService::DeadLetter(ServiceContext& ctx, Delivery& d) {
  const Subscription& s = store_.subscriptions[d.subscription];
  if (s.spec.dead_letter_queue.empty()) {
    // "When the delivery policy is exhausted, Amazon SNS stops retrying the delivery and discards
    // the message—unless a dead-letter queue is attached to the subscription."
    d.status = DeliveryStatus::kDiscarded;
    return;
  }
  d.status = DeliveryStatus::kDeadLettered;
  const PublishedMessage& m = store_.messages.at(d.message_id);
  // The dead-lettered message is the one the subscription would have received, with the
  // failure in message attributes (SNS developer guide, dead-letter queues).
  auto attr = [](const std::string& v) { return Json{{"DataType", "String"}, {"StringValue", v}}; };
  core::EventSpec e;
  e.delay = HopDelay(ctx, Self());
  e.from = Self();
  e.to = Address("queue", s.spec.dead_letter_queue);
  e.kind = "queue.send";
  e.payload = {{"body", s.spec.raw_message_delivery ? Json(MessageText(m.message)) : Json(NotificationJson(ctx.env(), topic_arn_, s.arn, m))},
               {"attributes", {{"ErrorCode", attr(d.last_error)}, {"ErrorMessage", attr("Delivery failed after " + std::to_string(d.attempts) + " attempts")},
                               {"RequestID", attr(d.message_id)}}}};
  store_.dead_letters[ctx.kernel.Schedule(std::move(e))] = d.id;
}

}  // namespace eventlab::cloud::topics
