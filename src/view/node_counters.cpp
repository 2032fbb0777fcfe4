// One row per kind: the State() key to count and its unit. An array or object counts its
// entries, a number is shown as it is. Functions are special: their warm and busy containers.
#include "view/node_counters.h"

#include <cstdint>
#include <vector>

namespace eventlab::view {

namespace {

struct CounterRule {
  const char* kind;
  const char* key;
  const char* singular;
  const char* plural;
};

constexpr CounterRule kRules[] = {
    {"bucket", "objects", "object", "objects"},
    {"queue", "messages", "message", "messages"},
    {"table", "item_count", "item", "items"},
    {"api", "requests", "request", "requests"},
    {"client", "received", "reply", "replies"},
    {"topic", "subscriptions", "subscription", "subscriptions"},
    {"stream", "shards", "shard", "shards"},
    {"websocket", "connections", "connection", "connections"},
};

int64_t CountOf(const core::Json& v) {
  if (v.is_array() || v.is_object()) return static_cast<int64_t>(v.size());
  if (v.is_number_integer()) return v.get<int64_t>();
  if (v.is_number_unsigned()) return static_cast<int64_t>(v.get<uint64_t>());
  return -1;
}

std::string Plural(int64_t n, const char* singular, const char* plural) {
  return std::to_string(n) + " " + (n == 1 ? singular : plural);
}

std::string FunctionCounter(const core::Json& state) {
  int64_t warm = 0, busy = 0;
  for (const auto& c : state.value("containers", core::Json::array())) {
    const std::string s = c.value("state", "");
    if (s == "warm") ++warm;
    else if (s == "busy" || s == "initialising") ++busy;
  }
  return std::to_string(warm) + " warm, " + std::to_string(busy) + " busy";
}

std::string SearchCounter(const core::Json& state) {
  int64_t documents = 0;
  for (const auto& [name, index] : state.value("indexes", core::Json::object()).items()) {
    documents += index.value("doc_count", int64_t{0});
  }
  return Plural(documents, "document", "documents");
}

std::string MappingCounter(const core::Json& state) {
  int64_t processed = 0, blocked = 0;
  for (const auto& [shard, s] : state.value("shards", core::Json::object()).items()) {
    processed += s.value("processed", int64_t{0});
    blocked += s.value("blocked", false) ? 1 : 0;
  }
  return blocked > 0 ? std::to_string(blocked) + " shard" + (blocked == 1 ? "" : "s") + " BLOCKED"
                     : Plural(processed, "record", "records") + " done";
}

}  // namespace

std::string NodeCounter(const std::string& kind, const core::Json& state) {
  if (!state.is_object()) return "";
  if (kind == "function") return FunctionCounter(state);
  if (kind == "search") return SearchCounter(state);
  if (kind == "mapping") return MappingCounter(state);
  for (const CounterRule& rule : kRules) {
    if (kind != rule.kind || !state.contains(rule.key)) continue;
    const int64_t n = CountOf(state[rule.key]);
    return n < 0 ? "" : Plural(n, rule.singular, rule.plural);
  }
  return "";
}

}  // namespace eventlab::view
