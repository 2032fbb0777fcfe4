// Secrets and parameters are found by the names their services know them by (a secret's ARN, a
// parameter's path), which are not scenario resource names, so the target is resolved here.
#include "cloud/secrets/secret_actions.h"

#include "cloud/iam/permissions.h"
#include "cloud/secrets/secrets_models.h"
#include "cloud/world_config.h"

namespace eventlab::cloud::secrets {
namespace {

core::Result<core::EventSpec> SecretRequest(ServiceContext& ctx, const std::string& caller, const Json& args,
                                            const char* action) {
  if (!args.is_object() || !args.contains("secret") || !args["secret"].is_string()) {
    return core::Error{"ValidationException", std::string(action) + " needs \"secret\": a secret's name or ARN", 400};
  }
  const std::string id = args["secret"].get<std::string>();
  std::string target = id;
  for (const auto& [name, resource] : ctx.config.resources) {
    if (resource->Kind() != "secret") continue;
    if (id == name || id == SecretArn(ctx.env(), name)) {
      target = name;
      break;
    }
  }
  core::EventSpec e;
  e.from = caller;
  e.to = Address("secret", target);
  e.kind = action;
  e.payload = args;
  e.payload.erase("secret");
  return e;
}

core::Result<core::EventSpec> ParameterRequest(ServiceContext& ctx, const std::string& caller, const Json& args,
                                               const char* action) {
  if (!args.is_object() || !args.contains("name") || !args["name"].is_string()) {
    return core::Error{"ValidationException", std::string(action) + " needs \"name\": a parameter's name or ARN", 400};
  }
  const std::string id = args["name"].get<std::string>();
  std::string target = id;
  for (const auto& [name, resource] : ctx.config.resources) {
    const auto* p = dynamic_cast<const ParameterConfig*>(resource.get());
    if (!p) continue;
    if (id == p->parameter_name || id == ParameterArn(ctx.env(), p->parameter_name)) {
      target = name;
      break;
    }
  }
  core::EventSpec e;
  e.from = caller;
  e.to = Address("parameter", target);
  e.kind = action;
  e.payload = args;
  return e;
}

}  // namespace

core::Result<core::EventSpec> BuildGetSecretValue(ServiceContext& ctx, const std::string& caller, const Json& args) {
  return SecretRequest(ctx, caller, args, "secrets.get_secret_value");
}
core::Result<core::EventSpec> BuildPutSecretValue(ServiceContext& ctx, const std::string& caller, const Json& args) {
  return SecretRequest(ctx, caller, args, "secrets.put_secret_value");
}
core::Result<core::EventSpec> BuildRotateSecret(ServiceContext& ctx, const std::string& caller, const Json& args) {
  return SecretRequest(ctx, caller, args, "secrets.rotate_secret");
}
core::Result<core::EventSpec> BuildGetParameter(ServiceContext& ctx, const std::string& caller, const Json& args) {
  return ParameterRequest(ctx, caller, args, "ssm.get_parameter");
}
core::Result<core::EventSpec> BuildPutParameter(ServiceContext& ctx, const std::string& caller, const Json& args) {
  return ParameterRequest(ctx, caller, args, "ssm.put_parameter");
}

core::Error AccessDenied(const ServiceContext& ctx, const std::string& from, const std::string& action,
                         const std::string& arn) {
  // The identity-based-policy wording AWS services answer with (as DynamoDB's here): "User: <arn>
  // is not authorized to perform: <action> on resource: <arn> because no identity-based policy
  // allows the <action> action".
  return {"AccessDeniedException",
          "User: " + iam::PrincipalArn(ctx.config, from) + " is not authorized to perform: " + action +
              " on resource: " + arn + " because no identity-based policy allows the " + action + " action",
          400};
}

}  // namespace eventlab::cloud::secrets
