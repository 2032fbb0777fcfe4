// SNS filter policies on arbitrary JSON: the input is a JSON array [policy, message attributes,
// message body]; the policy is validated in both scopes and, when valid, matched.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "cloud/topics/filter_policy.h"
#include "core/json_bounds.h"

namespace topics = eventlab::cloud::topics;
using eventlab::core::Json;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const Json doc = eventlab::core::ParseBounded(std::string_view(reinterpret_cast<const char*>(data), size));
  if (!doc.is_array() || doc.size() < 3) return 0;
  const Json& policy = doc[0];
  if (topics::ValidateFilterPolicy(policy, topics::FilterScope::kMessageAttributes).empty() && doc[1].is_object()) {
    (void)topics::MatchesFilterPolicy(policy, topics::FilterDocument(doc[1]));
  }
  if (topics::ValidateFilterPolicy(policy, topics::FilterScope::kMessageBody).empty()) {
    (void)topics::MatchesFilterPolicy(policy, doc[2]);
  }
  return 0;
}
