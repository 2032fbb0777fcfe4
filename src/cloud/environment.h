// What every service reads and nobody changes during a run: the scenario's clock origin, region,
// account, timings and limits.
#pragma once

#include <cstdint>
#include <string>

#include "core/sim_time.h"

namespace eventlab::cloud {

using core::SimTime;

/// Latencies the services add to every hop. Overridable per scenario under "timings".
struct Timings {
  SimTime network_latency = SimTime::Millis(2);  ///< one-way hop between components
  SimTime network_jitter = SimTime::Millis(1);   ///< up to this much extra per hop, uniform
  SimTime cold_start = SimTime::Millis(250);     ///< runtime and code init of a new container
  SimTime warm_start = SimTime::Millis(1);       ///< dispatch to an idle warm container
  /// An idle container is reclaimed after this long. Lambda does not publish the figure; reuse
  /// is commonly observed for 5 to 15 minutes, so the default sits in that range.
  SimTime container_idle = SimTime::Seconds(600);
};

/// Real service limits. Overridable per scenario under "limits".
struct Limits {
  /// Lambda Invoke, RequestResponse: "For synchronous invocations, the maximum payload size is
  /// 6 MB" (AWS Lambda API reference, Invoke). 6 MB here is 6 * 1024 * 1024 bytes.
  uint64_t function_sync_payload_bytes = 6291456;
  /// Lambda Invoke, Event: "For asynchronous invocations, the maximum payload size is 1 MB"
  /// (AWS Lambda API reference, Invoke), 1,048,576 bytes.
  uint64_t function_async_payload_bytes = 1048576;
  /// SQS MaximumMessageSize queue attribute default, 262,144 bytes (256 KiB); settable up to
  /// 1,048,576 (SQS API reference, SetQueueAttributes).
  uint64_t queue_message_bytes = 262144;
  /// Secrets Manager SecretString: "Length Constraints: ... Maximum length of 65536." (Secrets
  /// Manager API reference, GetSecretValue / SecretValueEntry).
  uint64_t secret_string_bytes = 65536;
  /// SSM Parameter Store, Standard tier: a parameter value of at most 4 KB (Systems Manager user
  /// guide, "Managing parameter tiers"; service quota "Standard parameter value", 4096 characters).
  uint64_t parameter_value_bytes = 4096;
  /// Amazon OpenSearch Service network quotas: maximum size of HTTP request payloads, 10 MiB for the
  /// small instance types (t3.small/medium.search, 10,485,760 bytes); larger ones allow 100 MiB.
  uint64_t search_request_bytes = 10485760;
  /// SNS Publish: messages "at most 256 KB in size (262,144 bytes, not 262,144 characters)", message
  /// attributes included (SNS API reference, Publish).
  uint64_t topic_message_bytes = 262144;
  /// Kinesis record: "The maximum size of a data blob (the data payload before base64-encoding)
  /// plus the partition key is 1 MiB" (Kinesis API reference, PutRecord), 1,048,576 bytes.
  uint64_t stream_record_bytes = 1048576;
  /// DynamoDB maximum item size, 400 KB = 409,600 bytes, "including both attribute name binary
  /// length (UTF-8 length) and attribute value lengths" (DynamoDB developer guide, quotas: items).
  uint64_t table_item_max_bytes = 409600;
  /// API Gateway quotas, REST APIs: "Maximum payload size" 10 MB (10,485,760 bytes); larger
  /// requests are answered 413 by the gateway itself.
  uint64_t gateway_payload_bytes = 10485760;
  /// S3 PutObject: "Upload an object in a single operation by using the AWS SDKs, REST API, or AWS
  /// CLI - With a single PUT operation, you can upload a single object up to 5 GB in size" (S3 user
  /// guide, uploading objects; S3 quotas). 5 GB here is 5 * 1024^3 bytes.
  uint64_t storage_put_object_max_bytes = 5368709120;
  /// Concurrent executions (containers) per function. The default is Lambda's account quota of
  /// 1,000 concurrent executions (Lambda quotas), applied here to each function on its own.
  uint64_t function_concurrency = 1000;
  /// A guard against runaway scenarios, not a service limit: a run stops after this many events.
  uint64_t max_events = 100000;
  /// A guard against runaway scenarios too: a run stops once its trace holds this many bytes of
  /// payloads (core::Measure). 256 MiB leaves room in a tab's 2 GiB for checkpoints and the page.
  uint64_t max_run_bytes = 256ULL << 20;
};

/// The run's fixed context.
struct Environment {
  int64_t start_epoch_us = 1767225600000000LL;  ///< simulated time 0 = 2026-01-01T00:00:00Z
  std::string region = "us-east-1";
  std::string account = "123456789012";
  Timings timings;
  Limits limits;
};

/// "kind:name", the address format of trace `from` and `to`.
inline std::string Address(const std::string& kind, const std::string& name) { return kind + ":" + name; }

}  // namespace eventlab::cloud
