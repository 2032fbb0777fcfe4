// Keys: JWK and JWK Set reading and writing (RFC 7517, RFC 7518 section 6), PEM, kid selection,
// and deterministic RSA key generation from a seeded Rng.
#include <gtest/gtest.h>

#include "cloud/auth/base64url.h"
#include "cloud/auth/jwk.h"
#include "cloud/auth/jwt.h"
#include "cloud/auth/rsa_key.h"
#include "cloud/auth/auth_test_support.h"

namespace eventlab::cloud::auth {
namespace {

using testing::AuthVector;

// The modulus GenerateRsaKey draws for seed 42, component "auth:keygen-test", 1024 bits.
constexpr const char* kGeneratedModulus =
    "mwH6GvblksH9NddmQ8M6JEv0_oOzAk3N2QyfSc_1ltBOQh1MhowuloRU5PyTXKISWDXcKrGbaEGi1egAMmh8_XdsF6PkwiEKCbkuwGIL9e3Ta7"
    "XOXhfHinuznQQUsTkgGo9qqhABk1-KuXXdPwqk8jV02CIP3M4WttJeuR4FZZM";

Json A2Jwk() { return Json::parse(AuthVector("rfc7515_a2_jwk.json")); }

Key MustKey(const core::Result<Key>& r) {
  EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.error().code + ": " + r.error().message);
  return r.ok() ? r.value() : Key{};
}

TEST(AuthJwk, ReadsTheRfc7515A1OctKey) {
  Key key = MustKey(KeyFromJwkText(AuthVector("rfc7515_a1_jwk.json")));
  EXPECT_EQ(key.type, KeyType::kOct);
  ASSERT_EQ(key.secret.size(), 64u);
  // RFC 7515 A.1.1 lists the key octets: [3, 35, 53, 75, ... 208, 128, 163].
  EXPECT_EQ(static_cast<unsigned char>(key.secret[0]), 3);
  EXPECT_EQ(static_cast<unsigned char>(key.secret[1]), 35);
  EXPECT_EQ(static_cast<unsigned char>(key.secret[63]), 163);
  EXPECT_EQ(PrivateJwk(key), Json::parse(AuthVector("rfc7515_a1_jwk.json")));
  EXPECT_FALSE(PublicJwk(key).ok());
}

TEST(AuthJwk, ReadsTheRfc7515A2RsaKeyAndWritesItBack) {
  const Json jwk = A2Jwk();
  Key key = MustKey(KeyFromJwk(jwk));
  EXPECT_EQ(key.type, KeyType::kRsa);
  EXPECT_TRUE(key.IsPrivate());
  EXPECT_EQ(key.RsaBits(), 2048u);
  EXPECT_EQ(PrivateJwk(key), jwk);
  auto pub = PublicJwk(key);
  ASSERT_TRUE(pub.ok());
  EXPECT_EQ(pub.value(), (Json{{"kty", "RSA"}, {"n", jwk["n"]}, {"e", "AQAB"}, {"alg", "RS256"}, {"use", "sig"}}));
  Key public_only = MustKey(KeyFromJwk(pub.value()));
  EXPECT_FALSE(public_only.IsPrivate());
  EXPECT_EQ(public_only.rsa.n, key.rsa.n);
}

TEST(AuthJwk, CompletesAPrivateKeyGivenOnlyNED) {
  Json jwk = A2Jwk();
  for (const char* name : {"p", "q", "dp", "dq", "qi"}) jwk.erase(name);
  Key key = MustKey(KeyFromJwk(jwk));
  Key full = MustKey(KeyFromJwk(A2Jwk()));
  // The primes come back (in either order) with matching CRT values.
  const bool same_order = key.rsa.p == full.rsa.p;
  EXPECT_EQ(same_order ? key.rsa.q : key.rsa.p, full.rsa.q);
  EXPECT_EQ(same_order ? key.rsa.dp : key.rsa.dq, full.rsa.dp);
}

TEST(AuthJwk, RejectsInconsistentOrIncompleteKeys) {
  Json bad_dp = A2Jwk();
  bad_dp["dp"] = A2Jwk()["dq"];
  auto r = KeyFromJwk(bad_dp);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, kInvalidKey);
  EXPECT_NE(r.error().message.find("dp does not match"), std::string::npos) << r.error().message;

  Json bad_d = A2Jwk();
  bad_d["d"] = Base64UrlEncode("\x01\x02\x03");
  EXPECT_EQ(KeyFromJwk(bad_d).error().code, kInvalidKey);

  Json no_n = A2Jwk();
  no_n.erase("n");
  EXPECT_NE(KeyFromJwk(no_n).error().message.find("\"n\" is missing"), std::string::npos);

  Json padded = A2Jwk();
  padded["e"] = "AQAB==";
  EXPECT_NE(KeyFromJwk(padded).error().message.find("JWK member \"e\""), std::string::npos);

