// SNS API operations: Publish (validation and limits from the SNS API reference), Subscribe and
// ConfirmSubscription. Error codes and messages are SNS's (InvalidParameter, NotFound, ...).
#include "cloud/topics/topic_service.h"
#include "core/json_bounds.h"

#include <cstdio>

#include "cloud/endpoints/endpoint_models.h"
#include "cloud/topics/sns_formats.h"
#include "cloud/world_config.h"
#include "core/digest.h"
#include "core/ids.h"

namespace eventlab::cloud::topics {
namespace {

core::Error InvalidParameter(const std::string& message) { return {"InvalidParameter", message, 400}; }

// Publish's Subject: "must be ASCII text that begins with a letter, number, or punctuation mark;
// must not include line breaks or control characters; and must be less than 100 characters
// long" (SNS API reference, Publish).
bool ValidSubject(const std::string& s) {
  if (s.empty() || s.size() > 100 || s[0] == ' ') return false;
  for (unsigned char c : s) {
    if (c < 0x20 || c >= 0x7f) return false;
  }
  return true;
}

// Message attributes: DataType String, String.Array, Number or Binary, optionally with a custom
// suffix ("Number.float") (SNS developer guide, message attribute data types).
std::string CheckAttributes(const Json& attrs, uint64_t& bytes) {
  if (!attrs.is_object()) return "MessageAttributes must be a map of name -> {DataType, StringValue}";
  for (auto it = attrs.begin(); it != attrs.end(); ++it) {
    const std::string name = it.key();
    const Json& a = it.value();
    const Json type = a.is_object() ? a.value("DataType", Json()) : Json();
    if (!type.is_string()) return "The message attribute '" + name + "' must contain non-empty message attribute type.";
    const std::string t = type.get<std::string>();
    auto is = [&](const std::string& prefix) { return t == prefix || t.rfind(prefix + ".", 0) == 0; };
    if (!is("String") && !is("Number") && !is("Binary")) {
      return "The message attribute '" + name +
             "' has an invalid message attribute type, the set of supported type prefixes is Binary, Number, and String.";
    }
    const Json value = is("Binary") ? a.value("BinaryValue", Json()) : a.value("StringValue", Json());
    if (!value.is_string()) return "The message attribute '" + name + "' must contain non-empty message attribute value.";
    const std::string v = value.get<std::string>();
    if (is("Number") && !core::ParseBounded(v).is_number()) {
      return "Could not cast message attribute '" + name + "' value to number.";
    }
    if (t.rfind("String.Array", 0) == 0 && !core::ParseBounded(v).is_array()) {
      return "The message attribute '" + name + "' with type 'String.Array' must use field 'String'.";
    }
    bytes += name.size() + t.size() + v.size();
  }
  return "";
}

std::string HexToken(core::Rng& rng) {
  // SNS tokens are long lower-case hex strings; 128 characters here.
  std::string out;
  char buf[17];
  for (int i = 0; i < 8; ++i) {
    std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(rng.NextU64()));
    out += buf;
  }
  return out;
}

}  // namespace

std::unique_ptr<Service> TopicConfig::CreateService() const { return std::make_unique<TopicService>(this); }

std::vector<Wire> TopicConfig::Wires() const {
  std::vector<Wire> wires;
  for (const SubscriptionSpec& s : subscriptions) {
    std::string kind;
    if (s.protocol == Protocol::kLambda) kind = "function";
    else if (s.protocol == Protocol::kSqs) kind = "queue";
    else if (s.protocol == Protocol::kHttp || s.protocol == Protocol::kHttps) kind = "endpoint";
    if (!kind.empty()) wires.push_back({Address(kind, s.endpoint), std::string("subscription (") + ProtocolName(s.protocol) + ")"});
    if (!s.dead_letter_queue.empty()) wires.push_back({Address("queue", s.dead_letter_queue), "dead-letter queue"});
  }
  return wires;
}

TopicService::TopicService(const TopicConfig* config) : config_(config) {
  for (size_t i = 0; i < config_->subscriptions.size(); ++i) {
    Subscription s;
    // Declared subscriptions exist before the run: their ids come from the topic's name alone.
    core::Rng rng = core::Rng::ForComponent(0, "topic:" + config_->name + "/subscription:" + std::to_string(i));
    s.id = core::NewUuid(rng);
    s.spec = config_->subscriptions[i];
    s.declared = true;
    s.status = s.spec.confirmed ? SubscriptionStatus::kConfirmed : SubscriptionStatus::kPendingConfirmation;
    store_.subscriptions.push_back(std::move(s));
  }
}

std::string TopicService::ArnOf(ServiceContext& ctx) {
  if (topic_arn_.empty()) {
    topic_arn_ = TopicArn(ctx.env(), config_->name);
    for (Subscription& s : store_.subscriptions) s.arn = topic_arn_ + ":" + s.id;
  }
  return topic_arn_;
}

