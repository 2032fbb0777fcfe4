// A function handler is a list of steps. This is their parsed form; the scenario loader builds it
// and web/docs/scenario-format.md ("Handler steps") describes the JSON.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "core/event.h"
#include "core/sim_time.h"

namespace eventlab::cloud::functions {

using core::Json;

enum class StepType {
  kCall,     ///< {"call": "queue.send", "with": {...}, "as": "name", "catch": {...}, "cache": "5m"}
  kSet,      ///< {"set": {"name": value, "container.name": value}}
  kIf,       ///< {"if": condition, "then": [...], "else": [...]}
  kForEach,  ///< {"for_each": "${list}", "as": "item", "do": [...]}
  kReturn,   ///< {"return": value}
  kFail,     ///< {"fail": {"code": "...", "message": "..."}}
  kWork,     ///< {"work": "120ms"} or {"work": "${...}"} (a duration string or integer µs): CPU time
  kLog,      ///< {"log": "text ${...}"}: a line in the function's log
};

struct Step {
  StepType type = StepType::kReturn;
  std::string path;    ///< JSON pointer of the step in the scenario, for messages
  std::string call;    ///< kCall: action name
  /// kCall: "cache": keep a successful result in the container this long (zero: not cached)
  core::SimTime cache_ttl;
  Json with;           ///< kCall: arguments (templates); kSet: name -> value; kReturn: value; kFail: error
  std::string as;      ///< kCall: result name; kForEach: item name
  Json condition;      ///< kIf
  Json items;          ///< kForEach: template yielding an array
  core::SimTime work;  ///< kWork
  std::vector<Step> then_steps, else_steps;  ///< kIf
  std::vector<Step> body;                    ///< kForEach
  /// kCall: error code (or "*") -> steps run instead of failing; an empty list just goes on.
  std::map<std::string, std::vector<Step>> catches;
};

/// Names a step result may not take: they are the roots templates read.
inline bool IsReservedName(const std::string& name) {
  return name == "event" || name == "context" || name == "env" || name == "container" || name == "error";
}

}  // namespace eventlab::cloud::functions
