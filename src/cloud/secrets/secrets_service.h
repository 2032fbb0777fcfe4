// The Secrets Manager service for one secret: GetSecretValue, PutSecretValue and RotateSecret,
// staging labels moving between versions, and a scheduled rotation timer.
#pragma once

#include "cloud/messaging.h"
#include "cloud/secrets/secrets_models.h"

namespace eventlab::cloud::secrets {

class SecretService : public CopyableService<SecretService> {
 public:
  /// `config` lives in the shared WorldConfig and outlives every copy of this service.
  explicit SecretService(const SecretConfig* config) : config_(config) {}

  /// Fixes the ARN, creates version 1 (AWSCURRENT) and schedules the first rotation, if any.
  void Start(ServiceContext& ctx) override;
  /// Handles secrets.get_secret_value, secrets.put_secret_value, secrets.rotate_secret and the
  /// secrets.rotation timer.
  void Deliver(ServiceContext& ctx, const core::Event& event) override;
  /// name, arn, versions (id, stages, created, masked value), counters, last reader, rotations.
  Json State() const override;

 private:
  core::Result<Json> GetSecretValue(ServiceContext& ctx, const core::Event& event);
  core::Result<Json> PutSecretValue(ServiceContext& ctx, const core::Event& event);
  core::Result<Json> RotateSecret(ServiceContext& ctx, const core::Event& event);
  void ScheduledRotation(ServiceContext& ctx, const core::Event& event);
  void ScheduleRotation(ServiceContext& ctx, uint64_t number);
  /// Adds a version that takes AWSCURRENT; the old current becomes AWSPREVIOUS.
  SecretVersion& AddCurrentVersion(ServiceContext& ctx, std::string value);
  void LogRotation(ServiceContext& ctx, const std::string& version_id, bool scheduled);
  /// A GetRandomPassword-style value drawn from this secret's random stream.
  std::string GeneratedValue(ServiceContext& ctx);
  std::string Self() const { return Address("secret", config_->name); }

  const SecretConfig* config_;
  SecretStore store_;
};

}  // namespace eventlab::cloud::secrets
