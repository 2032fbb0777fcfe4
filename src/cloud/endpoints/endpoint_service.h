// The endpoint service: answers http.request with the configured status codes and, on an SNS
// SubscriptionConfirmation, visits the SubscribeURL (an HTTP GET routed to the topic its
// TopicArn names, as SNS's regional endpoint would route it).
#pragma once

#include "cloud/endpoints/endpoint_models.h"
#include "cloud/messaging.h"

namespace eventlab::cloud::endpoints {

class EndpointService : public CopyableService<EndpointService> {
 public:
  explicit EndpointService(const EndpointConfig* config) : config_(config) {}

  /// Handles http.request (answers it) and http.request.result (the SubscribeURL visit's answer).
  void Deliver(ServiceContext& ctx, const core::Event& event) override;
  Json State() const override;

 private:
  void Request(ServiceContext& ctx, const core::Event& event);
  void VisitSubscribeUrl(ServiceContext& ctx, const std::string& url, const std::string& topic_arn);
  std::string Self() const { return Address("endpoint", config_->name); }

  const EndpointConfig* config_;
  EndpointStore store_;
};

}  // namespace eventlab::cloud::endpoints
