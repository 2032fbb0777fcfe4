// Text analysis for the search domain: an approximation of Elasticsearch's standard analyzer
// (Unicode word boundaries and a lowercase filter), reduced to ASCII rules.
#pragma once

#include <string>
#include <vector>

namespace eventlab::cloud::search {

/// The standard analyzer's max_token_length default: longer tokens are split every 255
/// characters (Elasticsearch reference, "Standard analyzer", max_token_length).
inline constexpr size_t kMaxTokenLength = 255;

/// Splits `text` into lower-case tokens, in order, duplicates kept.
///
/// An approximation of the standard analyzer: a token is a maximal run of ASCII letters and
/// digits, and bytes of 0x80 and above (so UTF-8 words stay whole); every other ASCII byte
/// separates tokens. ASCII letters are lower-cased; other characters are left as they are.
/// Unlike the real tokenizer (Unicode UAX #29 word boundaries), "don't" gives "don" and "t",
/// "3.14" gives "3" and "14", and CJK text is not split into single characters.
std::vector<std::string> Analyze(const std::string& text);

}  // namespace eventlab::cloud::search
