// Field names and shapes follow the WebSocket API Lambda proxy integration input as API Gateway
// sends it ($connect, message routes and $disconnect events seen in the Lambda runtimes' event
// fixtures, e.g. aws-lambda-rust-runtime's apigw websocket fixtures).
#include "cloud/websocket/websocket_event.h"
#include "core/json_bounds.h"

#include "cloud/gateway/proxy_event.h"
#include "core/digest.h"

namespace eventlab::cloud::websocket {
namespace {

std::string Base64(const std::string& bytes) {
  static const char kChars[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  size_t i = 0;
  for (; i + 2 < bytes.size(); i += 3) {
    const uint32_t n = (uint8_t(bytes[i]) << 16) | (uint8_t(bytes[i + 1]) << 8) | uint8_t(bytes[i + 2]);
    out += kChars[(n >> 18) & 63];
    out += kChars[(n >> 12) & 63];
    out += kChars[(n >> 6) & 63];
    out += kChars[n & 63];
  }
  const size_t rest = bytes.size() - i;
  if (rest == 1) {
    const uint32_t n = uint8_t(bytes[i]) << 16;
    out += std::string{kChars[(n >> 18) & 63], kChars[(n >> 12) & 63]} + "==";
  } else if (rest == 2) {
    const uint32_t n = (uint8_t(bytes[i]) << 16) | (uint8_t(bytes[i + 1]) << 8);
    out += std::string{kChars[(n >> 18) & 63], kChars[(n >> 12) & 63], kChars[(n >> 6) & 63]} + "=";
  }
  return out;
}

std::string RandomBytes(core::Rng& rng, size_t n) {
  std::string out;
  for (size_t i = 0; i < n; ++i) out += static_cast<char>(rng.Below(256));
  return out;
}

std::string HeaderText(const Json& v) { return v.is_string() ? v.get<std::string>() : core::DumpText(v); }

Json Identity(const Connection& c) {
  return {{"sourceIp", c.source_ip}, {"userAgent", c.user_agent.empty() ? Json(nullptr) : Json(c.user_agent)}};
}

// The requestContext every event carries; callers add what their event type has.
Json Context(const EventInput& in, const char* event_type) {
  return {{"routeKey", in.route_key},
          {"eventType", event_type},
          {"extendedRequestId", in.request_id},
          {"requestTime", gateway::ClfTime(in.now_epoch_us)},
          {"messageDirection", "IN"},
          {"stage", in.api.stage},
          {"connectedAt", (in.env.start_epoch_us + in.connection.connected_at_us) / 1000},
          {"requestTimeEpoch", in.now_epoch_us / 1000},
          {"identity", Identity(in.connection)},
          {"requestId", in.request_id},
          {"domainName", in.api.Host(in.env)},
          {"connectionId", in.connection.id},
          {"apiId", in.api.IdIn(in.env)}};
}

void AddHeader(Json& headers, Json& multi, const std::string& name, const std::string& value) {
  headers[name] = value;
  multi[name] = Json::array({value});
}

}  // namespace

std::string NewConnectionId(core::Rng& rng) { return Base64(RandomBytes(rng, 11)); }

std::string MessageText(const Json& data) {
  if (data.is_string()) return data.get<std::string>();
  return core::DumpText(data);
}

Json BuildConnectEvent(const EventInput& in, const Json& headers_in, const Json& query_in, core::Rng& rng) {
  Json headers = Json::object(), multi = Json::object();
  AddHeader(headers, multi, "Host", in.api.Host(in.env));
  AddHeader(headers, multi, "Sec-WebSocket-Extensions", "permessage-deflate; client_max_window_bits");
  // Sec-WebSocket-Key: base64 of 16 random bytes chosen by the client (RFC 6455 section 4.1).
  AddHeader(headers, multi, "Sec-WebSocket-Key", Base64(RandomBytes(rng, 16)));
  AddHeader(headers, multi, "Sec-WebSocket-Version", "13");
  AddHeader(headers, multi, "X-Forwarded-For", in.connection.source_ip);
  AddHeader(headers, multi, "X-Forwarded-Port", "443");
  AddHeader(headers, multi, "X-Forwarded-Proto", "https");
  if (headers_in.is_object()) {
    for (const auto& [name, value] : headers_in.items()) {
      if (value.is_array()) {
        Json list = Json::array();
        std::string joined;
        for (const Json& v : value) {
          list.push_back(HeaderText(v));
          joined += (joined.empty() ? "" : ",") + HeaderText(v);
        }
        headers[name] = joined;
        multi[name] = list;
      } else {
        AddHeader(headers, multi, name, HeaderText(value));
      }
    }
  }
  Json event = {{"headers", headers}, {"multiValueHeaders", multi}, {"requestContext", Context(in, "CONNECT")},
                {"isBase64Encoded", false}};
  if (query_in.is_object() && !query_in.empty()) {
    Json query = Json::object(), multi_query = Json::object();
    for (const auto& [name, value] : query_in.items()) AddHeader(query, multi_query, name, HeaderText(value));
    event["queryStringParameters"] = query;
    event["multiValueQueryStringParameters"] = multi_query;
  }
  return event;
}

Json BuildMessageEvent(const EventInput& in, const std::string& message_id, const std::string& body) {
  Json context = Context(in, "MESSAGE");
  context["messageId"] = message_id;
  return {{"requestContext", context}, {"body", body}, {"isBase64Encoded", false}};
}

Json BuildDisconnectEvent(const EventInput& in, int status_code, const std::string& reason) {
  Json headers = Json::object(), multi = Json::object();
  AddHeader(headers, multi, "Host", in.api.Host(in.env));
  AddHeader(headers, multi, "x-api-key", "");
  AddHeader(headers, multi, "X-Forwarded-For", "");
  AddHeader(headers, multi, "x-restapi", "");
  Json context = Context(in, "DISCONNECT");
  context["disconnectStatusCode"] = status_code;
  context["disconnectReason"] = reason;
  return {{"headers", headers}, {"multiValueHeaders", multi}, {"requestContext", context}, {"isBase64Encoded", false}};
}

std::string SelectRoute(const std::vector<std::string>& path, const std::string& text) {
  Json value = core::ParseBounded(text);
  if (value.is_discarded()) return "";
  for (const std::string& part : path) {
    if (!value.is_object() || !value.contains(part)) return "";
    value = value[part];
  }
  if (value.is_string()) return value.get<std::string>();
  if (value.is_number_integer() || value.is_boolean()) return core::DumpText(value);
  return "";
}

}  // namespace eventlab::cloud::websocket
