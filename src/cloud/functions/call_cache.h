// A call step's "cache": a container keeps successful call results for a TTL, keyed by the action
// and its rendered arguments, so warm invocations skip the round trip (a secret fetched once per
// container). The cache dies with the container.
#pragma once

#include <string>

#include "cloud/functions/function_models.h"

namespace eventlab::cloud::functions {

/// What a cached call step finds.
struct CacheLookup {
  bool hit = false;
  Json result;          ///< hit: the cached result
  core::SimTime age;    ///< hit: now - stored_at (strictly below the TTL)
  std::string reason;   ///< miss: "new container", "expired" or "not cached"
};

/// action + " " + the arguments as compact JSON (object keys sorted, so equal arguments match).
std::string CacheKey(const std::string& action, const Json& args);

/// Looks `key` up at handler time `now`. An entry hits while its age is below its TTL; at exactly
/// the TTL it has expired (and is dropped). `first_invocation` names the miss of a fresh container.
CacheLookup LookUpCall(Container& c, const std::string& key, core::SimTime now, bool first_invocation);

/// Keeps a successful result, stored at `now`, replacing any older entry for `key`.
void StoreCall(Container& c, const std::string& key, const Json& result, core::SimTime now, core::SimTime ttl);

/// The trace record of a lookup: "function.cache_hit" {"action", "age_ms", "ttl_ms", "container"} or
/// "function.cache_miss" {"action", "reason", "container"}, from `self` to itself, `delay` from now.
core::EventSpec CacheRecord(const std::string& self, const std::string& action, const CacheLookup& lookup,
                            core::SimTime ttl, uint32_t container, core::SimTime delay);

/// A container's entries for the function's state: [{"action", "arguments", "stored_us",
/// "expires_us", "ttl_us"}] (times are simulated µs; age = now - stored_us).
Json CacheState(const Container& c);

}  // namespace eventlab::cloud::functions
