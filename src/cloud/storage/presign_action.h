// The storage.presign local action: an SDK-style presigned URL for one object, signed with the
// caller's credentials at the caller's clock. Nothing is sent.
#pragma once

#include "cloud/action_catalog.h"

namespace eventlab::cloud::storage {

/// storage.presign {bucket, key, method ("GET" | "PUT"), expires (seconds, 1..604800)} ->
/// {"url": "https://<bucket>.s3.amazonaws.com/<key>?X-Amz-...", "expires_at": ISO-8601}.
core::Result<Json> PresignAction(LocalCall& call, const Json& args);

}  // namespace eventlab::cloud::storage
