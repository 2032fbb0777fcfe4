// URL parsing and presigned-URL checks on arbitrary text, as a browser's request to a bucket.
#include <cstddef>
#include <cstdint>
#include <string>

#include "cloud/http/url.h"
#include "cloud/storage/presign.h"

namespace storage = eventlab::cloud::storage;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  std::string why;
  auto url = eventlab::cloud::http::ParseUrl(text, &why);
  (void)eventlab::cloud::http::PercentDecode(text, true);
  (void)eventlab::cloud::http::UriEncode(text, false);
  (void)storage::ParseAmzDate(text);
  if (!url) return 0;
  storage::ReceivedRequest req;
  req.method = "GET";
  req.host = url->host;
  req.key = eventlab::cloud::http::PercentDecode(url->path.empty() ? "" : url->path.substr(1), false).value_or("");
  for (const auto& [k, v] : url->query) req.query[k] = v;
  req.headers["host"] = url->host;
  if (!storage::HasQueryAuth(req)) return 0;
  auto params = storage::ParsePresignedParams(req, "us-east-1");
  if (!params.ok()) return 0;
  (void)storage::PresignExpired(params.value(), 1767225600000000LL);
  (void)storage::SignatureMatches(req, params.value(), "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY");
  return 0;
}
