// The S3 presigner (presign.cpp) is this signing with service "s3", no normalisation, no double
// encoding and UNSIGNED-PAYLOAD; the crypto (SHA-256, HMAC) is mbedTLS through presign.h.
#include "cloud/storage/sigv4_query.h"

#include <algorithm>
#include <map>

#include "cloud/http/url.h"
#include "cloud/storage/presign.h"

namespace eventlab::cloud::storage {
namespace {

std::string Lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// Header values: trimmed, and runs of spaces inside collapsed to one (SigV4 "Trimall").
std::string TrimAll(const std::string& v) {
  std::string out;
  bool space = false;
  for (char c : v) {
    if (c == ' ' || c == '\t') {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

// Headers a signer never signs: they change in transit or belong to the signature itself.
bool Unsigned(const std::string& lower_name) {
  return lower_name == "authorization" || lower_name == "user-agent" || lower_name == "x-amzn-trace-id" ||
         lower_name == "expect" || lower_name == "connection";
}

}  // namespace

std::string NormalizeSigV4Path(const std::string& path) {
  std::vector<std::string> segments;
  for (size_t start = 0; start <= path.size();) {
    const size_t slash = std::min(path.find('/', start), path.size());
    const std::string seg = path.substr(start, slash - start);
    if (seg == "..") {
      if (!segments.empty()) segments.pop_back();
    } else if (!seg.empty() && seg != ".") {
      segments.push_back(seg);
    }
    start = slash + 1;
  }
  std::string out;
  for (const std::string& s : segments) out += "/" + s;
  const bool trailing = path.size() > 1 && (path.back() == '/' || path.ends_with("/.") || path.ends_with("/.."));
  if (out.empty() || trailing) out += "/";
  return out;
}

SigV4QueryOutput SignQuery(const SigV4QueryInput& in) {
  const std::string amz_date = AmzDate(in.epoch_s * 1000000);
  const std::string scope = amz_date.substr(0, 8) + "/" + in.region + "/" + in.service + "/aws4_request";
  // Canonical headers: lower-case names, sorted; repeated headers joined with commas in order.
  std::map<std::string, std::string> headers;
  for (const auto& [name, value] : in.headers) {
    const std::string key = Lower(name);
    if (Unsigned(key)) continue;
    auto [it, fresh] = headers.emplace(key, TrimAll(value));
    if (!fresh) it->second += "," + TrimAll(value);
  }
  std::string payload_hash = in.signed_body_value ? *in.signed_body_value : Sha256Hex(in.sign_body ? in.body : "");
  if (in.sign_body) headers["x-amz-content-sha256"] = payload_hash;
  std::string signed_headers, canonical_headers;
  for (const auto& [name, value] : headers) {
    signed_headers += (signed_headers.empty() ? "" : ";") + name;
    canonical_headers += name + ":" + value + "\n";
  }
  std::vector<std::pair<std::string, std::string>> auth = {
      {"X-Amz-Algorithm", "AWS4-HMAC-SHA256"},
      {"X-Amz-Credential", in.access_key_id + "/" + scope},
      {"X-Amz-Date", amz_date},
      {"X-Amz-Expires", std::to_string(in.expires_seconds)},
      {"X-Amz-SignedHeaders", signed_headers},
  };
  if (!in.session_token.empty() && !in.omit_session_token) auth.push_back({"X-Amz-Security-Token", in.session_token});
  // Canonical query: every parameter, names and values URI-encoded, sorted by name then value.
  std::vector<std::pair<std::string, std::string>> encoded;
  for (const auto& list : {in.query, auth}) {
    for (const auto& [k, v] : list) encoded.push_back({http::UriEncode(k, false), http::UriEncode(v, false)});
  }
  std::sort(encoded.begin(), encoded.end());
  std::string canonical_query;
  for (const auto& [k, v] : encoded) canonical_query += (canonical_query.empty() ? "" : "&") + k + "=" + v;
  std::string path = in.normalize ? NormalizeSigV4Path(in.path) : in.path;
  if (path.empty()) path = "/";
  const std::string canonical_uri = in.double_encode ? http::UriEncode(path, true) : path;

  SigV4QueryOutput out;
  out.canonical_request = in.method + "\n" + canonical_uri + "\n" + canonical_query + "\n" + canonical_headers + "\n" +
                          signed_headers + "\n" + payload_hash;
  out.string_to_sign = "AWS4-HMAC-SHA256\n" + amz_date + "\n" + scope + "\n" + Sha256Hex(out.canonical_request);
  const std::string key = SigningKey(in.secret_access_key, amz_date.substr(0, 8), in.region, in.service);
  static constexpr char kHex[] = "0123456789abcdef";
  for (unsigned char c : HmacSha256(key, out.string_to_sign)) out.signature += std::string{kHex[c >> 4], kHex[c & 15]};
  auto append = [&](const std::string& k, const std::string& v) {
    out.query_string += (out.query_string.empty() ? "" : "&") + http::UriEncode(k, false) + "=" + http::UriEncode(v, false);
  };
  for (const auto& [k, v] : in.query) append(k, v);
  for (const auto& [k, v] : auth) append(k, v);
  append("X-Amz-Signature", out.signature);
  if (!in.session_token.empty() && in.omit_session_token) append("X-Amz-Security-Token", in.session_token);
  return out;
}

}  // namespace eventlab::cloud::storage
