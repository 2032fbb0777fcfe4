// Authorizer result caching: an entry is used while now < expires_at, so a request exactly one
// TTL after the authorizer answered invokes it again.
#include "cloud/gateway/authorizer_cache.h"

#include "core/sim_time.h"

namespace eventlab::cloud::gateway {

const AuthorizerCacheEntry* AuthorizerCache::Lookup(const std::string& key, core::SimTime now) {
  auto it = entries.find(key);
  if (it != entries.end() && now < it->second.expires_at) {
    ++hits;
    return &it->second;
  }
  if (it != entries.end()) entries.erase(it);
  ++misses;
  return nullptr;
}

void AuthorizerCache::Store(const std::string& key, const std::string& authorizer, const AuthorizerOutput& output,
                            core::SimTime now, core::SimTime ttl, int64_t now_epoch_us) {
  if (ttl.us <= 0) return;
  entries[key] = {authorizer, output, now + ttl, (now_epoch_us + ttl.us) / 1000};
}

Json AuthorizerCache::ToJson() const {
  Json list = Json::array();
  for (const auto& [key, e] : entries) {
    list.push_back({{"authorizer", e.authorizer}, {"principal_id", e.output.principal_id},
                    {"effect", e.output.EffectSummary()}, {"expires_at", core::FormatIsoUtc(e.expires_at_epoch_ms * 1000)}});
  }
  return {{"hits", hits}, {"misses", misses}, {"entries", list}};
}

}  // namespace eventlab::cloud::gateway
