// A loaded scenario: metadata, the seed, and the world it describes.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "cloud/world_config.h"

namespace eventlab::scenario {

struct Scenario {
  int version = 1;
  uint32_t seed = 0;            ///< 0..4294967295; the CLI's --seed and reset(seed) override it
  std::string title;
  std::string description;
  std::shared_ptr<const cloud::WorldConfig> world;
};

/// One problem in a scenario: where (a JSON pointer such as "/resources/images/kind") and what.
struct LoadError {
  std::string path;
  std::string message;
  /// "path: message", the line `eventlab validate` prints.
  std::string Text() const { return (path.empty() ? "/" : path) + ": " + message; }
};

/// Either a scenario or every problem found; never half of one.
struct LoadResult {
  std::shared_ptr<const Scenario> scenario;
  std::vector<LoadError> errors;
  bool ok() const { return scenario != nullptr; }
};

}  // namespace eventlab::scenario
