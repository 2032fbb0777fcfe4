// Test helpers: load a scenario into a fresh Lab and run it, failing the test on load errors.
#pragma once

#include <gtest/gtest.h>

#include <cstdio>
#include <string>
#include <vector>

#include "api/lab.h"

namespace eventlab::testing {

/// A file of the source tree ("web/scenarios/hello.json") as text; empty if it cannot be read.
inline std::string ReadSourceFile(const std::string& relative_path) {
  std::string text;
  FILE* f = std::fopen((std::string(EVENTLAB_SOURCE_DIR) + "/" + relative_path).c_str(), "rb");
  if (!f) return text;
  char buf[4096];
  size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) text.append(buf, n);
  std::fclose(f);
  return text;
}

/// Loads `json` (failing the test with every problem if it does not load) and runs to the end.
inline void LoadAndRun(api::Lab& lab, const std::string& json) {
  auto errors = lab.Load(json);
  for (const auto& e : errors) ADD_FAILURE() << e.Text();
  lab.RunToEnd();
}

/// The kinds of the delivered events, in order.
inline std::vector<std::string> Kinds(const api::Lab& lab) {
  std::vector<std::string> out;
  for (const auto& r : lab.Trace()) out.push_back(r.event.kind);
  return out;
}

/// The first delivered event of `kind` addressed to `to`, or nullptr.
inline const core::Event* Find(const api::Lab& lab, const std::string& kind, const std::string& to = "") {
  for (const auto& r : lab.Trace()) {
    if (r.event.kind == kind && (to.empty() || r.event.to == to)) return &r.event;
  }
  return nullptr;
}

}  // namespace eventlab::testing
