// API Gateway (REST API, Lambda proxy integration): configuration from the scenario and the
// store of requests waiting for their function.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "cloud/gateway/authorizer_cache.h"
#include "cloud/service.h"
#include "core/event.h"
#include "core/sim_time.h"

namespace eventlab::cloud::gateway {

using core::Json;

/// REST API integration timeout: 50 ms to 29 seconds, 29 s by default (API Gateway quotas,
/// "Integration timeout").
inline constexpr core::SimTime kIntegrationTimeout = core::SimTime::Seconds(29);

/// One route: "GET /images/{id}" -> function "get-image". `method` is "ANY" for any method;
/// the "$default" route has method and path empty.
struct Route {
  std::string key;       ///< as written: "GET /images/{id}", "ANY /{proxy+}", "$default"
  std::string method;    ///< "GET", ..., "ANY"; empty for $default
  std::string path;      ///< resource path template "/images/{id}"; empty for $default
  std::string function;  ///< integrated function's name
  std::string authorizer;  ///< name of the API's authorizer guarding the route, or empty
};

struct ApiConfig : ResourceConfig {
  std::string Kind() const override { return "api"; }
  std::unique_ptr<Service> CreateService() const override;
  bool ServesHost(const std::string& host, const Environment& env) const override;

  std::vector<Route> routes;  ///< sorted by key
  std::map<std::string, AuthorizerConfig> authorizers;  ///< Lambda authorizers by name
  std::string stage = "prod";
  std::string id;             ///< set by the scenario's "id", or empty: ApiId(account, name)
  /// A custom domain name ("api.example.com") mapped to `stage` at its root, or empty. Requests to
  /// it carry no stage in their path, and a browser page on the same site sends it its cookies.
  std::string domain;

  /// The API's id in `env`'s account: `id`, or ApiId(env.account, name).
  std::string IdIn(const Environment& env) const;
  /// "<id>.execute-api.<region>.amazonaws.com".
  std::string Host(const Environment& env) const;
  /// "https://<host>/<stage>": the stage's invoke URL.
  std::string InvokeUrl(const Environment& env) const;
};

/// A REST API id as API Gateway shapes it (10 lower-case letters and digits), derived from the
/// account and the API's name so that it is stable across runs.
std::string ApiId(const std::string& account, const std::string& name);

/// A client request forwarded to a function and not yet answered.
struct PendingRequest {
  uint64_t request_event = 0;  ///< id of the client's http.request event
  std::string from;            ///< the client's address (the reply goes there)
  std::string to;              ///< this API's address
  std::string kind;            ///< "http.request"
  std::string route;           ///< matched route key
  uint64_t timeout_timer = 0;  ///< id of the pending api.integration_timeout event
};

/// A request waiting for its authorizer function's answer.
struct PendingAuthorization {
  RequestRef request;         ///< the client's http.request
  std::string route;          ///< matched route key
  std::string authorizer;     ///< authorizer name
  std::string method_arn;     ///< the request's method ARN
  std::string cache_key;      ///< AuthorizerCacheKey of the identity-source values
  Json proxy_event;           ///< the integration's event, built when the request arrived
  core::SimTime invoked_at{0};  ///< when the authorizer was invoked (for integrationLatency)
};

struct ApiStore {
  std::map<uint64_t, PendingAuthorization> authorizing;  ///< authorizer function.invoke id -> request
  AuthorizerCache authorizer_cache;                      ///< cached authorizer policies

  std::map<uint64_t, PendingRequest> in_flight;  ///< function.invoke event id -> the client's request
  uint64_t requests = 0;                         ///< http.request events received
  int64_t last_status = 0;                       ///< HTTP status of the last answer, 0 before any
  std::string url;                               ///< invoke URL, known from the first event on
};

}  // namespace eventlab::cloud::gateway
