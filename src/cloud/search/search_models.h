// Search domains (Amazon OpenSearch Service-style, Elasticsearch API): configuration from the
// scenario, and the store of indexes with their documents and inverted index.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>

#include "cloud/service.h"
#include "core/event.h"
#include "core/sim_time.h"

namespace eventlab::cloud::search {

using core::Json;

/// Document ids: "id is too long, must be no longer than 512 bytes" (Elasticsearch reference,
/// "_id field").
inline constexpr size_t kMaxIdBytes = 512;
/// index.max_result_window default: from + size may be at most 10,000 (Elasticsearch reference,
/// "Index modules", index.max_result_window).
inline constexpr uint64_t kMaxResultWindow = 10000;
/// Default hits per page, "size" (Elasticsearch reference, search API, size: defaults to 10).
inline constexpr uint64_t kDefaultSize = 10;
/// track_total_hits default: totals are exact up to 10,000 hits, beyond that "gte" (Elasticsearch
/// reference, search API, track_total_hits).
inline constexpr uint64_t kTotalHitsThreshold = 10000;
/// index.gc_deletes: a deleted document's version is kept 60 s, so a re-index continues its
/// version (Elasticsearch reference, "Index modules", index.gc_deletes).
inline constexpr core::SimTime kGcDeletes = core::SimTime::Seconds(60);
/// Dynamic mapping gives a string a "keyword" sub-field with ignore_above 256 (Elasticsearch
/// reference, "Dynamic field mapping").
inline constexpr size_t kKeywordIgnoreAbove = 256;
/// Domain names: 3 to 28 characters, a lower-case letter first, then a-z, 0-9 and hyphens
/// (Amazon OpenSearch Service developer guide, "Creating domains").
inline constexpr size_t kMinDomainName = 3, kMaxDomainName = 28;

struct SearchDomainConfig : ResourceConfig {
  std::string Kind() const override { return "search"; }
  std::unique_ptr<Service> CreateService() const override;
  /// "search-<name>-<id>.<region>.es.amazonaws.com".
  bool ServesHost(const std::string& host, const Environment& env) const override;

  std::map<std::string, std::map<std::string, Json>> indexes;  ///< initial documents: index -> id -> source

  /// The domain endpoint, "search-<name>-<26 characters>.<region>.es.amazonaws.com".
  std::string Host(const Environment& env) const;
  /// "arn:aws:es:<region>:<account>:domain/<name>".
  std::string Arn(const Environment& env) const;
};

/// A stored document (the live revision).
struct Document {
  Json source;             ///< _source, a JSON object
  uint64_t version = 0;    ///< _version, from 1
  uint64_t seq_no = 0;     ///< _seq_no of the write that made this revision
};

/// A deleted document's version, kept for kGcDeletes.
struct Tombstone {
  uint64_t version = 0;
  int64_t deleted_at_us = 0;  ///< simulated time of the delete
};

/// One field of the inverted index. Dynamic mapping types: "text" (analyzed strings), "keyword"
/// (the exact string, as the "<field>.keyword" sub-field), "long", "float", "boolean".
struct FieldIndex {
  std::string type;
  std::map<std::string, std::map<std::string, uint32_t>> postings;  ///< term -> document id -> term frequency
  std::map<std::string, uint64_t> lengths;                          ///< document id -> tokens in this field (dl)
  uint64_t total_length = 0;                                        ///< sum of lengths
};

struct IndexData {
  std::map<std::string, Document> documents;     ///< by _id
  std::map<std::string, FieldIndex> fields;      ///< by field path ("title", "title.keyword", "owner.name")
  std::map<std::string, Tombstone> tombstones;   ///< recently deleted ids -> their last version
  uint64_t next_seq_no = 0;                      ///< _seq_no of the next write (one shard)
  std::string uuid;                              ///< index_uuid as errors show it
};

struct SearchStore {
  std::map<std::string, IndexData> indexes;  ///< by index name
  uint64_t requests = 0;                     ///< operations received (actions and HTTP)
  uint64_t searches = 0;                     ///< _search requests answered
  uint64_t writes = 0;                       ///< index, update and delete operations applied
  Json last_search = nullptr;                ///< {"index", "body", "total", "ids"} of the latest search
};

/// Why `name` cannot be an index name (Elasticsearch's rules: lower case, no \ / * ? " < > | space
/// , #, not starting with - _ +, not "." or "..", at most 255 bytes), or nullopt.
std::optional<std::string> IndexNameProblem(const std::string& name);

/// Why `name` cannot be a domain name, or nullopt.
std::optional<std::string> DomainNameProblem(const std::string& name);

}  // namespace eventlab::cloud::search
