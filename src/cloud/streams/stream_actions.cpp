// Iterators carry their stream's name, so a GetRecords call needs no stream argument, as in Kinesis.
#include "cloud/streams/stream_actions.h"

#include "cloud/streams/stream_codec.h"

namespace eventlab::cloud::streams {

core::Result<core::EventSpec> BuildGetRecordsRequest(ServiceContext& ctx, const std::string& caller, const Json& args) {
  if (!args.is_object() || !args.contains("iterator") || !args["iterator"].is_string()) {
    return core::Error{"ValidationException",
                       "1 validation error detected: Value null at 'shardIterator' failed to satisfy constraint: Member must not be null", 400};
  }
  auto it = DecodeIterator(args["iterator"].get<std::string>());
  if (!it) return core::Error{"InvalidArgumentException", "Invalid ShardIterator.", 400};
  core::EventSpec e;
  e.from = caller;
  e.to = Address("stream", it->stream);
  e.kind = "kinesis.get_records";
  e.payload = args;
  return e;
}

}  // namespace eventlab::cloud::streams
