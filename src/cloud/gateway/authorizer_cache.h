// The authorizer result cache an API keeps in its store (so snapshots copy it): one entry per
// authorizer and identity-source values, holding the policy, valid for the authorizer's TTL.
#pragma once

#include <cstdint>
#include <map>
#include <string>

#include "cloud/gateway/authorizer.h"

namespace eventlab::cloud::gateway {

struct AuthorizerCacheEntry {
  std::string authorizer;
  AuthorizerOutput output;
  core::SimTime expires_at{0};  ///< simulated time the entry stops being used (exclusive)
  int64_t expires_at_epoch_ms = 0;  ///< the same instant as a wall-clock time, for State()
};

struct AuthorizerCache {
  std::map<std::string, AuthorizerCacheEntry> entries;  ///< AuthorizerCacheKey -> cached output
  uint64_t hits = 0;
  uint64_t misses = 0;

  /// The live entry for `key` at `now` (a hit), or nullptr (a miss; an expired entry is dropped).
  /// Counts the hit or miss.
  const AuthorizerCacheEntry* Lookup(const std::string& key, core::SimTime now);
  /// Caches `output` for `ttl` from `now` (nothing when ttl is 0).
  void Store(const std::string& key, const std::string& authorizer, const AuthorizerOutput& output, core::SimTime now,
             core::SimTime ttl, int64_t now_epoch_us);
  /// {"hits","misses","entries":[{"authorizer","principal_id","effect","expires_at"}]} (ISO times).
  Json ToJson() const;
};

}  // namespace eventlab::cloud::gateway
