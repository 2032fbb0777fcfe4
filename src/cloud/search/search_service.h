// The search domain service: Elasticsearch's document APIs (index, update, delete, get) and
// _search over its indexes, reached by the search.* actions and by HTTP on the domain endpoint.
#pragma once

#include <optional>
#include <string>

#include "cloud/messaging.h"
#include "cloud/search/search_models.h"
#include "cloud/service.h"

namespace eventlab::cloud::search {

/// An Elasticsearch answer: the HTTP status it comes with and its JSON body.
struct Answer {
  int status = 200;
  Json body;
};

class SearchService : public CopyableService<SearchService> {
 public:
  /// Indexes the config's initial documents (validated by the loader).
  explicit SearchService(const SearchDomainConfig* config);

  /// Handles search.index, search.update, search.delete, search.get, search.query and http.request.
  void Deliver(ServiceContext& ctx, const core::Event& event) override;
  Json State() const override;

 private:
  /// The search.* actions: arguments checked, access checked as the equivalent HTTP request.
  core::Result<Answer> Action(ServiceContext& ctx, const core::Event& event);
  /// Requests to the domain endpoint (search_http.cpp).
  core::Result<Json> HttpRequest(ServiceContext& ctx, const core::Event& event);
  /// AccessDeniedException (403) unless `principal` may es:ESHttp<Method> the path.
  std::optional<core::Error> CheckAccess(ServiceContext& ctx, const std::string& principal, const std::string& method,
                                         const std::string& path) const;

  core::Result<Answer> IndexDocument(ServiceContext& ctx, const std::string& index, const std::string& id, const Json& source);
  core::Result<Answer> UpdateDocument(ServiceContext& ctx, const std::string& index, const std::string& id, const Json& body);
  core::Result<Answer> DeleteDocument(ServiceContext& ctx, const std::string& index, const std::string& id);
  core::Result<Answer> GetDocument(const std::string& index, const std::string& id) const;
  core::Result<Answer> Search(const std::string& index, const Json& body);

  /// The index `name`, created (auto-create, as a write does) if needed; invalid_index_name_exception
  /// for a name Elasticsearch refuses.
  core::Result<IndexData*> WritableIndex(const std::string& name);
  /// Stores `source` as document `id`, replacing any current revision: (version, seq_no).
  core::Result<std::pair<uint64_t, uint64_t>> Write(ServiceContext* ctx, IndexData& data, const std::string& id, const Json& source);
  std::string Self() const { return Address("search", config_->name); }

  const SearchDomainConfig* config_;
  SearchStore store_;
  std::string endpoint_;  ///< "https://<host>", learnt from the first event (the host needs the region)
};

/// A write's answer body: {"_index", "_id", "_version", "result", "_shards", "_seq_no", "_primary_term"}.
Json WriteResult(const std::string& index, const std::string& id, uint64_t version, const std::string& result, uint64_t seq_no,
                 bool noop = false);

/// A score as the JSON number Elasticsearch prints, rounded to 6 decimals through integers.
Json ScoreJson(int64_t micros);

}  // namespace eventlab::cloud::search
