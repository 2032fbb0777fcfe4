// http.request: a client (or function) sends an HTTP request to a URL, and the resource whose host
// it names receives it (a presigned PUT to a bucket, a POST to an API).
#pragma once

#include "cloud/messaging.h"

namespace eventlab::cloud::http {

/// Arguments {"method", "url", "headers"?, "body"?}. The event goes to the resource that serves
/// the URL's host, with payload {"method", "url", "host", "path", "query", "headers", "body"}.
/// Errors: ValidationException (400) for a bad method or URL; UnknownHost (status 0, no HTTP
/// answer) when no resource serves the host.
core::Result<core::EventSpec> BuildHttpRequest(ServiceContext& ctx, const std::string& caller, const Json& args);

}  // namespace eventlab::cloud::http
