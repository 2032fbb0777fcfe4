// Reads checks and delivery matches from exercise JSON, naming every mistake by its pointer.
#include <cmath>

#include "cloud/functions/condition.h"
#include "cloud/functions/template.h"
#include "core/json_bounds.h"
#include "core/sim_time.h"
#include "grading/check.h"

namespace eventlab::grading {
namespace {

using scenario::CheckKeys;
using scenario::Child;
using scenario::Problems;
using scenario::TypeName;

// Nested matches and checks recurse; exercises written by hand nest a few levels.
constexpr int kMaxCheckNesting = 16;

const char* const kCheckKinds[] = {"some", "none", "every", "count", "figure", "state", "all", "any", "not"};
const char* const kComparators[] = {"eq", "lt", "le", "gt", "ge"};

void ParseComparison(const Json& obj, const std::string& path, Comparison& out, Problems& p) {
  for (const char* key : kComparators) {
    auto it = obj.find(key);
    if (it == obj.end()) continue;
    if (!it->is_number()) {
      p.Add(Child(path, key), std::string("expected a number, got ") + TypeName(*it));
      continue;
    }
    double v = it->get<double>();
    std::string k = key;
    (k == "eq" ? out.eq : k == "lt" ? out.lt : k == "le" ? out.le : k == "gt" ? out.gt : out.ge) = v;
  }
}

std::optional<std::string> ReadGlob(const Json& obj, const char* key, const std::string& path, Problems& p) {
  auto it = obj.find(key);
  if (it == obj.end()) return std::nullopt;
  if (!it->is_string() || it->get_ref<const std::string&>().empty()) {
    p.Add(Child(path, key), "expected a non-empty string (an address such as \"function:resize\", '*' for any run of characters), got " + TypeName(*it));
    return std::nullopt;
  }
  return it->get<std::string>();
}

std::optional<int64_t> ReadTime(const Json& v, const std::string& path, Problems& p) {
  auto t = scenario::ParseDurationAt(v, path, p);
  if (!t) return std::nullopt;
  return t->us;
}

std::shared_ptr<Match> ParseMatchAt(const Json& v, const std::string& path, Problems& p, int depth);

bool ParseMatchInto(const Json& v, const std::string& path, Problems& p, int depth, Match& m) {
  if (!v.is_object()) {
    p.Add(path, "a match is an object of conditions on a delivery (from, to, kind, error, where, payload_bytes, window, caused_by, after, before), got " + TypeName(v));
    return false;
  }
  if (depth > kMaxCheckNesting) {
    p.Add(path, "matches nest deeper than " + std::to_string(kMaxCheckNesting) + " levels");
    return false;
  }
  size_t before = p.Count();
  CheckKeys(v, path, {"from", "to", "kind", "error", "where", "payload_bytes", "window", "caused_by", "after", "before"}, p);
  m.from = ReadGlob(v, "from", path, p);
  m.to = ReadGlob(v, "to", path, p);
  m.kind = ReadGlob(v, "kind", path, p);
  if (auto it = v.find("error"); it != v.end()) {
    if (it->is_boolean() || (it->is_string() && !it->get_ref<const std::string&>().empty())) m.error = *it;
    else p.Add(Child(path, "error"), "expected true (any error), false (no error) or an error code such as \"AccessDenied\", got " + TypeName(*it));
  }
  if (auto it = v.find("where"); it != v.end()) {
    std::string why = cloud::functions::CheckCondition(*it);
    if (!why.empty()) p.Add(Child(path, "where"), why);
    else m.where = *it;
  }
  if (auto it = v.find("payload_bytes"); it != v.end()) {
    if (!it->is_object()) p.Add(Child(path, "payload_bytes"), "expected an object of bounds such as {\"gt\": 6291456}, got " + TypeName(*it));
    else {
      CheckKeys(*it, Child(path, "payload_bytes"), {"eq", "lt", "le", "gt", "ge"}, p);
      ParseComparison(*it, Child(path, "payload_bytes"), m.payload_bytes, p);
    }
  }
  if (auto it = v.find("window"); it != v.end()) {
    std::string wp = Child(path, "window");
    if (!it->is_object()) p.Add(wp, "expected {\"from\": duration, \"to\": duration}, got " + TypeName(*it));
    else {
      CheckKeys(*it, wp, {"from", "to"}, p);
      if (it->contains("from")) m.window_from_us = ReadTime((*it)["from"], Child(wp, "from"), p);
      if (it->contains("to")) m.window_to_us = ReadTime((*it)["to"], Child(wp, "to"), p);
      if (m.window_from_us && m.window_to_us && *m.window_from_us > *m.window_to_us)
        p.Add(wp, "from is after to");
    }
  }
  for (const char* key : {"caused_by", "after", "before"}) {
    auto it = v.find(key);
    if (it == v.end()) continue;
    auto inner = ParseMatchAt(*it, Child(path, key), p, depth + 1);
    std::string k = key;
    (k == "caused_by" ? m.caused_by : k == "after" ? m.after : m.before) = inner;
  }
  return p.Count() == before;
}

std::shared_ptr<Match> ParseMatchAt(const Json& v, const std::string& path, Problems& p, int depth) {
  auto m = std::make_shared<Match>();
  if (!ParseMatchInto(v, path, p, depth, *m)) return nullptr;
  return m;
}

std::optional<Check> ParseAt(const Json& v, const std::string& path, Problems& p, int depth);

// The field a figure reads: "payload_bytes", or a template path over the delivery's fields.
bool ValidFieldPath(const std::string& field) {
  if (field == "payload_bytes") return true;
  return cloud::functions::CheckTemplates(Json("${" + field + "}")).empty() && field.find('(') == std::string::npos;
}

std::optional<Check> ParseAt(const Json& v, const std::string& path, Problems& p, int depth) {
  if (!v.is_object()) {
    p.Add(path, "a check is an object with one of: some, none, every, count, figure, state, all, any, not; got " + TypeName(v));
    return std::nullopt;
  }
  if (depth > kMaxCheckNesting) {
    p.Add(path, "checks nest deeper than " + std::to_string(kMaxCheckNesting) + " levels");
    return std::nullopt;
  }
  std::vector<std::string> kinds;
  for (const char* k : kCheckKinds)
    if (v.contains(k)) kinds.push_back(k);
  if (kinds.size() != 1) {
    p.Add(path, kinds.empty() ? "missing the check's kind: one of some, none, every, count, figure, state, all, any, not"
                              : "a check has one kind, got both \"" + kinds[0] + "\" and \"" + kinds[1] + "\"");
    return std::nullopt;
  }
  const std::string& kind = kinds[0];
  size_t before = p.Count();
  Check c;
  const std::string kp = Child(path, kind);
  if (kind == "some" || kind == "none") {
    CheckKeys(v, path, {kind.c_str()}, p);
    c.kind = kind == "some" ? Check::Kind::kSome : Check::Kind::kNone;
    ParseMatchInto(v[kind], kp, p, depth + 1, c.match);
  } else if (kind == "every") {
    CheckKeys(v, path, {"every", "satisfies"}, p);
    c.kind = Check::Kind::kEvery;
    ParseMatchInto(v["every"], kp, p, depth + 1, c.match);
    if (!v.contains("satisfies")) p.Add(path, "missing \"satisfies\": what every matching delivery must also meet");
    else ParseMatchInto(v["satisfies"], Child(path, "satisfies"), p, depth + 1, c.satisfies);
  } else if (kind == "count") {
    CheckKeys(v, path, {"count", "eq", "lt", "le", "gt", "ge"}, p);
    c.kind = Check::Kind::kCount;
    ParseMatchInto(v["count"], kp, p, depth + 1, c.match);
    ParseComparison(v, path, c.bounds, p);
    if (c.bounds.Empty()) p.Add(path, "a count needs a bound: eq, lt, le, gt or ge");
  } else if (kind == "figure") {
    CheckKeys(v, path, {"figure", "of", "field", "p", "eq", "lt", "le", "gt", "ge"}, p);
    c.kind = Check::Kind::kFigure;
    const Json& f = v["figure"];
    static const char* const kFigures[] = {"count", "sum", "min", "max", "percentile"};
    bool known = false;
    for (const char* name : kFigures) known = known || (f.is_string() && f == name);
    if (!known) p.Add(kp, "expected one of \"count\", \"sum\", \"min\", \"max\", \"percentile\", got " + core::Snippet(f, 60));
    else c.figure = f.get<std::string>();
    if (!v.contains("of")) p.Add(path, "missing \"of\": a match for the deliveries the figure reads");
    else ParseMatchInto(v["of"], Child(path, "of"), p, depth + 1, c.match);
    if (c.figure != "count") {
      auto field = v.find("field");
      if (field == v.end()) p.Add(path, "missing \"field\": \"payload_bytes\" or a path such as \"payload.size\"");
      else if (!field->is_string() || !ValidFieldPath(field->get<std::string>()))
        p.Add(Child(path, "field"), "expected \"payload_bytes\" or a path such as \"payload.Records[0].s3.object.size\", got " + core::Snippet(*field, 80));
      else c.field = field->get<std::string>();
    }
    if (c.figure == "percentile") {
      auto pct = v.find("p");
      if (pct == v.end() || !pct->is_number() || pct->get<double>() <= 0 || pct->get<double>() > 100)
        p.Add(Child(path, "p"), "a percentile needs \"p\", a number above 0 and at most 100");
      else c.percentile = pct->get<double>();
    } else if (v.contains("p")) {
      p.Add(Child(path, "p"), "only a percentile figure takes \"p\"");
    }
    ParseComparison(v, path, c.bounds, p);
    if (c.bounds.Empty()) p.Add(path, "a figure needs a bound: eq, lt, le, gt or ge");
  } else if (kind == "state") {
    CheckKeys(v, path, {"state", "resource"}, p);
    c.kind = Check::Kind::kState;
    std::string why = cloud::functions::CheckCondition(v["state"]);
    if (!why.empty()) p.Add(kp, why);
    else c.condition = v["state"];
    if (auto r = v.find("resource"); r != v.end()) {
      if (!r->is_string() || r->get_ref<const std::string&>().find(':') == std::string::npos)
        p.Add(Child(path, "resource"), "expected an address such as \"bucket:uploads\", got " + core::Snippet(*r, 60));
      else c.state_resource = r->get<std::string>();
    }
  } else if (kind == "not") {
    CheckKeys(v, path, {"not"}, p);
    c.kind = Check::Kind::kNot;
    if (auto inner = ParseAt(v["not"], kp, p, depth + 1)) c.children.push_back(std::move(*inner));
  } else {  // all, any
    CheckKeys(v, path, {kind.c_str()}, p);
    c.kind = kind == "all" ? Check::Kind::kAll : Check::Kind::kAny;
    const Json& list = v[kind];
    if (!list.is_array() || list.empty()) p.Add(kp, "expected a non-empty array of checks, got " + TypeName(list));
    else
      for (size_t i = 0; i < list.size(); ++i)
        if (auto inner = ParseAt(list[i], Child(kp, i), p, depth + 1)) c.children.push_back(std::move(*inner));
  }
  if (p.Count() != before) return std::nullopt;
  return c;
}

std::string Number(double v) {
  if (std::floor(v) == v && std::fabs(v) < 1e15) return std::to_string(static_cast<int64_t>(v));
  return core::DumpText(Json(v));
}

}  // namespace

bool Comparison::Holds(double v) const {
  return (!eq || v == *eq) && (!lt || v < *lt) && (!le || v <= *le) && (!gt || v > *gt) && (!ge || v >= *ge);
}

std::string Comparison::Text() const {
  std::string out;
  auto add = [&](const std::optional<double>& b, const char* words) {
    if (!b) return;
    if (!out.empty()) out += " and ";
    out += words + Number(*b);
  };
  add(eq, "exactly ");
  add(gt, "more than ");
  add(ge, "at least ");
  add(lt, "less than ");
  add(le, "at most ");
  return out;
}

std::optional<Check> ParseCheck(const Json& value, const std::string& path, scenario::Problems& problems) {
  return ParseAt(value, path, problems, 0);
}

}  // namespace eventlab::grading
