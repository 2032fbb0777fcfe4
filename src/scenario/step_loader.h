// Loads and checks handler steps (web/docs/scenario-format.md, "Handler steps").
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "cloud/functions/step.h"
#include "scenario/json_fields.h"

namespace eventlab::scenario {

/// Resource name -> kind, for checking references by name.
using ResourceKinds = std::map<std::string, std::string>;

/// Parses a step list at `path`. Problems are recorded; the result is only meaningful when none were.
std::vector<cloud::functions::Step> LoadSteps(const Json& steps, const std::string& path, const ResourceKinds& kinds,
                                              Problems& p, int depth = 0);

/// Checks a call's action name and arguments ("with") against the action catalog: known action,
/// required and allowed arguments, templates that parse, and a literal target that exists.
void CheckCall(const Json& call, const Json* with, const std::string& call_path, const std::string& with_path,
               const ResourceKinds& kinds, Problems& p);

}  // namespace eventlab::scenario
