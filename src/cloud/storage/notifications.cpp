// Filter rules follow S3: a key matches when it starts with the prefix and ends with the suffix;
// two filters overlap when one prefix starts the other and one suffix ends the other.
#include "cloud/storage/notifications.h"

#include <set>

namespace eventlab::cloud::storage {
namespace {

bool StartsWith(const std::string& s, const std::string& p) { return s.compare(0, p.size(), p) == 0; }
bool EndsWith(const std::string& s, const std::string& p) {
  return s.size() >= p.size() && s.compare(s.size() - p.size(), p.size(), p) == 0;
}

// "s3:ObjectCreated:*" and "s3:ObjectCreated:Put" share a type; so do equal types.
bool TypesOverlap(const std::string& a, const std::string& b) {
  if (a == b) return true;
  auto family = [](const std::string& t) { return t.substr(0, t.rfind(':') + 1); };
  const bool a_all = EndsWith(a, ":*"), b_all = EndsWith(b, ":*");
  return (a_all || b_all) && family(a) == family(b);
}

}  // namespace

bool IsSupportedEventType(const std::string& type) {
  // Event types of S3 event notifications (S3 user guide, "Supported event types"), the object
  // creation and removal families this simulator produces.
  static const std::set<std::string> kTypes = {
      "s3:ObjectCreated:*",    "s3:ObjectCreated:Put",    "s3:ObjectCreated:Post",
      "s3:ObjectCreated:Copy", "s3:ObjectCreated:CompleteMultipartUpload",
      "s3:ObjectRemoved:*",    "s3:ObjectRemoved:Delete", "s3:ObjectRemoved:DeleteMarkerCreated"};
  return kTypes.count(type) > 0;
}

bool Matches(const NotificationConfig& config, const std::string& event_name, const std::string& key) {
  if (!StartsWith(key, config.prefix) || !EndsWith(key, config.suffix)) return false;
  for (const std::string& type : config.events) {
    if (TypesOverlap(type, "s3:" + event_name)) return true;
  }
  return false;
}

bool Overlap(const NotificationConfig& a, const NotificationConfig& b) {
  const bool prefixes = StartsWith(a.prefix, b.prefix) || StartsWith(b.prefix, a.prefix);
  const bool suffixes = EndsWith(a.suffix, b.suffix) || EndsWith(b.suffix, a.suffix);
  if (!prefixes || !suffixes) return false;
  for (const std::string& x : a.events) {
    for (const std::string& y : b.events) {
      if (TypesOverlap(x, y)) return true;
    }
  }
  return false;
}

}  // namespace eventlab::cloud::storage
