// Ranking is a total order (per path part: literal < variable < greedy, then exact method, then
// route key), so the chosen route never depends on the order routes were written in.
#include "cloud/gateway/route_matcher.h"

#include <cctype>

#include "cloud/http/url.h"

namespace eventlab::cloud::gateway {
namespace {

enum class PartKind { kLiteral = 0, kVariable = 1, kGreedy = 2 };

PartKind PartKindOf(const std::string& part) {
  if (part.size() >= 2 && part.front() == '{' && part.back() == '}') {
    return part.size() >= 3 && part[part.size() - 2] == '+' ? PartKind::kGreedy : PartKind::kVariable;
  }
  return PartKind::kLiteral;
}

std::string VariableName(const std::string& part) {
  return PartKindOf(part) == PartKind::kGreedy ? part.substr(1, part.size() - 3) : part.substr(1, part.size() - 2);
}

bool IsNameChar(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }

std::string Decode(const std::string& s) { return http::PercentDecode(s, false).value_or(s); }

struct Candidate {
  std::vector<int> rank;  ///< per template part, its PartKind; shorter wins on a common prefix
  bool any_method = false;
  RouteMatch match;
};

bool Better(const Candidate& a, const Candidate& b) {
  if (a.rank != b.rank) return a.rank < b.rank;
  if (a.any_method != b.any_method) return !a.any_method;
  return a.match.route->key < b.match.route->key;
}

// Binds `parts` to the template; nullopt if they do not fit.
std::optional<Candidate> Bind(const Route& route, const std::vector<std::string>& parts) {
  const std::vector<std::string> tmpl = SplitPath(route.path);
  Candidate c;
  c.match.route = &route;
  size_t i = 0;
  for (size_t t = 0; t < tmpl.size(); ++t) {
    const PartKind kind = PartKindOf(tmpl[t]);
    c.rank.push_back(static_cast<int>(kind));
    if (i >= parts.size()) return std::nullopt;
    if (kind == PartKind::kLiteral) {
      if (Decode(parts[i]) != tmpl[t]) return std::nullopt;
      ++i;
    } else if (kind == PartKind::kVariable) {
      c.match.path_parameters[VariableName(tmpl[t])] = Decode(parts[i]);
      ++i;
    } else {
      // {proxy+} takes the rest of the path, one part or more, slashes included.
      std::string rest;
      for (; i < parts.size(); ++i) rest += (rest.empty() ? "" : "/") + Decode(parts[i]);
      c.match.path_parameters[VariableName(tmpl[t])] = rest;
    }
  }
  if (i != parts.size()) return std::nullopt;
  return c;
}

}  // namespace

std::vector<std::string> SplitPath(const std::string& path) {
  std::vector<std::string> parts;
  size_t start = 0;
  while (start < path.size()) {
    size_t slash = path.find('/', start);
    if (slash == std::string::npos) slash = path.size();
    if (slash > start) parts.push_back(path.substr(start, slash - start));
    start = slash + 1;
  }
  return parts;
}

std::string CheckPathTemplate(const std::string& path) {
  if (path.empty() || path[0] != '/') return "a resource path starts with '/'";
  if (path == "/") return "";
  if (path.back() == '/') return "a resource path does not end with '/'";
  if (path.find("//") != std::string::npos) return "a resource path has no empty parts ('//')";
  const std::vector<std::string> parts = SplitPath(path);
  for (size_t i = 0; i < parts.size(); ++i) {
    const std::string& part = parts[i];
    const PartKind kind = PartKindOf(part);
    if (kind == PartKind::kLiteral) {
      for (char c : part) {
        const bool ok = std::isalnum(static_cast<unsigned char>(c)) || std::string("-._~:@!$&'()*,;=").find(c) != std::string::npos;
        if (!ok) return "\"" + part + "\": a literal path part allows letters, digits and -._~:@!$&'()*,;= only";
      }
      continue;
    }
    const std::string name = VariableName(part);
    if (name.empty()) return "\"" + part + "\": a path variable needs a name";
    for (char c : name) {
      if (!IsNameChar(c)) return "\"" + part + "\": a path variable's name has letters, digits and '_' only";
    }
    if (kind == PartKind::kGreedy && i + 1 != parts.size()) {
      return "\"" + part + "\": a greedy path variable must be the last part of the path";
    }
  }
  return "";
}

std::string TemplatesConflict(const std::string& a, const std::string& b) {
  const std::vector<std::string> pa = SplitPath(a), pb = SplitPath(b);
  for (size_t i = 0; i < pa.size() && i < pb.size(); ++i) {
    if (pa[i] == pb[i]) continue;
    if (PartKindOf(pa[i]) != PartKind::kLiteral && PartKindOf(pb[i]) != PartKind::kLiteral) {
      // API Gateway's CreateResource error for a second variable under one parent.
      return "A sibling (" + pa[i] + ") of this resource already has a variable path part -- only one is allowed";
    }
    return "";
  }
  return "";
}

std::optional<RouteMatch> MatchRoute(const std::vector<Route>& routes, const std::string& method,
                                     const std::string& path) {
  const std::vector<std::string> parts = SplitPath(path);
  std::optional<Candidate> best;
  const Route* fallback = nullptr;
  for (const Route& r : routes) {
    if (r.key == "$default") {
      fallback = &r;
      continue;
    }
    if (r.method != "ANY" && r.method != method) continue;
    std::optional<Candidate> c = Bind(r, parts);
    if (!c) continue;
    c->any_method = r.method == "ANY";
    if (!best || Better(*c, *best)) best = std::move(c);
  }
  if (best) return best->match;
  if (fallback) return RouteMatch{fallback, {}};
  return std::nullopt;
}

}  // namespace eventlab::cloud::gateway
