// Synthetic bodies in scenarios: {"$body": {"size": N}} stands for N bytes without holding them.
#pragma once

#include "core/digest.h"
#include "scenario/json_fields.h"

namespace eventlab::scenario {

/// Finds every {"$body": ...} inside `value`, checks it, and fills in its "md5", so that traces
/// show the digest of the bytes the body stands for. Problems are recorded under `path`.
void NormalizeSyntheticBodies(Json& value, const std::string& path, Problems& p);

/// Largest synthetic body: core::kMaxSyntheticBodyBytes (5 GiB).
using core::kMaxSyntheticBodyBytes;

}  // namespace eventlab::scenario
