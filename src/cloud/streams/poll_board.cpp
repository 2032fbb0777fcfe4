// Mappings are found from the shared configuration, never from another service's store.
#include "cloud/streams/poll_board.h"

#include "cloud/streams/mapping_models.h"
#include "cloud/world_config.h"

namespace eventlab::cloud::streams {

std::vector<std::string> MappingsReading(const WorldConfig& config, const std::string& source_address) {
  std::vector<std::string> out;
  for (const auto& [name, resource] : config.resources) {
    const auto* m = dynamic_cast<const MappingConfig*>(resource.get());
    if (m && m->enabled && Address(m->source_kind, m->source) == source_address) out.push_back(Address("mapping", name));
  }
  return out;
}

void SendWake(ServiceContext& ctx, const std::string& source, const std::string& mapping, const std::string& shard_id) {
  core::EventSpec e;
  e.delay = HopDelay(ctx, source);
  e.from = source;
  e.to = mapping;
  e.kind = "mapping.wake";
  e.payload = {{"shard_id", shard_id}};
  ctx.kernel.Schedule(std::move(e));
}

}  // namespace eventlab::cloud::streams
