// Argument checks mirror what an SDK presigner refuses before signing.
#include "cloud/storage/presign_action.h"

#include "cloud/iam/permissions.h"
#include "cloud/storage/presign.h"
#include "cloud/world_config.h"
#include "core/sim_time.h"

namespace eventlab::cloud::storage {
namespace {

core::Error Invalid(const std::string& message) { return {"ValidationException", "storage.presign: " + message, 400}; }

}  // namespace

core::Result<Json> PresignAction(LocalCall& call, const Json& args) {
  if (!args.is_object()) return Invalid("expected an object of arguments");
  const Json bucket = args.value("bucket", Json()), key = args.value("key", Json()), method = args.value("method", Json()),
             expires = args.value("expires", Json());
  if (!bucket.is_string() || bucket.get<std::string>().empty()) return Invalid("\"bucket\" must name a bucket");
  if (!key.is_string() || key.get<std::string>().empty()) return Invalid("\"key\" must be a non-empty string");
  if (!method.is_string() || (method != "GET" && method != "PUT")) return Invalid("\"method\" must be \"GET\" or \"PUT\"");
  if (!expires.is_number_integer() || expires.get<int64_t>() < 1) {
    return Invalid("\"expires\" must be a whole number of seconds, at least 1");
  }
  if (expires.get<int64_t>() > kMaxPresignExpiresSeconds) {
    // The SDKs' own refusal (AWS SDK for JavaScript v3, S3RequestPresigner).
    return Invalid("Signature version 4 presigned URLs must have an expiration date less than one week in the future");
  }
  const std::string region = call.ctx.env().region;
  const iam::Credentials creds = iam::CredentialsOf(call.ctx.config, call.caller);
  PresignInput in;
  in.method = method.get<std::string>();
  in.host = BucketHost(bucket.get<std::string>(), region);
  in.key = key.get<std::string>();
  in.region = region;
  in.access_key_id = creds.access_key_id;
  in.secret_access_key = creds.secret_access_key;
  in.epoch_us = call.now_epoch_us;
  in.expires_seconds = expires.get<int64_t>();
  const int64_t signed_at = call.now_epoch_us / 1000000 * 1000000;  // X-Amz-Date has whole seconds
  return Json{{"url", Presign(in).url}, {"expires_at", core::FormatIsoUtc(signed_at + in.expires_seconds * 1000000)}};
}

}  // namespace eventlab::cloud::storage
