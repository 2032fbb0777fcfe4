// S3 event notification configurations: which configurations an event matches, and the overlap
// rule PutBucketNotificationConfiguration enforces.
#pragma once

#include <string>
#include <vector>

#include "cloud/storage/storage_models.h"

namespace eventlab::cloud::storage {

/// S3's answer to overlapping configurations (PutBucketNotificationConfiguration, InvalidArgument).
inline constexpr const char* kOverlapMessage =
    "Configurations overlap. Configurations on the same bucket cannot share a common event type.";

/// True for an event type S3 notifications support here ("s3:ObjectCreated:*", ...).
bool IsSupportedEventType(const std::string& type);

/// True if `config` fires for `event_name` ("ObjectCreated:Put") on `key`.
bool Matches(const NotificationConfig& config, const std::string& event_name, const std::string& key);

/// True if two configurations share an event type ("s3:ObjectCreated:*" covers
/// "s3:ObjectCreated:Put") and some key could match both filters.
bool Overlap(const NotificationConfig& a, const NotificationConfig& b);

}  // namespace eventlab::cloud::storage
