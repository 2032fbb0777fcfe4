// The Systems Manager Parameter Store service for one parameter: GetParameter (with SecureString
// decryption) and PutParameter (versions, overwrite, the Standard tier's size limit).
#pragma once

#include "cloud/messaging.h"
#include "cloud/secrets/secrets_models.h"

namespace eventlab::cloud::secrets {

class ParameterService : public CopyableService<ParameterService> {
 public:
  /// `config` lives in the shared WorldConfig and outlives every copy of this service.
  explicit ParameterService(const ParameterConfig* config) : config_(config) {}

  /// Fixes the ARN and version 1's LastModifiedDate.
  void Start(ServiceContext& ctx) override;
  /// Handles ssm.get_parameter and ssm.put_parameter.
  void Deliver(ServiceContext& ctx, const core::Event& event) override;
  /// name, arn, type, version, value (masked when SecureString), reads, writes, last reader.
  Json State() const override;

 private:
  core::Result<Json> GetParameter(ServiceContext& ctx, const core::Event& event);
  core::Result<Json> PutParameter(ServiceContext& ctx, const core::Event& event);

  const ParameterConfig* config_;
  ParameterStore store_;
};

}  // namespace eventlab::cloud::secrets
