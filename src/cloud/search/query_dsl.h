// The query DSL subset the search domain understands: match, term, match_all and bool (must,
// filter, should, must_not), with "from" and "size"; parsing errors in Elasticsearch's words.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "cloud/search/search_models.h"
#include "core/result.h"

namespace eventlab::cloud::search {

/// A parsed query clause.
struct Query {
  enum class Type { kMatchAll, kMatch, kTerm, kBool };
  Type type = Type::kMatchAll;
  std::string field;      ///< match, term: the field path
  Json value;             ///< match: the query text (or scalar); term: the exact value
  bool all_terms = false; ///< match with "operator": "and"
  std::vector<Query> must, filter, should, must_not;  ///< bool clauses
};

/// A parsed search request body.
struct SearchRequest {
  Query query;                 ///< match_all when the body has no "query"
  uint64_t from = 0;           ///< hits skipped
  uint64_t size = kDefaultSize;
};

/// Parses one query clause ({"match": {...}}, ...): parsing_exception (400) naming the clause or
/// field on anything outside the subset.
core::Result<Query> ParseQuery(const Json& clause);

/// Parses a search body {"query"?, "from"?, "size"?} (null means {}); errors are
/// parsing_exception or illegal_argument_exception (400), naming the key.
core::Result<SearchRequest> ParseSearchBody(const Json& body);

/// Matching document ids with their (unrounded) scores. A filter or must_not clause scores
/// nothing; a bool with only filter and must_not clauses scores 0.
std::map<std::string, double> Evaluate(const Query& query, const IndexData& index);

}  // namespace eventlab::cloud::search
