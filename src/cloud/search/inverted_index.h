// The inverted index of one search index: dynamic mapping of a document's fields, and adding and
// removing its terms.
#pragma once

#include <string>
#include <vector>

#include "cloud/search/search_models.h"
#include "core/result.h"

namespace eventlab::cloud::search {

/// One indexed value of a document: the field path, its mapping type and its terms.
struct FieldTerms {
  std::string field;
  std::string type;                 ///< "text", "keyword", "long", "float" or "boolean"
  std::vector<std::string> terms;   ///< analyzed tokens (text) or the one exact value
};

/// The terms of `source` (a JSON object) for document `id`, mapping new fields dynamically as
/// Elasticsearch does: a string becomes "text" plus a "<field>.keyword" sub-field (strings up to
/// 256 bytes), an integer "long", a fraction "float", true/false "boolean"; objects nest with
/// dotted paths, arrays index each element, null is skipped. A value the field's existing type
/// cannot take is a mapper_parsing_exception (400).
core::Result<std::vector<FieldTerms>> PlanDocument(const IndexData& index, const std::string& id, const Json& source);

/// Adds a planned document's terms (the plan came from PlanDocument on this index).
void AddTerms(IndexData& index, const std::string& id, const std::vector<FieldTerms>& plan);

/// Removes every term of document `id`; the fields' mapping types stay, as they do in Elasticsearch.
void RemoveTerms(IndexData& index, const std::string& id);

/// The exact form of a JSON scalar as a non-text field stores it ("3", "2.5", "true"), for a field of
/// `type`; nullopt when the value does not fit the type.
std::optional<std::string> ExactTerm(const Json& value, const std::string& type);

/// Distinct (field, term) pairs in the index.
uint64_t TermCount(const IndexData& index);

}  // namespace eventlab::cloud::search
