// Lambda authorizers (API Gateway "custom authorizers"), independent of the API type: their
// configuration, the TOKEN and REQUEST input events, the identity-source lookup, and the reading
// of the function's output into a verdict for one method ARN. A REST API and a WebSocket API's
// $connect route both use it.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/event.h"
#include "core/result.h"
#include "core/sim_time.h"

namespace eventlab::cloud::gateway {

using core::Json;

/// Authorizer result caching: 300 s by default, 0 disables it, at most 3600 s (API Gateway
/// developer guide, "Configure an API Gateway Lambda authorizer": authorizerResultTtlInSeconds).
inline constexpr core::SimTime kDefaultAuthorizerTtl = core::SimTime::Seconds(300);
inline constexpr core::SimTime kMaxAuthorizerTtl = core::SimTime::Seconds(3600);

enum class AuthorizerType { kToken, kRequest };

/// One authorizer as configured on an API.
struct AuthorizerConfig {
  std::string name;      ///< the key in the API's "authorizers"
  AuthorizerType type = AuthorizerType::kToken;
  std::string function;  ///< the authorizer function's name
  /// "method.request.header.<Name>" or "method.request.querystring.<name>"; TOKEN: exactly one header.
  std::vector<std::string> identity_sources;
  core::SimTime ttl = kDefaultAuthorizerTtl;  ///< result cache TTL; 0 = no caching
};

/// Checks one identity source expression; returns an explanation, or empty when it is usable.
std::string CheckIdentitySource(const std::string& source);

/// The values of the authorizer's identity sources in a request, in order: headers are matched
/// case-insensitively, query strings exactly. nullopt when one is missing or empty (API Gateway
/// then answers 401 without invoking the authorizer). `headers`/`query`: objects of strings (or null).
std::optional<std::vector<std::string>> IdentityValues(const AuthorizerConfig& a, const Json& headers, const Json& query);

/// The cache key of a request: the authorizer name and its identity-source values (API Gateway
/// caches a TOKEN authorizer's policy per token, a REQUEST authorizer's per identity-source values).
std::string AuthorizerCacheKey(const std::string& authorizer, const std::vector<std::string>& values);

/// "arn:aws:execute-api:<region>:<account>:<api id>/<stage>/<METHOD>/<path without leading />".
std::string MethodArn(const std::string& region, const std::string& account, const std::string& api_id,
                      const std::string& stage, const std::string& method, const std::string& path);

/// TOKEN input: {"type":"TOKEN","authorizationToken","methodArn"}.
Json TokenAuthorizerEvent(const std::string& token, const std::string& method_arn);
/// REQUEST input: {"type":"REQUEST","methodArn", and resource, path, httpMethod, headers,
/// multiValueHeaders, queryStringParameters, multiValueQueryStringParameters, pathParameters,
/// stageVariables, requestContext copied from `request` (a proxy-integration-shaped event; keys
/// it lacks are null)}.
Json RequestAuthorizerEvent(const std::string& method_arn, const Json& request);

/// One IAM policy statement of an authorizer's output, as read.
struct PolicyStatement {
  bool allow = false;                  ///< Effect "Allow" (else "Deny")
  std::vector<std::string> actions;    ///< "execute-api:Invoke", "execute-api:*", "*"
  std::vector<std::string> resources;  ///< method ARN patterns with '*' and '?'
};

/// A well-formed authorizer output {principalId, policyDocument {Version, Statement}, context?}.
struct AuthorizerOutput {
  std::string principal_id;
  std::vector<PolicyStatement> statements;
  Json context = Json::object();  ///< string, number and boolean values only
  /// "Allow", "Deny", "Allow+Deny" or "none": a summary for panels.
  std::string EffectSummary() const;
};

/// Reads the authorizer function's output; nullopt with `why` set when malformed.
std::optional<AuthorizerOutput> ParseAuthorizerOutput(const Json& output, std::string* why = nullptr);

/// The outcome of authorizing one request.
struct AuthorizerVerdict {
  bool allowed = false;
  core::Error error;       ///< when !allowed: the gateway's answer (401, 403 or 500)
  std::string principal_id;
  Json authorizer_context;  ///< when allowed: requestContext.authorizer without integrationLatency
};

/// Evaluates a policy against `method_arn` as API Gateway does: an explicit Deny matching it wins
/// (403 "User is not authorized to access this resource with an explicit deny"), then an Allow
/// matching it allows, else 403 "User is not authorized to access this resource".
AuthorizerVerdict Evaluate(const AuthorizerOutput& output, const std::string& method_arn);

/// The verdict for the authorizer function's reply: an error whose message is "Unauthorized"
/// -> 401 UnauthorizedException; any other error or a malformed output -> 500
/// AuthorizerConfigurationException; else Evaluate. `output` receives the parsed output (to cache).
AuthorizerVerdict VerdictFromReply(const core::Result<Json>& reply, const std::string& method_arn,
                                   std::optional<AuthorizerOutput>* output = nullptr);

/// 401 {"message": "Unauthorized"} (UNAUTHORIZED gateway response): a missing identity source
/// or the authorizer's "Unauthorized" error.
core::Error UnauthorizedError();


}  // namespace eventlab::cloud::gateway
