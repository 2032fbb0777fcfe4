// Test helpers for the JWT tests: the published RFC vectors under tests/cloud/auth/vectors/.
#pragma once

#include <string>

#include "support/run_scenario.h"

namespace eventlab::testing {

/// A vector file's text with trailing line breaks removed.
inline std::string AuthVector(const std::string& name) {
  std::string text = ReadSourceFile("tests/cloud/auth/vectors/" + name);
  while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) text.pop_back();
  return text;
}

}  // namespace eventlab::testing