  EXPECT_EQ(KeyFromJwk(Json{{"kty", "EC"}, {"crv", "P-256"}}).error().code, kUnsupportedKey);
  EXPECT_EQ(KeyFromJwk(Json{{"k", "AAAA"}}).error().code, kInvalidKey);
  EXPECT_EQ(KeyFromJwk(Json{{"kty", "oct"}, {"k", "AAAA"}, {"alg", "RS256"}}).error().code, kInvalidKey);
  EXPECT_EQ(KeyFromJwkText("{\"kty\":").error().code, kInvalidKey);
  EXPECT_EQ(KeyFromJwk(Json{{"kty", "oct"}, {"k", 5}}).error().code, kInvalidKey);
}

TEST(AuthJwks, SelectsByKidWithClearErrors) {
  Json a = A2Jwk();
  a["kid"] = "2010-12-29";
  const Json set = {{"keys", {Json{{"kty", "oct"}, {"kid", "hmac-1"}, {"k", Base64UrlEncode(std::string(32, 'x'))}}, a}}};
  auto keys = KeysFromJwks(set);
  ASSERT_TRUE(keys.ok());
  ASSERT_EQ(keys.value().size(), 2u);

  Key rsa = MustKey(SelectKey(keys.value(), "2010-12-29"));
  EXPECT_EQ(rsa.type, KeyType::kRsa);
  EXPECT_EQ(MustKey(SelectKey(keys.value(), "hmac-1")).type, KeyType::kOct);

  auto unknown = SelectKey(keys.value(), "2011-01-01");
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(unknown.error().code, kUnknownKid);
  EXPECT_EQ(unknown.error().message, "no key in the set has kid \"2011-01-01\" (known: \"2010-12-29\", \"hmac-1\")");

  auto missing = SelectKey(keys.value(), "");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().code, kMissingKid);

  // One key and no kid: the set's only key.
  EXPECT_EQ(MustKey(SelectKey({rsa}, "")).rsa.n, rsa.rsa.n);
  // Two keys sharing a kid cannot be told apart.
  EXPECT_EQ(SelectKey({rsa, rsa}, "2010-12-29").error().code, kInvalidKey);
}

TEST(AuthJwks, AMixedSetKeepsItsRsaKeyAndSaysWhyTheEcKeyCannotBeUsed) {
  // RFC 7517 appendix A.1: an EC key (kid "1") beside an RSA key (kid "2011-04-29").
  auto keys = KeysFromJwksText(AuthVector("rfc7517_a1_jwks.json"));
  ASSERT_TRUE(keys.ok()) << keys.error().message;
  ASSERT_EQ(keys.value().size(), 2u);
  Key rsa = MustKey(SelectKey(keys.value(), "2011-04-29"));
  EXPECT_EQ(rsa.type, KeyType::kRsa);
  EXPECT_EQ(rsa.RsaBits(), 2048u);
  auto ec = SelectKey(keys.value(), "1");
  ASSERT_FALSE(ec.ok());
  EXPECT_EQ(ec.error().code, kUnsupportedKey);
  EXPECT_EQ(ec.error().message, "the key with kid \"1\" cannot be used: keys[0]: JWK kty \"EC\" is not supported (oct, RSA)");
  // Without a kid the set's only usable key is the one.
  EXPECT_EQ(MustKey(SelectKey(keys.value(), "")).rsa.n, rsa.rsa.n);
}

TEST(AuthJwks, ATokenVerifiesAgainstASetThatAlsoHoldsOtherKeyTypes) {
  Json set = Json::parse(AuthVector("rfc7517_a1_jwks.json"));
  set["keys"][1] = A2Jwk();  // RFC 7515 A.2's key, whose token (no kid) it signed
  auto keys = KeysFromJwks(set);
  ASSERT_TRUE(keys.ok());
  VerifyOptions options;
  options.now_s = 1300819370;  // A.2's claims expire at 1300819380
  std::string token = AuthVector("rfc7515_a2_token.txt");
  token.erase(token.find_last_not_of("\r\n") + 1);
  Verification v = VerifyJwtWithKeys(token, keys.value(), options);
  EXPECT_TRUE(v.ok) << v.message;
}

