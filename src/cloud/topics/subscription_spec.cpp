// Subscription settings shared by the scenario loader and sns.subscribe: protocol and endpoint,
// filter policy, raw delivery, redrive policy (dead-letter queue) and the HTTP/S delivery policy.
#include <set>

#include "cloud/topics/topic_models.h"
#include "core/json_bounds.h"

namespace eventlab::cloud::topics {
namespace {

void Problem(std::vector<SpecProblem>& out, const std::string& key, std::string message) {
  out.push_back({key, std::move(message)});
}

bool IsPhoneNumber(const std::string& s) {
  // E.164: '+' then up to 15 digits (SNS developer guide, SMS: phone numbers in E.164 format).
  if (s.size() < 8 || s.size() > 16 || s[0] != '+') return false;
  return s.find_first_not_of("0123456789", 1) == std::string::npos;
}

std::optional<uint32_t> ReadCount(const Json& obj, const char* key, uint32_t max, uint32_t fallback, const std::string& path,
                                  std::vector<SpecProblem>& problems) {
  if (!obj.contains(key)) return fallback;
  const Json& v = obj[key];
  if (!v.is_number_unsigned() && !(v.is_number_integer() && v.get<int64_t>() >= 0)) {
    Problem(problems, path + "/" + key, "expected a whole number from 0 to " + std::to_string(max));
    return std::nullopt;
  }
  if (v.get<uint64_t>() > max) {
    Problem(problems, path + "/" + key, "must be from 0 to " + std::to_string(max));
    return std::nullopt;
  }
  return static_cast<uint32_t>(v.get<uint64_t>());
}

// HTTP/S delivery policy (SNS developer guide, "Creating an HTTP/S delivery policy"): numRetries
// 0 to 100, delays in seconds up to 3,600, and a total retry time of at most 3,600 s.
std::optional<RetryPolicy> ReadDeliveryPolicy(const Json& d, std::vector<SpecProblem>& problems) {
  const std::string path = "delivery_policy";
  if (!d.is_object()) {
    Problem(problems, path, "expected an object such as {\"num_retries\": 3, \"min_delay_target\": 20}");
    return std::nullopt;
  }
  static const std::set<std::string> kKeys = {"num_retries", "num_no_delay_retries", "num_min_delay_retries",
                                              "num_max_delay_retries", "min_delay_target", "max_delay_target",
                                              "backoff_function"};
  for (auto it = d.begin(); it != d.end(); ++it) {
    if (!kKeys.count(it.key())) Problem(problems, path + "/" + it.key(), "unknown key");
  }
  RetryPolicy p = DefaultHttpPolicy();
  const size_t before = problems.size();
  if (auto v = ReadCount(d, "num_retries", 100, p.num_retries, path, problems)) p.num_retries = *v;
  if (auto v = ReadCount(d, "num_no_delay_retries", 100, 0, path, problems)) p.num_no_delay_retries = *v;
  if (auto v = ReadCount(d, "num_min_delay_retries", 100, 0, path, problems)) p.num_min_delay_retries = *v;
  if (auto v = ReadCount(d, "num_max_delay_retries", 100, 0, path, problems)) p.num_max_delay_retries = *v;
  if (auto v = ReadCount(d, "min_delay_target", kMaxHttpRetrySeconds, p.min_delay_s, path, problems)) p.min_delay_s = *v;
  if (auto v = ReadCount(d, "max_delay_target", kMaxHttpRetrySeconds, p.max_delay_s, path, problems)) p.max_delay_s = *v;
  if (d.contains("backoff_function")) {
    auto b = d["backoff_function"].is_string() ? ParseBackoff(d["backoff_function"].get<std::string>()) : std::nullopt;
    if (b) p.backoff = *b;
    else Problem(problems, path + "/backoff_function", "expected \"linear\", \"arithmetic\", \"geometric\" or \"exponential\"");
  }
  if (problems.size() != before) return std::nullopt;
  if (p.min_delay_s > p.max_delay_s) {
    Problem(problems, path, "Invalid parameter: DeliveryPolicy: minDelayTarget must be less than or equal to maxDelayTarget");
    return std::nullopt;
  }
  if (p.num_no_delay_retries + p.num_min_delay_retries + p.num_max_delay_retries > p.num_retries) {
    Problem(problems, path, "Invalid parameter: DeliveryPolicy: numRetries must be at least the sum of the phase retries");
    return std::nullopt;
  }
  if (TotalRetryTime(p).us > kMaxHttpRetrySeconds * 1000000) {
    Problem(problems, path, "Invalid parameter: DeliveryPolicy: total retry time must not exceed 3600 seconds");
    return std::nullopt;
  }
  return p;
}

}  // namespace

std::optional<Protocol> ParseProtocol(const std::string& name) {
  if (name == "lambda") return Protocol::kLambda;
  if (name == "sqs") return Protocol::kSqs;
  if (name == "http") return Protocol::kHttp;
  if (name == "https") return Protocol::kHttps;
  if (name == "email") return Protocol::kEmail;
  if (name == "email-json") return Protocol::kEmailJson;
  if (name == "sms") return Protocol::kSms;
  return std::nullopt;
}

const char* ProtocolName(Protocol p) {
  switch (p) {
    case Protocol::kLambda: return "lambda";
    case Protocol::kSqs: return "sqs";
    case Protocol::kHttp: return "http";
    case Protocol::kHttps: return "https";
    case Protocol::kEmail: return "email";
    case Protocol::kEmailJson: return "email-json";
    case Protocol::kSms: return "sms";
  }
  return "?";
}

RetryPolicy EffectiveRetryPolicy(const SubscriptionSpec& s) {
  switch (s.protocol) {
    case Protocol::kLambda:
    case Protocol::kSqs: return AwsManagedPolicy();
    case Protocol::kHttp:
    case Protocol::kHttps: return s.delivery_policy ? *s.delivery_policy : DefaultHttpPolicy();
    default: return CustomerManagedPolicy();
  }
}

SubscriptionSpec ParseSubscriptionSpec(const Json& json, bool allow_confirmed, std::vector<SpecProblem>& problems) {
  SubscriptionSpec s;
  if (!json.is_object()) {
    Problem(problems, "", "expected {\"protocol\": \"lambda\", \"endpoint\": \"<function>\", ...}");
    return s;
  }
  static const std::set<std::string> kKeys = {"protocol", "endpoint", "filter_policy", "filter_policy_scope",
                                              "raw_message_delivery", "redrive_policy", "delivery_policy", "confirmed"};
  for (auto it = json.begin(); it != json.end(); ++it) {
    if (!kKeys.count(it.key()) || (it.key() == "confirmed" && !allow_confirmed)) Problem(problems, it.key(), "unknown key");
  }
  const Json protocol = json.value("protocol", Json());
  auto p = protocol.is_string() ? ParseProtocol(protocol.get<std::string>()) : std::nullopt;
  if (!p) {
    // SNS: InvalidParameter "Invalid parameter: Protocol" for an unsupported protocol.
    Problem(problems, "protocol", "Invalid parameter: Protocol (expected lambda, sqs, http, https, email, email-json or sms)");
    return s;
  }
  s.protocol = *p;
  const bool http = s.protocol == Protocol::kHttp || s.protocol == Protocol::kHttps;
  const Json endpoint = json.value("endpoint", Json());
  if (!endpoint.is_string() || endpoint.get<std::string>().empty()) {
    Problem(problems, "endpoint", "Invalid parameter: Endpoint (expected a string)");
  } else {
    s.endpoint = endpoint.get<std::string>();
    if ((s.protocol == Protocol::kEmail || s.protocol == Protocol::kEmailJson) && s.endpoint.find('@') == std::string::npos) {
      Problem(problems, "endpoint", "Invalid parameter: Email address");
    }
    if (s.protocol == Protocol::kSms && !IsPhoneNumber(s.endpoint)) {
      Problem(problems, "endpoint", "Invalid parameter: SMS endpoint (expected E.164, such as +15555550100)");
    }
  }
  if (json.contains("filter_policy_scope")) {
    const Json& v = json["filter_policy_scope"];
    if (v == "MessageAttributes") s.filter_scope = FilterScope::kMessageAttributes;
    else if (v == "MessageBody") s.filter_scope = FilterScope::kMessageBody;
    else Problem(problems, "filter_policy_scope", "expected \"MessageAttributes\" or \"MessageBody\"");
  }
  if (json.contains("filter_policy")) {
    Json policy = json["filter_policy"];
    if (policy.is_string()) policy = core::ParseBounded(policy.get<std::string>());
    if (auto why = ValidateFilterPolicy(policy, s.filter_scope); !why.empty()) {
      Problem(problems, "filter_policy", "Invalid parameter: FilterPolicy: " + why);
    } else {
      s.filter_policy = policy;
    }
  }
  if (json.contains("raw_message_delivery")) {
    if (!json["raw_message_delivery"].is_boolean()) Problem(problems, "raw_message_delivery", "expected true or false");
    else s.raw_message_delivery = json["raw_message_delivery"].get<bool>();
    // RawMessageDelivery applies to SQS and HTTP/S subscriptions (SNS SetSubscriptionAttributes).
    if (s.raw_message_delivery && s.protocol != Protocol::kSqs && !http) {
      Problem(problems, "raw_message_delivery", "Invalid parameter: Attributes Reason: Delivery protocol [" +
                                                    std::string(ProtocolName(s.protocol)) + "] does not support raw message delivery.");
    }
  }
  if (json.contains("redrive_policy")) {
    const Json& r = json["redrive_policy"];
    if (!r.is_object() || !r.contains("dead_letter_queue") || !r["dead_letter_queue"].is_string() || r.size() != 1) {
      Problem(problems, "redrive_policy", "expected {\"dead_letter_queue\": \"<queue name>\"}");
    } else {
      s.dead_letter_queue = r["dead_letter_queue"].get<std::string>();
    }
  }
  if (json.contains("delivery_policy")) {
    // Only HTTP/S takes a custom delivery policy (SNS developer guide, message delivery retries).
    if (!http) Problem(problems, "delivery_policy", "Invalid parameter: DeliveryPolicy: only HTTP/S subscriptions take a delivery policy");
    else s.delivery_policy = ReadDeliveryPolicy(json["delivery_policy"], problems);
  }
  if (json.contains("confirmed") && allow_confirmed) {
    if (!json["confirmed"].is_boolean()) Problem(problems, "confirmed", "expected true or false");
    else if (!http) Problem(problems, "confirmed", "only http and https subscriptions are confirmed by their endpoint");
    else s.confirmed = json["confirmed"].get<bool>();
  }
  return s;
}

}  // namespace eventlab::cloud::topics
