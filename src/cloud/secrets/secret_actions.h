// Request builders for the secrets.* and ssm.* actions: a secret may be named by its resource name
// or its full ARN, and a parameter by its SSM name (a path such as "/app/db/password") or ARN.
#pragma once

#include "cloud/action_catalog.h"

namespace eventlab::cloud::secrets {

/// secrets.get_secret_value, secrets.put_secret_value, secrets.rotate_secret: the request goes to
/// the secret whose resource name or full ARN is `secret`; an unknown one goes to
/// "secret:<as given>" and gets Secrets Manager's ResourceNotFoundException. The payload is the
/// arguments without `secret`.
core::Result<core::EventSpec> BuildGetSecretValue(ServiceContext& ctx, const std::string& caller, const Json& args);
core::Result<core::EventSpec> BuildPutSecretValue(ServiceContext& ctx, const std::string& caller, const Json& args);
core::Result<core::EventSpec> BuildRotateSecret(ServiceContext& ctx, const std::string& caller, const Json& args);

/// ssm.get_parameter, ssm.put_parameter: the request goes to the parameter whose SSM name (or ARN)
/// is `name`; an unknown one goes to "parameter:<as given>" and gets ParameterNotFound. The payload
/// is all the arguments.
core::Result<core::EventSpec> BuildGetParameter(ServiceContext& ctx, const std::string& caller, const Json& args);
core::Result<core::EventSpec> BuildPutParameter(ServiceContext& ctx, const std::string& caller, const Json& args);

/// Secrets Manager's AccessDeniedException for `from` lacking `action` on `arn` (400).
core::Error AccessDenied(const ServiceContext& ctx, const std::string& from, const std::string& action,
                         const std::string& arn);

}  // namespace eventlab::cloud::secrets
