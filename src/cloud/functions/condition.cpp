// Comparisons are numeric for two numbers, lexicographic for two strings, and an error otherwise,
// so a typo in a path cannot silently compare null with a number.
#include "cloud/functions/condition.h"
#include "core/json_bounds.h"

#include <set>

namespace eventlab::cloud::functions {
namespace {

const std::set<std::string>& BinaryOps() {
  static const std::set<std::string> kOps = {"eq", "ne", "lt", "le", "gt", "ge", "starts_with"};
  return kOps;
}

core::Error ConditionError(std::string m) { return core::Error{"Runtime.TemplateError", std::move(m), 500}; }

core::Result<bool> Compare(const std::string& op, const Json& a, const Json& b) {
  if (op == "eq") return a == b;
  if (op == "ne") return a != b;
  if (op == "starts_with") {
    if (!a.is_string() || !b.is_string()) return ConditionError("starts_with needs two strings");
    return a.get_ref<const std::string&>().rfind(b.get_ref<const std::string&>(), 0) == 0;
  }
  const bool both_numbers = a.is_number() && b.is_number();
  const bool both_strings = a.is_string() && b.is_string();
  if (!both_numbers && !both_strings) {
    return ConditionError(op + " compares two numbers or two strings, not " + core::DumpText(a) + " and " + core::DumpText(b));
  }
  if (op == "lt") return a < b;
  if (op == "le") return a <= b;
  if (op == "gt") return a > b;
  return a >= b;
}

}  // namespace

core::Result<bool> EvaluateCondition(const Json& c, TemplateScope& scope) {
  if (c.is_boolean()) return c.get<bool>();
  if (c.is_string()) {
    auto v = Render(c, scope);
    if (!v.ok()) return v.error();
    return Truthy(v.value());
  }
  const std::string op = c.begin().key();
  const Json& arg = c.begin().value();
  if (BinaryOps().count(op)) {
    auto a = Render(arg[0], scope);
    if (!a.ok()) return a.error();
    auto b = Render(arg[1], scope);
    if (!b.ok()) return b.error();
    return Compare(op, a.value(), b.value());
  }
  if (op == "exists") {
    const Json* v = scope.vars ? LookupPath(*scope.vars, arg.get<std::string>()) : nullptr;
    return v != nullptr && !v->is_null();
  }
  if (op == "not") {
    auto v = EvaluateCondition(arg, scope);
    if (!v.ok()) return v;
    return !v.value();
  }
  const bool is_and = op == "and";
  for (const Json& item : arg) {
    auto v = EvaluateCondition(item, scope);
    if (!v.ok()) return v;
    if (v.value() != is_and) return !is_and;
  }
  return is_and;
}

std::string CheckCondition(const Json& c) {
  if (c.is_boolean()) return "";
  if (c.is_string()) return CheckTemplates(c);
  if (!c.is_object() || c.size() != 1) {
    return "a condition is true, false, a \"${...}\" string, or an object with one operator";
  }
  const std::string op = c.begin().key();
  const Json& arg = c.begin().value();
  if (BinaryOps().count(op)) {
    if (!arg.is_array() || arg.size() != 2) return "\"" + op + "\" takes an array of two values";
    return CheckTemplates(arg);
  }
  if (op == "exists") {
    const bool bare_path = arg.is_string() && arg.get_ref<const std::string&>().find("${") == std::string::npos &&
                           !arg.get_ref<const std::string&>().empty();
    return bare_path ? "" : "\"exists\" takes a bare path such as \"container.secret\" (no \"${...}\")";
  }
  if (op == "not") return CheckCondition(arg);
  if (op == "and" || op == "or") {
    if (!arg.is_array() || arg.empty()) return "\"" + op + "\" takes a non-empty array of conditions";
    for (const Json& item : arg) {
      std::string e = CheckCondition(item);
      if (!e.empty()) return e;
    }
    return "";
  }
  return "unknown operator \"" + op + "\" (eq, ne, lt, le, gt, ge, starts_with, exists, and, or, not)";
}

}  // namespace eventlab::cloud::functions
