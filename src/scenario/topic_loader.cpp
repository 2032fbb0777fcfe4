// Loads a "topic" resource and its declared subscriptions, checking each subscription's target
// (function, queue, endpoint) and dead-letter queue by name.
#include "cloud/topics/topic_models.h"
#include "scenario/resource_loaders.h"

namespace eventlab::scenario {

std::unique_ptr<cloud::ResourceConfig> LoadTopic(const ResourceInput& in, Problems& p) {
  using cloud::topics::Protocol;
  auto t = std::make_unique<cloud::topics::TopicConfig>();
  ReadCommonKeys(in, {"subscriptions"}, *t, p);
  // SNS topic names: 1 to 256 letters, digits, '-' and '_' (SNS API reference, CreateTopic).
  auto list = in.json.find("subscriptions");
  if (list == in.json.end()) return t;
  const std::string path = Child(in.path, "subscriptions");
  if (!list->is_array()) {
    p.Add(path, "expected an array of {\"protocol\", \"endpoint\"} subscriptions, got " + TypeName(*list));
    return t;
  }
  for (size_t i = 0; i < list->size(); ++i) {
    const std::string at = Child(path, i);
    std::vector<cloud::topics::SpecProblem> problems;
    cloud::topics::SubscriptionSpec s = cloud::topics::ParseSubscriptionSpec((*list)[i], /*allow_confirmed=*/true, problems);
    for (const auto& problem : problems) {
      std::string where = at;
      size_t start = 0;
      while (!problem.key.empty() && start <= problem.key.size()) {
        const size_t slash = problem.key.find('/', start);
        where = Child(where, problem.key.substr(start, slash == std::string::npos ? std::string::npos : slash - start));
        if (slash == std::string::npos) break;
        start = slash + 1;
      }
      p.Add(where, problem.message);
    }
    if (!problems.empty()) continue;
    if (s.protocol == Protocol::kLambda) CheckReference(s.endpoint, "function", Child(at, "endpoint"), in.kinds, p);
    if (s.protocol == Protocol::kSqs) CheckReference(s.endpoint, "queue", Child(at, "endpoint"), in.kinds, p);
    if (s.protocol == Protocol::kHttp || s.protocol == Protocol::kHttps) {
      CheckReference(s.endpoint, "endpoint", Child(at, "endpoint"), in.kinds, p);
    }
    if (!s.dead_letter_queue.empty()) {
      CheckReference(s.dead_letter_queue, "queue", Child(Child(at, "redrive_policy"), "dead_letter_queue"), in.kinds, p);
    }
    t->subscriptions.push_back(std::move(s));
  }
  return t;
}

}  // namespace eventlab::scenario
