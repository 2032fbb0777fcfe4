// The event a Lambda proxy integration hands to its function (REST API, payload format 1.0), and
// the reading of the function's proxy response.
#pragma once

#include <cstdint>
#include <string>

#include "cloud/environment.h"
#include "cloud/gateway/gateway_models.h"
#include "cloud/gateway/route_matcher.h"
#include "core/result.h"
#include "core/rng.h"

namespace eventlab::cloud::gateway {

/// What the proxy event is built from besides the client's request.
struct ProxyInput {
  const ApiConfig& api;
  const Environment& env;
  const Json& request;       ///< http.request payload: method, url, host, path, query, headers, body
  const std::string& path;   ///< request path without the stage ("/images/7")
  const RouteMatch& match;
  std::string source_ip;     ///< the caller's address as API Gateway sees it
  int64_t now_epoch_us = 0;
};

/// The REST API Lambda proxy integration input (payload format 1.0): resource, path, httpMethod,
/// headers, multiValueHeaders, queryStringParameters, multiValueQueryStringParameters,
/// pathParameters, stageVariables, requestContext, body, isBase64Encoded. Ids come from `rng`.
Json BuildProxyEvent(const ProxyInput& in, core::Rng& rng);

/// "23/Nov/2026:04:01:20 +0000": $context.requestTime, CLF format, from epoch microseconds.
std::string ClfTime(int64_t epoch_us);

/// A documentation-range IPv4 address (198.51.100.0/24, RFC 5737) stable for each caller.
std::string SourceIpFor(const std::string& caller);

/// Turns a function's proxy response {statusCode, headers?, multiValueHeaders?, body?,
/// isBase64Encoded?} into the http.request reply {"statusCode", "headers", "body"}; a response
/// of another shape is API Gateway's 502 "Internal server error".
core::Result<Json> MapProxyResponse(const Json& response);

}  // namespace eventlab::cloud::gateway
