// An objective's check: a predicate over a finished run (its trace and its final state), as the
// exercise format writes it (web/docs/exercise-format.md, "Checks"). Parsed once, with every
// problem named by its JSON pointer, then evaluated on each seed's run.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/event.h"
#include "scenario/json_fields.h"

namespace eventlab::grading {

using core::Json;

/// Bounds on a number: every given one must hold ("eq", "lt", "le", "gt", "ge").
struct Comparison {
  std::optional<double> eq, lt, le, gt, ge;
  bool Holds(double v) const;
  bool Empty() const { return !eq && !lt && !le && !gt && !ge; }
  /// "at least 1 and at most 2", for messages.
  std::string Text() const;
};

/// Conditions on one delivery; every given one must hold.
struct Match {
  std::optional<std::string> from, to, kind;  ///< globs as IAM matches: '*' any run of characters, '?' one
  std::optional<Json> error;                  ///< true, false, or an error code
  std::optional<Json> where;                  ///< a handler condition over the delivery's fields
  Comparison payload_bytes;                   ///< the payload's size as services count it
  std::optional<int64_t> window_from_us, window_to_us;  ///< delivered within [from, to]
  std::shared_ptr<Match> caused_by;  ///< some delivery up the causal chain matches
  std::shared_ptr<Match> after;      ///< some earlier delivery matches
  std::shared_ptr<Match> before;     ///< some later delivery matches
};

struct Check {
  enum class Kind { kSome, kNone, kEvery, kCount, kFigure, kState, kAll, kAny, kNot };
  Kind kind = Kind::kSome;
  Match match;       ///< some, none, every, count, and the deliveries a figure reads
  Match satisfies;   ///< every: what each matching delivery must also meet
  Comparison bounds; ///< count and figure
  std::string figure;  ///< "count", "sum", "min", "max" or "percentile"
  std::string field;   ///< the figure's field: a template path or "payload_bytes"
  double percentile = 50;
  Json condition;            ///< state: a handler condition with `state` in scope
  std::string state_resource;  ///< state: the resource whose last delivery is the evidence
  std::vector<Check> children;  ///< all, any, not
};

/// Parses `value` (at JSON pointer `path`) as a check, adding a problem per mistake.
std::optional<Check> ParseCheck(const Json& value, const std::string& path, scenario::Problems& problems);

}  // namespace eventlab::grading
