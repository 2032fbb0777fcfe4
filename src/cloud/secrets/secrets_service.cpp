// Secrets Manager for one secret. Versions carry staging labels: a new value takes AWSCURRENT and
// the old current one keeps AWSPREVIOUS, so clients reading AWSPREVIOUS survive a rotation window.
// Rotation is modelled as one step (AWSPENDING created and promoted at once); real rotation runs a
// Lambda through createSecret, setSecret, testSecret and finishSecret.
#include "cloud/secrets/secrets_service.h"

#include <algorithm>

#include "cloud/iam/permissions.h"
#include "cloud/secrets/secret_actions.h"
#include "cloud/world_config.h"
#include "core/ids.h"

namespace eventlab::cloud::secrets {
namespace {

/// Secrets Manager keeps at most about 100 versions, removing outdated ones beyond that
/// (Secrets Manager API reference, PutSecretValue).
constexpr size_t kMaxVersions = 100;
/// How many rotations the panel's log keeps, newest last.
constexpr size_t kKeepRotations = 50;

bool HasStage(const SecretVersion& v, const std::string& stage) {
  return std::find(v.stages.begin(), v.stages.end(), stage) != v.stages.end();
}

void RemoveStage(SecretVersion& v, const std::string& stage) {
  v.stages.erase(std::remove(v.stages.begin(), v.stages.end(), stage), v.stages.end());
}

core::Error NotFoundFor(const std::string& what) {
  // Secrets Manager's wording for a missing version or label of an existing secret.
  return {"ResourceNotFoundException", "Secrets Manager can't find the specified secret value for " + what, 400};
}

core::Error Invalid(const std::string& message) { return {"InvalidParameterException", message, 400}; }

}  // namespace

std::unique_ptr<Service> SecretConfig::CreateService() const { return std::make_unique<SecretService>(this); }

void SecretService::Start(ServiceContext& ctx) {
  store_.arn = SecretArn(ctx.env(), config_->name);
  SecretVersion first;
  first.id = core::NewUuid(ctx.kernel.RngFor(Self()));
  first.value = config_->value;
  first.created_epoch_us = ctx.NowEpochUs();
  first.stages = {kCurrent};
  store_.versions.push_back(std::move(first));
  if (config_->rotation_every.us > 0) ScheduleRotation(ctx, 1);
}

void SecretService::Deliver(ServiceContext& ctx, const core::Event& event) {
  if (event.kind == "secrets.rotation" && event.from == Self()) return ScheduledRotation(ctx, event);
  static const std::map<std::string, std::string> kOperations = {{"secrets.get_secret_value", "GetSecretValue"},
                                                                 {"secrets.put_secret_value", "PutSecretValue"},
                                                                 {"secrets.rotate_secret", "RotateSecret"}};
  auto op = kOperations.find(event.kind);
  if (op == kOperations.end()) return;  // replies to our own records, nothing to do
  const std::string action = "secretsmanager:" + op->second;
  if (!iam::GrantsOf(ctx.config, event.from).Allows(action, store_.arn)) {
    return Reply(ctx, event, AccessDenied(ctx, event.from, action, store_.arn));
  }
  if (op->second == "GetSecretValue") Reply(ctx, event, GetSecretValue(ctx, event));
  else if (op->second == "PutSecretValue") Reply(ctx, event, PutSecretValue(ctx, event));
  else Reply(ctx, event, RotateSecret(ctx, event));
}

core::Result<Json> SecretService::GetSecretValue(ServiceContext& ctx, const core::Event& event) {
  const Json args = event.payload.is_object() ? event.payload : Json::object();
  for (const char* key : {"version_id", "version_stage"}) {
    if (args.contains(key) && !args[key].is_string()) return Invalid(std::string(key) + " must be a string");
  }
  const SecretVersion* found = nullptr;
  if (args.contains("version_id")) {
    const std::string id = args["version_id"].get<std::string>();
    for (const SecretVersion& v : store_.versions) {
      if (v.id == id) found = &v;
    }
    if (!found) return NotFoundFor("VersionId: " + id);
    if (args.contains("version_stage") && !HasStage(*found, args["version_stage"].get<std::string>())) {
      return Invalid("You provided a VersionStage that is not associated to the provided VersionId.");
    }
  } else {
    const std::string stage = args.value("version_stage", std::string(kCurrent));
    for (const SecretVersion& v : store_.versions) {
      if (HasStage(v, stage)) found = &v;
    }
    if (!found) return NotFoundFor("staging label: " + stage);
  }
  ++store_.reads;
  store_.last_reader = event.from;
  // GetSecretValue's response (Secrets Manager API reference). CreatedDate is shown as ISO-8601,
  // as the SDKs render the wire format's epoch seconds.
  return Json{{"ARN", store_.arn},
              {"Name", config_->name},
              {"VersionId", found->id},
              {"SecretString", found->value},
              {"VersionStages", found->stages},
              {"CreatedDate", core::FormatIsoUtc(found->created_epoch_us)}};
}

core::Result<Json> SecretService::PutSecretValue(ServiceContext& ctx, const core::Event& event) {
  const Json args = event.payload.is_object() ? event.payload : Json::object();
  if (!args.contains("secret_string") || !args["secret_string"].is_string()) {
    return Invalid("You must provide either SecretString or SecretBinary.");
  }
  std::string value = args["secret_string"].get<std::string>();
  const uint64_t limit = ctx.env().limits.secret_string_bytes;
  if (value.size() > limit) {
    // The service model's length constraint on SecretString, reported as AWS JSON APIs report them.
    return core::Error{"ValidationException",
                       "1 validation error detected: Value at 'secretString' failed to satisfy constraint: Member "
                       "must have length less than or equal to " + std::to_string(limit),
                       400};
  }
  ++store_.writes;
  const SecretVersion& v = AddCurrentVersion(ctx, std::move(value));
  return Json{{"ARN", store_.arn}, {"Name", config_->name}, {"VersionId", v.id}, {"VersionStages", v.stages}};
}

core::Result<Json> SecretService::RotateSecret(ServiceContext& ctx, const core::Event& event) {
  const SecretVersion& v = AddCurrentVersion(ctx, GeneratedValue(ctx));
  LogRotation(ctx, v.id, false);
  return Json{{"ARN", store_.arn}, {"Name", config_->name}, {"VersionId", v.id}};
}

void SecretService::ScheduledRotation(ServiceContext& ctx, const core::Event& event) {
  const SecretVersion& v = AddCurrentVersion(ctx, GeneratedValue(ctx));
  LogRotation(ctx, v.id, true);
  // The schedule does not keep a finished run alive: it goes on only while other events are due.
  bool others = false;
  for (const core::Event* e : ctx.kernel.Queue().SortedView()) {
    if (e->kind != "secrets.rotation") others = true;
  }
  if (others) ScheduleRotation(ctx, event.payload.value("rotation", uint64_t{0}) + 1);
}

void SecretService::ScheduleRotation(ServiceContext& ctx, uint64_t number) {
  core::EventSpec e;
  e.delay = config_->rotation_every;
  e.priority = core::kPriorityTimer;
  e.from = e.to = Self();
  e.kind = "secrets.rotation";
  e.payload = {{"rotation", number}, {"every_us", config_->rotation_every.us}};
  ctx.kernel.Schedule(std::move(e));
}

SecretVersion& SecretService::AddCurrentVersion(ServiceContext& ctx, std::string value) {
  for (SecretVersion& v : store_.versions) {
    RemoveStage(v, kPrevious);
    RemoveStage(v, kPending);
    if (HasStage(v, kCurrent)) {
      RemoveStage(v, kCurrent);
      v.stages.push_back(kPrevious);
    }
  }
  if (store_.versions.size() >= kMaxVersions) {
    auto old = std::find_if(store_.versions.begin(), store_.versions.end(),
                            [](const SecretVersion& v) { return v.stages.empty(); });
    if (old != store_.versions.end()) store_.versions.erase(old);
  }
  SecretVersion next;
  next.id = core::NewUuid(ctx.kernel.RngFor(Self()));
  next.value = std::move(value);
  next.created_epoch_us = ctx.NowEpochUs();
  next.stages = {kCurrent};
  store_.versions.push_back(std::move(next));
  return store_.versions.back();
}

void SecretService::LogRotation(ServiceContext& ctx, const std::string& version_id, bool scheduled) {
  ++store_.rotations;
  store_.rotation_log.push_back({{"time_us", ctx.kernel.Now().us}, {"version_id", version_id}, {"scheduled", scheduled}});
  if (store_.rotation_log.size() > kKeepRotations) store_.rotation_log.erase(store_.rotation_log.begin());
}

std::string SecretService::GeneratedValue(ServiceContext& ctx) {
  // GetRandomPassword's default character set: upper and lower case letters, digits and the
  // punctuation !"#$%&'()*+,-./:;<=>?@[\]^_`{|}~ (Secrets Manager API reference, GetRandomPassword).
  static const std::string kChars =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";
  core::Rng& rng = ctx.kernel.RngFor(Self());
  std::string out;
  for (size_t i = 0; i < kGeneratedPasswordLength; ++i) out += kChars[rng.Below(kChars.size())];
  return out;
}

Json SecretService::State() const {
  Json versions = Json::array();
  for (const SecretVersion& v : store_.versions) {
    versions.push_back({{"version_id", v.id}, {"stages", v.stages}, {"created", core::FormatIsoUtc(v.created_epoch_us)},
                        {"value", Masked(v.value)}});
  }
  return {{"kind", "secret"},
          {"name", config_->name},
          {"arn", store_.arn},
          {"versions", versions},
          {"rotation_every_us", config_->rotation_every.us},
          {"rotations", store_.rotations},
          {"rotation_log", store_.rotation_log},
          {"reads", store_.reads},
          {"writes", store_.writes},
          {"last_reader", store_.last_reader.empty() ? Json(nullptr) : Json(store_.last_reader)}};
}

}  // namespace eventlab::cloud::secrets
