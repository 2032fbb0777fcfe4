// base64url without padding, the encoding of every JWS/JWT part and every JWK number or secret
// (RFC 7515 section 2 and Appendix C, RFC 4648 section 5), on mbedTLS's base64.
#pragma once

#include <string>
#include <string_view>

#include "core/result.h"

namespace eventlab::cloud::auth {

/// Error code of every decoding failure (status 400).
inline constexpr const char* kMalformedBase64url = "MalformedBase64url";

/// Encodes `bytes` with the URL-safe alphabet ('-' and '_' for '+' and '/') and no '=' padding.
std::string Base64UrlEncode(std::string_view bytes);

/// Decodes unpadded base64url. Rejects, naming the reason: a character outside [A-Za-z0-9_-]
/// (including '=', '+', '/', whitespace), a length that leaves 1 character over (RFC 7515
/// Appendix C: impossible), and non-zero unused bits in the last character (not the canonical
/// encoding of any byte string, RFC 4648 section 3.5).
core::Result<std::string> Base64UrlDecode(std::string_view text);

}  // namespace eventlab::cloud::auth
