// Field names and shapes follow "Input format of a Lambda function for proxy integration" and
// "Output format of a Lambda function for proxy integration" (API Gateway developer guide,
// Lambda proxy integrations in API Gateway). Absent maps are null, as API Gateway sends them.
#include "cloud/gateway/proxy_event.h"
#include "core/json_bounds.h"

#include <cstdio>

#include "core/digest.h"
#include "core/ids.h"
#include "core/sim_time.h"

namespace eventlab::cloud::gateway {
namespace {

// A header value as text: lists are joined with ',' (that is what "headers" shows for a
// repeated header, while "multiValueHeaders" keeps each value).
std::string HeaderText(const Json& v) {
  if (v.is_string()) return v.get<std::string>();
  if (v.is_array()) {
    std::string out;
    for (const Json& item : v) out += (out.empty() ? "" : ",") + HeaderText(item);
    return out;
  }
  return core::DumpText(v);
}

Json HeaderValues(const Json& v) {
  Json out = Json::array();
  if (v.is_array()) {
    for (const Json& item : v) out.push_back(HeaderText(item));
  } else {
    out.push_back(HeaderText(v));
  }
  return out;
}

std::string Alnum(core::Rng& rng, size_t n, const char* alphabet, uint64_t size) {
  std::string out;
  for (size_t i = 0; i < n; ++i) out += alphabet[rng.Below(size)];
  return out;
}

// API Gateway resource ids are 6 (root: 10) lower-case alphanumerics; stable per resource path.
std::string ResourceId(const std::string& api_id, const std::string& resource_path) {
  static const char kAlphabet[] = "abcdefghijklmnopqrstuvwxyz0123456789";
  uint64_t h = core::Fnv1a64(api_id + " " + resource_path);
  const size_t n = resource_path == "/" ? 10 : 6;
  std::string out;
  for (size_t i = 0; i < n; ++i) {
    out += kAlphabet[h % 36];
    h /= 36;
    if (h == 0) h = core::Fnv1a64(out);
  }
  return out;
}

}  // namespace

std::string ClfTime(int64_t epoch_us) {
  // FormatIsoUtc gives "YYYY-MM-DDTHH:MM:SS.mmmZ"; CLF is "DD/Mon/YYYY:HH:MM:SS +0000".
  static const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  const std::string iso = core::FormatIsoUtc(epoch_us);
  const int month = std::stoi(iso.substr(5, 2));
  return iso.substr(8, 2) + "/" + kMonths[month - 1] + "/" + iso.substr(0, 4) + ":" + iso.substr(11, 8) + " +0000";
}

std::string SourceIpFor(const std::string& caller) {
  return "198.51.100." + std::to_string(core::Fnv1a64(caller) % 254 + 1);
}

Json BuildProxyEvent(const ProxyInput& in, core::Rng& rng) {
  const Json& req = in.request;
  const std::string method = req.value("method", "");
  const std::string host = req.value("host", in.api.Host(in.env));
  const bool is_default = in.match.route->key == "$default";
  // $default is an HTTP API route; for it the resource is the path that was asked for.
  const std::string resource = is_default ? in.path : in.match.route->path;

  Json headers = Json::object();
  Json multi_headers = Json::object();
  headers["Host"] = host;
  multi_headers["Host"] = Json::array({host});
  std::string user_agent;
  if (req.contains("headers") && req["headers"].is_object()) {
    for (const auto& [name, value] : req["headers"].items()) {
      headers[name] = HeaderText(value);
      multi_headers[name] = HeaderValues(value);
      std::string lower;
      for (char c : name) lower += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
      if (lower == "user-agent") user_agent = headers[name].get<std::string>();
    }
  }
  Json query = nullptr, multi_query = nullptr;
  if (req.contains("query") && req["query"].is_object() && !req["query"].empty()) {
    query = Json::object();
    multi_query = Json::object();
    for (const auto& [k, v] : req["query"].items()) {
      query[k] = HeaderText(v);
      multi_query[k] = HeaderValues(v);
    }
  }
  Json path_parameters = nullptr;
  if (!in.match.path_parameters.empty()) {
    path_parameters = Json::object();
    for (const auto& [k, v] : in.match.path_parameters) path_parameters[k] = v;
  }
  Json body = req.contains("body") ? req["body"] : Json(nullptr);
  // The body reaches the function as text; a synthetic body stands for its bytes as it is.
  if (!body.is_null() && !body.is_string() && !core::IsSyntheticBody(body)) body = core::DumpText(body);

  static const char kIdChars[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-";
  Json identity = {{"accessKey", nullptr},
                   {"accountId", nullptr},
                   {"caller", nullptr},
                   {"cognitoAuthenticationProvider", nullptr},
                   {"cognitoAuthenticationType", nullptr},
                   {"cognitoIdentityId", nullptr},
                   {"cognitoIdentityPoolId", nullptr},
                   {"principalOrgId", nullptr},
                   {"sourceIp", in.source_ip},
                   {"user", nullptr},
                   {"userAgent", user_agent.empty() ? Json(nullptr) : Json(user_agent)},
                   {"userArn", nullptr}};
  Json context = {{"accountId", in.env.account},
                  {"apiId", in.api.IdIn(in.env)},
                  {"domainName", host},
                  {"domainPrefix", host.substr(0, host.find('.'))},
                  // extendedRequestId looks like "BQGojGkZoAMFZ-Q=": 15 characters and '='.
                  {"extendedRequestId", Alnum(rng, 15, kIdChars, 63) + "="},
                  {"httpMethod", method},
                  {"identity", identity},
                  // $context.path includes the stage on a REST API's default endpoint.
                  {"path", "/" + in.api.stage + in.path},
                  {"protocol", "HTTP/1.1"},
                  {"requestId", core::NewUuid(rng)},
                  {"requestTime", ClfTime(in.now_epoch_us)},
                  {"requestTimeEpoch", in.now_epoch_us / 1000},
                  {"resourceId", ResourceId(in.api.IdIn(in.env), resource)},
                  {"resourcePath", resource},
                  {"stage", in.api.stage}};
  return {{"resource", resource},
          {"path", in.path},
          {"httpMethod", method},
          {"headers", headers},
          {"multiValueHeaders", multi_headers},
          {"queryStringParameters", query},
          {"multiValueQueryStringParameters", multi_query},
          {"pathParameters", path_parameters},
          {"stageVariables", nullptr},
          {"requestContext", context},
          {"body", body},
          {"isBase64Encoded", false}};
}

core::Result<Json> MapProxyResponse(const Json& response) {
  // API Gateway answers 502 {"message": "Internal server error"} for a malformed Lambda proxy
  // response (the execution log says "Malformed Lambda proxy response").
  const core::Error malformed{"InternalServerErrorException", "Internal server error", 502};
  if (!response.is_object()) return malformed;
  static const char* kAllowed[] = {"statusCode", "headers", "multiValueHeaders", "body", "isBase64Encoded"};
  for (const auto& [key, value] : response.items()) {
    bool known = false;
    for (const char* k : kAllowed) known = known || key == k;
    if (!known) return malformed;
  }
  int64_t status = 200;
  if (response.contains("statusCode")) {
    const Json& s = response["statusCode"];
    if (s.is_number_integer()) status = s.get<int64_t>();
    else if (s.is_string() && !s.get<std::string>().empty() &&
             s.get<std::string>().find_first_not_of("0123456789") == std::string::npos && s.get<std::string>().size() <= 3) {
      status = std::stoll(s.get<std::string>());
    } else {
      return malformed;
    }
  } else {
    return malformed;
  }
  if (status < 100 || status > 599) return malformed;
  Json headers = Json::object();
  if (response.contains("multiValueHeaders") && !response["multiValueHeaders"].is_null()) {
    if (!response["multiValueHeaders"].is_object()) return malformed;
    for (const auto& [k, v] : response["multiValueHeaders"].items()) headers[k] = HeaderText(v);
  }
  if (response.contains("headers") && !response["headers"].is_null()) {
    if (!response["headers"].is_object()) return malformed;
    for (const auto& [k, v] : response["headers"].items()) {
      if (!v.is_string() && !v.is_number() && !v.is_boolean()) return malformed;
      headers[k] = v.is_string() ? v.get<std::string>() : core::DumpText(v);
    }
  }
  Json body = response.contains("body") ? response["body"] : Json("");
  if (body.is_null()) body = "";
  if (!body.is_string() && !core::IsSyntheticBody(body)) return malformed;
  if (response.contains("isBase64Encoded") && !response["isBase64Encoded"].is_boolean()) return malformed;
  return Json{{"statusCode", status}, {"headers", headers}, {"body", body}};
}

}  // namespace eventlab::cloud::gateway
