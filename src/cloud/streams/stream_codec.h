// Text forms a stream hands out: sequence numbers, opaque shard iterators, base64 data, and
// arrival timestamps as Kinesis writes them.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/event.h"

namespace eventlab::cloud::streams {

/// A 56-digit decimal sequence number, like Kinesis' ("4959033827149025660855969253836157109592157
/// 5989136588898" in the Lambda developer guide's sample event): "49", the shard index (4 digits),
/// the arrival in Unix milliseconds (16 digits) and the record's ordinal in its shard (34 digits).
/// Within a shard later records get larger numbers; equal lengths make text order numeric order.
std::string SequenceNumberOf(uint32_t shard_index, int64_t arrival_epoch_ms, uint64_t ordinal);

/// What a sequence number of that form encodes.
struct SequenceParts {
  uint32_t shard_index = 0;
  uint64_t ordinal = 0;
};
/// The parts of a sequence number made by SequenceNumberOf, or nullopt for any other text.
std::optional<SequenceParts> ParseSequenceNumber(std::string_view text);

/// A shard iterator: where it reads from and when it was issued (it expires 5 minutes later).
struct IteratorState {
  std::string stream;
  uint32_t shard_index = 0;
  uint64_t position = 0;         ///< ordinal of the next record to read
  int64_t issued_epoch_ms = 0;
};
/// The opaque iterator text (base64, as Kinesis iterators look).
std::string EncodeIterator(const IteratorState& it);
/// The iterator's state, or nullopt if the text is not an iterator.
std::optional<IteratorState> DecodeIterator(std::string_view text);

/// Standard base64 with padding (RFC 4648), as Kinesis returns record data.
std::string Base64Encode(std::string_view bytes);
/// Decodes standard base64; nullopt on bad text.
std::optional<std::string> Base64Decode(std::string_view text);

/// An arrival time as Kinesis writes ApproximateArrivalTimestamp in JSON: Unix seconds with
/// millisecond fraction (1545084650.987). Built from integer milliseconds by one IEEE division,
/// which gives the same double everywhere, and nlohmann prints doubles with its own shortest
/// round-trip algorithm, so native and WASM output agree.
core::Json EpochSecondsNumber(int64_t epoch_ms);

}  // namespace eventlab::cloud::streams