void TopicService::Deliver(ServiceContext& ctx, const core::Event& event) {
  ArnOf(ctx);
  if (event.kind == "sns.publish") Publish(ctx, event);
  else if (event.kind == "sns.subscribe") Subscribe(ctx, event);
  else if (event.kind == "sns.confirm_subscription") Reply(ctx, event, ConfirmSubscription(ctx, event.payload.value("token", "")));
  else if (event.kind == "http.request") SubscribeUrlVisited(ctx, event);
  else if (event.kind == "sns.retry") RetryTimer(ctx, event);
  else if (event.kind == "sns.email" || event.kind == "sns.sms") InboxArrived(ctx, event);
  else if (event.reply_to) DeliveryReplied(ctx, event);
}

void TopicService::Publish(ServiceContext& ctx, const core::Event& event) {
  const Json& p = event.payload.is_object() ? event.payload : Json::object();
  PublishedMessage m;
  const Json message = p.value("message", Json());
  if (message.is_null()) {
    ++store_.rejected;
    return Reply(ctx, event, InvalidParameter("Invalid parameter: Message"));
  }
  // A message is text; structured messages are sent as their JSON text, as SDKs do.
  m.message = core::IsSyntheticBody(message) || message.is_string() ? message : Json(core::DumpText(message));
  if (m.message.is_string() && m.message.get<std::string>().empty()) {
    ++store_.rejected;
    return Reply(ctx, event, InvalidParameter("Invalid parameter: Empty message"));
  }
  if (p.contains("subject")) {
    if (!p["subject"].is_string() || !ValidSubject(p["subject"].get<std::string>())) {
      ++store_.rejected;
      return Reply(ctx, event, InvalidParameter("Invalid parameter: Subject"));
    }
    m.subject = p["subject"].get<std::string>();
  }
  uint64_t bytes = core::BodySize(m.message);
  if (p.contains("message_attributes")) {
    if (auto why = CheckAttributes(p["message_attributes"], bytes); !why.empty()) {
      ++store_.rejected;
      return Reply(ctx, event, core::Error{"InvalidParameterValue", why, 400});
    }
    m.attributes = p["message_attributes"];
  }
  // 256 KiB for the message and its attributes together (SNS API reference, Publish: "at most
  // 256 KB in size (262,144 bytes, not 262,144 characters)"). SNS answers InvalidParameter
  // "Invalid parameter: Message too long".
  if (bytes > ctx.env().limits.topic_message_bytes) {
    ++store_.rejected;
    return Reply(ctx, event, InvalidParameter("Invalid parameter: Message too long"));
  }
  m.id = core::NewUuid(ctx.kernel.RngFor(Self()));
  m.timestamp_us = ctx.NowEpochUs();
  m.publisher = event.from;
  ++store_.published;
  Reply(ctx, event, Json{{"MessageId", m.id}});
  store_.message_order.push_back(m.id);
  const PublishedMessage& stored = store_.messages[m.id] = std::move(m);
  FanOut(ctx, stored);
}

void TopicService::Subscribe(ServiceContext& ctx, const core::Event& event) {
  std::vector<SpecProblem> problems;
  Json args = event.payload.is_object() ? event.payload : Json::object();
  SubscriptionSpec spec = ParseSubscriptionSpec(args, /*allow_confirmed=*/false, problems);
  if (!problems.empty()) {
    const std::string& why = problems[0].message;
    return Reply(ctx, event, InvalidParameter(why.rfind("Invalid parameter", 0) == 0 ? why : "Invalid parameter: " + problems[0].key + ": " + why));
  }
  const char* kind = spec.protocol == Protocol::kLambda ? "function"
                     : spec.protocol == Protocol::kSqs ? "queue"
                     : spec.protocol == Protocol::kHttp || spec.protocol == Protocol::kHttps ? "endpoint"
                                                                                          : nullptr;
  if (kind && !ctx.config.Has(kind, spec.endpoint)) {
    return Reply(ctx, event, InvalidParameter("Invalid parameter: Endpoint (no " + std::string(kind) + " \"" + spec.endpoint + "\")"));
  }
  if (!spec.dead_letter_queue.empty() && !ctx.config.Has("queue", spec.dead_letter_queue)) {
    return Reply(ctx, event, InvalidParameter("Invalid parameter: RedrivePolicy: deadLetterTargetArn: no queue \"" +
                                              spec.dead_letter_queue + "\""));
  }
  // Subscribing an endpoint again returns the existing subscription; a pending one gets a fresh
  // confirmation message.
  for (uint32_t i = 0; i < store_.subscriptions.size(); ++i) {
    Subscription& s = store_.subscriptions[i];
    if (s.spec.protocol != spec.protocol || s.spec.endpoint != spec.endpoint) continue;
    if (s.status == SubscriptionStatus::kConfirmed) return Reply(ctx, event, Json{{"SubscriptionArn", s.arn}});
    Reply(ctx, event, Json{{"SubscriptionArn", "pending confirmation"}});
    return SendConfirmation(ctx, i);
  }
  Subscription s;
  s.id = core::NewUuid(ctx.kernel.RngFor(Self()));
  s.arn = topic_arn_ + ":" + s.id;
  s.spec = std::move(spec);
  const Protocol proto = s.spec.protocol;
  const bool needs_confirmation = proto == Protocol::kHttp || proto == Protocol::kHttps || proto == Protocol::kEmail ||
                                  proto == Protocol::kEmailJson;
  s.status = needs_confirmation ? SubscriptionStatus::kPendingConfirmation : SubscriptionStatus::kConfirmed;
  const std::string arn = s.arn;
  store_.subscriptions.push_back(std::move(s));
  Reply(ctx, event, Json{{"SubscriptionArn", needs_confirmation ? "pending confirmation" : arn}});
  if (needs_confirmation) SendConfirmation(ctx, static_cast<uint32_t>(store_.subscriptions.size() - 1));
}

