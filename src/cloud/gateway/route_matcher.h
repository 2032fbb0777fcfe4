// Route selection as a REST API does it: method and resource path templates with {param} and
// greedy {proxy+} variables, literal path parts before variables, a method before ANY.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "cloud/gateway/gateway_models.h"

namespace eventlab::cloud::gateway {

/// The route chosen for a request and the path variables it bound (decoded).
struct RouteMatch {
  const Route* route = nullptr;
  std::map<std::string, std::string> path_parameters;  ///< variable name -> value
};

/// Splits "/a/b/" into {"a", "b"}; "/" gives no parts.
std::vector<std::string> SplitPath(const std::string& path);

/// Checks a resource path template ("/images/{id}", "/files/{proxy+}"): starts with '/', no empty
/// parts, variables are whole parts named with letters, digits and '_', a greedy one only last.
/// Returns an explanation, or empty when valid.
std::string CheckPathTemplate(const std::string& path);

/// An explanation if the two templates cannot coexist in one API (sibling resources with
/// different variables, as API Gateway refuses them), else empty.
std::string TemplatesConflict(const std::string& a, const std::string& b);

/// The best route for `method` and `path` (still percent-encoded, without the stage): the most
/// literal path parts first, then a named method over ANY; "$default" when nothing else matches.
std::optional<RouteMatch> MatchRoute(const std::vector<Route>& routes, const std::string& method,
                                     const std::string& path);

}  // namespace eventlab::cloud::gateway
