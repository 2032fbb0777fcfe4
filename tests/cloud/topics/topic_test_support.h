// Helpers for topic tests: a scenario around one topic, and trace lookups by kind.
#pragma once

#include <string>
#include <vector>

#include "support/run_scenario.h"

namespace eventlab::cloud::topics::testing {

using core::Json;

/// A scenario with client "c" (its script `script`), topic "t" with `subscriptions`, and
/// `resources` (a JSON object body without braces) added.
inline std::string TopicScenario(const std::string& subscriptions, const std::string& resources, const std::string& script,
                                 const std::string& limits = "") {
  return R"({"version": 1, "seed": 3, )" + (limits.empty() ? "" : "\"limits\": " + limits + ", ") +
         R"("resources": {"c": {"kind": "client"}, "t": {"kind": "topic", "subscriptions": )" + subscriptions + "}" +
         (resources.empty() ? "" : ", " + resources) + R"(}, "script": )" + script + "}";
}

/// Every delivered event of `kind` (to `to` if given), in trace order.
inline std::vector<core::Event> All(const api::Lab& lab, const std::string& kind, const std::string& to = "") {
  std::vector<core::Event> out;
  for (const auto& r : lab.Trace()) {
    if (r.event.kind == kind && (to.empty() || r.event.to == to)) out.push_back(r.event);
  }
  return out;
}

/// A publish call at `at` from client c.
inline std::string Publish(const std::string& at, const std::string& with) {
  return R"({"at": ")" + at + R"(", "client": "c", "call": "sns.publish", "with": {"topic": "t", )" + with + "}}";
}

inline const char* kEchoFunction = R"("f": {"kind": "function", "handler": [{"return": "ok"}]})";

}  // namespace eventlab::cloud::topics::testing
