// Digests the simulator needs for real formats (ETags, MD5OfBody), and synthetic bodies that
// stand for large payloads without allocating them.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "core/event.h"

namespace eventlab::core {

/// Lower-case hex MD5 of `bytes` (mbedTLS).
std::string Md5Hex(std::string_view bytes);

/// MD5 of the synthetic body of `size` bytes: byte i is (i mod 251). It resumes from a table of
/// MD5 states every kSyntheticMd5Stride bytes, so any size up to kMaxSyntheticBodyBytes costs at
/// most one stride of hashing (about 30 ms natively) and no memory.
std::string SyntheticMd5Hex(uint64_t size);
inline constexpr uint64_t kSyntheticMd5Stride = 16ULL << 20;
/// Largest synthetic body: 5 GiB, the largest object S3 takes in a single PUT (S3 user guide,
/// "Uploading objects": "With a single PUT operation, you can upload a single object up to 5 GB")
/// and so the largest body any simulated request carries (uploads are never multipart here).
inline constexpr uint64_t kMaxSyntheticBodyBytes = 5ULL << 30;

/// {"$body": {"size": N, "md5": "..."}}: how a synthetic body appears in payloads and traces.
Json SyntheticBody(uint64_t size);

/// Fills in the "md5" of every {"$body": {"size": N}} inside `value` that lacks one (a size that
/// a template computed at run time). False if some "$body" has no usable size (an integer from 0
/// to kMaxSyntheticBodyBytes); kSyntheticBodySizeError says so.
bool CompleteSyntheticBodies(Json& value);
inline constexpr const char* kSyntheticBodySizeError =
    "a {\"$body\": {\"size\": N}} needs an integer size from 0 to 5368709120 (5 GiB, S3's largest single PUT)";

/// The size of `payload` on the wire: its compact JSON text, with every synthetic body inside it
/// counted at its declared size (an 8 MB body nested in an API proxy event weighs 8 MB).
uint64_t PayloadSize(const Json& payload);

/// True for a {"$body": {...}} value.
bool IsSyntheticBody(const Json& value);

/// The size in bytes a body would have on the wire: a synthetic body's declared size, a string's
/// length, or the compact JSON text of anything else.
uint64_t BodySize(const Json& body);

}  // namespace eventlab::core
