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

/// Fills in the "md5" of every {"$body": {"size": N}} inside `value` that lacks one (a size that
/// a template computed at run time). False if some "$body" has no usable size.
bool CompleteSyntheticBodies(Json& value);

/// The size of `payload` on the wire: its compact JSON text, with every synthetic body inside it
/// counted at its declared size (an 8 MB body nested in an API proxy event weighs 8 MB).
uint64_t PayloadSize(const Json& payload);

/// True for a {"$body": {...}} value.
bool IsSyntheticBody(const Json& value);

/// The size in bytes a body would have on the wire: a synthetic body's declared size, a string's
/// length, or the compact JSON text of anything else.
uint64_t BodySize(const Json& body);

}  // namespace eventlab::core
