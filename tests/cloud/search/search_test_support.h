// Helpers for search domain tests: a domain with a few image documents, a client allowed es:*,
// and access to the replies the client received.
#pragma once

#include <string>
#include <vector>

#include "support/run_scenario.h"

namespace eventlab::cloud::search::testing {

using core::Json;

/// Four image titles whose BM25 scores bm25_test.cpp computes independently.
inline const char* kImages = R"({"images": {
  "1": {"title": "Red cat on a red sofa", "owner": "ann", "likes": 3},
  "2": {"title": "A cat", "owner": "bob", "likes": 10},
  "3": {"title": "Dog in the park", "owner": "ann", "likes": 7},
  "4": {"title": "black cat and white cat sleeping", "owner": "cy", "likes": 1}}})";

/// A scenario with domain "images-search" (initial documents `indexes`), client "c" (es:* on
/// every domain unless `client_permissions` says otherwise), `more` resources, and `script`.
inline std::string SearchScenario(const std::string& script, const std::string& indexes = kImages, const std::string& more = "",
                                  const std::string& client_permissions = R"([{"action": "es:*", "resource": "*"}])") {
  return R"({"version": 1, "resources": {"images-search": {"kind": "search", "indexes": )" + indexes + R"(},
    "c": {"kind": "client", "permissions": )" + client_permissions + "}" + more + R"(}, "script": )" + script + "}";
}

/// One scripted call by client "c".
inline std::string Call(const std::string& at, const std::string& call, const std::string& with, const std::string& as = "") {
  return R"({"at": ")" + at + R"(", "client": "c", "call": ")" + call + R"(", "with": )" + with +
         (as.empty() ? "" : R"(, "as": ")" + as + "\"") + "}";
}

/// The replies of `kind` delivered to `to`, in order.
inline std::vector<core::Event> Replies(const api::Lab& lab, const std::string& kind, const std::string& to = "client:c") {
  std::vector<core::Event> out;
  for (const auto& r : lab.Trace()) {
    if (r.event.kind == kind && r.event.to == to) out.push_back(r.event);
  }
  return out;
}

}  // namespace eventlab::cloud::search::testing
