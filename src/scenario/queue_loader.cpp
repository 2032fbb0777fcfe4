// Loads a "queue" resource (SQS-style ranges): consumer function, visibility timeout, retention,
// batch size and redrive policy.
#include "cloud/queues/queue_models.h"
#include "scenario/resource_loaders.h"

namespace eventlab::scenario {

std::unique_ptr<cloud::ResourceConfig> LoadQueue(const ResourceInput& in, Problems& p) {
  namespace q_ns = cloud::queues;
  auto q = std::make_unique<q_ns::QueueConfig>();
  ReadCommonKeys(in, {"consumer", "visibility_timeout", "message_retention", "batch_size", "redrive_policy"}, *q, p);
  if (auto c = ReadString(in.json, "consumer", in.path, p, "")) {
    if (!c->empty()) CheckReference(*c, "function", Child(in.path, "consumer"), in.kinds, p);
    q->consumer = *c;
  }
  if (auto v = ReadDuration(in.json, "visibility_timeout", in.path, p, core::SimTime{}, q_ns::kMaxVisibilityTimeout,
                            q->visibility_timeout)) {
    q->visibility_timeout = *v;
  }
  if (auto v = ReadDuration(in.json, "message_retention", in.path, p, q_ns::kMinRetention, q_ns::kMaxRetention, q->retention)) {
    q->retention = *v;
  }
  if (auto v = ReadUnsigned(in.json, "batch_size", in.path, p, 1, 10, q->batch_size)) q->batch_size = static_cast<uint32_t>(*v);
  if (auto r = in.json.find("redrive_policy"); r != in.json.end()) {
    const std::string at = Child(in.path, "redrive_policy");
    if (!r->is_object()) {
      p.Add(at, "expected {\"dead_letter_queue\": \"<queue>\", \"max_receive_count\": N}");
    } else {
      CheckKeys(*r, at, {"dead_letter_queue", "max_receive_count"}, p);
      if (auto d = ReadString(*r, "dead_letter_queue", at, p, "")) {
        if (d->empty()) p.Add(at, "missing \"dead_letter_queue\"");
        else if (*d == in.name) p.Add(Child(at, "dead_letter_queue"), "a queue cannot be its own dead-letter queue");
        else CheckReference(*d, "queue", Child(at, "dead_letter_queue"), in.kinds, p);
        q->dead_letter_queue = *d;
      }
      // RedrivePolicy maxReceiveCount: 1 to 1,000 (SQS developer guide, dead-letter queues).
      if (!r->contains("max_receive_count")) p.Add(at, "missing \"max_receive_count\" (1 to 1000)");
      else if (auto v = ReadUnsigned(*r, "max_receive_count", at, p, 1, 1000, 1)) q->max_receive_count = static_cast<uint32_t>(*v);
    }
  }
  return q;
}

}  // namespace eventlab::scenario
