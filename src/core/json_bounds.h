// Bounds on JSON values that come from people the simulator does not control: how deep a value
// nests and how many bytes it holds, measured without recursion, and parsing that refuses a
// document nested deeper than the simulator handles. Printing never throws on invalid UTF-8.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "core/event.h"

namespace eventlab::core {

/// The deepest nesting of arrays and objects a value may have anywhere in a run: a scenario, a
/// call's arguments, a parsed body, a value a handler builds. Printing, copying and comparing JSON
/// recurse once per level, so this bounds their stack. Real documents sit far below it (a
/// DynamoDB item nests at most 32 levels: DynamoDB developer guide, quotas, "Nested attribute
/// depth"); the shipped scenarios nest 13 levels at most.
inline constexpr uint32_t kMaxJsonDepth = 64;

/// How deep and how large a value is. `depth` counts containers on the deepest path (a scalar is
/// 0, `[]` is 1); `bytes` approximates the memory held: each string's length plus 16 per node.
struct JsonMeasure {
  uint32_t depth = 0;
  uint64_t bytes = 0;
  /// The JSON pointer of the first container nested deeper than the limit given to Measure
  /// (empty when none is).
  std::string too_deep_at;
};

/// Measures `value` with an explicit stack, so any depth is safe. Stops descending below
/// `depth_limit` levels and records where the value first went deeper.
JsonMeasure Measure(const Json& value, uint32_t depth_limit = kMaxJsonDepth);

/// Parses `text` without exceptions. Returns a discarded value when the text is not JSON or nests
/// deeper than kMaxJsonDepth (a too-deep document is never kept: later recursion could overflow).
Json ParseBounded(std::string_view text);

/// Compact JSON text; invalid UTF-8 in strings becomes U+FFFD instead of throwing.
std::string DumpText(const Json& value, int indent = -1);
/// The same for JSON that keeps its keys in insertion order (bodies in a service's own key order).
std::string DumpText(const nlohmann::ordered_json& value, int indent = -1);

/// At most `max_bytes` of DumpText(value), cut at a character boundary and ending in "..." when
/// cut: for error messages, which must not echo a 50 MB argument.
std::string Snippet(const Json& value, size_t max_bytes = 200);
/// The same for a plain string.
std::string SnippetText(std::string_view text, size_t max_bytes = 200);

/// True if `text` is well-formed UTF-8 (RFC 3629: no overlong forms, surrogates or code points
/// past U+10FFFF).
bool IsValidUtf8(std::string_view text);

/// Why `text` does not parse as JSON of at most kMaxJsonDepth levels, in words for an error
/// about `what` ("the payload"): not UTF-8, text that is not JSON (quoted), or nested too deep.
std::string WhyNotJson(std::string_view text, const std::string& what);

/// The longest prefix of `text` of at most `max_bytes` that does not end inside a UTF-8 sequence.
size_t Utf8Boundary(std::string_view text, size_t max_bytes);

}  // namespace eventlab::core
