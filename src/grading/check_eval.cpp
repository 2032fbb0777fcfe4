#include "grading/check_eval.h"

#include <algorithm>
#include <cmath>

#include "cloud/functions/condition.h"
#include "cloud/iam/permissions.h"
#include "core/digest.h"

namespace eventlab::grading {
namespace {

using cloud::functions::TemplateScope;


class Matcher {
 public:
  explicit Matcher(const RunFacts& run) : run_(run) {}

  bool Matches(const Match& m, size_t i) {
    const core::Event& e = run_.Trace()[i].event;
    if (m.from && !cloud::iam::GlobMatch(*m.from, e.from)) return false;
    if (m.to && !cloud::iam::GlobMatch(*m.to, e.to)) return false;
    if (m.kind && !cloud::iam::GlobMatch(*m.kind, e.kind)) return false;
    if (m.error) {
      if (m.error->is_boolean()) {
        if (m.error->get<bool>() != e.error.has_value()) return false;
      } else if (!e.error || e.error->code != m.error->get_ref<const std::string&>()) {
        return false;
      }
    }
    if (m.window_from_us && e.time.us < *m.window_from_us) return false;
    if (m.window_to_us && e.time.us > *m.window_to_us) return false;
    if (!m.payload_bytes.Empty() && !m.payload_bytes.Holds(static_cast<double>(core::PayloadSize(e.payload))))
      return false;
    if (m.where && !Where(*m.where, i)) return false;
    if (m.caused_by) {
      bool found = false;
      for (auto a = run_.ParentIndex(i); a && !found; a = run_.ParentIndex(*a)) found = Matches(*m.caused_by, *a);
      if (!found) return false;
    }
    if (m.after && !AnyIn(*m.after, 0, i)) return false;
    if (m.before && !AnyIn(*m.before, i + 1, run_.Trace().size())) return false;
    return true;
  }

  std::vector<size_t> All(const Match& m) {
    std::vector<size_t> out;
    for (size_t i = 0; i < run_.Trace().size(); ++i)
      if (Matches(m, i)) out.push_back(i);
    return out;
  }

 private:
  bool AnyIn(const Match& m, size_t from, size_t to) {
    for (size_t j = from; j < to; ++j)
      if (Matches(m, j)) return true;
    return false;
  }

  bool Where(const Json& condition, size_t i) {
    TemplateScope scope;
    scope.vars = &run_.Fields(i);
    auto r = cloud::functions::EvaluateCondition(condition, scope);
    // A path the delivery lacks (most deliveries lack most paths) makes the condition false.
    return r.ok() && r.value();
  }

