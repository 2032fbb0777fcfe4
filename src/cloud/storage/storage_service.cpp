// Request and result shapes follow the S3 API reference (PutObject, GetObject, HeadObject,
// DeleteObject, ListObjectsV2) with the SDKs' field names; errors carry S3's codes and messages.
#include "cloud/storage/storage_service.h"
#include "core/json_bounds.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <optional>

#include <mbedtls/base64.h>

#include "cloud/iam/permissions.h"
#include "cloud/storage/notifications.h"
#include "cloud/storage/presign.h"
#include "cloud/storage/s3_event.h"
#include "cloud/world_config.h"
#include "core/digest.h"

namespace eventlab::cloud::storage {
namespace {

core::Error AccessDenied() { return {"AccessDenied", "Access Denied", 403}; }

// ListObjectsV2 returns at most 1,000 keys per page, the MaxKeys default (S3 API reference).
constexpr uint64_t kMaxKeysPerPage = 1000;
// Object key names are at most 1,024 bytes long (S3 user guide, naming objects).
constexpr size_t kMaxKeyBytes = 1024;

std::string Base64(const std::string& bytes) {
  size_t n = 0;
  mbedtls_base64_encode(nullptr, 0, &n, reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
  std::string out(n, '\0');
  mbedtls_base64_encode(reinterpret_cast<unsigned char*>(out.data()), out.size(), &n,
                        reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
  out.resize(n);
  return out;
}

std::optional<std::string> Unbase64(const std::string& text) {
  size_t n = 0;
  const auto* in = reinterpret_cast<const unsigned char*>(text.data());
  if (mbedtls_base64_decode(nullptr, 0, &n, in, text.size()) == MBEDTLS_ERR_BASE64_INVALID_CHARACTER) return std::nullopt;
  std::string out(n, '\0');
  if (mbedtls_base64_decode(reinterpret_cast<unsigned char*>(out.data()), out.size(), &n, in, text.size()) != 0) {
    return std::nullopt;
  }
  out.resize(n);
  return out;
}

std::string Quoted(const std::string& etag) { return "\"" + etag + "\""; }

// S3 reports LastModified to the second.
std::string LastModifiedIso(const ServiceContext& ctx, const Object& o) {
  const int64_t us = o.last_modified_us ? o.last_modified_us : ctx.env().start_epoch_us;
  return core::FormatIsoUtc(us / 1000000 * 1000000);
}

// The IAM unique id S3 shows as userIdentity.principalId: AIDA... for users, AROA...:session for
// roles (IAM user guide, unique identifiers).
std::string PrincipalId(const ServiceContext& ctx, const std::string& address) {
  const std::string tail = iam::CredentialsOf(ctx.config, address).access_key_id.substr(4);
  if (KindOf(address) == "function") return "AWS:AROA" + tail + ":" + NameOf(address);
  return "AWS:AIDA" + tail;
}

// A documentation-range address (RFC 5737) per caller, stable across runs.
std::string SourceIp(const std::string& address) {
  const std::string h = core::Md5Hex(address);
  return (KindOf(address) == "function" ? "203.0.113." : "198.51.100.") + std::to_string(std::stoi(h.substr(0, 2), nullptr, 16));
}

core::Result<std::string> KeyArg(const Json& payload) {
  if (!payload.is_object() || !payload.contains("key") || !payload["key"].is_string() ||
      payload["key"].get<std::string>().empty()) {
    return core::Error{"InvalidArgument", "A key must be a non-empty string.", 400};
  }
  const std::string key = payload["key"].get<std::string>();
  if (key.size() > kMaxKeyBytes) return core::Error{"KeyTooLongError", "Your key is too long", 400};
  return key;
}

}  // namespace

std::unique_ptr<Service> BucketConfig::CreateService() const { return std::make_unique<StorageService>(this); }

bool BucketConfig::ServesHost(const std::string& host, const Environment& env) const {
  return host == BucketHost(name, env.region);
}

StorageService::StorageService(const BucketConfig* config) : config_(config) {
  for (const auto& [key, initial] : config_->objects) {
    Object o;
    o.key = key;
    o.body = initial.body;
    o.size = core::BodySize(initial.body);
    o.content_type = initial.content_type.empty() ? kDefaultContentType : initial.content_type;
    o.etag = core::IsSyntheticBody(o.body) ? o.body["$body"].value("md5", "") : core::Md5Hex(o.body.get<std::string>());
    char hex[24];
    std::snprintf(hex, sizeof hex, "%018llX", static_cast<unsigned long long>(++store_.sequence));
    o.sequencer = hex;
    store_.objects[key] = std::move(o);
  }
}

void StorageService::Deliver(ServiceContext& ctx, const core::Event& event) {
  if (event.kind == "storage.put_object") Reply(ctx, event, PutObject(ctx, event));
  else if (event.kind == "storage.get_object") Reply(ctx, event, GetObject(ctx, event, true));
  else if (event.kind == "storage.head_object") Reply(ctx, event, GetObject(ctx, event, false));
  else if (event.kind == "storage.delete_object") Reply(ctx, event, DeleteObject(ctx, event));
  else if (event.kind == "storage.list_objects_v2") Reply(ctx, event, ListObjectsV2(ctx, event));
  else if (event.kind == "http.request") Reply(ctx, event, HttpRequest(ctx, event));
  // Replies to notifications (function.invoke_async.result, queue.send.result, sns.publish.result)
  // need nothing.
}

std::string StorageService::NextSequencer(ServiceContext& ctx) {
  // Increasing within the bucket and tied to time, like S3's sequencer; fixed width so that
  // string comparison orders them.
  const uint64_t now = static_cast<uint64_t>(ctx.NowEpochUs());
  store_.sequence = now > store_.sequence ? now : store_.sequence + 1;
  char hex[24];
  std::snprintf(hex, sizeof hex, "%018llX", static_cast<unsigned long long>(store_.sequence));
  return hex;
}

core::Result<Json> StorageService::Store(ServiceContext& ctx, const std::string& principal, const std::string& key,
                                         const Json& body, const std::string& content_type) {
  // Objects are bytes: structured bodies are stored as their JSON text, as SDKs send them.
  const Json bytes = core::IsSyntheticBody(body) || body.is_string() ? body : Json(core::DumpText(body));
  const uint64_t size = core::BodySize(bytes);
  if (size > ctx.env().limits.storage_put_object_max_bytes) {
    return core::Error{"EntityTooLarge", "Your proposed upload exceeds the maximum allowed size", 400};
  }
  Object o;
  o.key = key;
  o.body = bytes;
  o.size = size;
  o.content_type = content_type.empty() ? kDefaultContentType : content_type;
  o.etag = core::IsSyntheticBody(bytes) ? bytes["$body"].value("md5", "") : core::Md5Hex(bytes.get<std::string>());
  o.last_modified_us = ctx.NowEpochUs();
  o.sequencer = NextSequencer(ctx);
  ++store_.puts;
  const Object& stored = store_.objects[key] = std::move(o);
  Notify(ctx, "ObjectCreated:Put", principal, stored);
  return Json{{"ETag", Quoted(stored.etag)}};
}

core::Result<Json> StorageService::PutObject(ServiceContext& ctx, const core::Event& event) {
  auto key = KeyArg(event.payload);
  if (!key.ok()) return key.error();
  if (!iam::GrantsOf(ctx.config, event.from).Allows("s3:PutObject", ObjectArn(key.value()))) return AccessDenied();
  const Json& p = event.payload;
  const std::string content_type = p.contains("content_type") && p["content_type"].is_string() ? p["content_type"].get<std::string>() : "";
  return Store(ctx, event.from, key.value(), p.value("body", Json("")), content_type);
}

core::Result<const Object*> StorageService::Lookup(ServiceContext& ctx, const std::string& principal,
                                                   const std::string& key) const {
  auto it = store_.objects.find(key);
  if (it != store_.objects.end()) return &it->second;
  // Without s3:ListBucket, S3 answers a missing key with 403 rather than revealing it is absent
  // (S3 API reference, GetObject permissions).
  if (!iam::GrantsOf(ctx.config, principal).Allows("s3:ListBucket", "arn:aws:s3:::" + config_->name)) {
    return AccessDenied();
  }
  return core::Error{"NoSuchKey", "The specified key does not exist.", 404};
}

core::Result<Json> StorageService::GetObject(ServiceContext& ctx, const core::Event& event, bool with_body) {
  auto key = KeyArg(event.payload);
  if (!key.ok()) return key.error();
  if (!iam::GrantsOf(ctx.config, event.from).Allows("s3:GetObject", ObjectArn(key.value()))) return AccessDenied();
  auto found = Lookup(ctx, event.from, key.value());
  if (!found.ok()) return found.error();
  const Object& o = *found.value();
  Json out = {{"ContentLength", o.size}, {"ContentType", o.content_type}, {"ETag", Quoted(o.etag)},
              {"LastModified", LastModifiedIso(ctx, o)}};
  if (with_body) out["Body"] = o.body;
  return out;
}

core::Result<Json> StorageService::DeleteObject(ServiceContext& ctx, const core::Event& event) {
  auto key = KeyArg(event.payload);
  if (!key.ok()) return key.error();
  if (!iam::GrantsOf(ctx.config, event.from).Allows("s3:DeleteObject", ObjectArn(key.value()))) return AccessDenied();
  auto it = store_.objects.find(key.value());
  // Deleting a missing key succeeds in an unversioned bucket (204 No Content).
  if (it == store_.objects.end()) return Json::object();
  Object removed = std::move(it->second);
  store_.objects.erase(it);
  ++store_.deletes;
  removed.sequencer = NextSequencer(ctx);
  Notify(ctx, "ObjectRemoved:Delete", event.from, removed);
  return Json::object();
}

core::Result<Json> StorageService::ListObjectsV2(ServiceContext& ctx, const core::Event& event) {
  if (!iam::GrantsOf(ctx.config, event.from).Allows("s3:ListBucket", "arn:aws:s3:::" + config_->name)) {
    return AccessDenied();
  }
  const Json& p = event.payload.is_object() ? event.payload : Json::object();
  const std::string prefix = p.contains("prefix") && p["prefix"].is_string() ? p["prefix"].get<std::string>() : "";
  uint64_t max_keys = kMaxKeysPerPage;
  if (p.contains("max_keys")) {
    if (!p["max_keys"].is_number_unsigned() && !(p["max_keys"].is_number_integer() && p["max_keys"].get<int64_t>() >= 0)) {
      return core::Error{"InvalidArgument", "Provided max-keys not an integer or within integer range", 400};
    }
    max_keys = std::min<uint64_t>(p["max_keys"].get<uint64_t>(), kMaxKeysPerPage);
  }
  std::string start = prefix;
  Json out = {{"Name", config_->name}, {"Prefix", prefix}, {"MaxKeys", max_keys}};
  if (p.contains("continuation_token")) {
    std::optional<std::string> decoded =
        p["continuation_token"].is_string() ? Unbase64(p["continuation_token"].get<std::string>()) : std::nullopt;
    if (!decoded || decoded->empty()) {
      return core::Error{"InvalidArgument", "The continuation token provided is incorrect", 400};
    }
    start = std::max(start, *decoded);
    out["ContinuationToken"] = p["continuation_token"];
  }
  Json contents = Json::array();
  auto it = store_.objects.lower_bound(start);
  for (; it != store_.objects.end() && it->first.compare(0, prefix.size(), prefix) == 0; ++it) {
    if (contents.size() == max_keys) break;
    const Object& o = it->second;
    contents.push_back({{"Key", o.key}, {"LastModified", LastModifiedIso(ctx, o)}, {"ETag", Quoted(o.etag)},
                        {"Size", o.size}, {"StorageClass", "STANDARD"}});
  }
  const bool truncated = it != store_.objects.end() && it->first.compare(0, prefix.size(), prefix) == 0;
  out["KeyCount"] = contents.size();
  out["IsTruncated"] = truncated;
  if (truncated) out["NextContinuationToken"] = Base64(it->first);
  if (!contents.empty()) out["Contents"] = contents;  // SDKs omit Contents from an empty page
  return out;
}

void StorageService::Notify(ServiceContext& ctx, const std::string& event_name, const std::string& principal,
                            const Object& object) {
  for (const NotificationConfig& n : config_->notifications) {
    if (!Matches(n, event_name, object.key)) continue;
    core::Rng& rng = ctx.kernel.RngFor(Self());
    char request_id[24];
    std::snprintf(request_id, sizeof request_id, "%016llX", static_cast<unsigned long long>(rng.NextU64()));
    std::string id2_bytes;
    for (int i = 0; i < 7; ++i) {
      const uint64_t r = rng.NextU64();
      for (int b = 0; b < 8; ++b) id2_bytes += static_cast<char>((r >> (8 * b)) & 0xFF);
    }
    S3EventInput in;
    in.region = ctx.env().region;
    in.event_time_us = ctx.NowEpochUs();
    in.event_name = event_name;
    in.principal_id = PrincipalId(ctx, principal);
    in.source_ip = SourceIp(principal);
    in.request_id = request_id;
    in.id2 = Base64(id2_bytes);
    in.configuration_id = n.id;
    in.bucket = config_->name;
    in.owner_id = "A" + [&] {
      std::string h = core::Md5Hex(ctx.env().account);
      for (char& c : h) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
      return h.substr(0, 13);
    }();
    in.key = object.key;
    in.size = object.size;
    in.etag = object.etag;
    in.sequencer = object.sequencer;
    const Json event = {{"Records", Json::array({BuildS3EventRecord(in)})}};
    core::EventSpec e;
    e.delay = HopDelay(ctx, Self());
    e.from = Self();
    if (!n.function.empty()) {
      e.to = Address("function", n.function);
      e.kind = "function.invoke_async";
      e.payload = event;
    } else if (!n.topic.empty()) {
      // S3 publishes the event to a topic as the Message text, with this Subject (S3 user guide,
      // event notification destinations; the SNS message S3 sends).
      e.to = Address("topic", n.topic);
      e.kind = "sns.publish";
      e.payload = {{"message", core::DumpText(event)}, {"subject", "Amazon S3 Notification"}};
    } else {
      e.to = Address("queue", n.queue);
      e.kind = "queue.send";
      e.payload = {{"body", core::DumpText(event)}};
    }
    ++store_.notifications;
    ctx.kernel.Schedule(std::move(e));
  }
}

Json StorageService::State() const {
  Json objects = Json::array();
  for (const auto& [key, o] : store_.objects) {
    objects.push_back({{"key", key}, {"size", o.size}, {"etag", o.etag}, {"content_type", o.content_type},
                       {"last_modified_us", o.last_modified_us}, {"sequencer", o.sequencer}});
  }
  return {{"kind", "bucket"}, {"objects", objects}, {"puts", store_.puts}, {"deletes", store_.deletes},
          {"notifications", store_.notifications}};
}

}  // namespace eventlab::cloud::storage
