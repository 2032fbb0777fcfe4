// Loads a "search" resource (an Amazon OpenSearch Service-style domain): its name rules and the
// documents its indexes hold from the start.
#include "cloud/search/inverted_index.h"
#include "cloud/search/search_models.h"
#include "scenario/resource_loaders.h"

namespace eventlab::scenario {

std::unique_ptr<cloud::ResourceConfig> LoadSearch(const ResourceInput& in, Problems& p) {
  namespace search = cloud::search;
  auto d = std::make_unique<search::SearchDomainConfig>();
  ReadCommonKeys(in, {"indexes"}, *d, p);
  if (auto problem = search::DomainNameProblem(in.name)) p.Add(in.path, *problem);
  auto it = in.json.find("indexes");
  if (it == in.json.end()) return d;
  const std::string at = Child(in.path, "indexes");
  if (!it->is_object()) {
    p.Add(at, "expected {\"<index>\": {\"<id>\": {document}}}, got " + TypeName(*it));
    return d;
  }
  for (const auto& [index, docs] : it->items()) {
    const std::string index_at = Child(at, index);
    if (auto problem = search::IndexNameProblem(index)) p.Add(index_at, *problem);
    if (!docs.is_object()) {
      p.Add(index_at, "expected {\"<id>\": {document}}, got " + TypeName(docs));
      continue;
    }
    search::IndexData mapping;  // checks that the documents agree on their fields' types
    for (const auto& [id, source] : docs.items()) {
      const std::string doc_at = Child(index_at, id);
      if (id.empty() || id.size() > search::kMaxIdBytes) p.Add(doc_at, "a document id is 1 to 512 bytes");
      if (!source.is_object()) {
        p.Add(doc_at, "expected a document (a JSON object), got " + TypeName(source));
        continue;
      }
      auto plan = search::PlanDocument(mapping, id, source);
      if (!plan.ok()) {
        p.Add(doc_at, plan.error().message);
        continue;
      }
      search::AddTerms(mapping, id, plan.value());
      d->indexes[index][id] = source;
    }
    d->indexes[index];  // an index given with no documents still exists
  }
  return d;
}

}  // namespace eventlab::scenario
