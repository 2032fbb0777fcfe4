// Verification: every rejection reason with its code, the algorithm-confusion attack, exp/nbf
// exactly at the leeway edges, issuer and audience rules, and the per-check report.
#include <gtest/gtest.h>

#include "cloud/auth/base64url.h"
#include "cloud/auth/jws_signature.h"
#include "cloud/auth/jwt.h"
#include "cloud/auth/rsa_key.h"
#include "cloud/auth/auth_test_support.h"

namespace eventlab::cloud::auth {
namespace {

using testing::AuthVector;

const Key kSecret = SecretKey(std::string(32, 's'), "hmac-1");

/// header.payload.signature from raw JSON texts, HMAC-signed with kSecret.
std::string Token(const std::string& header, const std::string& payload, const Key& key = kSecret) {
  const std::string input = Base64UrlEncode(header) + "." + Base64UrlEncode(payload);
  return input + "." + Base64UrlEncode(ComputeSignature(Algorithm::kHS256, key, input).value());
}

std::string Hs256(const Json& claims) { return SignJwt(Algorithm::kHS256, kSecret, claims).value(); }

VerifyOptions At(int64_t now, int64_t leeway = kDefaultLeewaySeconds) {
  VerifyOptions o;
  o.now_s = now;
  o.leeway_s = leeway;
  return o;
}

const Check* Find(const Verification& v, const std::string& name) {
  for (const Check& c : v.checks) {
    if (c.check == name) return &c;
  }
  return nullptr;
}

Key A2Public() { return KeyFromPem(AuthVector("rfc7515_a2_public.pem")).value(); }

TEST(AuthJwtVerify, SignJwtWritesASortedHeaderWithKid) {
  const std::string token = SignJwt(Algorithm::kHS256, kSecret, Json{{"sub", "alice"}}).value();
  EXPECT_EQ(Base64UrlDecode(token.substr(0, token.find('.'))).value(), R"({"alg":"HS256","kid":"hmac-1","typ":"JWT"})");
  const std::string explicit_kid = SignJwt(Algorithm::kHS256, kSecret, Json{{"sub", "alice"}}, "other").value();
  EXPECT_EQ(VerifyJwt(explicit_kid, kSecret, At(0)).header["kid"], "other");
  EXPECT_EQ(SignJwt(Algorithm::kHS256, kSecret, Json::array()).error().code, kMalformedClaims);
}

TEST(AuthJwtVerify, MalformedTokenIsNotThreeParts) {
  for (const std::string token : {"", "abc", "a.b", "a.b.c.d", "a.b.c.d.e"}) {
    Verification v = VerifyJwt(token, kSecret, At(0));
    EXPECT_EQ(v.code, kMalformedToken) << token;
    EXPECT_EQ(v.checks.size(), 1u);
  }
  EXPECT_NE(VerifyJwt("a.b.c.d.e", kSecret, At(0)).message.find("JWE"), std::string::npos);
}

TEST(AuthJwtVerify, MalformedBase64urlInAnyPart) {
  const std::string good = Hs256(Json{{"sub", "a"}});
  const size_t d1 = good.find('.'), d2 = good.rfind('.');
  Verification header = VerifyJwt("eyJ=" + good.substr(d1), kSecret, At(0));
  EXPECT_EQ(header.code, kMalformedBase64url);
  EXPECT_EQ(header.checks.back().check, "header");
  Verification payload = VerifyJwt(good.substr(0, d1) + ".e30+" + good.substr(d2), kSecret, At(0));
  EXPECT_EQ(payload.code, kMalformedBase64url);
  EXPECT_EQ(payload.checks.back().check, "claims");
  Verification signature = VerifyJwt(good.substr(0, d2) + ".abc/", kSecret, At(0));
  EXPECT_EQ(signature.code, kMalformedBase64url);
  EXPECT_EQ(Find(signature, "signature")->code, kMalformedBase64url);
  EXPECT_NE(signature.message.find("the signature part: '/' at offset 3"), std::string::npos) << signature.message;
}

TEST(AuthJwtVerify, MalformedHeader) {
  const std::string claims = R"({"sub":"a"})";
  struct Case {
    std::string header, code, words;
  };
  const Case cases[] = {
      {"not json", kMalformedHeader, "the header is text, not JSON: \"not json\""},
      {"[\"HS256\"]", kMalformedHeader, "a JSON array, not an object"},
      {R"({"typ":"JWT"})", kMalformedHeader, "no \"alg\""},
      {R"({"alg":256})", kMalformedHeader, "\"alg\" is not a string"},
      {R"({"alg":"HS256","kid":7})", kMalformedHeader, "\"kid\" is not a string"},
      {R"({"alg":"HS256","crit":[]})", kMalformedHeader, "non-empty array"},
      {R"({"alg":"HS256","crit":["exp"],"exp":1})", kUnsupportedCritical, "[\"exp\"]"},
      {"{\"alg\":\"HS256\",\"x\":\"\xff\"}", kMalformedHeader, "the header is not valid UTF-8"},
  };
  for (const Case& c : cases) {
    Verification v = VerifyJwt(Token(c.header, claims), kSecret, At(0));
    EXPECT_EQ(v.code, c.code) << c.header;
    EXPECT_NE(v.message.find(c.words), std::string::npos) << v.message;
  }
}

TEST(AuthJwtVerify, APlainTextPayloadIsCalledTextNotInvalidUtf8) {
  // RFC 7515 appendix A.6-style JWS payloads need not be JSON; a JWT's must be.
  Verification text = VerifyJwt(Token(R"({"alg":"HS256"})", "Hello, world"), kSecret, At(0));
  EXPECT_EQ(text.code, kMalformedClaims);
  EXPECT_NE(text.message.find("the payload is text, not JSON: \"Hello, world\""), std::string::npos) << text.message;
  Verification bad = VerifyJwt(Token(R"({"alg":"HS256"})", "\xc3\x28"), kSecret, At(0));
  EXPECT_NE(bad.message.find("the payload is not valid UTF-8"), std::string::npos) << bad.message;
  EXPECT_EQ(bad.message.find("text, not JSON"), std::string::npos);
}

TEST(AuthJwtVerify, AlgNoneIsRefusedEvenWithAValidLookingSignature) {
  Verification v = VerifyJwt(Token(R"({"alg":"none"})", R"({"sub":"a"})"), kSecret, At(0));
  EXPECT_EQ(v.code, kAlgNone);
  EXPECT_EQ(Find(v, "signature"), nullptr);
}

TEST(AuthJwtVerify, UnexpectedAlgorithmIsTheVerifiersChoice) {
  // The key implies HS256; an RS256 (or ES256) token is refused before any key use.
  EXPECT_EQ(VerifyJwt(Token(R"({"alg":"RS256"})", "{}"), kSecret, At(0)).code, kUnexpectedAlgorithm);
  EXPECT_EQ(VerifyJwt(Token(R"({"alg":"ES256"})", "{}"), kSecret, At(0)).code, kUnexpectedAlgorithm);
  VerifyOptions rs_only = At(0);
  rs_only.algorithms = {Algorithm::kRS256};
  Verification v = VerifyJwt(Hs256(Json::object()), kSecret, rs_only);
  EXPECT_EQ(v.code, kUnexpectedAlgorithm);
  EXPECT_EQ(v.message, "alg: the token's alg \"HS256\" is not accepted (accepted: RS256, chosen by the verifier)");
}

TEST(AuthJwtVerify, Hs256SignedWithTheRsaPublicKeyAsSecretFails) {
  // The attack: take the verifier's RSA public key (PEM text), use it as an HMAC secret.
  const Key rsa_public = A2Public();
  const std::string pem = RsaPublicKeyPem(rsa_public.rsa).value();
  const std::string forged = Token(R"({"alg":"HS256","typ":"JWT"})", R"({"sub":"admin"})", SecretKey(pem));
  // The HMAC itself is right: a verifier that took the key bytes as a secret would accept it.
  ASSERT_TRUE(VerifyJwt(forged, SecretKey(pem), At(0)).ok);

  VerifyOptions both = At(0);
  both.algorithms = {Algorithm::kHS256, Algorithm::kRS256};
  Verification v = VerifyJwt(forged, rsa_public, both);
  EXPECT_FALSE(v.ok);
  EXPECT_EQ(v.code, kKeyAlgorithmMismatch);
  EXPECT_EQ(v.message, "key: HS256 needs a key of type oct (shared secret), and the key is RSA");
  EXPECT_EQ(Find(v, "signature"), nullptr);
  // Without an explicit list, the RSA key implies RS256 only.
  EXPECT_EQ(VerifyJwt(forged, rsa_public, At(0)).code, kUnexpectedAlgorithm);
  // The same through a key set.
  Key with_kid = rsa_public;
  with_kid.kid = "rsa-1";
  EXPECT_EQ(VerifyJwtWithKeys(forged, {with_kid}, both).code, kKeyAlgorithmMismatch);
}

TEST(AuthJwtVerify, KeyAlgorithmMismatchAlsoFollowsTheJwkAlg) {
  Key restricted = A2Public();
  restricted.alg = "HS256";  // not something KeyFromJwk would produce, but the rule must hold
  VerifyOptions rs = At(1300819379);
  rs.algorithms = {Algorithm::kRS256};
  EXPECT_EQ(VerifyJwt(AuthVector("rfc7515_a2_token.txt"), restricted, rs).code, kKeyAlgorithmMismatch);
  // And an HS256 token verified with an oct key against an RS256-only RSA expectation.
  EXPECT_EQ(SignJwt(Algorithm::kRS256, kSecret, Json::object()).error().code, kKeyAlgorithmMismatch);
  EXPECT_EQ(SignJwt(Algorithm::kRS256, A2Public(), Json::object()).error().code, kInvalidKey);
}

TEST(AuthJwtVerify, WeakKeysAreRefusedByDefault) {
  const Key short_secret = SecretKey("0123456789abcdef");
  EXPECT_EQ(SignJwt(Algorithm::kHS256, short_secret, Json::object()).error().code, kWeakKey);
  KeyPolicy lax;
  lax.min_hmac_bytes = 16;
  const std::string token = SignJwt(Algorithm::kHS256, short_secret, Json::object(), "", lax).value();
  Verification v = VerifyJwt(token, short_secret, At(0));
  EXPECT_EQ(v.code, kWeakKey);
  EXPECT_NE(v.message.find("16 bytes; at least 32"), std::string::npos);

  core::Rng rng = core::Rng::ForComponent(7, "auth:weak");
  const Key small = GenerateRsaKey(rng, 1024).value();
  EXPECT_EQ(SignJwt(Algorithm::kRS256, small, Json::object()).error().code, kWeakKey);
  lax.min_rsa_bits = 1024;
  const std::string rs = SignJwt(Algorithm::kRS256, small, Json{{"sub", "a"}}, "", lax).value();
  EXPECT_EQ(VerifyJwt(rs, small, At(0)).code, kWeakKey);
  VerifyOptions o = At(0);
  o.policy = lax;
  EXPECT_TRUE(VerifyJwt(rs, small, o).ok);
}

TEST(AuthJwtVerify, MalformedClaims) {
  const std::string header = R"({"alg":"HS256"})";
  EXPECT_EQ(VerifyJwt(Token(header, "nope"), kSecret, At(0)).code, kMalformedClaims);
  Verification array = VerifyJwt(Token(header, "[1,2]"), kSecret, At(0));
  EXPECT_EQ(array.code, kMalformedClaims);
  EXPECT_NE(array.message.find("a JSON array"), std::string::npos);
  // A registered claim of the wrong type fails its own check; the others still run.
  Verification exp = VerifyJwt(Hs256(Json{{"exp", "tomorrow"}, {"aud", 5}}), kSecret, At(0));
  EXPECT_EQ(exp.code, kMalformedClaims);
  EXPECT_EQ(Find(exp, "exp")->code, kMalformedClaims);
  EXPECT_EQ(Find(exp, "aud")->code, kMalformedClaims);
  EXPECT_TRUE(Find(exp, "signature")->ok);
  VerifyOptions need_exp = At(0);
  need_exp.require_exp = true;
  EXPECT_EQ(VerifyJwt(Hs256(Json::object()), kSecret, need_exp).code, kMalformedClaims);
  EXPECT_TRUE(VerifyJwt(Hs256(Json::object()), kSecret, At(0)).ok);
}

TEST(AuthJwtVerify, BadSignature) {
  const std::string good = Hs256(Json{{"sub", "a"}});
  EXPECT_TRUE(VerifyJwt(good, kSecret, At(0)).ok);
  EXPECT_EQ(VerifyJwt(good, SecretKey(std::string(32, 't')), At(0)).code, kBadSignature);
  EXPECT_EQ(VerifyJwt(good.substr(0, good.rfind('.') + 1), kSecret, At(0)).code, kBadSignature);
  // Swapping in another token's payload.
  const std::string other = Hs256(Json{{"sub", "admin"}});
  const std::string spliced = good.substr(0, good.find('.')) + other.substr(other.find('.'), other.rfind('.') - other.find('.')) +
                              good.substr(good.rfind('.'));
  EXPECT_EQ(VerifyJwt(spliced, kSecret, At(0)).code, kBadSignature);
}

TEST(AuthJwtVerify, ExpBoundaryWithLeeway) {
  const std::string token = Hs256(Json{{"exp", 1000}});
  EXPECT_TRUE(VerifyJwt(token, kSecret, At(1059)).ok);
  EXPECT_EQ(VerifyJwt(token, kSecret, At(1060)).code, kTokenExpired);
  EXPECT_TRUE(VerifyJwt(token, kSecret, At(999, 0)).ok);
  EXPECT_EQ(VerifyJwt(token, kSecret, At(1000, 0)).code, kTokenExpired);
  // A non-integer NumericDate: valid while now < 1000.5.
  const std::string fractional = Hs256(Json{{"exp", 1000.5}});
  EXPECT_TRUE(VerifyJwt(fractional, kSecret, At(1000, 0)).ok);
  EXPECT_EQ(VerifyJwt(fractional, kSecret, At(1001, 0)).code, kTokenExpired);
  // Negative leeway counts as none; huge values do not overflow.
  EXPECT_EQ(VerifyJwt(token, kSecret, At(1000, -5)).code, kTokenExpired);
  EXPECT_EQ(VerifyJwt(Hs256(Json{{"exp", UINT64_MAX}}), kSecret, At(INT64_MAX, INT64_MAX)).code, kTokenExpired);
  EXPECT_TRUE(VerifyJwt(Hs256(Json{{"exp", UINT64_MAX}}), kSecret, At(2000000000)).ok);
}

TEST(AuthJwtVerify, NbfBoundaryWithLeeway) {
  const std::string token = Hs256(Json{{"nbf", 1000}});
  EXPECT_TRUE(VerifyJwt(token, kSecret, At(940)).ok);
  Verification early = VerifyJwt(token, kSecret, At(939));
  EXPECT_EQ(early.code, kTokenNotYetValid);
  EXPECT_EQ(early.message, "nbf: not valid before 1000 (1970-01-01T00:16:40Z); now 939 (1970-01-01T00:15:39Z) is 61 s"
                           " earlier (leeway 60 s)");
  EXPECT_TRUE(VerifyJwt(token, kSecret, At(1000, 0)).ok);
  EXPECT_EQ(VerifyJwt(token, kSecret, At(999, 0)).code, kTokenNotYetValid);
  EXPECT_EQ(VerifyJwt(Hs256(Json{{"nbf", true}}), kSecret, At(0)).code, kMalformedClaims);
}

TEST(AuthJwtVerify, Issuer) {
  VerifyOptions o = At(0);
  o.issuer = "joe";
  EXPECT_TRUE(VerifyJwt(Hs256(Json{{"iss", "joe"}}), kSecret, o).ok);
  EXPECT_EQ(VerifyJwt(Hs256(Json{{"iss", "Joe"}}), kSecret, o).code, kWrongIssuer);  // case-sensitive
  Verification missing = VerifyJwt(Hs256(Json::object()), kSecret, o);
  EXPECT_EQ(missing.code, kWrongIssuer);
  EXPECT_EQ(missing.message, "iss: no \"iss\" claim; expected \"joe\"");
  EXPECT_EQ(VerifyJwt(Hs256(Json{{"iss", 1}}), kSecret, o).code, kMalformedClaims);
  Verification unchecked = VerifyJwt(Hs256(Json{{"iss", "anyone"}}), kSecret, At(0));
  EXPECT_TRUE(unchecked.ok);
  EXPECT_NE(Find(unchecked, "iss")->detail.find("not checked"), std::string::npos);
}

TEST(AuthJwtVerify, AudienceStringOrArray) {
  VerifyOptions o = At(0);
  o.audience = "api";
  EXPECT_TRUE(VerifyJwt(Hs256(Json{{"aud", "api"}}), kSecret, o).ok);
  EXPECT_TRUE(VerifyJwt(Hs256(Json{{"aud", {"web", "api"}}}), kSecret, o).ok);
  Verification wrong = VerifyJwt(Hs256(Json{{"aud", {"web", "mobile"}}}), kSecret, o);
  EXPECT_EQ(wrong.code, kWrongAudience);
  EXPECT_EQ(wrong.message, "aud: the audience [\"web\",\"mobile\"] does not include \"api\"");
  EXPECT_EQ(VerifyJwt(Hs256(Json{{"aud", "API"}}), kSecret, o).code, kWrongAudience);
  EXPECT_EQ(VerifyJwt(Hs256(Json::object()), kSecret, o).code, kWrongAudience);
  EXPECT_EQ(VerifyJwt(Hs256(Json{{"aud", {"api", 1}}}), kSecret, o).code, kMalformedClaims);
  EXPECT_TRUE(VerifyJwt(Hs256(Json{{"aud", "someone-else"}}), kSecret, At(0)).ok);
}

TEST(AuthJwtVerify, KeySetKidSelection) {
  Key rsa = A2Public();
  rsa.kid = "2010-12-29";
  const std::vector<Key> set = {kSecret, rsa};
  EXPECT_TRUE(VerifyJwtWithKeys(Hs256(Json::object()), set, At(0)).ok);  // kid "hmac-1"
  const std::string a2 = AuthVector("rfc7515_a2_token.txt");  // no kid
  Verification missing = VerifyJwtWithKeys(a2, set, At(1300819379));
  EXPECT_EQ(missing.code, kMissingKid);
  EXPECT_EQ(missing.checks.back().check, "kid");
  EXPECT_TRUE(VerifyJwtWithKeys(a2, {rsa}, At(1300819379)).ok);
  const std::string unknown = SignJwt(Algorithm::kHS256, kSecret, Json::object(), "hmac-2").value();
  Verification v = VerifyJwtWithKeys(unknown, set, At(0));
  EXPECT_EQ(v.code, kUnknownKid);
  EXPECT_EQ(v.message, "kid: no key in the set has kid \"hmac-2\" (known: \"2010-12-29\", \"hmac-1\")");
}

TEST(AuthJwtVerify, EveryCheckIsReportedAndTheFirstFailureWins) {
  std::string token = Hs256(Json{{"exp", 10}, {"iss", "mallory"}});
  token.back() = token.back() == 'A' ? 'Q' : 'A';  // both leave the last character's spare bits zero
  VerifyOptions o = At(100);
  o.issuer = "joe";
  Verification v = VerifyJwt(token, kSecret, o);
  EXPECT_EQ(v.code, kBadSignature);
  std::vector<std::string> failed;
  for (const Check& c : v.checks) {
    if (!c.ok) failed.push_back(c.check + ":" + c.code);
  }
  EXPECT_EQ(failed, (std::vector<std::string>{"signature:BadSignature", "exp:TokenExpired", "iss:WrongIssuer"}));
  const Json json = v.ToJson();
  EXPECT_EQ(json["ok"], false);
  EXPECT_EQ(json["code"], "BadSignature");
  EXPECT_EQ(json["claims"]["iss"], "mallory");
  EXPECT_EQ(json["checks"].size(), 10u);
  EXPECT_EQ(json["checks"][5], (Json{{"check", "signature"}, {"ok", false}, {"code", "BadSignature"},
                                     {"detail", "the HS256 signature does not match the header and payload under this key"}}));
  EXPECT_EQ(v.ToError().status, 401);
}

}  // namespace
}  // namespace eventlab::cloud::auth
