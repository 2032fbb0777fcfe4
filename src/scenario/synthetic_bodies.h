// Synthetic bodies in scenarios: {"$body": {"size": N}} stands for N bytes without holding them.
#pragma once

#include "scenario/json_fields.h"

namespace eventlab::scenario {

/// Finds every {"$body": ...} inside `value`, checks it, and fills in its "md5", so that traces
/// show the digest of the bytes the body stands for. Problems are recorded under `path`.
void NormalizeSyntheticBodies(Json& value, const std::string& path, Problems& p);

/// Largest synthetic body: 5 TiB, the S3 maximum object size (S3 user guide, object size limits).
inline constexpr uint64_t kMaxSyntheticBodyBytes = 5ULL << 40;

}  // namespace eventlab::scenario
