// Loads an "identity_provider" resource (Auth0-style): domain, audience, algorithm, users and the
// signing keys with their rotation schedule. RS256 keys are generated here, once per load, from a
// stream seeded by the resource name and kid (not the run seed), so every run shares them.
#include "cloud/auth/rsa_key.h"
#include "cloud/identity/identity_models.h"
#include "scenario/resource_loaders.h"

namespace eventlab::scenario {
namespace {

namespace id = cloud::identity;

// Auth0 caps ID token lifetimes at 2592000 s (30 days) (Auth0 docs, "ID Token Lifetime").
constexpr core::SimTime kMaxTokenLifetime = core::SimTime::Seconds(2592000);
constexpr core::SimTime kForever = core::SimTime::Seconds(int64_t{100} * 365 * 86400);

void LoadUsers(const ResourceInput& in, id::IdentityConfig& c, Problems& p) {
  auto users = in.json.find("users");
  if (users == in.json.end()) return;
  const std::string at = Child(in.path, "users");
  if (!users->is_object()) {
    p.Add(at, "expected {\"<username>\": {\"password\": \"...\", \"sub\": \"auth0|...\"}}");
    return;
  }
  for (const auto& [name, u] : users->items()) {
    const std::string up = Child(at, name);
    if (!u.is_object()) {
      p.Add(up, "expected {\"password\": \"...\", \"sub\"?: \"...\"}, got " + TypeName(u));
      continue;
    }
    CheckKeys(u, up, {"password", "sub"}, p);
    id::User user;
    if (!u.contains("password")) p.Add(up, "missing \"password\"");
    if (auto pw = ReadString(u, "password", up, p, "")) user.password = *pw;
    if (auto sub = ReadString(u, "sub", up, p, "auth0|" + name)) user.sub = *sub;
    c.users[name] = user;
  }
}

void LoadKeys(const ResourceInput& in, id::IdentityConfig& c, Problems& p) {
  const std::string at = Child(in.path, "keys");
  Json list = in.json.contains("keys") ? in.json["keys"] : Json::array({Json{{"kid", in.name + "-1"}}});
  if (!list.is_array() || list.empty()) {
    p.Add(at, "expected a non-empty array of {\"kid\", \"sign_from\"?, \"sign_until\"?, \"publish_from\"?, \"publish_until\"?}");
    return;
  }
  for (size_t i = 0; i < list.size(); ++i) {
    const std::string kp = Child(at, i);
    const Json& k = list[i];
    if (!k.is_object()) {
      p.Add(kp, "expected an object, got " + TypeName(k));
      continue;
    }
    CheckKeys(k, kp, {"kid", "sign_from", "sign_until", "publish_from", "publish_until"}, p);
    id::SigningKey key;
    auto kid = ReadString(k, "kid", kp, p, "");
    if (!kid || kid->empty()) {
      if (kid) p.Add(kp, "missing \"kid\" (a non-empty string)");
      continue;
    }
    key.kid = *kid;
    for (const id::SigningKey& other : c.keys) {
      if (other.kid == key.kid) p.Add(Child(kp, "kid"), "duplicate kid \"" + key.kid + "\"");
    }
    auto read = [&](const char* name, std::optional<core::SimTime>& out) {
      if (!k.contains(name)) return;
      if (auto v = ReadDuration(k, name, kp, p, core::SimTime{}, kForever, core::SimTime{})) out = *v;
    };
    std::optional<core::SimTime> sign_from, publish_from;
    read("sign_from", sign_from);
    read("sign_until", key.sign_until);
    read("publish_from", publish_from);
    read("publish_until", key.publish_until);
    key.sign_from = sign_from.value_or(core::SimTime{});
    key.publish_from = publish_from.value_or(core::SimTime{});
    if (key.sign_until && *key.sign_until <= key.sign_from) p.Add(Child(kp, "sign_until"), "must be after sign_from");
    if (key.publish_from > key.sign_from) {
      p.Add(Child(kp, "publish_from"), "a key must be published before it signs (publish_from <= sign_from)");
    }
    if (key.publish_until && (!key.sign_until || *key.publish_until < *key.sign_until)) {
      p.Add(Child(kp, "publish_until"), "a key must stay published while it signs: set sign_until <= publish_until");
    }
    if (p.Empty()) {
      core::Rng rng = core::Rng::ForComponent(0, "identity_provider:" + in.name + "/" + key.kid);
      auto generated = cloud::auth::GenerateRsaKey(rng, c.key_bits, key.kid);
      if (!generated.ok()) {
        p.Add(kp, generated.error().message);
        continue;
      }
      key.key = generated.value();
      key.key.alg = "RS256";
    }
    c.keys.push_back(key);
  }
}

}  // namespace

std::unique_ptr<cloud::ResourceConfig> LoadIdentityProvider(const ResourceInput& in, Problems& p) {
  auto c = std::make_unique<id::IdentityConfig>();
  ReadCommonKeys(in, {"domain", "audience", "algorithm", "client_secret", "token_lifetime", "key_bits", "users", "keys"}, *c, p);
  if (!in.json.contains("domain")) p.Add(in.path, "missing \"domain\" (e.g. \"eventlab.eu.auth0.com\")");
  if (auto d = ReadString(in.json, "domain", in.path, p, "")) {
    if (d->find_first_of("/: ") != std::string::npos) p.Add(Child(in.path, "domain"), "a host name, without scheme or path");
    c->domain = *d;
  }
  if (!in.json.contains("audience")) p.Add(in.path, "missing \"audience\" (e.g. \"https://images-api\")");
  if (auto a = ReadString(in.json, "audience", in.path, p, "")) c->audience = *a;
  if (auto alg = ReadString(in.json, "algorithm", in.path, p, "RS256")) {
    auto parsed = cloud::auth::ParseAlgorithm(*alg);
    if (!parsed) p.Add(Child(in.path, "algorithm"), "expected \"RS256\" or \"HS256\"");
    else c->algorithm = *parsed;
  }
  if (auto t = ReadDuration(in.json, "token_lifetime", in.path, p, core::SimTime::Seconds(1), kMaxTokenLifetime,
                            core::SimTime::Seconds(id::kDefaultTokenLifetimeSeconds))) {
    if (t->us % 1000000 != 0) p.Add(Child(in.path, "token_lifetime"), "must be whole seconds (exp is in seconds)");
    c->token_lifetime_s = t->us / 1000000;
  }
  LoadUsers(in, *c, p);
  if (c->algorithm == cloud::auth::Algorithm::kHS256) {
    for (const char* k : {"keys", "key_bits"}) {
      if (in.json.contains(k)) p.Add(Child(in.path, k), "only for \"algorithm\": \"RS256\" (HS256 signs with client_secret)");
    }
    if (!in.json.contains("client_secret")) p.Add(in.path, "missing \"client_secret\" (HS256)");
    if (auto s = ReadString(in.json, "client_secret", in.path, p, "")) {
      // RFC 7518 section 3.2: an HS256 key MUST be at least 256 bits.
      if (in.json.contains("client_secret") && s->size() < c->policy.min_hmac_bytes) {
        p.Add(Child(in.path, "client_secret"), "must be at least 32 bytes (RFC 7518 section 3.2)");
      }
      c->client_secret = *s;
    }
    return c;
  }
  if (in.json.contains("client_secret")) p.Add(Child(in.path, "client_secret"), "only for \"algorithm\": \"HS256\"");
  if (auto bits = ReadUnsigned(in.json, "key_bits", in.path, p, cloud::auth::kMinGeneratedRsaBits,
                               cloud::auth::kMaxGeneratedRsaBits, id::kDefaultKeyBits)) {
    if (*bits % 128 != 0) p.Add(Child(in.path, "key_bits"), "must be a multiple of 128");
    c->key_bits = static_cast<uint32_t>(*bits);
    // Smaller keys are allowed for speed in the page; the provider's tokens then verify only with
    // its own policy (jwt.verify with "identity"), never against the RFC floor.
    if (c->key_bits < c->policy.min_rsa_bits) c->policy.min_rsa_bits = c->key_bits;
  }
  LoadKeys(in, *c, p);
  return c;
}

}  // namespace eventlab::scenario
