// base64url = standard base64 with '-' for '+', '_' for '/', padding removed (RFC 7515 Appendix C
// gives exactly this construction). mbedTLS does the base64; this file does the mapping and the
// strictness: mbedTLS's decoder skips whitespace and line breaks, which a token must not contain.
#include "cloud/auth/base64url.h"

#include <mbedtls/base64.h>

#include <vector>

namespace eventlab::cloud::auth {
namespace {

bool IsBase64UrlChar(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
}

core::Error DecodeError(const std::string& why) { return {kMalformedBase64url, why, 400}; }

std::string Printable(char c) {
  if (c >= 0x21 && c <= 0x7e) return std::string("'") + c + "'";
  static constexpr char kHex[] = "0123456789abcdef";
  const unsigned char u = static_cast<unsigned char>(c);
  return std::string("byte 0x") + kHex[u >> 4] + kHex[u & 15];
}

}  // namespace

std::string Base64UrlEncode(std::string_view bytes) {
  size_t needed = 0;
  const auto* src = reinterpret_cast<const unsigned char*>(bytes.data());
  mbedtls_base64_encode(nullptr, 0, &needed, src, bytes.size());  // needed includes the NUL
  std::vector<unsigned char> buf(needed + 1);
  size_t written = 0;
  mbedtls_base64_encode(buf.data(), buf.size(), &written, src, bytes.size());
  std::string out(reinterpret_cast<const char*>(buf.data()), written);
  while (!out.empty() && out.back() == '=') out.pop_back();
  for (char& c : out) {
    if (c == '+') c = '-';
    if (c == '/') c = '_';
  }
  return out;
}

core::Result<std::string> Base64UrlDecode(std::string_view text) {
  for (size_t i = 0; i < text.size(); ++i) {
    if (!IsBase64UrlChar(text[i])) {
      std::string why = Printable(text[i]) + " at offset " + std::to_string(static_cast<uint64_t>(i)) +
                        " is not in the base64url alphabet [A-Za-z0-9_-]";
      if (text[i] == '=') why += " (RFC 7515 section 2: the '=' padding is omitted)";
      if (text[i] == '+' || text[i] == '/') why += " (that is standard base64; base64url uses '-' and '_')";
      return DecodeError(why);
    }
  }
  if (text.size() % 4 == 1) {
    return DecodeError("length " + std::to_string(static_cast<uint64_t>(text.size())) +
                       " leaves one character over a multiple of 4, which no byte string encodes to "
                       "(RFC 7515 Appendix C)");
  }
  std::string padded(text);
  for (char& c : padded) {
    if (c == '-') c = '+';
    if (c == '_') c = '/';
  }
  padded.append((4 - padded.size() % 4) % 4, '=');
  std::vector<unsigned char> buf(padded.size() / 4 * 3 + 3);
  size_t written = 0;
  const int rc = mbedtls_base64_decode(buf.data(), buf.size(), &written,
                                       reinterpret_cast<const unsigned char*>(padded.data()), padded.size());
  if (rc != 0) return DecodeError("not base64url (mbedTLS base64 error " + std::to_string(rc) + ")");
  std::string out(reinterpret_cast<const char*>(buf.data()), written);
  // The last character of a 2- or 3-character group carries 4 or 2 unused bits; only the encoding
  // with those bits zero is canonical, and accepting others would let one token have many spellings.
  if (Base64UrlEncode(out) != text) {
    return DecodeError("the last character has non-zero unused bits: not the canonical base64url encoding "
                       "(RFC 4648 section 3.5)");
  }
  return out;
}

}  // namespace eventlab::cloud::auth
