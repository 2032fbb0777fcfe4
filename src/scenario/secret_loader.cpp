// Loads a "secret" resource (Secrets Manager): its first SecretString and an optional rotation
// schedule.
#include "cloud/secrets/secrets_models.h"
#include "scenario/resource_loaders.h"

namespace eventlab::scenario {

std::unique_ptr<cloud::ResourceConfig> LoadSecret(const ResourceInput& in, Problems& p) {
  auto s = std::make_unique<cloud::secrets::SecretConfig>();
  ReadCommonKeys(in, {"value", "rotation"}, *s, p);
  if (!in.json.contains("value")) {
    p.Add(in.path, "missing \"value\" (the secret's SecretString)");
  } else if (auto v = ReadString(in.json, "value", in.path, p, "")) {
    // The default limit; a scenario's own "secret_string_bytes" applies to PutSecretValue.
    if (v->size() > cloud::Limits{}.secret_string_bytes) {
      p.Add(Child(in.path, "value"), "a SecretString is at most 65536 bytes, got " + std::to_string(v->size()));
    }
    s->value = *v;
  }
  if (auto r = in.json.find("rotation"); r != in.json.end()) {
    const std::string at = Child(in.path, "rotation");
    if (!r->is_object()) {
      p.Add(at, "expected {\"every\": \"30m\"}");
    } else {
      CheckKeys(*r, at, {"every"}, p);
      if (!r->contains("every")) p.Add(at, "missing \"every\" (a duration such as \"30m\")");
      // Secrets Manager schedules go down to every 4 hours and up to 1000 days; shorter periods are
      // allowed here so that a run can show rotations.
      else if (auto d = ReadDuration(*r, "every", at, p, core::SimTime::Seconds(1), core::SimTime::Seconds(86400LL * 1000),
                                     core::SimTime{})) {
        s->rotation_every = *d;
      }
    }
  }
  return s;
}

}  // namespace eventlab::scenario
