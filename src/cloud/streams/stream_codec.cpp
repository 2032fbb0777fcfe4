// Fixed-width decimal fields keep sequence numbers ordered as text; iterators carry their own
// state so that they survive snapshots without a table of issued iterators.
#include "cloud/streams/stream_codec.h"

#include <vector>

namespace eventlab::cloud::streams {
namespace {

std::string Padded(uint64_t v, size_t width) {
  std::string digits = std::to_string(v);
  return digits.size() >= width ? digits : std::string(width - digits.size(), '0') + digits;
}

std::optional<uint64_t> Digits(std::string_view s) {
  if (s.empty() || s.size() > 19) return std::nullopt;
  uint64_t v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return std::nullopt;
    v = v * 10 + static_cast<uint64_t>(c - '0');
  }
  return v;
}

constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

}  // namespace

std::string SequenceNumberOf(uint32_t shard_index, int64_t arrival_epoch_ms, uint64_t ordinal) {
  return "49" + Padded(shard_index, 4) + Padded(static_cast<uint64_t>(arrival_epoch_ms < 0 ? 0 : arrival_epoch_ms), 16) +
         Padded(ordinal, 34);
}

std::optional<SequenceParts> ParseSequenceNumber(std::string_view text) {
  if (text.size() != 56 || text.substr(0, 2) != "49") return std::nullopt;
  for (char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
  }
  auto shard = Digits(text.substr(2, 4));
  // The ordinal field is 34 digits wide; ordinals beyond 19 digits never occur.
  if (text.substr(22, 15).find_first_not_of('0') != std::string_view::npos) return std::nullopt;
  auto ordinal = Digits(text.substr(37));
  if (!shard || !ordinal) return std::nullopt;
  return SequenceParts{static_cast<uint32_t>(*shard), *ordinal};
}

std::string EncodeIterator(const IteratorState& it) {
  return Base64Encode("kinesis-iterator|" + it.stream + "|" + std::to_string(it.shard_index) + "|" +
                      std::to_string(it.position) + "|" + std::to_string(it.issued_epoch_ms));
}

std::optional<IteratorState> DecodeIterator(std::string_view text) {
  auto raw = Base64Decode(text);
  if (!raw) return std::nullopt;
  std::vector<std::string> parts;
  size_t start = 0;
  for (size_t i = 0; i <= raw->size(); ++i) {
    if (i == raw->size() || (*raw)[i] == '|') {
      parts.push_back(raw->substr(start, i - start));
      start = i + 1;
    }
  }
  if (parts.size() != 5 || parts[0] != "kinesis-iterator" || parts[1].empty()) return std::nullopt;
  auto shard = Digits(parts[2]);
  auto position = Digits(parts[3]);
  auto issued = Digits(parts[4]);
  if (!shard || !position || !issued || *shard > 0xffffffffULL) return std::nullopt;
  return IteratorState{parts[1], static_cast<uint32_t>(*shard), *position, static_cast<int64_t>(*issued)};
}

std::string Base64Encode(std::string_view bytes) {
  std::string out;
  out.reserve((bytes.size() + 2) / 3 * 4);
  for (size_t i = 0; i < bytes.size(); i += 3) {
    uint32_t n = static_cast<uint32_t>(static_cast<unsigned char>(bytes[i])) << 16;
    if (i + 1 < bytes.size()) n |= static_cast<uint32_t>(static_cast<unsigned char>(bytes[i + 1])) << 8;
    if (i + 2 < bytes.size()) n |= static_cast<unsigned char>(bytes[i + 2]);
    out += kAlphabet[(n >> 18) & 63];
    out += kAlphabet[(n >> 12) & 63];
    out += i + 1 < bytes.size() ? kAlphabet[(n >> 6) & 63] : '=';
    out += i + 2 < bytes.size() ? kAlphabet[n & 63] : '=';
  }
  return out;
}

std::optional<std::string> Base64Decode(std::string_view text) {
  if (text.size() % 4 != 0) return std::nullopt;
  std::string out;
  for (size_t i = 0; i < text.size(); i += 4) {
    uint32_t n = 0;
    int pad = 0;
    for (size_t j = 0; j < 4; ++j) {
      const char c = text[i + j];
      uint32_t v = 0;
      if (c == '=' && i + 4 == text.size() && j >= 2) {
        ++pad;
      } else {
        if (pad) return std::nullopt;
        const char* p = nullptr;
        for (const char* a = kAlphabet; *a; ++a) {
          if (*a == c) p = a;
        }
        if (!p) return std::nullopt;
        v = static_cast<uint32_t>(p - kAlphabet);
      }
      n = (n << 6) | v;
    }
    out += static_cast<char>((n >> 16) & 255);
    if (pad < 2) out += static_cast<char>((n >> 8) & 255);
    if (pad < 1) out += static_cast<char>(n & 255);
  }
  return out;
}

core::Json EpochSecondsNumber(int64_t epoch_ms) {
  // A whole second stays an integer in JSON ("1767225600"), as nlohmann would otherwise print
  // "1767225600.0"; AWS samples show both forms, and integers need no float formatting at all.
  if (epoch_ms % 1000 == 0) return core::Json(epoch_ms / 1000);
  return core::Json(static_cast<double>(epoch_ms) / 1000.0);
}

}  // namespace eventlab::cloud::streams
