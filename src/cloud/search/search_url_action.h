// The local action "search.url": a search domain's endpoint, as DescribeDomain shows it.
#pragma once

#include "cloud/action_catalog.h"

namespace eventlab::cloud::search {

/// {"domain": name} -> {"url": "https://<endpoint>", "endpoint": "search-<name>-<id>.<region>.es.amazonaws.com"};
/// ResourceNotFoundException (409) when there is no such domain.
core::Result<Json> SearchUrlAction(LocalCall& call, const Json& args);

}  // namespace eventlab::cloud::search
