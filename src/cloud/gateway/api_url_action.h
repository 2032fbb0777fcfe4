// The local action "api.url": a stage's invoke URL, as the console and SDK outputs show it.
#pragma once

#include "cloud/action_catalog.h"

namespace eventlab::cloud::gateway {

/// {"api": name} -> {"url": "https://<id>.execute-api.<region>.amazonaws.com/<stage>"}; the
/// API's not-found error when there is no such API.
core::Result<Json> ApiUrlAction(LocalCall& call, const Json& args);

}  // namespace eventlab::cloud::gateway
