// AWS Signature Version 4 with query parameters (a presigned request) for any service: the
// canonical request, string to sign and signature as the SigV4 documentation and AWS's own signing
// test suite (awslabs/aws-c-auth, tests/aws-signing-test-suite/v4) define them.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace eventlab::cloud::storage {

struct SigV4QueryInput {
  std::string method;  ///< "GET"
  std::string path;    ///< as on the request line, before '?': "/example space/" or "/%E1%88%B4"
  std::vector<std::pair<std::string, std::string>> query;    ///< decoded parameters, in order
  std::vector<std::pair<std::string, std::string>> headers;  ///< as sent; names in any case, repeats allowed
  std::string body;
  std::string access_key_id, secret_access_key;
  std::string session_token;   ///< X-Amz-Security-Token, when not empty
  bool omit_session_token = false;  ///< add the token after signing, outside the canonical request
  std::string region, service;
  int64_t epoch_s = 0;         ///< the signing time
  int64_t expires_seconds = 3600;
  bool normalize = true;       ///< remove "." and ".." segments and repeated slashes from the path
  bool double_encode = true;   ///< encode the path again (every service but S3)
  bool sign_body = false;      ///< sign x-amz-content-sha256 with the body's SHA-256 as payload hash
  std::optional<std::string> signed_body_value;  ///< a payload hash to use as is ("UNSIGNED-PAYLOAD")
};

struct SigV4QueryOutput {
  std::string canonical_request, string_to_sign, signature;
  /// The signed request's query string: the request's parameters, then the X-Amz-* ones with
  /// X-Amz-Signature last (and the token after it when omit_session_token).
  std::string query_string;
};

SigV4QueryOutput SignQuery(const SigV4QueryInput& in);

/// The path after SigV4's normalisation: "." and ".." segments resolved and empty segments
/// dropped, keeping a trailing slash ("//example//" -> "/example/", "/a/b/../.." -> "/").
std::string NormalizeSigV4Path(const std::string& path);

}  // namespace eventlab::cloud::storage
