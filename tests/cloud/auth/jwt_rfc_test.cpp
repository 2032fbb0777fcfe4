// The published examples, byte for byte: RFC 7515 Appendix A.1 (HS256, also RFC 7519 section
// 3.1), Appendix A.2 (RS256: PKCS#1 v1.5 is deterministic, so signing must reproduce it) and the
// unsecured JWT of RFC 7519 section 6.1.
#include <gtest/gtest.h>

#include "cloud/auth/auth_test_support.h"
#include "cloud/auth/base64url.h"
#include "cloud/auth/jwt.h"

namespace eventlab::cloud::auth {
namespace {

using testing::AuthVector;

// RFC 7515 A.1.1 / A.2.1: the exact octets signed, CRLFs and leading spaces included.
constexpr const char* kA1Header = "{\"typ\":\"JWT\",\r\n \"alg\":\"HS256\"}";
constexpr const char* kA2Header = "{\"alg\":\"RS256\"}";
constexpr const char* kPayload = "{\"iss\":\"joe\",\r\n \"exp\":1300819380,\r\n \"http://example.com/is_root\":true}";
constexpr int64_t kExp = 1300819380;

Key A1Key() { return KeyFromJwkText(AuthVector("rfc7515_a1_jwk.json")).value(); }
Key A2Key() { return KeyFromJwkText(AuthVector("rfc7515_a2_jwk.json")).value(); }

VerifyOptions Before(int64_t now) {
  VerifyOptions o;
  o.now_s = now;
  return o;
}

std::vector<std::string> CheckNames(const Verification& v) {
  std::vector<std::string> out;
  for (const Check& c : v.checks) out.push_back(c.check);
  return out;
}

TEST(AuthJwtRfc, A1SigningReproducesThePublishedToken) {
  auto token = SignCompact(Algorithm::kHS256, A1Key(), kA1Header, kPayload);
  ASSERT_TRUE(token.ok()) << token.error().message;
  EXPECT_EQ(token.value(), AuthVector("rfc7515_a1_token.txt"));
  EXPECT_EQ(token.value().substr(token.value().rfind('.') + 1), "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk");
}

TEST(AuthJwtRfc, A1TokenVerifiesWithItsKey) {
  Verification v = VerifyJwt(AuthVector("rfc7515_a1_token.txt"), A1Key(), Before(kExp - 1));
  ASSERT_TRUE(v.ok) << v.code << ": " << v.message;
  EXPECT_EQ(v.header, (Json{{"typ", "JWT"}, {"alg", "HS256"}}));
  EXPECT_EQ(CheckNames(v), (std::vector<std::string>{"structure", "header", "alg", "key", "claims", "signature", "exp",
                                                     "nbf", "iss", "aud"}));
  for (const Check& c : v.checks) EXPECT_TRUE(c.ok && c.code.empty()) << c.check;
}

TEST(AuthJwtRfc, Rfc7519Section31ClaimsAreDecoded) {
  // RFC 7519 section 3.1 uses the same token; its claims set is this object.
  Verification v = VerifyJwt(AuthVector("rfc7515_a1_token.txt"), A1Key(), Before(kExp));
  ASSERT_TRUE(v.ok) << v.message;
  EXPECT_EQ(v.claims, (Json{{"iss", "joe"}, {"exp", 1300819380}, {"http://example.com/is_root", true}}));
}

TEST(AuthJwtRfc, A1TokenIsExpiredTodayAndTamperingBreaksIt) {
  Verification late = VerifyJwt(AuthVector("rfc7515_a1_token.txt"), A1Key(), Before(kExp + kDefaultLeewaySeconds));
  EXPECT_FALSE(late.ok);
  EXPECT_EQ(late.code, kTokenExpired);
  EXPECT_EQ(late.message, "exp: expired at 1300819380 (2011-03-22T18:43:00Z); now 1300819440 (2011-03-22T18:44:00Z)"
                          " is 60 s later (leeway 60 s)");
  // The last character of a 32-byte signature carries 4 bits; 'k' -> 'g' keeps the spare bits zero.
  std::string token = AuthVector("rfc7515_a1_token.txt");
  ASSERT_EQ(token.back(), 'k');
  token.back() = 'g';
  EXPECT_EQ(VerifyJwt(token, A1Key(), Before(kExp - 1)).code, kBadSignature);
}

TEST(AuthJwtRfc, A2SigningReproducesThePublishedSignatureByteForByte) {
  auto token = SignCompact(Algorithm::kRS256, A2Key(), kA2Header, kPayload);
  ASSERT_TRUE(token.ok()) << token.error().message;
  EXPECT_EQ(token.value(), AuthVector("rfc7515_a2_token.txt"));
}

TEST(AuthJwtRfc, A2SigningFromPemOrFromNEDAloneGivesTheSameToken) {
  auto pem = KeyFromPem(AuthVector("rfc7515_a2_private.pem"));
  ASSERT_TRUE(pem.ok());
  EXPECT_EQ(SignCompact(Algorithm::kRS256, pem.value(), kA2Header, kPayload).value(), AuthVector("rfc7515_a2_token.txt"));
  Json ned = Json::parse(AuthVector("rfc7515_a2_jwk.json"));
  for (const char* name : {"p", "q", "dp", "dq", "qi"}) ned.erase(name);
  EXPECT_EQ(SignCompact(Algorithm::kRS256, KeyFromJwk(ned).value(), kA2Header, kPayload).value(),
            AuthVector("rfc7515_a2_token.txt"));
}

TEST(AuthJwtRfc, A2TokenVerifiesWithThePublicKey) {
  Key pub = KeyFromPem(AuthVector("rfc7515_a2_public.pem")).value();
  Verification v = VerifyJwt(AuthVector("rfc7515_a2_token.txt"), pub, Before(kExp - 1));
  ASSERT_TRUE(v.ok) << v.code << ": " << v.message;
  EXPECT_EQ(v.header, (Json{{"alg", "RS256"}}));
  EXPECT_EQ(v.claims["iss"], "joe");
  EXPECT_EQ(v.checks[3].detail, "2048-bit RSA key");
  // Any change to the signed bytes fails: "joe" becomes "jon" in the payload.
  std::string payload = kPayload;
  payload.replace(payload.find("joe"), 3, "jon");
  const std::string original = AuthVector("rfc7515_a2_token.txt");
  const std::string token = original.substr(0, original.find('.') + 1) + Base64UrlEncode(payload) +
                            original.substr(original.rfind('.'));
  EXPECT_EQ(VerifyJwt(token, pub, Before(kExp - 1)).code, kBadSignature);
}

TEST(AuthJwtRfc, Rfc7519Section61UnsecuredJwtIsRefused) {
  const std::string unsecured =
      "eyJhbGciOiJub25lIn0.eyJpc3MiOiJqb2UiLA0KICJleHAiOjEzMDA4MTkzODAsDQogImh0dHA6Ly9leGFtcGxlLmNvbS9pc19yb290Ijp0cnVlfQ.";
  VerifyOptions o = Before(kExp - 1);
  o.algorithms = {Algorithm::kHS256, Algorithm::kRS256};
  Verification v = VerifyJwt(unsecured, A1Key(), o);
  EXPECT_FALSE(v.ok);
  EXPECT_EQ(v.code, kAlgNone);
  EXPECT_EQ(v.header, (Json{{"alg", "none"}}));
  EXPECT_EQ(v.checks.back().check, "alg");
}

}  // namespace
}  // namespace eventlab::cloud::auth
