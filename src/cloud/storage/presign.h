// AWS Signature Version 4 for presigned S3 URLs (query-string authentication): signing, and the
// checks S3 makes when such a URL is used.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>

#include "core/result.h"

namespace eventlab::cloud::storage {

/// SigV4 query-string authentication accepts X-Amz-Expires from 1 to 604800 seconds (7 days)
/// (S3 API reference, "Authenticating Requests: Using Query Parameters").
inline constexpr int64_t kMaxPresignExpiresSeconds = 604800;

/// What a presigned URL is made from.
struct PresignInput {
  std::string method;             ///< "GET" or "PUT"
  std::string host;               ///< "examplebucket.s3.amazonaws.com"
  std::string key;                ///< object key, not encoded ("photos/a b.jpg")
  std::string region;             ///< "us-east-1"
  std::string access_key_id;
  std::string secret_access_key;
  int64_t epoch_us = 0;           ///< signing instant, microseconds since the Unix epoch
  int64_t expires_seconds = 0;    ///< X-Amz-Expires, 1..604800
};

/// A presigned URL and the intermediate texts of the algorithm (for tests and teaching).
struct Presigned {
  std::string url;
  std::string canonical_request;
  std::string string_to_sign;
  std::string signature;          ///< 64 lower-case hex characters
};

/// Signs `in` exactly as AWS documents SigV4 query-string auth: payload UNSIGNED-PAYLOAD,
/// X-Amz-SignedHeaders=host.
Presigned Presign(const PresignInput& in);

/// "20130524T000000Z" for an instant in epoch microseconds (seconds truncated).
std::string AmzDate(int64_t epoch_us);
/// Parses "YYYYMMDDTHHMMSSZ" into epoch microseconds; nullopt if malformed.
std::optional<int64_t> ParseAmzDate(const std::string& text);

/// Virtual-hosted S3 host: "<bucket>.s3.amazonaws.com" in us-east-1, else
/// "<bucket>.s3.<region>.amazonaws.com" (S3 user guide, virtual-hosted-style requests).
std::string BucketHost(const std::string& bucket, const std::string& region);

/// Lower-case hex SHA-256 (mbedTLS).
std::string Sha256Hex(const std::string& bytes);
/// Raw HMAC-SHA256 of `data` under `key` (mbedTLS).
std::string HmacSha256(const std::string& key, const std::string& data);
/// kSigning = HMAC(HMAC(HMAC(HMAC("AWS4" + secret, date), region), service), "aws4_request").
std::string SigningKey(const std::string& secret, const std::string& yyyymmdd, const std::string& region,
                       const std::string& service);

/// CanonicalRequest for a query-authenticated request: `query` holds decoded parameters
/// (X-Amz-Signature excluded by the caller); `headers` the lower-case signed header values.
std::string CanonicalRequest(const std::string& method, const std::string& key,
                             const std::map<std::string, std::string>& query,
                             const std::map<std::string, std::string>& signed_headers);

/// A presigned request as received, for verification.
struct ReceivedRequest {
  std::string method;
  std::string host;
  std::string key;                                  ///< decoded object key
  std::map<std::string, std::string> query;         ///< decoded parameters
  std::map<std::string, std::string> headers;       ///< lower-case names
};

/// The parameters of a well-formed presigned request, before its signature is checked.
struct PresignedParams {
  std::string access_key_id;
  std::string date;        ///< credential scope date, yyyymmdd
  std::string region;
  int64_t signed_at_us = 0;
  int64_t expires_seconds = 0;
};

/// True if the request carries query-string authentication at all (any X-Amz-* auth parameter).
bool HasQueryAuth(const ReceivedRequest& req);

/// Checks the parameters S3 checks before looking at the signature: all six present, the
/// algorithm, X-Amz-Expires in 1..604800, a parsable credential and date, the region. Errors are
/// S3's AuthorizationQueryParametersError (400).
core::Result<PresignedParams> ParsePresignedParams(const ReceivedRequest& req, const std::string& expected_region);

/// True if now (epoch µs, in whole seconds) is past the URL's last valid second, signed_at + expires.
bool PresignExpired(const PresignedParams& params, int64_t now_epoch_us);

/// Recomputes the signature with `secret_access_key` and compares it with X-Amz-Signature.
bool SignatureMatches(const ReceivedRequest& req, const PresignedParams& params, const std::string& secret_access_key);

}  // namespace eventlab::cloud::storage
