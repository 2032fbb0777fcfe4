// Scenario helpers for the table tests: a table, a client allowed to use it, and the replies.
#pragma once

#include <string>
#include <vector>

#include "support/run_scenario.h"

namespace eventlab::cloud::tables {

using core::Json;

/// A scenario with client "c" (allowed dynamodb:* unless `permissions` says otherwise), table "t"
/// (hash key "id" S unless `table` says otherwise) and the scripted `calls` (a JSON array text).
inline std::string TableScenario(const std::string& calls, const std::string& table = R"("hash_key": {"name": "id", "type": "S"})",
                                 const std::string& permissions = R"([{"action": "dynamodb:*", "resource": "*"}])",
                                 const std::string& more_resources = "") {
  return R"({"version": 1, "resources": {"c": {"kind": "client", "permissions": )" + permissions + R"(},
            "t": {"kind": "table", )" + table + "}" + more_resources + R"(}, "script": )" + calls + "}";
}

/// One scripted call at `seconds`.
inline std::string Call(int seconds, const std::string& action, const std::string& with) {
  return R"({"at": ")" + std::to_string(seconds) + R"(s", "client": "c", "call": ")" + action + R"(", "with": {"table": "t", )" +
         with + "}}";
}

/// Every reply of `kind` delivered to `to`, in order.
inline std::vector<const core::Event*> Replies(const api::Lab& lab, const std::string& kind, const std::string& to = "client:c") {
  std::vector<const core::Event*> out;
  for (const auto& r : lab.Trace()) {
    if (r.event.kind == kind && r.event.to == to) out.push_back(&r.event);
  }
  return out;
}

}  // namespace eventlab::cloud::tables
