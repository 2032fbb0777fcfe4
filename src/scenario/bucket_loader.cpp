// Loads a "bucket" resource: initial objects and S3 event notification configurations, refusing
// overlapping configurations as PutBucketNotificationConfiguration does.
#include "cloud/storage/notifications.h"
#include "cloud/storage/storage_models.h"
#include "scenario/resource_loaders.h"
#include "scenario/synthetic_bodies.h"
#include "core/digest.h"
#include "core/json_bounds.h"

namespace eventlab::scenario {
namespace {

void LoadNotifications(const ResourceInput& in, cloud::storage::BucketConfig& b, Problems& p) {
  auto list = in.json.find("notifications");
  if (list == in.json.end()) return;
  const std::string path = Child(in.path, "notifications");
  if (!list->is_array()) return p.Add(path, "expected an array of notification configurations, got " + TypeName(*list));
  for (size_t i = 0; i < list->size(); ++i) {
    const Json& n = (*list)[i];
    const std::string at = Child(path, i);
    if (!n.is_object()) {
      p.Add(at, "expected {\"events\": [\"s3:ObjectCreated:*\"], \"function\" or \"queue\": name}");
      continue;
    }
    CheckKeys(n, at, {"id", "events", "prefix", "suffix", "function", "queue", "topic"}, p);
    cloud::storage::NotificationConfig c;
    // S3 generates an Id when the configuration has none.
    if (auto id = ReadString(n, "id", at, p, "notification-" + std::to_string(i + 1))) c.id = *id;
    if (auto v = ReadString(n, "prefix", at, p, "")) c.prefix = *v;
    if (auto v = ReadString(n, "suffix", at, p, "")) c.suffix = *v;
    auto events = n.find("events");
    if (events == n.end() || !events->is_array() || events->empty()) {
      p.Add(Child(at, "events"), "expected a non-empty array of event types such as \"s3:ObjectCreated:*\"");
    } else {
      for (size_t j = 0; j < events->size(); ++j) {
        const Json& e = (*events)[j];
        if (!e.is_string() || !cloud::storage::IsSupportedEventType(e.get<std::string>())) {
          // S3's answer to an unknown event type (PutBucketNotificationConfiguration, InvalidArgument).
          p.Add(Child(Child(at, "events"), j), "The event is not supported for notifications");
        } else {
          c.events.push_back(e.get<std::string>());
        }
      }
    }
    const bool has_function = n.contains("function"), has_queue = n.contains("queue"), has_topic = n.contains("topic");
    if (has_function + has_queue + has_topic != 1) {
      p.Add(at, "a notification needs exactly one destination: \"function\", \"queue\" or \"topic\"");
    } else if (has_topic) {
      if (auto t = ReadString(n, "topic", at, p)) {
        CheckReference(*t, "topic", Child(at, "topic"), in.kinds, p);
        c.topic = *t;
      }
    } else if (has_function) {
      if (auto f = ReadString(n, "function", at, p)) {
        CheckReference(*f, "function", Child(at, "function"), in.kinds, p);
        c.function = *f;
      }
    } else if (auto q = ReadString(n, "queue", at, p)) {
      CheckReference(*q, "queue", Child(at, "queue"), in.kinds, p);
      c.queue = *q;
    }
    for (size_t k = 0; k < b.notifications.size(); ++k) {
      if (cloud::storage::Overlap(b.notifications[k], c)) {
        p.Add(at, std::string(cloud::storage::kOverlapMessage) + " (with " + Child(path, k) + ")");
        break;
      }
    }
    b.notifications.push_back(std::move(c));
  }
}

void LoadObjects(const ResourceInput& in, cloud::storage::BucketConfig& b, Problems& p) {
  auto objects = in.json.find("objects");
  if (objects == in.json.end()) return;
  const std::string path = Child(in.path, "objects");
  if (!objects->is_object()) return p.Add(path, "expected an object of {\"key\": {\"body\": ...}}, got " + TypeName(*objects));
  for (auto it = objects->begin(); it != objects->end(); ++it) {
    const std::string at = Child(path, it.key());
    // Object key names are 1 to 1,024 bytes (S3 user guide, naming objects).
    if (it.key().empty() || it.key().size() > 1024) p.Add(at, "object keys are 1 to 1024 bytes long");
    if (!it->is_object()) {
      p.Add(at, "expected {\"body\": ..., \"content_type\"?: ...}, got " + TypeName(*it));
      continue;
    }
    CheckKeys(*it, at, {"body", "content_type"}, p);
    cloud::storage::InitialObject o;
    if (!it->contains("body")) {
      p.Add(at, "missing \"body\"");
      continue;
    }
    o.body = (*it)["body"];
    NormalizeSyntheticBodies(o.body, Child(at, "body"), p);
    if (!o.body.is_string() && !core::IsSyntheticBody(o.body)) o.body = Json(core::DumpText(o.body));
    if (auto ct = ReadString(*it, "content_type", at, p, "")) o.content_type = *ct;
    b.objects[it.key()] = std::move(o);
  }
}

}  // namespace

std::unique_ptr<cloud::ResourceConfig> LoadBucket(const ResourceInput& in, Problems& p) {
  auto b = std::make_unique<cloud::storage::BucketConfig>();
  ReadCommonKeys(in, {"notifications", "objects"}, *b, p);
  // S3 bucket names: 3 to 63 characters of lower-case letters, digits, '.' and '-' (S3 user guide,
  // bucket naming rules); the host name is built from it.
  bool valid = in.name.size() >= 3 && in.name.size() <= 63;
  for (char c : in.name) valid = valid && ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-');
  if (!valid) p.Add(in.path, "bucket names are 3 to 63 lower-case letters, digits and '-'");
  LoadNotifications(in, *b, p);
  LoadObjects(in, *b, p);
  return b;
}

}  // namespace eventlab::scenario