TEST(AuthJwks, ReadsAndWritesSets) {
  // A malformed member is passed over (RFC 7517 section 5) but named if a token asks for it...
  Json mixed = {{"keys", {A2Jwk(), Json{{"kty", "RSA"}, {"kid", "broken"}}}}};
  auto r = KeysFromJwks(mixed);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(SelectKey(r.value(), "broken").error().message.rfind("the key with kid \"broken\" cannot be used: keys[1]: ", 0), 0u);
  // ...and a set with no usable key is refused with its first member's error.
  auto none = KeysFromJwks(Json{{"keys", {Json{{"kty", "EC"}}, Json{{"kty", "RSA"}}}}});
  ASSERT_FALSE(none.ok());
  EXPECT_EQ(none.error().message.rfind("keys[0]: ", 0), 0u) << none.error().message;
  EXPECT_FALSE(KeysFromJwksText("[]").ok());
  EXPECT_FALSE(KeysFromJwks(Json{{"keys", "no"}}).ok());

  Key key = MustKey(KeyFromJwk(A2Jwk()));
  key.kid = "2010-12-29";
  auto jwks = PublicJwks({key});
  ASSERT_TRUE(jwks.ok());
  EXPECT_EQ(jwks.value()["keys"][0]["kid"], "2010-12-29");
  EXPECT_FALSE(jwks.value()["keys"][0].contains("d"));
  // A JWKS endpoint's output reads back as the same public key.
  auto back = KeysFromJwks(jwks.value());
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(back.value()[0].rsa.n, key.rsa.n);
  EXPECT_FALSE(back.value()[0].IsPrivate());
}

TEST(AuthPem, ReadsPemWrittenByAnotherImplementation) {
  Key jwk = MustKey(KeyFromJwk(A2Jwk()));
  Key priv = MustKey(KeyFromPem(AuthVector("rfc7515_a2_private.pem"), "k1"));
  EXPECT_EQ(priv.kid, "k1");
  EXPECT_TRUE(priv.IsPrivate());
  EXPECT_EQ(PrivateJwk(priv), PrivateJwk(Key{KeyType::kRsa, "k1", "", "", jwk.rsa}));
  Key pub = MustKey(KeyFromPem(AuthVector("rfc7515_a2_public.pem")));
  EXPECT_FALSE(pub.IsPrivate());
  EXPECT_EQ(pub.rsa.n, jwk.rsa.n);
  EXPECT_EQ(pub.rsa.e, jwk.rsa.e);
}

TEST(AuthPem, WritesPemThatReadsBack) {
  Key jwk = MustKey(KeyFromJwk(A2Jwk()));
  auto pub = RsaPublicKeyPem(jwk.rsa);
  ASSERT_TRUE(pub.ok());
  // SubjectPublicKeyInfo DER is canonical, so both implementations write the same PEM.
  EXPECT_EQ(pub.value(), AuthVector("rfc7515_a2_public.pem") + "\n");
  auto priv = RsaPrivateKeyPem(jwk.rsa);
  ASSERT_TRUE(priv.ok());
  EXPECT_EQ(priv.value().rfind("-----BEGIN RSA PRIVATE KEY-----", 0), 0u);
  EXPECT_EQ(PrivateJwk(MustKey(KeyFromPem(priv.value()))), PrivateJwk(jwk));
}

TEST(AuthPem, RejectsWhatIsNotAnRsaKey) {
  auto garbage = KeyFromPem("-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n");
  ASSERT_FALSE(garbage.ok());
  EXPECT_EQ(garbage.error().code, kInvalidKey);
  EXPECT_EQ(KeyFromPem("not a key").error().code, kInvalidKey);
}

TEST(AuthKeygen, TheSameSeedGivesTheSameKey) {
  core::Rng a = core::Rng::ForComponent(42, "auth:keygen-test");
  core::Rng b = core::Rng::ForComponent(42, "auth:keygen-test");
  core::Rng c = core::Rng::ForComponent(43, "auth:keygen-test");
  Key ka = MustKey(GenerateRsaKey(a, 1024, "gen-1"));
  Key kb = MustKey(GenerateRsaKey(b, 1024, "gen-1"));
  Key kc = MustKey(GenerateRsaKey(c, 1024));
  EXPECT_EQ(ka.RsaBits(), 1024u);
  EXPECT_EQ(ka.kid, "gen-1");
  EXPECT_EQ(PrivateJwk(ka), PrivateJwk(kb));
  EXPECT_NE(ka.rsa.n, kc.rsa.n);
  EXPECT_EQ(Base64UrlEncode(ka.rsa.e), "AQAB");
  // The generated key is a complete, consistent private key.
  EXPECT_EQ(PrivateJwk(MustKey(KeyFromJwk(PrivateJwk(ka)))), PrivateJwk(ka));
  // Pinned: the native and the WASM builds must both produce exactly this modulus.
  EXPECT_EQ(Base64UrlEncode(ka.rsa.n), kGeneratedModulus);
}

TEST(AuthKeygen, RejectsSizesThatAreNotMultiplesOf128) {
  core::Rng rng = core::Rng::ForComponent(1, "auth:keygen-test");
  for (uint32_t bits : {0u, 256u, 1000u, 2040u, 8192u}) {
    auto r = GenerateRsaKey(rng, bits);
    ASSERT_FALSE(r.ok()) << bits;
    EXPECT_EQ(r.error().code, kInvalidKey);
  }
}

}  // namespace
}  // namespace eventlab::cloud::auth
