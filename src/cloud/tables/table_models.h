// Tables (DynamoDB-style): the key schema, the item store ordered by primary key, and the change
// log that table streams will read.
#pragma once

#include <cstdint>
#include <deque>
#include <map>
#include <optional>
#include <set>
#include <string>

#include "cloud/service.h"
#include "core/event.h"

namespace eventlab::cloud::tables {

using core::Json;

/// A key attribute: its name and scalar type, "S", "N" or "B" (DynamoDB AttributeDefinition).
struct KeyAttribute {
  std::string name;
  std::string type;
};

struct TableConfig : ResourceConfig {
  std::string Kind() const override { return "table"; }
  std::unique_ptr<Service> CreateService() const override;

  KeyAttribute hash_key;                 ///< the partition key
  std::optional<KeyAttribute> range_key;  ///< the sort key, if the table has one
  Json items = Json::array();            ///< initial items, validated typed attribute values
  /// The table stream's StreamViewType (KEYS_ONLY, NEW_IMAGE, OLD_IMAGE, NEW_AND_OLD_IMAGES), or
  /// empty when the table has no stream.
  std::string stream_view_type;
};

/// One key attribute's value: its type and text ("N" values in canonical form).
struct KeyPart {
  std::string type;
  std::string text;
};

/// A primary key. Items order by hash key, then by range key: numbers numerically, strings and
/// binaries by their bytes, as DynamoDB orders sort keys.
struct ItemKey {
  KeyPart hash;
  std::optional<KeyPart> range;  ///< absent on tables without a range key (and as a lower bound)
};

/// -1, 0 or 1 comparing two key parts of the same type.
int CompareKeyParts(const KeyPart& a, const KeyPart& b);

struct ItemKeyLess {
  bool operator()(const ItemKey& a, const ItemKey& b) const;
};

/// One recorded write, the shape a table stream record is built from. Only writes that change
/// an item are recorded (a put of an identical item records nothing), as DynamoDB Streams does.
struct ChangeRecord {
  std::string event_name;       ///< "INSERT", "MODIFY" or "REMOVE"
  Json keys;                    ///< the key attributes, typed
  Json old_image;               ///< the item before the write; null for INSERT
  Json new_image;               ///< the item after the write; null for REMOVE
  std::string sequence_number;  ///< increasing integer as a decimal string, per table
  int64_t approximate_epoch_s = 0;  ///< ApproximateCreationDateTime, epoch seconds
};

/// Changes kept for streams: the most recent ones only.
inline constexpr size_t kMaxChangeRecords = 1000;

/// An event-source mapping's poll of the table stream, held until a change arrives.
struct StreamPoll {
  RequestRef request;
  uint64_t position = 0;  ///< sequence (as an integer) of the next change to read
  uint64_t limit = 0;
};

struct TableStore {
  std::map<ItemKey, Json, ItemKeyLess> items;  ///< primary key -> item (attribute name -> typed value)
  std::deque<ChangeRecord> changes;             ///< oldest first, at most kMaxChangeRecords
  uint64_t next_sequence = 1;                   ///< the next change's sequence number
  std::map<std::string, StreamPoll> stream_polls;  ///< mapping address -> its poll waiting for a change
  std::set<std::string> stream_readers;            ///< mappings that have polled the stream (need no wake-up)
};

}  // namespace eventlab::cloud::tables
