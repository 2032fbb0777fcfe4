// Query and Scan: key conditions, visiting order, Limit and the 1 MB page, filters, paging keys,
// and the table's inspectable state.
#include <algorithm>

#include "cloud/tables/attribute_value.h"
#include "cloud/tables/table_requests.h"
#include "cloud/tables/table_service.h"

namespace eventlab::cloud::tables {
namespace {

using CondPtr = std::shared_ptr<const Condition>;

/// The AND-ed leaves of a key condition, or DynamoDB's error for OR / NOT / functions it refuses.
std::optional<core::Error> Leaves(const CondPtr& c, std::vector<CondPtr>& out) {
  using K = Condition::Kind;
  if (c->kind == K::kAnd) {
    for (const auto& child : c->children) {
      if (auto e = Leaves(child, out)) return e;
    }
    return std::nullopt;
  }
  if (c->kind == K::kOr || c->kind == K::kNot) {
    return Validation(std::string("Invalid operator used in KeyConditionExpression: ") + (c->kind == K::kOr ? "OR" : "NOT"));
  }
  if (c->kind == K::kExists || c->kind == K::kNotExists) {
    return Validation(std::string("Invalid operator used in KeyConditionExpression: ") +
                      (c->kind == K::kExists ? "attribute_exists" : "attribute_not_exists"));
  }
  if (c->kind == K::kCompare && c->op == "<>") return Validation("Unsupported operator on KeyConditionExpression: operator: <>");
  out.push_back(c);
  return std::nullopt;
}

}  // namespace

core::Result<Json> TableService::Page(const Json& args, const std::vector<const ItemKey*>& keys,
                                      const CondPtr& filter) const {
  uint64_t limit = 0;
  if (auto it = args.find("limit"); it != args.end() && !it->is_null()) {
    if (!it->is_number_integer() || it->get<int64_t>() < 1) {
      return Validation("1 validation error detected: Value '" + it->dump() +
                        "' at 'limit' failed to satisfy constraint: Member must have value greater than or equal to 1");
    }
    limit = it->get<uint64_t>();
  }
  const bool forward = args.value("scan_index_forward", true);
  size_t start = 0;
  if (auto it = args.find("exclusive_start_key"); it != args.end() && !it->is_null()) {
    auto esk = KeyFromArgument(*it, "The provided starting key is invalid: The provided key element does not match the schema");
    if (!esk.ok()) return esk.error();
    ItemKeyLess less;
    while (start < keys.size() && !(forward ? less(esk.value(), *keys[start]) : less(*keys[start], esk.value()))) ++start;
  }
  Json items = Json::array();
  uint64_t scanned = 0, bytes = 0;
  const ItemKey* last = nullptr;
  for (size_t i = start; i < keys.size(); ++i) {
    const Json& item = store_.items.at(*keys[i]);
    ++scanned;
    bytes += ItemSize(item);
    if (!filter || Evaluate(*filter, item)) items.push_back(item);
    // DynamoDB answers a LastEvaluatedKey whenever it stops at Limit or at 1 MB, even when no
    // item follows: the next page is then empty.
    if ((limit && scanned == limit) || bytes >= kMaxPageBytes) {
      last = keys[i];
      break;
    }
  }
  Json answer = {{"Items", items}, {"Count", static_cast<uint64_t>(items.size())}, {"ScannedCount", scanned}};
  if (last) answer["LastEvaluatedKey"] = KeyAttributes(*last);
  return answer;
}

core::Result<Json> TableService::Query(const Json& args) {
  auto ex = ReadPlaceholders(args);
  if (!ex.ok()) return ex.error();
  Expressions& e = *ex.value();
  if (!args.contains("key_condition_expression")) {
    return Validation("Either the KeyConditions or KeyConditionExpression parameter must be specified in the request.");
  }
  auto key_condition = ReadCondition(args, "key_condition_expression", "KeyConditionExpression", e);
  if (!key_condition.ok()) return key_condition.error();
  auto filter = ReadCondition(args, "filter_expression", "FilterExpression", e);
  if (!filter.ok()) return filter.error();
  if (auto problem = CheckAllUsed(e)) return *problem;
  if (args.contains("scan_index_forward") && !args["scan_index_forward"].is_boolean()) {
    return Validation("1 validation error detected: Value at 'scanIndexForward' failed to satisfy constraint: Member must be a boolean");
  }
  std::vector<CondPtr> leaves;
  if (auto problem = Leaves(key_condition.value(), leaves)) return *problem;
  CondPtr hash_leaf, range_leaf;
  for (const CondPtr& leaf : leaves) {
    const Operand& subject = leaf->operands[0];
    if (!subject.is_path || subject.path.size() != 1) return Validation("Query key condition not supported");
    const std::string& name = subject.path[0];
    const KeyAttribute* attr = name == config_->hash_key.name ? &config_->hash_key
                               : config_->range_key && name == config_->range_key->name ? &*config_->range_key
                                                                                       : nullptr;
    if (!attr) return Validation("Query key condition not supported");
    CondPtr& slot = attr == &config_->hash_key ? hash_leaf : range_leaf;
    if (slot) return Validation("KeyConditionExpressions must only contain one condition per key");
    for (size_t i = 1; i < leaf->operands.size(); ++i) {
      if (leaf->operands[i].is_path) return Validation("Query key condition not supported");
      if (TypeOf(leaf->operands[i].value) != attr->type) {
        return Validation("One or more parameter values were invalid: Condition parameter type does not match schema type");
      }
    }
    if (attr == &config_->hash_key && (leaf->kind != Condition::Kind::kCompare || leaf->op != "=")) {
      return Validation("Query key condition not supported");
    }
    slot = leaf;
  }
  if (!hash_leaf) return Validation("Query condition missed key schema element: " + config_->hash_key.name);
  const Json& hash_value = hash_leaf->operands[1].value;
  const ItemKey lower{KeyPart{config_->hash_key.type, hash_value.begin()->get<std::string>()}, std::nullopt};
  std::vector<const ItemKey*> keys;
  for (auto it = store_.items.lower_bound(lower); it != store_.items.end(); ++it) {
    if (CompareKeyParts(it->first.hash, lower.hash) != 0) break;
    if (!range_leaf || Evaluate(*range_leaf, it->second)) keys.push_back(&it->first);
  }
  if (!args.value("scan_index_forward", true)) std::reverse(keys.begin(), keys.end());
  return Page(args, keys, filter.value());
}

core::Result<Json> TableService::Scan(const Json& args) {
  auto ex = ReadPlaceholders(args);
  if (!ex.ok()) return ex.error();
  Expressions& e = *ex.value();
  auto filter = ReadCondition(args, "filter_expression", "FilterExpression", e);
  if (!filter.ok()) return filter.error();
  if (auto problem = CheckAllUsed(e)) return *problem;
  std::vector<const ItemKey*> keys;
  for (const auto& [key, item] : store_.items) keys.push_back(&key);
  Json forward_only = args;
  forward_only.erase("scan_index_forward");  // Scan always reads in key order here
  return Page(forward_only, keys, filter.value());
}

Json TableService::State() const {
  Json schema = {{"hash_key", {{"name", config_->hash_key.name}, {"type", config_->hash_key.type}}}};
  if (config_->range_key) schema["range_key"] = {{"name", config_->range_key->name}, {"type", config_->range_key->type}};
  Json items = Json::array();
  for (const auto& [key, item] : store_.items) {
    if (items.size() == 200) break;
    items.push_back(item);
  }
  Json state = {{"kind", "table"}, {"key_schema", schema}, {"item_count", static_cast<uint64_t>(store_.items.size())}, {"items", items},
                {"changes", static_cast<uint64_t>(store_.changes.size())}};
  if (!config_->stream_view_type.empty()) state["stream"] = StreamState();
  return state;
}

}  // namespace eventlab::cloud::tables
