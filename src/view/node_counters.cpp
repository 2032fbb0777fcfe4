// One row per kind: where in State() to count and the unit. Every number is read through the same
// key walker, so a counter always says which key it showed. Functions show two numbers (warm and
// busy containers) and mappings switch to their blocked shards when there are any.
#include "view/node_counters.h"

#include <string_view>

namespace eventlab::view {

namespace {

struct CounterRule {
  const char* kind;
  const char* key;
  const char* singular;
  const char* plural;
};

constexpr CounterRule kRules[] = {
    {"bucket", "/objects", "object", "objects"},
    {"queue", "/messages", "message", "messages"},
    {"table", "/item_count", "item", "items"},
    {"api", "/requests", "request", "requests"},
    {"client", "/received", "reply", "replies"},
    {"topic", "/subscriptions", "subscription", "subscriptions"},
    {"stream", "/shards", "shard", "shards"},
    {"websocket", "/connections", "connection", "connections"},
    // Documents of every index: State() lists at most 200 per index, doc_count is the true number.
    {"search", "/indexes/*/doc_count", "document", "documents"},
};

bool Equals(const core::Json& v, std::string_view alternatives) {
  std::string text;
  if (v.is_string()) text = v.get<std::string>();
  else if (v.is_boolean()) text = v.get<bool>() ? "true" : "false";
  else return false;
  while (true) {
    const size_t bar = alternatives.find('|');
    if (alternatives.substr(0, bar) == text) return true;
    if (bar == std::string_view::npos) return false;
    alternatives.remove_prefix(bar + 1);
  }
}

// Adds what `rest` (a pointer's remaining segments) finds under `v` to `sum`; false when a named
// key is missing or the value is not countable.
bool Walk(const core::Json& v, std::string_view rest, std::string_view equals, int64_t* sum) {
  if (rest.empty()) {
    if (!equals.empty()) {
      *sum += Equals(v, equals) ? 1 : 0;
      return true;
    }
    if (v.is_array() || v.is_object()) *sum += static_cast<int64_t>(v.size());
    else if (v.is_number_unsigned()) *sum += static_cast<int64_t>(v.get<uint64_t>());
    else if (v.is_number_integer()) *sum += v.get<int64_t>();
    else return false;
    return true;
  }
  rest.remove_prefix(1);  // the '/'
  const size_t end = rest.find('/');
  const std::string_view segment = rest.substr(0, end), tail = end == std::string_view::npos ? "" : rest.substr(end);
  if (segment == "*") {
    if (!v.is_array() && !v.is_object()) return false;
    for (const auto& member : v) {
      if (!Walk(member, tail, equals, sum)) return false;
    }
    return true;
  }
  if (!v.is_object()) return false;
  const auto it = v.find(std::string(segment));
  return it != v.end() && Walk(*it, tail, equals, sum);
}

bool Term(const core::Json& state, const char* key, const char* equals, CountTerm* out) {
  out->key = key;
  out->equals = equals;
  out->value = 0;
  return Walk(state, out->key, out->equals, &out->value);
}

std::string Plural(int64_t n, const char* singular, const char* plural) {
  return std::to_string(n) + " " + (n == 1 ? singular : plural);
}

void Finish(NodeCount& c) {
  if (c.terms.empty()) return;
  c.value = c.terms[0].value;
  c.key = c.terms[0].key;
}

NodeCount FunctionCount(const core::Json& state) {
  NodeCount c;
  CountTerm warm, busy;
  if (!Term(state, "/containers/*/state", "warm", &warm) || !Term(state, "/containers/*/state", "busy|initialising", &busy)) {
    return c;
  }
  c.text = std::to_string(warm.value) + " warm, " + std::to_string(busy.value) + " busy";
  c.terms = {warm, busy};
  return c;
}

NodeCount MappingCount(const core::Json& state) {
  NodeCount c;
  CountTerm blocked, processed;
  if (!Term(state, "/shards/*/blocked", "true", &blocked) || !Term(state, "/shards/*/processed", "", &processed)) return c;
  if (blocked.value > 0) {
    c.text = std::to_string(blocked.value) + " shard" + (blocked.value == 1 ? "" : "s") + " BLOCKED";
    c.terms = {blocked};
  } else {
    c.text = Plural(processed.value, "record", "records") + " done";
    c.terms = {processed};
  }
  return c;
}

}  // namespace

NodeCount CountNode(const std::string& kind, const core::Json& state) {
  NodeCount c;
  if (!state.is_object()) return c;
  if (kind == "function") c = FunctionCount(state);
  else if (kind == "mapping") c = MappingCount(state);
  for (const CounterRule& rule : kRules) {
    if (kind != rule.kind) continue;
    CountTerm term;
    if (!Term(state, rule.key, "", &term)) break;
    c.text = Plural(term.value, rule.singular, rule.plural);
    c.terms = {term};
    break;
  }
  Finish(c);
  return c;
}

std::string NodeCounter(const std::string& kind, const core::Json& state) { return CountNode(kind, state).text; }

}  // namespace eventlab::view
