// Loads a "stream" resource (Kinesis-style): shard count, retention and named consumers.
#include "cloud/streams/stream_models.h"
#include "scenario/resource_loaders.h"

namespace eventlab::scenario {

std::unique_ptr<cloud::ResourceConfig> LoadStream(const ResourceInput& in, Problems& p) {
  namespace streams = cloud::streams;
  auto s = std::make_unique<streams::StreamConfig>();
  ReadCommonKeys(in, {"shards", "retention", "consumers"}, *s, p);
  if (auto v = ReadUnsigned(in.json, "shards", in.path, p, 1, streams::kMaxScenarioShards, s->shard_count)) {
    s->shard_count = static_cast<uint32_t>(*v);
  }
  if (auto v = ReadDuration(in.json, "retention", in.path, p, streams::kDefaultRetention, streams::kMaxRetention, s->retention)) {
    s->retention = *v;
  }
  if (auto it = in.json.find("consumers"); it != in.json.end()) {
    const std::string at = Child(in.path, "consumers");
    if (!it->is_object()) {
      p.Add(at, "expected {\"name\": \"TRIM_HORIZON\" or \"LATEST\"}, got " + TypeName(*it));
    } else {
      for (auto c = it->begin(); c != it->end(); ++c) {
        const std::string cat = Child(at, c.key());
        if (!IsResourceName(c.key())) p.Add(cat, "consumer names use letters, digits, '_' and '-' (1 to 64 characters)");
        if (!c->is_string() || (*c != "TRIM_HORIZON" && *c != "LATEST")) {
          p.Add(cat, "expected \"TRIM_HORIZON\" or \"LATEST\" (where the consumer starts), got " + c->dump());
          continue;
        }
        s->consumers[c.key()] = c->get<std::string>();
      }
    }
  }
  return s;
}

}  // namespace eventlab::scenario
