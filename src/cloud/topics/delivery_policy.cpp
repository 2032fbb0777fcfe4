// The phases follow the SNS developer guide ("Amazon SNS message delivery retries", delivery
// policy stages); the curve inside the backoff phase is this simulator's integer approximation.
#include "cloud/topics/delivery_policy.h"

namespace eventlab::cloud::topics {

RetryPolicy AwsManagedPolicy() {
  RetryPolicy p;
  p.num_no_delay_retries = 3;
  p.num_min_delay_retries = 2;
  p.num_max_delay_retries = 100000;
  p.num_retries = 3 + 2 + 10 + 100000;
  p.min_delay_s = 1;
  p.max_delay_s = 20;
  p.backoff = Backoff::kExponential;
  return p;
}

RetryPolicy CustomerManagedPolicy() {
  RetryPolicy p;
  p.num_no_delay_retries = 0;
  p.num_min_delay_retries = 2;
  p.num_max_delay_retries = 38;
  p.num_retries = 0 + 2 + 10 + 38;
  p.min_delay_s = 10;
  p.max_delay_s = 600;
  p.backoff = Backoff::kExponential;
  return p;
}

RetryPolicy DefaultHttpPolicy() { return RetryPolicy{}; }

std::optional<core::SimTime> RetryDelay(const RetryPolicy& p, uint32_t retry) {
  if (retry == 0 || retry > p.num_retries) return std::nullopt;
  const int64_t min = p.min_delay_s, max = p.max_delay_s;
  if (retry <= p.num_no_delay_retries) return core::SimTime{};
  uint32_t i = retry - p.num_no_delay_retries;
  if (i <= p.num_min_delay_retries) return core::SimTime::Seconds(min);
  i -= p.num_min_delay_retries;
  const uint32_t fixed = p.num_no_delay_retries + p.num_min_delay_retries + p.num_max_delay_retries;
  const int64_t n = p.num_retries > fixed ? p.num_retries - fixed : 0;
  if (i > n) return core::SimTime::Seconds(max);  // post-backoff phase
  const int64_t span_us = (max - min) * 1000000;
  int64_t us = min * 1000000;
  switch (p.backoff) {
    case Backoff::kLinear: us += span_us * i / n; break;
    case Backoff::kArithmetic: us += span_us * i * (i + 1) / (n * (n + 1)); break;
    case Backoff::kGeometric: us += span_us * i * i / (n * n); break;
    case Backoff::kExponential: {
      us = min * 1000000;
      for (uint32_t k = 1; k < i && us < max * 1000000; ++k) us *= 2;
      if (us > max * 1000000) us = max * 1000000;
      if (us == 0) us = max * 1000000 * i / n;  // a zero minimum cannot double
      break;
    }
  }
  return core::SimTime{us};
}

core::SimTime TotalRetryTime(const RetryPolicy& p) {
  core::SimTime total;
  for (uint32_t r = 1; r <= p.num_retries && r <= 1000; ++r) total += *RetryDelay(p, r);
  return total;
}

std::optional<Backoff> ParseBackoff(const std::string& name) {
  if (name == "linear") return Backoff::kLinear;
  if (name == "arithmetic") return Backoff::kArithmetic;
  if (name == "geometric") return Backoff::kGeometric;
  if (name == "exponential") return Backoff::kExponential;
  return std::nullopt;
}

const char* BackoffName(Backoff b) {
  switch (b) {
    case Backoff::kLinear: return "linear";
    case Backoff::kArithmetic: return "arithmetic";
    case Backoff::kGeometric: return "geometric";
    case Backoff::kExponential: return "exponential";
  }
  return "linear";
}

}  // namespace eventlab::cloud::topics
