// DynamoDB expressions: condition and filter expressions, key condition expressions for Query and
// update expressions, parsed by a small recursive-descent parser into trees that are evaluated
// against items. #name and :value placeholders are resolved while parsing.
#pragma once

#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/event.h"
#include "core/result.h"

namespace eventlab::cloud::tables {

using core::Json;

/// A document path: top-level attribute name, then map keys ("a.b" -> {"a", "b"}).
using Path = std::vector<std::string>;

/// An operand: an attribute path, or a typed value from ExpressionAttributeValues.
struct Operand {
  bool is_path = false;
  Path path;
  Json value;  ///< the typed value when !is_path
};

/// One node of a condition tree.
struct Condition {
  enum class Kind { kAnd, kOr, kNot, kCompare, kBetween, kExists, kNotExists, kBeginsWith };
  Kind kind = Kind::kCompare;
  std::string op;                               ///< for kCompare: "=", "<>", "<", "<=", ">", ">="
  std::vector<Operand> operands;                ///< kCompare: 2, kBetween: 3, kExists/kNotExists: 1, kBeginsWith: 2
  std::vector<std::shared_ptr<const Condition>> children;  ///< kAnd/kOr: 2, kNot: 1
};

/// What placeholders resolve to, and which were used (DynamoDB rejects unused ones).
struct Placeholders {
  const Json* names = nullptr;   ///< ExpressionAttributeNames {"#n": "name"}, or nullptr
  const Json* values = nullptr;  ///< ExpressionAttributeValues {":v": {"S": "x"}}, or nullptr
  std::set<std::string> used_names;
  std::set<std::string> used_values;
};

/// Parses a condition (ConditionExpression, FilterExpression, KeyConditionExpression). `label`
/// names it in errors: "Invalid <label>: Syntax error; token: ..." (ValidationException).
core::Result<std::shared_ptr<const Condition>> ParseCondition(const std::string& text, const std::string& label,
                                                              Placeholders& ph);

/// True if `item` (attribute name -> typed value; null for a missing item) satisfies `c`.
bool Evaluate(const Condition& c, const Json& item);

/// The value at `path` in `item`, or nullptr when absent.
const Json* Resolve(const Json& item, const Path& path);

/// One SET term: an operand, if_not_exists(path, operand) or list_append(operand, operand).
struct Term {
  std::string function;           ///< "", "if_not_exists" or "list_append"
  std::vector<Operand> operands;  ///< 1 for a plain operand, else 2
};

/// One SET value: a term, or term + term / term - term (numbers).
struct SetValue {
  Term left;
  std::string op;  ///< "", "+" or "-"
  Term right;      ///< when op is set
};

/// A parsed update expression.
struct Update {
  std::vector<std::pair<Path, SetValue>> set;
  std::vector<Path> remove;
  std::vector<std::pair<Path, Operand>> add;  ///< ADD path :value (numbers and sets)
};

/// Parses an UpdateExpression ("SET a = :v, n = n + :inc REMOVE c ADD d :one").
core::Result<Update> ParseUpdate(const std::string& text, Placeholders& ph);

/// Applies `u` to `item` in place, or returns DynamoDB's ValidationException message.
std::optional<std::string> ApplyUpdate(const Update& u, Json& item);

/// The top-level attribute names an update changes, in order.
std::vector<std::string> UpdatedAttributes(const Update& u);

}  // namespace eventlab::cloud::tables
