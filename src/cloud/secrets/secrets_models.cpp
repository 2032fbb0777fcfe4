// ARNs and masking shared by the secret and parameter services and their actions.
#include "cloud/secrets/secrets_models.h"

#include "core/ids.h"

namespace eventlab::cloud::secrets {

std::string SecretArn(const Environment& env, const std::string& name) {
  // Secrets Manager ends every secret ARN with a hyphen and six random characters (Secrets Manager
  // user guide, "Find secrets": "Secrets Manager adds a hyphen and six random characters"); here
  // they come from a hash of the account, region and name, so the same scenario always has them.
  static constexpr char kChars[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  uint64_t h = core::Fnv1a64(env.account + "/" + env.region + "/secret/" + name);
  std::string suffix;
  for (int i = 0; i < 6; ++i) {
    suffix += kChars[h % 62];
    h /= 62;
  }
  return "arn:aws:secretsmanager:" + env.region + ":" + env.account + ":secret:" + name + "-" + suffix;
}

std::string ParameterArn(const Environment& env, const std::string& parameter_name) {
  // A path's leading slash is not repeated after "parameter" (SSM user guide, IAM policies for
  // Parameter Store: arn:aws:ssm:region:account-id:parameter/parameter-name).
  const std::string bare = !parameter_name.empty() && parameter_name[0] == '/' ? parameter_name.substr(1) : parameter_name;
  return "arn:aws:ssm:" + env.region + ":" + env.account + ":parameter/" + bare;
}

std::string Masked(const std::string& value) {
  if (value.size() <= 8) return std::string(value.size(), '*');
  return std::string(value.size() - 4, '*') + value.substr(value.size() - 4);
}

}  // namespace eventlab::cloud::secrets
