// Loads a "queue" resource (SQS-style ranges) and checks its consumer function.
#include "cloud/queues/queue_models.h"
#include "scenario/resource_loaders.h"

namespace eventlab::scenario {

std::unique_ptr<cloud::ResourceConfig> LoadQueue(const ResourceInput& in, Problems& p) {
  auto q = std::make_unique<cloud::queues::QueueConfig>();
  ReadCommonKeys(in, {"consumer", "visibility_timeout", "max_receive_count"}, *q, p);
  if (auto c = ReadString(in.json, "consumer", in.path, p, "")) {
    if (!c->empty()) CheckReference(*c, "function", Child(in.path, "consumer"), in.kinds, p);
    q->consumer = *c;
  }
  // SQS: visibility timeout 0 s to 12 hours.
  if (auto v = ReadDuration(in.json, "visibility_timeout", in.path, p, core::SimTime{}, core::SimTime::Seconds(43200),
                            q->visibility_timeout)) {
    q->visibility_timeout = *v;
  }
  if (auto v = ReadUnsigned(in.json, "max_receive_count", in.path, p, 1, 1000, q->max_receive_count)) {
    q->max_receive_count = static_cast<uint32_t>(*v);
  }
  return q;
}

}  // namespace eventlab::scenario
