// base64url: RFC 4648 section 10 vectors in the URL-safe alphabet, RFC 7515 Appendix C, and every
// malformed input refused with its reason.
#include <gtest/gtest.h>

#include "cloud/auth/base64url.h"

namespace eventlab::cloud::auth {
namespace {

TEST(AuthBase64Url, EncodesRfc4648VectorsWithoutPadding) {
  const std::pair<const char*, const char*> vectors[] = {{"", ""},           {"f", "Zg"},         {"fo", "Zm8"},
                                                         {"foo", "Zm9v"},    {"foob", "Zm9vYg"},  {"fooba", "Zm9vYmE"},
                                                         {"foobar", "Zm9vYmFy"}};
  for (const auto& [plain, encoded] : vectors) {
    EXPECT_EQ(Base64UrlEncode(plain), encoded);
    auto back = Base64UrlDecode(encoded);
    ASSERT_TRUE(back.ok()) << encoded;
    EXPECT_EQ(back.value(), plain);
  }
}

TEST(AuthBase64Url, Rfc7515AppendixCExampleUsesTheUrlSafeAlphabet) {
  const std::string bytes = {'\x03', '\xec', '\xff', '\xe0', '\xc1'};
  EXPECT_EQ(Base64UrlEncode(bytes), "A-z_4ME");
  auto back = Base64UrlDecode("A-z_4ME");
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(back.value(), bytes);
}

TEST(AuthBase64Url, Rfc7515A1HeaderOctetsEncodeAsPublished) {
  // The octets of RFC 7515 A.1.1's header, with its CRLF and leading space.
  EXPECT_EQ(Base64UrlEncode("{\"typ\":\"JWT\",\r\n \"alg\":\"HS256\"}"), "eyJ0eXAiOiJKV1QiLA0KICJhbGciOiJIUzI1NiJ9");
}

TEST(AuthBase64Url, RejectsMalformedInputWithAReason) {
  struct Case {
    std::string text;
    const char* reason;
  };
  const Case cases[] = {
      {"Zg==", "padding is omitted"},
      {"Zm9v+g", "base64url uses '-' and '_'"},
      {"Zm9v/g", "base64url uses '-' and '_'"},
      {"Zm9 v", "byte 0x20 at offset 3"},
      {"Zm9v\nYg", "byte 0x0a at offset 4"},
      {"Zm9vY", "leaves one character over"},
      {"Zh", "non-zero unused bits"},
      {"Zm9", "non-zero unused bits"},
      {std::string("Zm\xc3\xa9"), "byte 0xc3 at offset 2"},
  };
  for (const Case& c : cases) {
    auto r = Base64UrlDecode(c.text);
    ASSERT_FALSE(r.ok()) << c.text;
    EXPECT_EQ(r.error().code, kMalformedBase64url);
    EXPECT_NE(r.error().message.find(c.reason), std::string::npos) << r.error().message;
  }
  // "Zm8" is the canonical spelling of "fo"; "Zm9" (above) differs only in the unused bits.
  EXPECT_TRUE(Base64UrlDecode("Zm8").ok());
}

TEST(AuthBase64Url, RoundTripsEveryByteValue) {
  std::string all;
  for (int i = 0; i < 256; ++i) all.push_back(static_cast<char>(i));
  for (size_t len = 0; len <= all.size(); len += 37) {
    const std::string part = all.substr(0, len);
    const std::string encoded = Base64UrlEncode(part);
    EXPECT_EQ(encoded.find_first_of("+/="), std::string::npos);
    auto back = Base64UrlDecode(encoded);
    ASSERT_TRUE(back.ok());
    EXPECT_EQ(back.value(), part);
  }
}

}  // namespace
}  // namespace eventlab::cloud::auth
