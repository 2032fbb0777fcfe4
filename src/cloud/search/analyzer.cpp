// Byte-wise scanning keeps the analyzer free of locale and of Unicode tables, so native and WASM
// builds give the same tokens.
#include "cloud/search/analyzer.h"

namespace eventlab::cloud::search {
namespace {

bool IsWordByte(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c >= 0x80;
}

}  // namespace

std::vector<std::string> Analyze(const std::string& text) {
  std::vector<std::string> tokens;
  std::string current;
  auto flush = [&] {
    if (!current.empty()) tokens.push_back(current);
    current.clear();
  };
  for (char ch : text) {
    const auto c = static_cast<unsigned char>(ch);
    if (!IsWordByte(c)) {
      flush();
      continue;
    }
    current += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : ch;
    if (current.size() == kMaxTokenLength) flush();
  }
  flush();
  return tokens;
}

}  // namespace eventlab::cloud::search
