// Formats from the SNS developer guide ("Parsing message formats": HTTP/HTTPS headers,
// subscription confirmation and notification JSON) and the Lambda developer guide ("Using Lambda
// with Amazon SNS", example event). Bodies are built with ordered JSON so keys keep SNS's order.
#include "cloud/topics/sns_formats.h"
#include "core/json_bounds.h"

#include "core/digest.h"
#include "core/sim_time.h"

namespace eventlab::cloud::topics {
namespace {

using Ordered = nlohmann::ordered_json;

std::string SnsHost(const Environment& env) { return "https://sns." + env.region + ".amazonaws.com"; }

}  // namespace

std::string TopicArn(const Environment& env, const std::string& topic) {
  return "arn:aws:sns:" + env.region + ":" + env.account + ":" + topic;
}

std::string SigningCertUrl(const Environment& env) {
  return SnsHost(env) + "/SimpleNotificationService-" + core::Md5Hex("signing-cert:" + env.region) + ".pem";
}

std::string UnsubscribeUrl(const Environment& env, const std::string& subscription_arn) {
  return SnsHost(env) + "/?Action=Unsubscribe&SubscriptionArn=" + subscription_arn;
}

std::string SubscribeUrl(const Environment& env, const std::string& topic_arn, const std::string& token) {
  return SnsHost(env) + "/?Action=ConfirmSubscription&TopicArn=" + topic_arn + "&Token=" + token;
}

std::string PlaceholderSignature(const std::string& string_to_sign) { return "SIMULATED-" + core::Md5Hex(string_to_sign); }

std::string MessageText(const Json& message) { return message.is_string() ? message.get<std::string>() : core::DumpText(message); }

Json NotificationAttributes(const Json& attributes) {
  Json out = Json::object();
  if (!attributes.is_object()) return out;
  for (auto it = attributes.begin(); it != attributes.end(); ++it) {
    const Json& a = it.value();
    const std::string type = a.value("DataType", "String");
    const Json value = a.contains("StringValue") ? a["StringValue"] : a.value("BinaryValue", Json(""));
    out[it.key()] = {{"Type", type}, {"Value", value}};
  }
  return out;
}

namespace {

// The fields a notification signs (SNS signature version 1 string-to-sign order), here only to
// derive the placeholder.
std::string NotificationSignature(const std::string& topic_arn, const PublishedMessage& m, const std::string& timestamp) {
  std::string s = "Message\n" + MessageText(m.message) + "\nMessageId\n" + m.id + "\n";
  if (m.subject) s += "Subject\n" + *m.subject + "\n";
  return PlaceholderSignature(s + "Timestamp\n" + timestamp + "\nTopicArn\n" + topic_arn + "\nType\nNotification\n");
}

}  // namespace

std::string NotificationJson(const Environment& env, const std::string& topic_arn, const std::string& subscription_arn,
                             const PublishedMessage& m) {
  const std::string timestamp = core::FormatIsoUtc(m.timestamp_us);
  Ordered doc;
  doc["Type"] = "Notification";
  doc["MessageId"] = m.id;
  doc["TopicArn"] = topic_arn;
  if (m.subject) doc["Subject"] = *m.subject;
  doc["Message"] = MessageText(m.message);
  doc["Timestamp"] = timestamp;
  doc["SignatureVersion"] = "1";
  doc["Signature"] = NotificationSignature(topic_arn, m, timestamp);
  doc["SigningCertURL"] = SigningCertUrl(env);
  doc["UnsubscribeURL"] = UnsubscribeUrl(env, subscription_arn);
  if (m.attributes.is_object() && !m.attributes.empty()) {
    Ordered attrs = Ordered::object();
    for (auto it = m.attributes.begin(); it != m.attributes.end(); ++it) {
      Json a = NotificationAttributes(Json{{it.key(), it.value()}})[it.key()];
      attrs[it.key()] = Ordered{{"Type", a["Type"]}, {"Value", a["Value"]}};
    }
    doc["MessageAttributes"] = attrs;
  }
  return core::DumpText(doc);
}

std::string ConfirmationJson(const Environment& env, const std::string& topic_arn, const std::string& message_id,
                             const std::string& token, int64_t timestamp_us) {
  const std::string timestamp = core::FormatIsoUtc(timestamp_us);
  const std::string message = "You have chosen to subscribe to the topic " + topic_arn +
                              ".\nTo confirm the subscription, visit the SubscribeURL included in this message.";
  const std::string url = SubscribeUrl(env, topic_arn, token);
  Ordered doc;
  doc["Type"] = "SubscriptionConfirmation";
  doc["MessageId"] = message_id;
  doc["Token"] = token;
  doc["TopicArn"] = topic_arn;
  doc["Message"] = message;
  doc["SubscribeURL"] = url;
  doc["Timestamp"] = timestamp;
  doc["SignatureVersion"] = "1";
  doc["Signature"] = PlaceholderSignature("Message\n" + message + "\nMessageId\n" + message_id + "\nSubscribeURL\n" + url +
                                          "\nTimestamp\n" + timestamp + "\nToken\n" + token + "\nTopicArn\n" + topic_arn +
                                          "\nType\nSubscriptionConfirmation\n");
  doc["SigningCertURL"] = SigningCertUrl(env);
  return core::DumpText(doc);
}

Json LambdaEvent(const Environment& env, const std::string& topic_arn, const std::string& subscription_arn,
                 const PublishedMessage& m) {
  const std::string timestamp = core::FormatIsoUtc(m.timestamp_us);
  Json sns = {{"Type", "Notification"},
              {"MessageId", m.id},
              {"TopicArn", topic_arn},
              {"Subject", m.subject ? Json(*m.subject) : Json(nullptr)},
              {"Message", m.message},
              {"Timestamp", timestamp},
              {"SignatureVersion", "1"},
              {"Signature", NotificationSignature(topic_arn, m, timestamp)},
              {"SigningCertUrl", SigningCertUrl(env)},
              {"UnsubscribeUrl", UnsubscribeUrl(env, subscription_arn)},
              {"MessageAttributes", NotificationAttributes(m.attributes)}};
  Json record = {{"EventSource", "aws:sns"}, {"EventVersion", "1.0"}, {"EventSubscriptionArn", subscription_arn}, {"Sns", sns}};
  return {{"Records", Json::array({record})}};
}

std::string EmailBody(const Environment& env, const std::string& subscription_arn, const PublishedMessage& m) {
  return MessageText(m.message) +
         "\n\n--\nIf you wish to stop receiving notifications from this topic, please click or visit the link below to "
         "unsubscribe:\n" +
         UnsubscribeUrl(env, subscription_arn) +
         "\n\nPlease do not reply directly to this email. If you have any questions or comments regarding this email, "
         "please contact us at https://aws.amazon.com/support";
}

}  // namespace eventlab::cloud::topics
