// Kinesis partitioning: a partition key is hashed with MD5 to a 128-bit unsigned hash key, and
// each shard owns a contiguous range of the 128-bit hash key space.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace eventlab::cloud::streams {

/// An unsigned 128-bit integer (hash keys), kept as two 64-bit halves so that it behaves the
/// same natively and in 32-bit WASM.
struct U128 {
  uint64_t hi = 0;
  uint64_t lo = 0;
  auto operator<=>(const U128&) const = default;
};

/// 2^128 - 1, the largest hash key.
inline constexpr U128 kMaxHashKey{~0ULL, ~0ULL};

/// Decimal text of `v` ("340282366920938463463374607431768211455").
std::string ToDecimal(U128 v);
/// Parses decimal digits (no sign, no spaces) in [0, 2^128 - 1]; nullopt otherwise.
std::optional<U128> ParseDecimal(std::string_view text);

/// The 16 MD5 bytes of `bytes` read as a big-endian unsigned integer: Kinesis' hash key of a
/// partition key ("Kinesis Data Streams uses MD5 to map partition keys to 128-bit integer
/// values", PutRecord API reference).
U128 HashKeyOf(std::string_view partition_key);

/// One shard's inclusive hash key range.
struct HashKeyRange {
  U128 starting;
  U128 ending;
};

/// The ranges of `shard_count` (>= 1) shards splitting the space evenly, as CreateStream does:
/// shard i starts at floor(i * 2^128 / n) and ends just before shard i + 1 starts (the last ends
/// at 2^128 - 1). For 2 shards: [0, 2^127 - 1] and [2^127, 2^128 - 1].
std::vector<HashKeyRange> EvenHashKeyRanges(uint32_t shard_count);

/// The index of the range that holds `hash_key`.
uint32_t ShardIndexFor(const std::vector<HashKeyRange>& ranges, U128 hash_key);

/// "shardId-000000000007": Kinesis shard ids, a 12-digit zero-padded index.
std::string ShardIdOf(uint32_t index);
/// The index in a shard id of that form, or nullopt.
std::optional<uint32_t> ShardIndexOf(std::string_view shard_id);

}  // namespace eventlab::cloud::streams
