// External HTTP endpoints (a partner's webhook, an ops tool): a simulated server outside the
// cloud that answers HTTP requests with configured status codes and can confirm SNS
// subscriptions. Configuration and the log of requests it received.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "cloud/service.h"
#include "core/event.h"

namespace eventlab::cloud::endpoints {

using core::Json;

struct EndpointConfig : ResourceConfig {
  std::string Kind() const override { return "endpoint"; }
  std::unique_ptr<Service> CreateService() const override;
  /// True for the host of `url`.
  bool ServesHost(const std::string& host, const Environment& env) const override { return host == host_name; }

  std::string url;              ///< "https://hooks.example.com/sns": where it listens
  std::string host_name;        ///< the host of `url`, lower-case
  std::vector<int> responses;   ///< status codes for the first requests, in order (e.g. [500, 500])
  int status = 200;             ///< the status of every later request
  bool confirm = true;          ///< visits the SubscribeURL of an SNS SubscriptionConfirmation
};

/// One request the endpoint received.
struct ReceivedRequest {
  int64_t time_us = 0;          ///< simulated time of arrival
  std::string method, path;
  std::string message_type;     ///< x-amz-sns-message-type, or ""
  std::string message_id;       ///< x-amz-sns-message-id, or ""
  int status = 0;               ///< what it answered
  std::string body;             ///< the body as text
};

struct EndpointStore {
  std::vector<ReceivedRequest> requests;  ///< in arrival order
  uint64_t answered = 0;                  ///< requests counted against `responses` (not confirmations)
  uint64_t confirmations_sent = 0;        ///< SubscribeURL visits made
  std::vector<Json> confirm_results;      ///< what each SubscribeURL visit answered
};

}  // namespace eventlab::cloud::endpoints
