// Request helpers the table operations share: expression placeholders, conditions, return values.
#pragma once

#include <memory>
#include <algorithm>
#include <string>

#include "cloud/tables/attribute_value.h"
#include "cloud/tables/expressions.h"

namespace eventlab::cloud::tables {

inline core::Error Validation(const std::string& message) { return {"ValidationException", message, 400}; }

/// A single Query or Scan reads at most 1 MB of data before it stops with a LastEvaluatedKey
/// (DynamoDB developer guide, "Paginating table query results").
inline constexpr uint64_t kMaxPageBytes = 1048576;

/// The caller's expression placeholders, validated, and which of them the expressions used.
struct Expressions {
  Json names = Json::object();
  Json values = Json::object();
  Placeholders ph;
  bool any_expression = false;
};

inline core::Result<std::unique_ptr<Expressions>> ReadPlaceholders(const Json& args) {
  auto e = std::make_unique<Expressions>();
  if (auto it = args.find("expression_attribute_names"); it != args.end() && !it->is_null()) {
    if (!it->is_object() || it->empty()) return Validation("ExpressionAttributeNames must not be empty");
    for (auto& [k, v] : it->items()) {
      if (k.size() < 2 || k[0] != '#' || !v.is_string()) {
        return Validation("ExpressionAttributeNames contains invalid key: Syntax error; key: \"" + k + "\"");
      }
    }
    e->names = *it;
    e->ph.names = &e->names;
  }
  if (auto it = args.find("expression_attribute_values"); it != args.end() && !it->is_null()) {
    if (!it->is_object() || it->empty()) return Validation("ExpressionAttributeValues must not be empty");
    e->values = *it;
    for (auto& [k, v] : e->values.items()) {
      if (k.size() < 2 || k[0] != ':') return Validation("ExpressionAttributeValues contains invalid key: Syntax error; key: \"" + k + "\"");
      if (auto problem = ValidateAttributeValue(v)) {
        return Validation("ExpressionAttributeValues contains invalid value: " + *problem + " for key " + k);
      }
    }
    e->ph.values = &e->values;
  }
  return e;
}

/// Parses args[key] as a condition, or returns nullptr when absent.
inline core::Result<std::shared_ptr<const Condition>> ReadCondition(const Json& args, const char* key, const std::string& label,
                                                              Expressions& e) {
  auto it = args.find(key);
  if (it == args.end() || it->is_null()) return std::shared_ptr<const Condition>();
  if (!it->is_string()) return Validation(label + " must be a string");
  e.any_expression = true;
  return ParseCondition(it->get<std::string>(), label, e.ph);
}

/// DynamoDB refuses placeholders that no expression used.
inline std::optional<core::Error> CheckAllUsed(const Expressions& e) {
  if (!e.any_expression && (e.ph.names || e.ph.values)) {
    return Validation(std::string(e.ph.values ? "ExpressionAttributeValues" : "ExpressionAttributeNames") +
                      " can only be specified when using expressions");
  }
  auto unused = [](const Json& given, const std::set<std::string>& used) {
    std::string list;
    for (auto& [k, v] : given.items()) {
      if (!used.count(k)) list += (list.empty() ? "" : ", ") + k;
    }
    return list;
  };
  if (auto l = unused(e.names, e.ph.used_names); !l.empty()) {
    return Validation("Value provided in ExpressionAttributeNames unused in expressions: keys: {" + l + "}");
  }
  if (auto l = unused(e.values, e.ph.used_values); !l.empty()) {
    return Validation("Value provided in ExpressionAttributeValues unused in expressions: keys: {" + l + "}");
  }
  return std::nullopt;
}

inline std::string ReturnValues(const Json& args) {
  auto it = args.find("return_values");
  return it != args.end() && it->is_string() ? it->get<std::string>() : "NONE";
}

inline std::optional<core::Error> CheckReturnValues(const Json& args, bool update) {
  const std::string rv = ReturnValues(args);
  static const char* kAll[] = {"NONE", "ALL_OLD", "UPDATED_OLD", "ALL_NEW", "UPDATED_NEW"};
  if (std::find(std::begin(kAll), std::end(kAll), rv) == std::end(kAll)) {
    return Validation("1 validation error detected: Value '" + rv +
                      "' at 'returnValues' failed to satisfy constraint: Member must satisfy enum value set: "
                      "[ALL_NEW, UPDATED_OLD, ALL_OLD, NONE, UPDATED_NEW]");
  }
  if (!update && rv != "NONE" && rv != "ALL_OLD") return Validation("ReturnValues can only be ALL_OLD or NONE");
  return std::nullopt;
}

inline bool SameItem(const Json& a, const Json& b) { return ValuesEqual(Json{{"M", a}}, Json{{"M", b}}); }

}  // namespace eventlab::cloud::tables
