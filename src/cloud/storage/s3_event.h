// The S3 event notification record (event message structure, eventVersion 2.1), as Lambda and
// SQS receive it.
#pragma once

#include <cstdint>
#include <string>

#include "core/event.h"

namespace eventlab::cloud::storage {

using core::Json;

/// What one record says about one object change.
struct S3EventInput {
  std::string region;
  int64_t event_time_us = 0;     ///< epoch µs when the request finished
  std::string event_name;        ///< "ObjectCreated:Put" or "ObjectRemoved:Delete"
  std::string principal_id;      ///< the caller's "AWS:AIDA..." id
  std::string source_ip;
  std::string request_id;        ///< x-amz-request-id, 16 upper-case hex characters
  std::string id2;               ///< x-amz-id-2
  std::string configuration_id;
  std::string bucket;
  std::string owner_id;          ///< bucket owner's canonical-style principal id
  std::string key;               ///< not encoded; the record URL-encodes it
  uint64_t size = 0;             ///< bytes (created events only)
  std::string etag;              ///< unquoted MD5 hex (created events only)
  std::string sequencer;
};

/// {"eventVersion": "2.1", "eventSource": "aws:s3", ...}: one element of "Records".
Json BuildS3EventRecord(const S3EventInput& in);

/// The key as S3 writes it in events: URL-encoded, '/' kept, a space as '+' ("red+flower.jpg").
std::string EventKey(const std::string& key);

}  // namespace eventlab::cloud::storage
