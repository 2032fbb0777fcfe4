// Word boundaries follow Unicode UAX #29 (the rules Lucene's StandardTokenizer implements) for the
// classes ASCII text has; every byte of 0x80 and above counts as a letter, so UTF-8 words stay
// whole (CJK text is not split into single characters, unlike the real tokenizer). Byte-wise
// scanning keeps the analyzer free of locale and Unicode tables: native and WASM agree.
#include "cloud/search/analyzer.h"

namespace eventlab::cloud::search {
namespace {

// UAX #29 Word_Break classes of ASCII (Unicode WordBreakProperty.txt).
enum class Wb { kOther, kLetter, kNumeric, kExtendNumLet, kMidLetter, kMidNum, kMidNumLetQ };

Wb Class(unsigned char c) {
  if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80) return Wb::kLetter;
  if (c >= '0' && c <= '9') return Wb::kNumeric;
  if (c == '_') return Wb::kExtendNumLet;
  if (c == ':') return Wb::kMidLetter;
  if (c == ',' || c == ';') return Wb::kMidNum;
  if (c == '.' || c == '\'') return Wb::kMidNumLetQ;  // MidNumLet (full stop) and Single_Quote
  return Wb::kOther;
}

bool IsWord(Wb w) { return w == Wb::kLetter || w == Wb::kNumeric || w == Wb::kExtendNumLet; }

// WB6/WB7: letter (MidLetter | MidNumLetQ) letter; WB11/WB12: digit (MidNum | MidNumLetQ) digit.
bool MidJoins(Wb before, Wb mid, Wb after) {
  if (before == Wb::kLetter && after == Wb::kLetter) return mid == Wb::kMidLetter || mid == Wb::kMidNumLetQ;
  if (before == Wb::kNumeric && after == Wb::kNumeric) return mid == Wb::kMidNum || mid == Wb::kMidNumLetQ;
  return false;
}

}  // namespace

std::vector<std::string> Analyze(const std::string& text) {
  std::vector<std::string> tokens;
  std::string current;
  bool has_alnum = false;  // a run of underscores alone is not a word
  auto flush = [&] {
    if (!current.empty() && has_alnum) tokens.push_back(current);
    current.clear();
    has_alnum = false;
  };
  auto append = [&](char ch) {
    const auto c = static_cast<unsigned char>(ch);
    current += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : ch;
    if (c != '_') has_alnum = true;
    if (current.size() == kMaxTokenLength) flush();
  };
  for (size_t i = 0; i < text.size(); ++i) {
    const Wb w = Class(static_cast<unsigned char>(text[i]));
    if (IsWord(w)) {
      append(text[i]);  // WB5, WB8-WB10, WB13a/b: letters, digits and '_' never break apart
      continue;
    }
    const bool mid = w == Wb::kMidLetter || w == Wb::kMidNum || w == Wb::kMidNumLetQ;
    if (mid && !current.empty() && i + 1 < text.size() &&
        MidJoins(Class(static_cast<unsigned char>(text[i - 1])), w, Class(static_cast<unsigned char>(text[i + 1])))) {
      current += text[i];
      continue;
    }
    flush();
  }
  flush();
  return tokens;
}

}  // namespace eventlab::cloud::search
