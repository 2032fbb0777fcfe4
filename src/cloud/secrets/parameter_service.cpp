// Parameter Store for one parameter. A SecureString read without decryption answers with a
// ciphertext-looking value, as SSM returns the KMS-encrypted blob; with decryption, the value.
// The default key (the AWS managed aws/ssm key) lets any principal allowed ssm:GetParameter
// decrypt, so kms:Decrypt is not checked.
#include "cloud/secrets/parameter_service.h"
#include "core/json_bounds.h"

#include "cloud/iam/permissions.h"
#include "cloud/secrets/secret_actions.h"
#include "cloud/world_config.h"
#include "core/digest.h"

namespace eventlab::cloud::secrets {
namespace {

std::string Base64(const std::string& bytes) {
  static constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  size_t i = 0;
  for (; i + 2 < bytes.size(); i += 3) {
    const uint32_t n = (uint8_t(bytes[i]) << 16) | (uint8_t(bytes[i + 1]) << 8) | uint8_t(bytes[i + 2]);
    for (int s = 18; s >= 0; s -= 6) out += kAlphabet[(n >> s) & 63];
  }
  if (i + 1 == bytes.size()) {
    const uint32_t n = uint8_t(bytes[i]) << 16;
    out += kAlphabet[(n >> 18) & 63];
    out += kAlphabet[(n >> 12) & 63];
    out += "==";
  } else if (i + 2 == bytes.size()) {
    const uint32_t n = (uint8_t(bytes[i]) << 16) | (uint8_t(bytes[i + 1]) << 8);
    out += kAlphabet[(n >> 18) & 63];
    out += kAlphabet[(n >> 12) & 63];
    out += kAlphabet[(n >> 6) & 63];
    out += '=';
  }
  return out;
}

// A stand-in for the KMS ciphertext blob: real ones are base64 and begin "AQICAH" (a KMS envelope
// header); the bytes here are a hash chain of the ARN, version and value, as long as a small blob.
std::string Ciphertext(const std::string& arn, uint64_t version, const std::string& value) {
  std::string bytes = {char(0x01), char(0x02), char(0x02), char(0x00), char(0x78)};
  std::string h = core::Md5Hex(arn + "#" + std::to_string(version) + "#" + value);
  while (bytes.size() < 150 + value.size()) {
    for (size_t i = 0; i + 1 < h.size(); i += 2) bytes += char(std::stoi(h.substr(i, 2), nullptr, 16));
    h = core::Md5Hex(h);
  }
  bytes.resize(150 + value.size());
  return Base64(bytes);
}

core::Error Validation(const std::string& message) { return {"ValidationException", message, 400}; }

}  // namespace

std::unique_ptr<Service> ParameterConfig::CreateService() const { return std::make_unique<ParameterService>(this); }

void ParameterService::Start(ServiceContext& ctx) {
  store_.arn = ParameterArn(ctx.env(), config_->parameter_name);
  store_.type = config_->type;
  store_.value = config_->value;
  store_.modified_epoch_us = ctx.NowEpochUs();
}

void ParameterService::Deliver(ServiceContext& ctx, const core::Event& event) {
  std::string action;
  if (event.kind == "ssm.get_parameter") action = "ssm:GetParameter";
  else if (event.kind == "ssm.put_parameter") action = "ssm:PutParameter";
  else return;
  if (!iam::GrantsOf(ctx.config, event.from).Allows(action, store_.arn)) {
    return Reply(ctx, event, AccessDenied(ctx, event.from, action, store_.arn));
  }
  Reply(ctx, event, action == "ssm:GetParameter" ? GetParameter(ctx, event) : PutParameter(ctx, event));
}

core::Result<Json> ParameterService::GetParameter(ServiceContext& ctx, const core::Event& event) {
  const Json& args = event.payload;
  if (args.contains("with_decryption") && !args["with_decryption"].is_boolean()) {
    return Validation("with_decryption must be true or false");
  }
  const bool decrypt = args.value("with_decryption", false);
  ++store_.reads;
  store_.last_reader = event.from;
  const bool secure = store_.type == "SecureString";
  // GetParameter's response (Systems Manager API reference, GetParameter and Parameter).
  // LastModifiedDate is shown as ISO-8601, as the SDKs render the wire format's epoch seconds.
  return Json{{"Parameter",
               {{"Name", config_->parameter_name},
                {"Type", store_.type},
                {"Value", secure && !decrypt ? Ciphertext(store_.arn, store_.version, store_.value) : store_.value},
                {"Version", store_.version},
                {"LastModifiedDate", core::FormatIsoUtc(store_.modified_epoch_us)},
                {"ARN", store_.arn},
                {"DataType", "text"}}}};
}

core::Result<Json> ParameterService::PutParameter(ServiceContext& ctx, const core::Event& event) {
  const Json& args = event.payload;
  if (!args.contains("value") || !args["value"].is_string()) return Validation("PutParameter needs a string \"value\"");
  if (args.contains("overwrite") && !args["overwrite"].is_boolean()) return Validation("overwrite must be true or false");
  std::string type = store_.type;
  if (args.contains("type")) {
    type = args["type"].is_string() ? args["type"].get<std::string>() : core::DumpText(args["type"]);
    if (type != "String" && type != "SecureString" && type != "StringList") {
      return Validation("1 validation error detected: Value '" + type +
                        "' at 'type' failed to satisfy constraint: Member must satisfy enum value set: "
                        "[SecureString, StringList, String]");
    }
  }
  const std::string value = args["value"].get<std::string>();
  const uint64_t limit = ctx.env().limits.parameter_value_bytes;
  if (value.size() > limit) {
    // SSM's answer for a Standard-tier value over 4 KB (seen in SDK error reports).
    return Validation("Standard tier parameters support a maximum parameter value of " + std::to_string(limit) +
                      " characters. To create a larger parameter value, upgrade the parameter to use the "
                      "advanced-parameter tier. For more information, see "
                      "https://docs.aws.amazon.com/systems-manager/latest/userguide/parameter-store-advanced-parameters.html");
  }
  if (!args.value("overwrite", false)) {
    return core::Error{"ParameterAlreadyExists",
                       "The parameter already exists. To overwrite this value, set the overwrite option in the request to true.",
                       400};
  }
  ++store_.writes;
  ++store_.version;
  store_.type = type;
  store_.value = value;
  store_.modified_epoch_us = ctx.NowEpochUs();
  // PutParameter's response (Systems Manager API reference, PutParameter).
  return Json{{"Version", store_.version}, {"Tier", "Standard"}};
}

Json ParameterService::State() const {
  return {{"kind", "parameter"},
          {"name", config_->parameter_name},
          {"arn", store_.arn},
          {"type", store_.type},
          {"version", store_.version},
          {"value", store_.type == "SecureString" ? Masked(store_.value) : store_.value},
          {"last_modified", core::FormatIsoUtc(store_.modified_epoch_us)},
          {"reads", store_.reads},
          {"writes", store_.writes},
          {"last_reader", store_.last_reader.empty() ? Json(nullptr) : Json(store_.last_reader)}};
}

}  // namespace eventlab::cloud::secrets
