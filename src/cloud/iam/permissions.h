// Least privilege: the grants a scenario gives a principal (a function's role, a client's
// credentials), checked by the service that receives the call.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace eventlab::cloud {
struct WorldConfig;
}

namespace eventlab::cloud::iam {

/// One allowed action on matching resources, as written in a scenario's "permissions":
/// {"action": "s3:PutObject", "resource": "arn:aws:s3:::images/*"}. Both may use * and ?.
struct Grant {
  std::string action;
  std::string resource;
};

/// A principal's grants. `unrestricted` is a function with no "permissions" key: every call is
/// allowed, which keeps scenarios that do not teach IAM short.
struct Grants {
  bool unrestricted = false;
  std::vector<Grant> list;

  /// True if some grant matches `action` ("s3:PutObject") on `resource_arn`.
  bool Allows(const std::string& action, const std::string& resource_arn) const;
};

/// The grants of the principal at `address` ("function:upload", "client:alice"). A client
/// without "permissions" holds no credentials, so private resources refuse it.
Grants GrantsOf(const WorldConfig& config, const std::string& address);

/// Glob match with * (any run) and ? (one character), as IAM matches actions and ARNs.
bool GlobMatch(const std::string& pattern, const std::string& text);

/// "arn:aws:iam::<account>:role/<name>" for a function, "arn:aws:iam::<account>:user/<name>" for
/// a client: how errors name the caller.
std::string PrincipalArn(const WorldConfig& config, const std::string& address);

/// Deterministic access keys for a principal, so presigned URLs carry a real-looking credential
/// that the receiving service can map back to the principal.
struct Credentials {
  std::string access_key_id;      ///< "AKIA" + 16 characters
  std::string secret_access_key;  ///< 40 characters
};
Credentials CredentialsOf(const WorldConfig& config, const std::string& address);

/// The principal address whose access key is `access_key_id`, if any.
std::optional<std::string> PrincipalForAccessKey(const WorldConfig& config, const std::string& access_key_id);

}  // namespace eventlab::cloud::iam