void TopicService::SendConfirmation(ServiceContext& ctx, uint32_t index) {
  Subscription& s = store_.subscriptions[index];
  core::Rng& rng = ctx.kernel.RngFor(Self());
  s.token = HexToken(rng);
  s.token_expires_us = ctx.kernel.Now().us + kTokenValidity.us;
  const std::string message_id = core::NewUuid(rng);
  core::EventSpec e;
  e.delay = HopDelay(ctx, Self());
  e.from = Self();
  if (s.spec.protocol == Protocol::kEmail || s.spec.protocol == Protocol::kEmailJson) {
    // The confirmation email; nobody clicks it in the simulation (see the scenario format).
    e.to = Self();
    e.kind = "sns.email";
    e.payload = {{"to", s.spec.endpoint}, {"message_id", message_id},
                 {"subject", "AWS Notification - Subscription Confirmation"},
                 {"body", "You have chosen to subscribe to the topic: \n" + topic_arn_ +
                              "\n\nTo confirm this subscription, click or visit the link below (If this was in error no "
                              "action is necessary): \nConfirm subscription: " +
                              SubscribeUrl(ctx.env(), topic_arn_, s.token)}};
    ctx.kernel.Schedule(std::move(e));
    return;
  }
  const auto* endpoint = ctx.config.Find<endpoints::EndpointConfig>(s.spec.endpoint);
  e.to = Address("endpoint", s.spec.endpoint);
  e.kind = "http.request";
  e.payload = {{"method", "POST"},
               {"url", endpoint ? endpoint->url : ""},
               {"host", endpoint ? endpoint->host_name : ""},
               {"path", "/"},
               {"query", Json::object()},
               {"headers",
                {{"x-amz-sns-message-type", "SubscriptionConfirmation"},
                 {"x-amz-sns-message-id", message_id},
                 {"x-amz-sns-topic-arn", topic_arn_},
                 {"Content-Type", "text/plain; charset=UTF-8"},
                 {"User-Agent", "Amazon Simple Notification Service Agent"}}},
               {"body", ConfirmationJson(ctx.env(), topic_arn_, message_id, s.token, ctx.NowEpochUs())}};
  if (endpoint) {
    const size_t slash = endpoint->url.find('/', endpoint->url.find("://") + 3);
    e.payload["path"] = slash == std::string::npos ? "/" : endpoint->url.substr(slash);
  }
  ctx.kernel.Schedule(std::move(e));
}

core::Result<Json> TopicService::ConfirmSubscription(ServiceContext& ctx, const std::string& token) {
  for (Subscription& s : store_.subscriptions) {
    if (token.empty() || s.token != token) continue;
    if (s.status == SubscriptionStatus::kConfirmed) return Json{{"SubscriptionArn", s.arn}};
    if (ctx.kernel.Now().us > s.token_expires_us) break;
    s.status = SubscriptionStatus::kConfirmed;
    return Json{{"SubscriptionArn", s.arn}};
  }
  return InvalidParameter("Invalid token");
}

