// `eventlab sign REQUEST.json`: general SigV4 query signing of a request described as AWS's
// signing test suite describes one (a request and a context), printing every intermediate step so
// the suite's expected files can be compared with it.
#include <iostream>

#include "cli/args.h"
#include "cli/commands.h"
#include "cloud/storage/sigv4_query.h"
#include "core/json_bounds.h"
#include "core/sim_time.h"

namespace eventlab::cli {
namespace {

using core::Json;

constexpr const char* kUsage =
    "usage: eventlab sign REQUEST.json\n"
    "  signs a request with AWS Signature Version 4 query parameters (any service) and prints the\n"
    "  canonical request, the string to sign, the signature and the signed URL. REQUEST.json:\n"
    "  {\"request\": {\"method\", \"host\", \"path\", \"query\"?: [[name, value]], \"headers\"?: [[name, value]],\n"
    "               \"body\"?},\n"
    "   \"context\": {\"credentials\": {\"access_key_id\", \"secret_access_key\", \"token\"?}, \"region\",\n"
    "               \"service\", \"timestamp\": \"2015-08-30T12:36:00Z\", \"expiration_in_seconds\"?: 3600,\n"
    "               \"normalize\"?: true, \"sign_body\"?: false, \"signed_body_value\"?, \"omit_session_token\"?}}\n"
    "  (the fields of awslabs/aws-c-auth's signing test suite). S3 paths are neither normalised\n"
    "  nor encoded twice.\n";

// Reads `obj[key]` as a string into *out; "" when absent and optional. Errors name the field.
bool ReadString(const Json& obj, const std::string& where, const char* key, bool required, std::string* out, std::string* why) {
  if (!obj.contains(key)) {
    if (required) *why = where + "." + key + ": missing";
    return !required;
  }
  if (!obj[key].is_string()) return *why = where + "." + key + ": expected a string", false;
  *out = obj[key].get<std::string>();
  return true;
}

bool ReadBool(const Json& obj, const std::string& where, const char* key, bool* out, std::string* why) {
  if (!obj.contains(key)) return true;
  if (!obj[key].is_boolean()) return *why = where + "." + key + ": expected true or false", false;
  *out = obj[key].get<bool>();
  return true;
}

bool ReadPairs(const Json& obj, const std::string& where, const char* key, std::vector<std::pair<std::string, std::string>>* out,
               std::string* why) {
  if (!obj.contains(key)) return true;
  const Json& list = obj[key];
  if (!list.is_array()) return *why = where + "." + key + ": expected an array of [name, value] pairs", false;
  for (size_t i = 0; i < list.size(); ++i) {
    const Json& p = list[i];
    if (!p.is_array() || p.size() != 2 || !p[0].is_string() || !p[1].is_string()) {
      return *why = where + "." + key + "[" + std::to_string(i) + "]: expected [name, value] strings", false;
    }
    out->push_back({p[0].get<std::string>(), p[1].get<std::string>()});
  }
  return true;
}

bool ReadInput(const Json& doc, cloud::storage::SigV4QueryInput* in, std::string* host, std::string* why) {
  if (!doc.is_object() || !doc.contains("request") || !doc["request"].is_object() || !doc.contains("context") ||
      !doc["context"].is_object()) {
    return *why = "expected an object with \"request\" and \"context\" objects", false;
  }
  const Json& r = doc["request"];
  const Json& c = doc["context"];
  if (!ReadString(r, "request", "method", true, &in->method, why) || !ReadString(r, "request", "host", true, host, why) ||
      !ReadString(r, "request", "path", true, &in->path, why) || !ReadString(r, "request", "body", false, &in->body, why) ||
      !ReadPairs(r, "request", "query", &in->query, why) || !ReadPairs(r, "request", "headers", &in->headers, why)) {
    return false;
  }
  bool has_host = false;
  for (const auto& header : in->headers) has_host = has_host || header.first == "host" || header.first == "Host" || header.first == "HOST";
  if (!has_host) in->headers.insert(in->headers.begin(), {"host", *host});
  if (!c.contains("credentials") || !c["credentials"].is_object()) return *why = "context.credentials: expected an object", false;
  const Json& cred = c["credentials"];
  std::string timestamp;
  if (!ReadString(cred, "context.credentials", "access_key_id", true, &in->access_key_id, why) ||
      !ReadString(cred, "context.credentials", "secret_access_key", true, &in->secret_access_key, why) ||
      !ReadString(cred, "context.credentials", "token", false, &in->session_token, why) ||
      !ReadString(c, "context", "region", true, &in->region, why) || !ReadString(c, "context", "service", true, &in->service, why) ||
      !ReadString(c, "context", "timestamp", true, &timestamp, why) || !ReadBool(c, "context", "normalize", &in->normalize, why) ||
      !ReadBool(c, "context", "sign_body", &in->sign_body, why) ||
      !ReadBool(c, "context", "omit_session_token", &in->omit_session_token, why)) {
    return false;
  }
  auto epoch_us = core::ParseIsoUtc(timestamp);
  if (!epoch_us) return *why = "context.timestamp: expected ISO 8601 UTC like 2015-08-30T12:36:00Z", false;
  in->epoch_s = *epoch_us / 1000000;
  if (c.contains("signed_body_value")) {
    std::string v;
    if (!ReadString(c, "context", "signed_body_value", true, &v, why)) return false;
    in->signed_body_value = v;
  }
  if (c.contains("expiration_in_seconds")) {
    const Json& e = c["expiration_in_seconds"];
    // Presigned URLs last 1 second to 7 days (SigV4 query authentication, X-Amz-Expires).
    if (!e.is_number_integer() || e.get<int64_t>() < 1 || e.get<int64_t>() > 604800) {
      return *why = "context.expiration_in_seconds: expected an integer from 1 to 604800", false;
    }
    in->expires_seconds = e.get<int64_t>();
  }
  // S3 signs the path as it is; every other service normalises it and encodes it twice.
  in->double_encode = in->service != "s3";
  if (in->service == "s3") in->normalize = false;
  return true;
}

}  // namespace

int SignCommand(const std::vector<std::string>& args) {
  ParsedArgs a = ParseArgs(args, {});
  if (a.help) {
    std::cout << kUsage;
    return kExitOk;
  }
  if (!a.error.empty() || a.positional.size() != 1) {
    std::cerr << "eventlab sign: " << (a.error.empty() ? "expected one REQUEST.json" : a.error) << "\n\n" << kUsage;
    return kExitUsage;
  }
  std::string text;
  if (!ReadFile(a.positional[0], &text)) {
    std::cerr << "eventlab sign: cannot read " << a.positional[0] << "\n";
    return kExitInvalidInput;
  }
  const Json doc = core::ParseBounded(text);
  if (doc.is_discarded()) {
    std::cerr << a.positional[0] << ": not valid JSON\n";
    return kExitInvalidInput;
  }
  cloud::storage::SigV4QueryInput in;
  std::string host, why;
  if (!ReadInput(doc, &in, &host, &why)) {
    std::cerr << a.positional[0] << ": " << why << "\n";
    return kExitInvalidInput;
  }
  const cloud::storage::SigV4QueryOutput out = cloud::storage::SignQuery(in);
  std::cout << "# canonical request\n" << out.canonical_request << "\n\n# string to sign\n" << out.string_to_sign
            << "\n\n# signature\n" << out.signature << "\n\n# url\nhttps://" << host << in.path << "?" << out.query_string << "\n";
  return kExitOk;
}

}  // namespace eventlab::cli
