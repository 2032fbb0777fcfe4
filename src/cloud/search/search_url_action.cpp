// Computed in place like an SDK helper: nothing is sent, the endpoint is known from the configuration.
#include "cloud/search/search_url_action.h"

#include "cloud/search/search_models.h"
#include "cloud/world_config.h"

namespace eventlab::cloud::search {

core::Result<Json> SearchUrlAction(LocalCall& call, const Json& args) {
  if (!args.is_object() || !args.contains("domain") || !args["domain"].is_string()) {
    return core::Error{"ValidationException", "search.url needs \"domain\" naming a search domain", 400};
  }
  const std::string name = args["domain"].get<std::string>();
  const SearchDomainConfig* domain = call.ctx.config.Find<SearchDomainConfig>(name);
  // The OpenSearch Service API answers an unknown domain with ResourceNotFoundException, HTTP 409
  // (Amazon OpenSearch Service API reference, DescribeDomain, errors).
  if (!domain) return core::Error{"ResourceNotFoundException", "Domain not found: " + name, 409};
  const std::string host = domain->Host(call.ctx.env());
  return Json{{"url", "https://" + host}, {"endpoint", host}};
}

}  // namespace eventlab::cloud::search
