// SigV4 as documented in the S3 API reference ("Authenticating Requests: Using Query Parameters
// (AWS Signature Version 4)" and "Signature Calculations"), on mbedTLS's SHA-256 and HMAC.
#include "cloud/storage/presign.h"

#include <algorithm>
#include <cstdio>
#include <utility>
#include <vector>

#include <mbedtls/md.h>
#include <mbedtls/sha256.h>

#include "cloud/http/url.h"
#include "core/sim_time.h"

namespace eventlab::cloud::storage {
namespace {

constexpr const char* kAlgorithm = "AWS4-HMAC-SHA256";
constexpr const char* kService = "s3";
constexpr const char* kTerminator = "aws4_request";
constexpr const char* kUnsignedPayload = "UNSIGNED-PAYLOAD";
const char* const kAuthParams[] = {"X-Amz-Algorithm", "X-Amz-Credential", "X-Amz-Date",
                                   "X-Amz-Expires", "X-Amz-SignedHeaders", "X-Amz-Signature"};

std::string Hex(const unsigned char* bytes, size_t n) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  for (size_t i = 0; i < n; ++i) {
    out += kHex[bytes[i] >> 4];
    out += kHex[bytes[i] & 15];
  }
  return out;
}

std::string CanonicalQuery(const std::map<std::string, std::string>& query) {
  std::vector<std::pair<std::string, std::string>> encoded;
  for (const auto& [k, v] : query) encoded.emplace_back(http::UriEncode(k, false), http::UriEncode(v, false));
  std::sort(encoded.begin(), encoded.end());
  std::string out;
  for (const auto& [k, v] : encoded) out += (out.empty() ? "" : "&") + k + "=" + v;
  return out;
}

std::string Scope(const std::string& date, const std::string& region) {
  return date + "/" + region + "/" + kService + "/" + kTerminator;
}

std::string StringToSign(const std::string& amz_date, const std::string& scope, const std::string& canonical_request) {
  return std::string(kAlgorithm) + "\n" + amz_date + "\n" + scope + "\n" + Sha256Hex(canonical_request);
}

core::Error ParamsError(const std::string& message) { return {"AuthorizationQueryParametersError", message, 400}; }

bool AllDigits(const std::string& s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

}  // namespace

std::string Sha256Hex(const std::string& bytes) {
  unsigned char digest[32];
  mbedtls_sha256_ret(reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size(), digest, 0);
  return Hex(digest, sizeof digest);
}

std::string HmacSha256(const std::string& key, const std::string& data) {
  unsigned char mac[32];
  mbedtls_md_hmac(mbedtls_md_info_from_type(MBEDTLS_MD_SHA256), reinterpret_cast<const unsigned char*>(key.data()),
                  key.size(), reinterpret_cast<const unsigned char*>(data.data()), data.size(), mac);
  return std::string(reinterpret_cast<const char*>(mac), sizeof mac);
}

std::string SigningKey(const std::string& secret, const std::string& yyyymmdd, const std::string& region,
                       const std::string& service) {
  const std::string k_date = HmacSha256("AWS4" + secret, yyyymmdd);
  const std::string k_region = HmacSha256(k_date, region);
  const std::string k_service = HmacSha256(k_region, service);
  return HmacSha256(k_service, kTerminator);
}

std::string AmzDate(int64_t epoch_us) {
  const std::string iso = core::FormatIsoUtc(epoch_us);  // YYYY-MM-DDTHH:MM:SS.mmmZ
  return iso.substr(0, 4) + iso.substr(5, 2) + iso.substr(8, 2) + "T" + iso.substr(11, 2) + iso.substr(14, 2) +
         iso.substr(17, 2) + "Z";
}

std::optional<int64_t> ParseAmzDate(const std::string& t) {
  if (t.size() != 16 || t[8] != 'T' || t[15] != 'Z' || !AllDigits(t.substr(0, 8)) || !AllDigits(t.substr(9, 6))) {
    return std::nullopt;
  }
  const std::string iso = t.substr(0, 4) + "-" + t.substr(4, 2) + "-" + t.substr(6, 2) + "T" + t.substr(9, 2) + ":" +
                          t.substr(11, 2) + ":" + t.substr(13, 2) + "Z";
  auto us = core::ParseIsoUtc(iso);
  if (!us || AmzDate(*us) != t) return std::nullopt;  // rejects 2013-02-30 and the like
  return us;
}

std::string BucketHost(const std::string& bucket, const std::string& region) {
  return region == "us-east-1" ? bucket + ".s3.amazonaws.com" : bucket + ".s3." + region + ".amazonaws.com";
}

std::string CanonicalRequest(const std::string& method, const std::string& key,
                             const std::map<std::string, std::string>& query,
                             const std::map<std::string, std::string>& signed_headers) {
  std::string headers, names;
  for (const auto& [name, value] : signed_headers) {
    headers += name + ":" + value + "\n";
    names += (names.empty() ? "" : ";") + name;
  }
  // S3 encodes the key once and keeps '/' (unlike other services, no double encoding).
  return method + "\n/" + http::UriEncode(key, true) + "\n" + CanonicalQuery(query) + "\n" + headers + "\n" + names +
         "\n" + kUnsignedPayload;
}

Presigned Presign(const PresignInput& in) {
  const std::string amz_date = AmzDate(in.epoch_us);
  const std::string date = amz_date.substr(0, 8);
  const std::string scope = Scope(date, in.region);
  const std::map<std::string, std::string> query = {
      {"X-Amz-Algorithm", kAlgorithm},
      {"X-Amz-Credential", in.access_key_id + "/" + scope},
      {"X-Amz-Date", amz_date},
      {"X-Amz-Expires", std::to_string(in.expires_seconds)},
      {"X-Amz-SignedHeaders", "host"}};
  Presigned out;
  out.canonical_request = CanonicalRequest(in.method, in.key, query, {{"host", in.host}});
  out.string_to_sign = StringToSign(amz_date, scope, out.canonical_request);
  const std::string mac = HmacSha256(SigningKey(in.secret_access_key, date, in.region, kService), out.string_to_sign);
  out.signature = Hex(reinterpret_cast<const unsigned char*>(mac.data()), mac.size());
  out.url = "https://" + in.host + "/" + http::UriEncode(in.key, true) + "?" + CanonicalQuery(query) +
            "&X-Amz-Signature=" + out.signature;
  return out;
}

bool HasQueryAuth(const ReceivedRequest& req) {
  for (const char* p : kAuthParams) {
    if (req.query.count(p)) return true;
  }
  return false;
}

core::Result<PresignedParams> ParsePresignedParams(const ReceivedRequest& req, const std::string& expected_region) {
  for (const char* p : kAuthParams) {
    if (!req.query.count(p)) {
      return ParamsError(
          "Query-string authentication version 4 requires the X-Amz-Algorithm, X-Amz-Credential, X-Amz-Signature, "
          "X-Amz-Date, X-Amz-SignedHeaders, and X-Amz-Expires parameters.");
    }
  }
  if (req.query.at("X-Amz-Algorithm") != kAlgorithm) {
    return ParamsError("X-Amz-Algorithm only supports \"AWS4-HMAC-SHA256\"");
  }
  PresignedParams out;
  const std::string& expires = req.query.at("X-Amz-Expires");
  if (!expires.empty() && expires[0] == '-' && AllDigits(expires.substr(1))) {
    return ParamsError("X-Amz-Expires must be non-negative");
  }
  if (!AllDigits(expires)) return ParamsError("X-Amz-Expires should be a number");
  if (expires.size() > 12 || std::stoll(expires) > kMaxPresignExpiresSeconds) {
    return ParamsError("X-Amz-Expires must be less than a week (in seconds) that is 604800");
  }
  out.expires_seconds = std::stoll(expires);
  if (out.expires_seconds < 1) return ParamsError("X-Amz-Expires must be non-negative");
  auto signed_at = ParseAmzDate(req.query.at("X-Amz-Date"));
  if (!signed_at) return ParamsError("X-Amz-Date must be in the ISO8601 Long Format \"yyyyMMdd'T'HHmmss'Z'\"");
  out.signed_at_us = *signed_at;
  std::vector<std::string> parts;
  const std::string& credential = req.query.at("X-Amz-Credential");
  for (size_t start = 0;;) {
    const size_t slash = credential.find('/', start);
    parts.push_back(credential.substr(start, slash - start));
    if (slash == std::string::npos) break;
    start = slash + 1;
  }
  if (parts.size() != 5) {
    return ParamsError(
        "Error parsing the X-Amz-Credential parameter; the Credential is mal-formed; expecting "
        "\"<YOUR-AKID>/YYYYMMDD/REGION/SERVICE/aws4_request\".");
  }
  out.access_key_id = parts[0];
  out.date = parts[1];
  out.region = parts[2];
  if (out.region != expected_region) {
    return ParamsError("Error parsing the X-Amz-Credential parameter; the region '" + out.region +
                       "' is wrong; expecting '" + expected_region + "'");
  }
  if (parts[3] != kService) {
    return ParamsError("Error parsing the X-Amz-Credential parameter; incorrect service \"" + parts[3] +
                       "\". This endpoint belongs to \"s3\".");
  }
  if (parts[4] != kTerminator) {
    return ParamsError("Error parsing the X-Amz-Credential parameter; incorrect terminal \"" + parts[4] +
                       "\". This endpoint uses \"aws4_request\".");
  }
  return out;
}

bool PresignExpired(const PresignedParams& params, int64_t now_epoch_us) {
  // Whole seconds, as X-Amz-Date and X-Amz-Expires count them: the URL works through its last second.
  return now_epoch_us / 1000000 > params.signed_at_us / 1000000 + params.expires_seconds;
}

bool SignatureMatches(const ReceivedRequest& req, const PresignedParams& params, const std::string& secret_access_key) {
  std::map<std::string, std::string> query = req.query;
  const std::string given = query["X-Amz-Signature"];
  query.erase("X-Amz-Signature");
  std::map<std::string, std::string> headers;
  const std::string& names = req.query.at("X-Amz-SignedHeaders");
  for (size_t start = 0; start <= names.size();) {
    size_t semi = names.find(';', start);
    if (semi == std::string::npos) semi = names.size();
    const std::string name = names.substr(start, semi - start);
    if (name == "host") headers[name] = req.host;
    else if (auto h = req.headers.find(name); h != req.headers.end()) headers[name] = h->second;
    else headers[name] = "";
    start = semi + 1;
  }
  const std::string scope = Scope(params.date, params.region);
  const std::string sts = StringToSign(req.query.at("X-Amz-Date"), scope, CanonicalRequest(req.method, req.key, query, headers));
  const std::string mac = HmacSha256(SigningKey(secret_access_key, params.date, params.region, kService), sts);
  return Hex(reinterpret_cast<const unsigned char*>(mac.data()), mac.size()) == given;
}

}  // namespace eventlab::cloud::storage
