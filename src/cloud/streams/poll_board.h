// What a stream source (a stream's shard, a table's stream) shares with the event-source mappings
// reading it: who reads it, and the wake-up a source sends a mapping that has not polled a shard.
#pragma once

#include <string>
#include <vector>

#include "cloud/messaging.h"

namespace eventlab::cloud::streams {

/// Addresses ("mapping:m") of the enabled mappings whose source is `source_address`
/// ("stream:clicks", "table:images"), in name order.
std::vector<std::string> MappingsReading(const WorldConfig& config, const std::string& source_address);

/// Sends "mapping.wake" {"shard_id"} from `source` to `mapping`: the shard has records and the
/// mapping has no poll waiting there, so it should start polling it.
void SendWake(ServiceContext& ctx, const std::string& source, const std::string& mapping, const std::string& shard_id);

}  // namespace eventlab::cloud::streams
