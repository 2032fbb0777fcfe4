// Which keys an identity provider signs with and publishes at a given simulated time.
#include "cloud/identity/identity_models.h"

namespace eventlab::cloud::identity {

const SigningKey* IdentityConfig::SignerAt(core::SimTime t) const {
  const SigningKey* best = nullptr;
  for (const SigningKey& k : keys) {
    if (k.SignsAt(t) && (!best || k.sign_from >= best->sign_from)) best = &k;
  }
  return best;
}

std::vector<auth::Key> IdentityConfig::PublishedAt(core::SimTime t) const {
  std::vector<auth::Key> out;
  for (const SigningKey& k : keys) {
    if (!k.PublishedAt(t)) continue;
    auth::Key pub = k.key;
    pub.rsa.d.clear(), pub.rsa.p.clear(), pub.rsa.q.clear();
    pub.rsa.dp.clear(), pub.rsa.dq.clear(), pub.rsa.qi.clear();
    out.push_back(std::move(pub));
  }
  return out;
}

Json IdentityConfig::JwksAt(core::SimTime t) const {
  auto jwks = auth::PublicJwks(PublishedAt(t));
  return jwks.ok() ? jwks.value() : Json{{"keys", Json::array()}};
}

std::vector<auth::Key> IdentityConfig::VerificationKeysAt(core::SimTime t) const {
  if (algorithm == auth::Algorithm::kHS256) return {auth::SecretKey(client_secret)};
  return PublishedAt(t);
}

}  // namespace eventlab::cloud::identity
