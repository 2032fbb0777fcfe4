// A bucket's wirings for the architecture graph: one per notification destination.
#include "cloud/storage/storage_models.h"

namespace eventlab::cloud::storage {

std::vector<Wire> BucketConfig::Wires() const {
  std::vector<Wire> wires;
  for (const NotificationConfig& n : notifications) {
    std::string events;
    for (const auto& e : n.events) events += (events.empty() ? "" : ", ") + e;
    if (!n.function.empty()) wires.push_back({Address("function", n.function), events});
    if (!n.queue.empty()) wires.push_back({Address("queue", n.queue), events});
    if (!n.topic.empty()) wires.push_back({Address("topic", n.topic), events});
  }
  return wires;
}

}  // namespace eventlab::cloud::storage
