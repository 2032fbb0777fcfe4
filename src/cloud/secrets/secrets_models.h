// Secrets Manager secrets and Systems Manager Parameter Store parameters: configuration from the
// scenario, the runtime stores (versions, staging labels, counters), and the services' constants.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "cloud/service.h"
#include "core/sim_time.h"

namespace eventlab::cloud::secrets {

/// Staging labels Secrets Manager attaches to versions (Secrets Manager user guide, "secret versions").
inline constexpr const char* kCurrent = "AWSCURRENT";
inline constexpr const char* kPrevious = "AWSPREVIOUS";
inline constexpr const char* kPending = "AWSPENDING";

/// GetRandomPassword's default PasswordLength is 32 (Secrets Manager API reference, GetRandomPassword);
/// a rotation's new value has this many characters.
inline constexpr size_t kGeneratedPasswordLength = 32;

/// A "secret" resource (Secrets Manager). Its ARN ends in "-" and six characters derived from the
/// name, as Secrets Manager appends six random characters to every secret ARN.
struct SecretConfig : ResourceConfig {
  std::string Kind() const override { return "secret"; }
  std::unique_ptr<Service> CreateService() const override;

  std::string value;               ///< the first version's SecretString (AWSCURRENT at time 0)
  core::SimTime rotation_every;    ///< scheduled rotation period; zero when not scheduled
};

/// One version of a secret.
struct SecretVersion {
  std::string id;                   ///< VersionId, a UUID
  std::string value;                ///< SecretString
  int64_t created_epoch_us = 0;     ///< CreatedDate
  std::vector<std::string> stages;  ///< staging labels attached now (may be empty: deprecated)
};

struct SecretStore {
  std::string arn;                       ///< fixed when the run starts (needs region and account)
  std::vector<SecretVersion> versions;   ///< oldest first
  uint64_t reads = 0, writes = 0, rotations = 0;
  std::string last_reader;               ///< address of the latest successful GetSecretValue caller
  std::vector<core::Json> rotation_log;  ///< newest last: {"time_us", "version_id", "scheduled"}
};

/// A "parameter" resource (SSM Parameter Store). Its parameter name is `parameter_name`, which may
/// be a path ("/app/db/password"); the scenario resource name is only the address.
struct ParameterConfig : ResourceConfig {
  std::string Kind() const override { return "parameter"; }
  std::unique_ptr<Service> CreateService() const override;

  std::string parameter_name;  ///< Name as SSM knows it; defaults to the resource name
  std::string type = "String"; ///< String, SecureString or StringList
  std::string value;           ///< version 1's value (the resource's "description" is SSM's Description)
};

struct ParameterStore {
  std::string arn;              ///< fixed when the run starts
  std::string type;             ///< may change with PutParameter's Type
  std::string value;
  uint64_t version = 1;
  int64_t modified_epoch_us = 0;  ///< LastModifiedDate
  uint64_t reads = 0, writes = 0;
  std::string last_reader;
};

/// "arn:aws:secretsmanager:<region>:<account>:secret:<name>-<6 chars>", the suffix derived from the
/// account, region and name (deterministic, seed-independent).
std::string SecretArn(const Environment& env, const std::string& name);

/// "arn:aws:ssm:<region>:<account>:parameter/<name without its leading slash>".
std::string ParameterArn(const Environment& env, const std::string& parameter_name);

/// A value for a panel: all but the last 4 characters masked ("********abcd"); values of 8 or
/// fewer characters are masked whole.
std::string Masked(const std::string& value);

}  // namespace eventlab::cloud::secrets
