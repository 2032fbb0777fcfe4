// The short counter a graph node shows under its name ("3 objects", "2 warm, 1 busy"), read from
// the resource's State() JSON, with where each number came from so that a test can check the
// drawn counter against the state. Services added later add a line to the table in
// node_counters.cpp.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/event.h"

namespace eventlab::view {

/// One number of a counter and where it comes from in the resource's state.
struct CountTerm {
  int64_t value = 0;
  /// A JSON Pointer into the state ("/objects", "/indexes/*/doc_count"). A "*" segment stands
  /// for every member of that object or array, and the values found are added up; an array or
  /// object found at the end counts its entries, a number is taken as it is.
  std::string key;
  /// When set, `value` is instead how many values found at `key` equal one of these
  /// "|"-separated strings ("busy|initialising"); a bool equals "true" or "false".
  std::string equals;
};

struct NodeCount {
  std::string text;              ///< as drawn; empty when the kind shows no counter
  int64_t value = 0;             ///< the first number in `text` (terms[0].value)
  std::string key;               ///< where it comes from (terms[0].key)
  std::vector<CountTerm> terms;  ///< every number in `text`, in order
};

/// The counter for a resource of `kind` in `state`; empty text when the kind shows none or the
/// state lacks the key.
NodeCount CountNode(const std::string& kind, const core::Json& state);

/// CountNode(kind, state).text.
std::string NodeCounter(const std::string& kind, const core::Json& state);

}  // namespace eventlab::view
