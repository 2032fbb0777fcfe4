// Container-local call caching. The record events make hits and misses visible in the trace even
// though a hit sends no request.
#include "cloud/functions/call_cache.h"
#include "core/json_bounds.h"

namespace eventlab::cloud::functions {

std::string CacheKey(const std::string& action, const Json& args) { return action + " " + core::DumpText(args); }

CacheLookup LookUpCall(Container& c, const std::string& key, core::SimTime now, bool first_invocation) {
  CacheLookup out;
  auto it = c.call_cache.find(key);
  if (it == c.call_cache.end()) {
    out.reason = first_invocation ? "new container" : "not cached";
    return out;
  }
  const core::SimTime age = now - it->second.stored_at;
  if (age < it->second.ttl) {
    out.hit = true;
    out.result = it->second.result;
    out.age = age;
    return out;
  }
  c.call_cache.erase(it);
  out.reason = "expired";
  return out;
}

void StoreCall(Container& c, const std::string& key, const Json& result, core::SimTime now, core::SimTime ttl) {
  c.call_cache[key] = CachedCall{key.substr(0, key.find(' ')), result, now, ttl};
}

core::EventSpec CacheRecord(const std::string& self, const std::string& action, const CacheLookup& lookup,
                            core::SimTime ttl, uint32_t container, core::SimTime delay) {
  Json payload = {{"action", action}, {"container", container}};
  if (lookup.hit) {
    payload["age_ms"] = lookup.age.us / 1000;
    payload["ttl_ms"] = ttl.us / 1000;
  } else {
    payload["reason"] = lookup.reason;
  }
  return core::EventSpec{delay,  core::kPriorityMessage, std::nullopt,
                         self,   self,
                         lookup.hit ? "function.cache_hit" : "function.cache_miss",
                         std::move(payload), std::nullopt};
}

Json CacheState(const Container& c) {
  Json out = Json::array();
  for (const auto& [key, entry] : c.call_cache) {
    const size_t space = key.find(' ');
    out.push_back({{"action", entry.action},
                   {"arguments", space == std::string::npos ? Json(nullptr) : core::ParseBounded(key.substr(space + 1))},
                   {"stored_us", entry.stored_at.us},
                   {"expires_us", (entry.stored_at + entry.ttl).us},
                   {"ttl_us", entry.ttl.us}});
  }
  return out;
}

}  // namespace eventlab::cloud::functions
