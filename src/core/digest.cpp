// MD5 through mbedTLS, the same library and version natively and in WASM.
#include "core/digest.h"
#include "core/json_bounds.h"

#include <mbedtls/md5.h>

#include <algorithm>
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

// MD5 states after k * kSyntheticMd5Stride bytes of the synthetic body, k = 1, 2, ...
constexpr uint32_t kSyntheticMd5States[][4] = {
#include "core/synthetic_md5_table.inc"
};

}  // namespace

std::string Md5Hex(std::string_view bytes) {
  unsigned char digest[16];
  mbedtls_md5_ret(reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size(), digest);
  return Hex(digest, 16);
}

std::string SyntheticMd5Hex(uint64_t size) {
  // Two 251-byte periods' worth of bytes, so that hashing can start at any phase of the period.
  static constexpr size_t kChunk = 251 * 64;
  static const std::array<unsigned char, 2 * kChunk> chunk = [] {
    std::array<unsigned char, 2 * kChunk> c;
    for (size_t i = 0; i < c.size(); ++i) c[i] = static_cast<unsigned char>(i % 251);
    return c;
  }();
  mbedtls_md5_context ctx;
  mbedtls_md5_init(&ctx);
  mbedtls_md5_starts_ret(&ctx);
  // Resume from the table's state at the last stride boundary (a multiple of 64, the MD5 block
  // size, so the context's buffer is empty there): at most one stride is hashed.
  const uint64_t entries = sizeof kSyntheticMd5States / sizeof kSyntheticMd5States[0];
  const uint64_t k = std::min<uint64_t>(size / kSyntheticMd5Stride, entries);
  uint64_t done = 0;
  if (k > 0) {
    done = k * kSyntheticMd5Stride;
    for (int w = 0; w < 4; ++w) ctx.state[w] = kSyntheticMd5States[k - 1][w];
    ctx.total[0] = static_cast<uint32_t>(done);
    ctx.total[1] = static_cast<uint32_t>(done >> 32);
  }
  while (done < size) {
    const size_t phase = static_cast<size_t>(done % 251);
    const size_t n = static_cast<size_t>(size - done < kChunk ? size - done : kChunk);
    mbedtls_md5_update_ret(&ctx, chunk.data() + phase, n);
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
  if (body["size"].get<uint64_t>() > kMaxSyntheticBodyBytes) return false;
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
