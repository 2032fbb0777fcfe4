// Helpers for stream tests: a scenario with a client and a stream, run to the end, and lookups
// of the client's replies by scripted step.
#pragma once

#include <string>
#include <vector>

#include "support/run_scenario.h"

namespace eventlab::cloud::streams::testing {

using core::Json;

/// A scenario with client "c" (allowed kinesis:*), stream "s" (`stream_extra` appended to its object), more
/// resources, and the given script entries (a JSON array's contents).
inline std::string StreamScenario(const std::string& script, const std::string& stream_extra = "",
                                  const std::string& more_resources = "") {
  return R"({"version": 1, "resources": {"c": {"kind": "client", "permissions": [{"action": "kinesis:*", "resource": "*"}]}, "s": {"kind": "stream" )" + stream_extra + "}" +
         (more_resources.empty() ? "" : ", " + more_resources) + R"(}, "script": [)" + script + "]}";
}

/// A scripted call of client c: {"at", "client": "c", "call", "with", "as"?}.
inline std::string Call(const std::string& at, const std::string& call, const std::string& with, const std::string& as = "") {
  return R"({"at": ")" + at + R"(", "client": "c", "call": ")" + call + R"(", "with": )" + with +
         (as.empty() ? "" : R"(, "as": ")" + as + "\"") + "}";
}

/// The replies of `kind` delivered to client c, in delivery order.
inline std::vector<const core::Event*> Replies(const api::Lab& lab, const std::string& kind) {
  std::vector<const core::Event*> out;
  for (const auto& r : lab.Trace()) {
    if (r.event.kind == kind && r.event.to == "client:c") out.push_back(&r.event);
  }
  return out;
}

/// Every delivered event of `kind` addressed to `to`.
inline std::vector<const core::Event*> All(const api::Lab& lab, const std::string& kind, const std::string& to = "") {
  std::vector<const core::Event*> out;
  for (const auto& r : lab.Trace()) {
    if (r.event.kind == kind && (to.empty() || r.event.to == to)) out.push_back(&r.event);
  }
  return out;
}

}  // namespace eventlab::cloud::streams::testing
