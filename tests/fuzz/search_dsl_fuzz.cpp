// The search query DSL on arbitrary JSON: a search body is parsed and, when valid, evaluated
// against a small index of two documents.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "cloud/search/inverted_index.h"
#include "cloud/search/query_dsl.h"
#include "core/json_bounds.h"

namespace search = eventlab::cloud::search;
using eventlab::core::Json;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const Json body = eventlab::core::ParseBounded(std::string_view(reinterpret_cast<const char*>(data), size));
  if (body.is_discarded()) return 0;
  static const search::IndexData index = [] {
    search::IndexData i;
    for (const auto& [id, doc] : {std::pair<const char*, Json>{"1", {{"title", "The quick brown fox"}, {"n", 3}}},
                                  std::pair<const char*, Json>{"2", {{"title", "a dog's life"}, {"tags", {"pet", "dog"}}}}}) {
      if (auto plan = search::PlanDocument(i, id, doc); plan.ok()) search::AddTerms(i, id, plan.value());
    }
    return i;
  }();
  auto request = search::ParseSearchBody(body);
  if (request.ok()) (void)search::Evaluate(request.value().query, index);
  if (auto q = search::ParseQuery(body); q.ok()) (void)search::Evaluate(q.value(), index);
  return 0;
}
