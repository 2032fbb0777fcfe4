// The bucket service: PutObject, GetObject, HeadObject, DeleteObject and ListObjectsV2 as remote
// actions, presigned URL requests from browsers, and event notifications to functions and queues.
#pragma once

#include <string>

#include "cloud/messaging.h"
#include "cloud/storage/storage_models.h"

namespace eventlab::cloud::storage {

class StorageService : public CopyableService<StorageService> {
 public:
  explicit StorageService(const BucketConfig* config);

  /// Handles storage.* requests and http.request; ignores the replies to its notifications.
  void Deliver(ServiceContext& ctx, const core::Event& event) override;
  Json State() const override;

 private:
  core::Result<Json> PutObject(ServiceContext& ctx, const core::Event& event);
  core::Result<Json> GetObject(ServiceContext& ctx, const core::Event& event, bool with_body);
  core::Result<Json> DeleteObject(ServiceContext& ctx, const core::Event& event);
  core::Result<Json> ListObjectsV2(ServiceContext& ctx, const core::Event& event);
  core::Result<Json> HttpRequest(ServiceContext& ctx, const core::Event& event);

  /// Checks the size limit and stores the object; `principal` is who wrote it (for notifications).
  core::Result<Json> Store(ServiceContext& ctx, const std::string& principal, const std::string& key, const Json& body,
                           const std::string& content_type);
  /// The object at `key`, or NoSuchKey (AccessDenied when the caller may not list the bucket).
  core::Result<const Object*> Lookup(ServiceContext& ctx, const std::string& principal, const std::string& key) const;
  /// Sends the matching notification configurations' events.
  void Notify(ServiceContext& ctx, const std::string& event_name, const std::string& principal, const Object& object);
  std::string NextSequencer(ServiceContext& ctx);
  std::string Self() const { return Address("bucket", config_->name); }
  std::string ObjectArn(const std::string& key) const { return "arn:aws:s3:::" + config_->name + "/" + key; }

  const BucketConfig* config_;
  BucketStore store_;
};

}  // namespace eventlab::cloud::storage
