// URLs as browsers send them to simulated endpoints (presigned S3 URLs, API endpoints).
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace eventlab::cloud::http {

struct Url {
  std::string scheme;  ///< "https"
  std::string host;    ///< lower-case, no port
  std::string path;    ///< starts with "/", still percent-encoded
  std::vector<std::pair<std::string, std::string>> query;  ///< decoded, in the order written
};

/// Parses "scheme://host[:port]/path?query#fragment"; nullopt (with a reason) if it is not one.
std::optional<Url> ParseUrl(const std::string& text, std::string* why = nullptr);

/// Decodes %XX escapes (and '+' as a space when `plus_is_space`); nullopt on a bad escape.
std::optional<std::string> PercentDecode(const std::string& text, bool plus_is_space);

/// Percent-encodes every byte except unreserved characters (A-Z a-z 0-9 - _ . ~), and '/' too
/// unless `keep_slash`: the UriEncode of AWS Signature Version 4.
std::string UriEncode(const std::string& text, bool keep_slash);

}  // namespace eventlab::cloud::http