void TopicService::SubscribeUrlVisited(ServiceContext& ctx, const core::Event& event) {
  const Json query = event.payload.value("query", Json::object());
  const std::string action = query.value("Action", "");
  core::Result<Json> result = core::Error{"InvalidAction", "The action " + action + " is not valid for this web service.", 400};
  if (action == "ConfirmSubscription") {
    result = query.value("TopicArn", "") == topic_arn_ ? ConfirmSubscription(ctx, query.value("Token", ""))
                                                       : core::Result<Json>(core::Error{"NotFound", "Topic does not exist", 404});
  }
  // The query API answers XML (SNS API reference, ConfirmSubscription response).
  const std::string request_id = core::NewUuid(ctx.kernel.RngFor(Self()));
  std::string body;
  int status = 200;
  if (result.ok()) {
    body = "<ConfirmSubscriptionResponse xmlns=\"http://sns.amazonaws.com/doc/2010-03-31/\"><ConfirmSubscriptionResult>"
           "<SubscriptionArn>" + result.value()["SubscriptionArn"].get<std::string>() +
           "</SubscriptionArn></ConfirmSubscriptionResult><ResponseMetadata><RequestId>" + request_id +
           "</RequestId></ResponseMetadata></ConfirmSubscriptionResponse>";
  } else {
    status = result.error().status;
    body = "<ErrorResponse xmlns=\"http://sns.amazonaws.com/doc/2010-03-31/\"><Error><Type>Sender</Type><Code>" +
           result.error().code + "</Code><Message>" + result.error().message + "</Message></Error><RequestId>" +
           request_id + "</RequestId></ErrorResponse>";
  }
  Reply(ctx, event, Json{{"statusCode", status}, {"headers", {{"Content-Type", "text/xml"}}}, {"body", body}});
}

Json TopicService::State() const {
  Json subs = Json::array();
  for (const Subscription& s : store_.subscriptions) {
    subs.push_back({{"arn", s.arn.empty() ? Json(nullptr) : Json(s.arn)},
                    {"protocol", ProtocolName(s.spec.protocol)},
                    {"endpoint", s.spec.endpoint},
                    {"status", s.status == SubscriptionStatus::kConfirmed ? "Confirmed" : "PendingConfirmation"},
                    {"declared", s.declared},
                    {"filter_policy", s.spec.filter_policy ? *s.spec.filter_policy : Json(nullptr)},
                    {"filter_policy_scope", s.spec.filter_scope == FilterScope::kMessageBody ? "MessageBody" : "MessageAttributes"},
                    {"raw_message_delivery", s.spec.raw_message_delivery},
                    {"dead_letter_queue", s.spec.dead_letter_queue.empty() ? Json(nullptr) : Json(s.spec.dead_letter_queue)},
                    {"matched", s.matched},
                    {"filtered", s.filtered}});
  }
  Json deliveries = Json::array();
  for (const auto& [id, d] : store_.deliveries) {
    deliveries.push_back({{"id", id}, {"message_id", d.message_id}, {"subscription", d.subscription},
                          {"attempts", d.attempts}, {"status", DeliveryStatusName(d.status)},
                          {"last_error", d.last_error.empty() ? Json(nullptr) : Json(d.last_error)},
                          {"next_attempt_us", d.status == DeliveryStatus::kRetrying ? Json(d.next_attempt_us) : Json(nullptr)}});
  }
  for (size_t i = 0; i < subs.size(); ++i) {
    Json counts = {{"in_flight", 0}, {"retrying", 0}, {"delivered", 0}, {"dead_lettered", 0}, {"discarded", 0}};
    for (const auto& [id, d] : store_.deliveries) {
      if (d.subscription == i) counts[DeliveryStatusName(d.status)] = counts[DeliveryStatusName(d.status)].get<uint64_t>() + 1;
    }
    subs[i]["counts"] = counts;
  }
  Json messages = Json::array();
  for (const std::string& id : store_.message_order) {
    const PublishedMessage& m = store_.messages.at(id);
    messages.push_back({{"id", id}, {"message", m.message}, {"subject", m.subject ? Json(*m.subject) : Json(nullptr)},
                        {"attributes", m.attributes}, {"timestamp_us", m.timestamp_us}, {"publisher", m.publisher}});
  }
  auto inbox = [](const std::map<std::string, std::vector<InboxMessage>>& boxes, bool email) {
    Json out = Json::object();
    for (const auto& [address, list] : boxes) {
      Json items = Json::array();
      for (const InboxMessage& x : list) {
        Json item = {{"time_us", x.time_us}, {"body", x.body}, {"message_id", x.message_id}};
        if (email) item["subject"] = x.subject;
        items.push_back(std::move(item));
      }
      out[address] = std::move(items);
    }
    return out;
  };
  return {{"kind", "topic"},
          {"arn", topic_arn_.empty() ? Json(nullptr) : Json(topic_arn_)},
          {"subscriptions", subs},
          {"published", store_.published},
          {"rejected", store_.rejected},
          {"messages", messages},
          {"deliveries", deliveries},
          {"email", inbox(store_.email, true)},
          {"sms", inbox(store_.sms, false)}};
}

}  // namespace eventlab::cloud::topics
