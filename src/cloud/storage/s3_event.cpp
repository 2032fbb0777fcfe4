// Field names, nesting and value types follow the S3 user guide's "Event message structure"
// example: size is a number, eTag is unquoted, removal events carry only key and sequencer.
#include "cloud/storage/s3_event.h"

#include "cloud/http/url.h"
#include "core/sim_time.h"

namespace eventlab::cloud::storage {

std::string EventKey(const std::string& key) {
  const std::string encoded = http::UriEncode(key, true);
  std::string out;
  for (size_t i = 0; i < encoded.size(); ++i) {
    if (encoded.compare(i, 3, "%20") == 0) {
      out += '+';
      i += 2;
    } else {
      out += encoded[i];
    }
  }
  return out;
}

Json BuildS3EventRecord(const S3EventInput& in) {
  Json object = {{"key", EventKey(in.key)}};
  if (in.event_name.rfind("ObjectCreated:", 0) == 0) {
    object["size"] = in.size;
    object["eTag"] = in.etag;
  }
  object["sequencer"] = in.sequencer;
  return {{"eventVersion", "2.1"},
          {"eventSource", "aws:s3"},
          {"awsRegion", in.region},
          {"eventTime", core::FormatIsoUtc(in.event_time_us)},
          {"eventName", in.event_name},
          {"userIdentity", {{"principalId", in.principal_id}}},
          {"requestParameters", {{"sourceIPAddress", in.source_ip}}},
          {"responseElements", {{"x-amz-request-id", in.request_id}, {"x-amz-id-2", in.id2}}},
          {"s3",
           {{"s3SchemaVersion", "1.0"},
            {"configurationId", in.configuration_id},
            {"bucket",
             {{"name", in.bucket}, {"ownerIdentity", {{"principalId", in.owner_id}}}, {"arn", "arn:aws:s3:::" + in.bucket}}},
            {"object", object}}}};
}

}  // namespace eventlab::cloud::storage
