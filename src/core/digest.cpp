// MD5 through mbedTLS, the same library and version natively and in WASM.
#include "core/digest.h"
#include "core/json_bounds.h"

#include <mbedtls/md5.h>

#include <array>

namespace eventlab::core {
namespace {

std::string Hex(const unsigned char* data, size_t n) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string out(n * 2, '0');
  for (size_t i = 0; i < n; ++i) {
    out[2 * i] = kDigits[data[i] >> 4];
    out[2 * i + 1] = kDigits[data[i] & 15];
  }
  return out;
}

}  // namespace

std::string Md5Hex(std::string_view bytes) {
  unsigned char digest[16];
  mbedtls_md5_ret(reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size(), digest);
  return Hex(digest, 16);
}

std::string SyntheticMd5Hex(uint64_t size) {
  // One 251-byte period, repeated: the chunk is a whole number of periods so each starts at 0.
  static constexpr size_t kChunk = 251 * 64;
  std::array<unsigned char, kChunk> chunk;
  for (size_t i = 0; i < kChunk; ++i) chunk[i] = static_cast<unsigned char>(i % 251);
  mbedtls_md5_context ctx;
  mbedtls_md5_init(&ctx);
  mbedtls_md5_starts_ret(&ctx);
  for (uint64_t done = 0; done < size;) {
    const size_t n = static_cast<size_t>(size - done < kChunk ? size - done : kChunk);
    mbedtls_md5_update_ret(&ctx, chunk.data(), n);
    done += n;
  }
  unsigned char digest[16];
  mbedtls_md5_finish_ret(&ctx, digest);
  mbedtls_md5_free(&ctx);
  return Hex(digest, 16);
}

Json SyntheticBody(uint64_t size) { return Json{{"$body", {{"size", size}, {"md5", SyntheticMd5Hex(size)}}}}; }

bool CompleteSyntheticBodies(Json& value) {
  if (value.is_array()) {
    for (Json& item : value) {
      if (!CompleteSyntheticBodies(item)) return false;
    }
    return true;
  }
  if (!value.is_object()) return true;
  if (!IsSyntheticBody(value)) {
    for (auto it = value.begin(); it != value.end(); ++it) {
      if (!CompleteSyntheticBodies(it.value())) return false;
    }
    return true;
  }
  Json& body = value["$body"];
  if (!body.contains("size") || !body["size"].is_number_unsigned()) {
    if (!(body.contains("size") && body["size"].is_number_integer() && body["size"].get<int64_t>() >= 0)) return false;
  }
  if (!body.contains("md5")) body["md5"] = SyntheticMd5Hex(body["size"].get<uint64_t>());
  return true;
}

namespace {

// Replaces synthetic bodies by "" and adds up their declared sizes.
Json StripSyntheticBodies(const Json& value, uint64_t* bodies) {
  if (IsSyntheticBody(value)) {
    *bodies += BodySize(value);
    return Json("");
  }
  if (!value.is_array() && !value.is_object()) return value;
  Json out = value;
  for (auto it = out.begin(); it != out.end(); ++it) *it = StripSyntheticBodies(*it, bodies);
  return out;
}

}  // namespace

uint64_t PayloadSize(const Json& payload) {
  if (payload.is_string() || IsSyntheticBody(payload)) return BodySize(payload);
  uint64_t bodies = 0;
  const Json stripped = StripSyntheticBodies(payload, &bodies);
  return core::DumpText(stripped).size() + bodies;
}

bool IsSyntheticBody(const Json& value) {
  return value.is_object() && value.size() == 1 && value.contains("$body") && value["$body"].is_object();
}

uint64_t BodySize(const Json& body) {
  if (IsSyntheticBody(body)) {
    const Json& size = body["$body"]["size"];
    return size.is_number_unsigned() ? size.get<uint64_t>() : 0;
  }
  if (body.is_string()) return body.get_ref<const std::string&>().size();
  return core::DumpText(body).size();
}

}  // namespace eventlab::core