  const RunFacts& run_;
};

std::optional<double> FieldValue(const Check& c, const RunFacts& run, size_t i, Json* raw) {
  if (c.field == "payload_bytes") {
    *raw = core::PayloadSize(run.Trace()[i].event.payload);
    return raw->get<double>();
  }
  const Json* v = cloud::functions::LookupPath(run.Fields(i), c.field);
  if (!v || !v->is_number()) return std::nullopt;
  *raw = *v;
  return v->get<double>();
}

CheckOutcome Figure(const Check& c, const RunFacts& run, Matcher& matcher) {
  CheckOutcome out;
  std::vector<size_t> matched = matcher.All(c.match);
  struct Point {
    double value;
    size_t index;
    Json raw;
  };
  std::vector<Point> points;
  for (size_t i : matched) {
    if (c.figure == "count") {
      points.push_back({0, i, Json()});
      continue;
    }
    Json raw;
    if (auto v = FieldValue(c, run, i, &raw)) points.push_back({*v, i, raw});
  }
  out.found["count"] = points.size();
  if (c.figure == "count") {
    out.found["value"] = points.size();
    out.passed = c.bounds.Holds(static_cast<double>(points.size()));
    if (!points.empty()) out.evidence = points.back().index;
    return out;
  }
  if (points.empty()) {
    out.found["value"] = nullptr;
    return out;  // no value to compare: a figure over nothing fails
  }
  if (c.figure == "sum") {
    double sum = 0;
    for (const auto& pt : points) sum += pt.value;
    out.found["value"] = std::floor(sum) == sum && std::fabs(sum) < 9e15 ? Json(static_cast<int64_t>(sum)) : Json(sum);
    out.passed = c.bounds.Holds(sum);
    out.evidence = points.back().index;
    return out;
  }
  // min, max and percentiles are values of real deliveries, so the evidence is the one holding it.
  std::vector<Point> sorted = points;
  std::stable_sort(sorted.begin(), sorted.end(), [](const Point& a, const Point& b) { return a.value < b.value; });
  size_t pick = 0;
  if (c.figure == "max") pick = sorted.size() - 1;
  else if (c.figure == "percentile") {
    // Nearest rank: the smallest value with at least p% of the values at or below it.
    size_t rank = static_cast<size_t>(std::ceil(c.percentile / 100.0 * static_cast<double>(sorted.size())));
    pick = std::clamp<size_t>(rank, 1, sorted.size()) - 1;
  }
  out.found["value"] = sorted[pick].raw;
  out.passed = c.bounds.Holds(sorted[pick].value);
  out.evidence = sorted[pick].index;
  return out;
}

CheckOutcome Evaluate(const Check& c, const RunFacts& run, std::string* problem) {
  Matcher matcher(run);
  CheckOutcome out;
  const size_t n = run.Trace().size();
  switch (c.kind) {
    case Check::Kind::kSome:
    case Check::Kind::kNone: {
      std::vector<size_t> matched = matcher.All(c.match);
      out.found["count"] = matched.size();
      bool any = !matched.empty();
      out.passed = c.kind == Check::Kind::kSome ? any : !any;
      if (any) out.evidence = matched.front();
      return out;
    }
    case Check::Kind::kEvery: {
      uint64_t count = 0, violations = 0;
      std::optional<size_t> last, first_violation;
      for (size_t i = 0; i < n; ++i) {
        if (!matcher.Matches(c.match, i)) continue;
        ++count;
        last = i;
        if (!matcher.Matches(c.satisfies, i)) {
          ++violations;
          if (!first_violation) first_violation = i;
        }
      }
      out.found = {{"count", count}, {"violations", violations}};
      out.passed = violations == 0;
      out.evidence = first_violation ? first_violation : last;
      return out;
    }
    case Check::Kind::kCount: {
      std::vector<size_t> matched = matcher.All(c.match);
      out.found["count"] = matched.size();
      out.passed = c.bounds.Holds(static_cast<double>(matched.size()));
      if (matched.empty()) return out;
      out.evidence = matched.back();
      // Too many: the first delivery past the allowed number is what broke it.
      double limit = c.bounds.le ? *c.bounds.le : c.bounds.lt ? *c.bounds.lt - 1 : c.bounds.eq ? *c.bounds.eq : -1;
      if (!out.passed && limit >= 0 && static_cast<double>(matched.size()) > limit) {
        size_t k = static_cast<size_t>(std::max(0.0, std::floor(limit)));
        if (k < matched.size()) out.evidence = matched[k];
      }
      return out;
    }
    case Check::Kind::kFigure:
      return Figure(c, run, matcher);
    case Check::Kind::kState: {
      TemplateScope scope;
      Json vars = {{"state", run.State()}};
      scope.vars = &vars;
      auto r = cloud::functions::EvaluateCondition(c.condition, scope);
      if (!r.ok()) {
        if (problem->empty()) *problem = "state: " + r.error().message;
      } else {
        out.passed = r.value();
      }
      for (size_t i = n; i-- > 0;) {
        const core::Event& e = run.Trace()[i].event;
        if (c.state_resource.empty() || e.to == c.state_resource || e.from == c.state_resource) {
          out.evidence = i;
          break;
        }
      }
      return out;
    }
    case Check::Kind::kNot: {
      out = Evaluate(c.children[0], run, problem);
      out.passed = !out.passed;
      return out;
    }
    case Check::Kind::kAll:
    case Check::Kind::kAny: {
      bool want = c.kind == Check::Kind::kAny;  // the outcome that decides
      CheckOutcome decisive;
      for (const Check& child : c.children) {
        CheckOutcome r = Evaluate(child, run, problem);
        decisive = r;
        if (r.passed == want) break;
      }
      return decisive;
    }
  }
  return out;
}

}  // namespace

CheckOutcome EvaluateCheck(const Check& check, const RunFacts& run) {
  std::string problem;
  CheckOutcome out = Evaluate(check, run, &problem);
  out.problem = problem;
  return out;
}

}  // namespace eventlab::grading
