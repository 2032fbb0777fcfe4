// Text analysis for the search domain: the standard analyzer (Unicode UAX #29 word boundaries and
// a lowercase filter) for the characters of ASCII text.
#pragma once

#include <string>
#include <vector>

namespace eventlab::cloud::search {

/// The standard analyzer's max_token_length default: longer tokens are split every 255
/// characters (Elasticsearch reference, "Standard analyzer", max_token_length).
inline constexpr size_t kMaxTokenLength = 255;

/// Splits `text` into lower-case tokens, in order, duplicates kept.
///
/// Word boundaries are UAX #29's for ASCII: letters, digits and '_' stay together; an apostrophe,
/// '.' or ':' between two letters and ',', ';', '.' or an apostrophe between two digits do not
/// split ("dog's", "u.s.a", "3.14", "1,000" are one token each; "e-mail" is two). Bytes of 0x80
/// and above count as letters, so UTF-8 words stay whole; unlike the real tokenizer, CJK text is
/// not split into single characters. ASCII letters are lower-cased; other characters are kept.
std::vector<std::string> Analyze(const std::string& text);

}  // namespace eventlab::cloud::search
