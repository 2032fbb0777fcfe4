// SNS delivery retry policies: the four phases (immediate, pre-backoff, backoff, post-backoff)
// and the delay before each retry.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "core/sim_time.h"

namespace eventlab::cloud::topics {

enum class Backoff { kLinear, kArithmetic, kGeometric, kExponential };

/// An SNS delivery policy (healthyRetryPolicy). Delays are in whole seconds as SNS takes them.
struct RetryPolicy {
  uint32_t num_retries = 3;            ///< retries in all phases together
  uint32_t num_no_delay_retries = 0;   ///< immediate phase
  uint32_t num_min_delay_retries = 0;  ///< pre-backoff phase, min_delay apart
  uint32_t num_max_delay_retries = 0;  ///< post-backoff phase, max_delay apart
  uint32_t min_delay_s = 20;           ///< minDelayTarget, seconds
  uint32_t max_delay_s = 20;           ///< maxDelayTarget, seconds
  Backoff backoff = Backoff::kLinear;
};

/// SNS's fixed policy for AWS-managed endpoints (Lambda, SQS): 3 immediate retries, 2 retries
/// 1 s apart, 10 with exponential backoff from 1 s to 20 s, then 100,000 retries 20 s apart
/// (SNS developer guide, "Amazon SNS message delivery retries", delivery protocols and policies).
RetryPolicy AwsManagedPolicy();
/// SNS's fixed policy for customer-managed endpoints (SMTP, SMS): no immediate retry, 2 retries
/// 10 s apart, 10 with exponential backoff from 10 s to 600 s, then 38 retries 600 s apart
/// (50 attempts over 6 hours; same source).
RetryPolicy CustomerManagedPolicy();
/// The default HTTP/S policy: "up to three retries with a delay between failed attempts set at
/// 20 seconds" (SNS developer guide, "Set the delivery policy for the Amazon SNS subscription").
RetryPolicy DefaultHttpPolicy();

/// "The total policy retry time for an HTTP/S endpoint cannot be greater than 3,600 seconds"
/// (SNS developer guide, message delivery retries).
inline constexpr int64_t kMaxHttpRetrySeconds = 3600;

/// The delay before retry number `retry` (1 for the first retry), or nullopt once the policy is
/// exhausted. SNS does not publish the exact backoff curves; the backoff phase here runs from
/// min to max with integer arithmetic: linear i/n, arithmetic i(i+1)/n(n+1), geometric i²/n²,
/// exponential min·2^(i-1) capped at max. No jitter is applied.
std::optional<core::SimTime> RetryDelay(const RetryPolicy& p, uint32_t retry);

/// Sum of every retry delay, for the HTTP/S 3,600 s check.
core::SimTime TotalRetryTime(const RetryPolicy& p);

/// "linear", ... -> Backoff; nullopt for an unknown name.
std::optional<Backoff> ParseBackoff(const std::string& name);
const char* BackoffName(Backoff b);

}  // namespace eventlab::cloud::topics
