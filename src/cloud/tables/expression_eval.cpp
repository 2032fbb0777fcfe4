// Evaluating parsed expressions: conditions against an item, and update actions applied to one.
// Every operand of an update reads the item as it was before the update, as in DynamoDB.
#include <algorithm>

#include "cloud/tables/attribute_value.h"
#include "cloud/tables/expressions.h"

namespace eventlab::cloud::tables {
namespace {

bool StartsWith(const Json& value, const Json& prefix) {
  const std::string t = TypeOf(value);
  if (t != TypeOf(prefix) || (t != "S" && t != "B")) return false;
  std::string v = value.begin()->get<std::string>(), p = prefix.begin()->get<std::string>();
  if (t == "B") v = DecodeBase64(v), p = DecodeBase64(p);
  return v.compare(0, p.size(), p) == 0;
}

const Json* ValueOf(const Operand& o, const Json& item) { return o.is_path ? Resolve(item, o.path) : &o.value; }

std::optional<Json> TermValue(const Term& t, const Json& item, std::string& problem) {
  if (t.function == "if_not_exists") {
    const Json* existing = ValueOf(t.operands[0], item);
    const Json* v = existing ? existing : ValueOf(t.operands[1], item);
    if (!v) problem = "The provided expression refers to an attribute that does not exist in the item";
    return v ? std::optional<Json>(*v) : std::nullopt;
  }
  std::vector<Json> values;
  for (const Operand& o : t.operands) {
    const Json* v = ValueOf(o, item);
    if (!v) {
      problem = "The provided expression refers to an attribute that does not exist in the item";
      return std::nullopt;
    }
    values.push_back(*v);
  }
  if (t.function.empty()) return values[0];
  if (TypeOf(values[0]) != "L" || TypeOf(values[1]) != "L") {
    problem = "An operand in the update expression has an incorrect data type";
    return std::nullopt;
  }
  Json list = values[0]["L"];
  for (const Json& e : values[1]["L"]) list.push_back(e);
  return Json{{"L", list}};
}

/// Sets `path` in `item` to `value`; the parent of a nested path must be an existing map.
bool Assign(Json& item, const Path& path, const Json& value) {
  Json* at = &item;
  for (size_t i = 0; i + 1 < path.size(); ++i) {
    if (!at->contains(path[i]) || TypeOf((*at)[path[i]]) != "M") return false;
    at = &(*at)[path[i]]["M"];
  }
  (*at)[path.back()] = value;
  return true;
}

void Erase(Json& item, const Path& path) {
  Json* at = &item;
  for (size_t i = 0; i + 1 < path.size(); ++i) {
    if (!at->contains(path[i]) || TypeOf((*at)[path[i]]) != "M") return;
    at = &(*at)[path[i]]["M"];
  }
  at->erase(path.back());
}

}  // namespace

const Json* Resolve(const Json& item, const Path& path) {
  const Json* at = &item;
  for (size_t i = 0; i < path.size(); ++i) {
    if (!at->is_object()) return nullptr;
    auto it = at->find(path[i]);
    if (it == at->end()) return nullptr;
    at = &*it;
    if (i + 1 < path.size()) {
      if (TypeOf(*at) != "M") return nullptr;
      at = &(*at)["M"];
    }
  }
  return at;
}

bool Evaluate(const Condition& c, const Json& item) {
  using K = Condition::Kind;
  switch (c.kind) {
    case K::kAnd: return Evaluate(*c.children[0], item) && Evaluate(*c.children[1], item);
    case K::kOr: return Evaluate(*c.children[0], item) || Evaluate(*c.children[1], item);
    case K::kNot: return !Evaluate(*c.children[0], item);
    case K::kExists: return Resolve(item, c.operands[0].path) != nullptr;
    case K::kNotExists: return Resolve(item, c.operands[0].path) == nullptr;
    case K::kBeginsWith: {
      const Json* v = ValueOf(c.operands[0], item);
      const Json* p = ValueOf(c.operands[1], item);
      return v && p && StartsWith(*v, *p);
    }
    case K::kBetween: {
      const Json* v = ValueOf(c.operands[0], item);
      const Json* lo = ValueOf(c.operands[1], item);
      const Json* hi = ValueOf(c.operands[2], item);
      if (!v || !lo || !hi) return false;
      auto a = CompareValues(*v, *lo), b = CompareValues(*v, *hi);
      return a && b && *a >= 0 && *b <= 0;
    }
    case K::kCompare: {
      const Json* a = ValueOf(c.operands[0], item);
      const Json* b = ValueOf(c.operands[1], item);
      if (!a || !b) return c.op == "<>" && (a || b);  // a missing attribute differs from any value
      if (c.op == "=") return ValuesEqual(*a, *b);
      if (c.op == "<>") return !ValuesEqual(*a, *b);
      auto cmp = CompareValues(*a, *b);
      if (!cmp) return false;
      if (c.op == "<") return *cmp < 0;
      if (c.op == "<=") return *cmp <= 0;
      if (c.op == ">") return *cmp > 0;
      return *cmp >= 0;
    }
  }
  return false;
}

std::optional<std::string> ApplyUpdate(const Update& u, Json& item) {
  const Json original = item;  // every operand reads the item as it was before the update
  std::string problem;
  for (const auto& [path, sv] : u.set) {
    auto left = TermValue(sv.left, original, problem);
    if (!left) return problem;
    Json value = *left;
    if (!sv.op.empty()) {
      auto right = TermValue(sv.right, original, problem);
      if (!right) return problem;
      if (TypeOf(value) != "N" || TypeOf(*right) != "N") return "An operand in the update expression has an incorrect data type";
      value = Json{{"N", AddNumbers(value["N"].get<std::string>(), (*right)["N"].get<std::string>(), sv.op == "-")}};
      if (!IsNumber(value["N"].get<std::string>())) {
        return "Number overflow. Attempting to store a number with magnitude larger than supported range";
      }
    }
    if (!Assign(item, path, value)) return "The document path provided in the update expression is invalid for update";
  }
  for (const Path& path : u.remove) Erase(item, path);
  for (const auto& [path, operand] : u.add) {
    const Json* existing = Resolve(item, path);
    const std::string t = TypeOf(operand.value);
    Json value = operand.value;
    if (existing) {
      if (TypeOf(*existing) != t || (t != "N" && t != "SS" && t != "NS" && t != "BS")) {
        return "An operand in the update expression has an incorrect data type";
      }
      if (t == "N") {
        value = Json{{"N", AddNumbers((*existing)["N"].get<std::string>(), operand.value["N"].get<std::string>())}};
      } else {
        value = *existing;
        for (const Json& e : operand.value[t]) {
          bool found = false;
          for (const Json& f : value[t]) found = found || ValuesEqual(Json{{t.substr(0, 1), e}}, Json{{t.substr(0, 1), f}});
          if (!found) value[t].push_back(e);
        }
      }
    } else if (t != "N" && t != "SS" && t != "NS" && t != "BS") {
      return "Invalid UpdateExpression: Incorrect operand type for operator or function; operator: ADD, operand type: " +
             (t == "S" ? std::string("STRING") : t);
    }
    if (!Assign(item, path, value)) return "The document path provided in the update expression is invalid for update";
  }
  return std::nullopt;
}

std::vector<std::string> UpdatedAttributes(const Update& u) {
  std::vector<std::string> out;
  auto add = [&](const std::string& name) {
    if (std::find(out.begin(), out.end(), name) == out.end()) out.push_back(name);
  };
  for (const auto& [path, v] : u.set) add(path[0]);
  for (const auto& path : u.remove) add(path[0]);
  for (const auto& [path, v] : u.add) add(path[0]);
  return out;
}

}  // namespace eventlab::cloud::tables
