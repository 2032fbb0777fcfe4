// Storage (S3-style buckets): bucket configuration, notification configurations and the object
// store.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "cloud/service.h"
#include "core/event.h"

namespace eventlab::cloud::storage {

using core::Json;

/// One entry of a bucket's notification configuration (S3 PutBucketNotificationConfiguration:
/// LambdaFunctionConfiguration or QueueConfiguration with key-name filter rules).
struct NotificationConfig {
  std::string id;                   ///< Id, echoed as s3.configurationId in events
  std::vector<std::string> events;  ///< "s3:ObjectCreated:*", "s3:ObjectRemoved:Delete", ...
  std::string prefix;               ///< key-name filter, "" for none
  std::string suffix;               ///< key-name filter, "" for none
  std::string function;             ///< destination function, or empty
  std::string queue;                ///< destination queue, or empty
  std::string topic;                ///< destination topic (TopicConfiguration), or empty
};

/// An object given in the scenario, present from the start.
struct InitialObject {
  Json body;                 ///< a string or a synthetic {"$body": ...}
  std::string content_type;  ///< "" for the default
};

struct BucketConfig : ResourceConfig {
  std::string Kind() const override { return "bucket"; }
  std::unique_ptr<Service> CreateService() const override;
  /// The bucket's virtual-hosted-style host in the run's region.
  bool ServesHost(const std::string& host, const Environment& env) const override;
  std::vector<Wire> Wires() const override;

  std::vector<NotificationConfig> notifications;   ///< in scenario order
  std::map<std::string, InitialObject> objects;    ///< initial objects by key
};

/// A stored object. Buckets are private: only principals granted s3:* actions reach it.
struct Object {
  std::string key;
  Json body;                        ///< a string or a synthetic {"$body": ...}
  uint64_t size = 0;                ///< bytes
  std::string content_type;
  std::string etag;                 ///< MD5 hex of the body, unquoted
  int64_t last_modified_us = 0;     ///< epoch µs of the simulated write; 0 = the scenario's start
  std::string sequencer;            ///< hex, increases with every write or delete in the bucket
};

struct BucketStore {
  std::map<std::string, Object> objects;  ///< by key (ordered, as ListObjectsV2 lists them)
  uint64_t sequence = 0;                  ///< last sequencer value issued
  uint64_t puts = 0;                      ///< objects written
  uint64_t deletes = 0;                   ///< objects deleted
  uint64_t notifications = 0;             ///< event notifications sent
};

/// S3's default Content-Type for objects stored without one (S3 PutObject, Content-Type).
inline constexpr const char* kDefaultContentType = "binary/octet-stream";

}  // namespace eventlab::cloud::storage
