// Digests the simulator needs for real formats (ETags, MD5OfBody), and synthetic bodies that
// stand for large payloads without allocating them.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "core/event.h"

namespace eventlab::core {

/// Lower-case hex MD5 of `bytes` (mbedTLS).
std::string Md5Hex(std::string_view bytes);

/// MD5 of the synthetic body of `size` bytes: byte i is (i mod 251), streamed in chunks so a
/// 10 MB body costs no 10 MB.
std::string SyntheticMd5Hex(uint64_t size);

/// {"$body": {"size": N, "md5": "..."}}: how a synthetic body appears in payloads and traces.
Json SyntheticBody(uint64_t size);

/// True for a {"$body": {...}} value.
bool IsSyntheticBody(const Json& value);

/// The size in bytes a body would have on the wire: a synthetic body's declared size, a string's
/// length, or the compact JSON text of anything else.
uint64_t BodySize(const Json& body);

}  // namespace eventlab::core
