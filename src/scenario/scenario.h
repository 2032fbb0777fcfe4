// A loaded scenario: metadata, the seed, and the world it describes.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "cloud/world_config.h"

namespace eventlab::scenario {

/// A script entry's note: a caption for a guided tour. Only the facade reads it; it never reaches
/// the world or the trace.
struct ScriptNote {
  uint32_t script = 0;  ///< index of the entry in the scenario's script
  std::string text;     ///< non-empty, at most kMaxNoteChars characters
};

/// Longest note, in characters (Unicode code points): two or three sentences fit, a page of
/// prose does not, so a caption stays readable over the graph.
inline constexpr size_t kMaxNoteChars = 600;

struct Scenario {
  int version = 1;
  uint32_t seed = 0;            ///< 0..4294967295; the CLI's --seed and reset(seed) override it
  std::string title;
  std::string description;
  std::shared_ptr<const cloud::WorldConfig> world;
  std::vector<ScriptNote> notes;  ///< the script's notes, in script order (entries without one are absent)
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
