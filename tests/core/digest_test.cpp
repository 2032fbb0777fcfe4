// MD5 against RFC 1321's test suite, and synthetic bodies against an independent computation.
#include "core/digest.h"

#include <gtest/gtest.h>

#include <string>

namespace eventlab::core {
namespace {

TEST(DigestTest, Md5MatchesRfc1321TestSuite) {
  EXPECT_EQ(Md5Hex(""), "d41d8cd98f00b204e9800998ecf8427e");
  EXPECT_EQ(Md5Hex("a"), "0cc175b9c0f1b6a831c399e269772661");
  EXPECT_EQ(Md5Hex("abc"), "900150983cd24fb0d6963f7d28e17f72");
  EXPECT_EQ(Md5Hex("message digest"), "f96b697d7cb7938d525a2f31aaf161d0");
  EXPECT_EQ(Md5Hex("12345678901234567890123456789012345678901234567890123456789012345678901234567890"),
            "57edf4a22be3c955ac49da2e2107b67a");
}

TEST(DigestTest, SyntheticBodyDigestEqualsTheDigestOfItsBytes) {
  for (uint64_t size : {0ull, 1ull, 250ull, 251ull, 252ull, 16064ull, 16065ull, 100000ull}) {
    std::string bytes(size, '\0');
    for (uint64_t i = 0; i < size; ++i) bytes[i] = static_cast<char>(i % 251);
    EXPECT_EQ(SyntheticMd5Hex(size), Md5Hex(bytes)) << size;
  }
  // Computed independently (Python hashlib over bytes(i % 251 for i in range(300000))).
  EXPECT_EQ(SyntheticMd5Hex(300000), "34fadf2975834e9a357ec41d3e6df067");
}

TEST(DigestTest, SyntheticDigestsResumeFromTheStateTableAtEveryStride) {
  // Around the first strides, against the bytes themselves: a wrong table entry or a wrong resume
  // (state, byte count, phase of the 251-byte period) changes these.
  std::string bytes(3 * kSyntheticMd5Stride + 1000, '\0');
  for (uint64_t i = 0; i < bytes.size(); ++i) bytes[i] = static_cast<char>(i % 251);
  for (uint64_t size : {kSyntheticMd5Stride - 1, kSyntheticMd5Stride, kSyntheticMd5Stride + 1,
                        2 * kSyntheticMd5Stride + 12345, 3 * kSyntheticMd5Stride + 1000}) {
    EXPECT_EQ(SyntheticMd5Hex(size), Md5Hex(std::string_view(bytes).substr(0, size))) << size;
  }
  // Far along the table, computed independently (Python hashlib over the bytes i % 251).
  EXPECT_EQ(SyntheticMd5Hex((100ULL << 20) + 3), "f0988c15923c8e619ccd363003b71189");
  EXPECT_EQ(SyntheticMd5Hex(kMaxSyntheticBodyBytes), "ac33319b96eb95d69c6aeb1bca7427a3");
}

TEST(DigestTest, SyntheticBodiesLargerThanASinglePutAreRefused) {
  Json ok = {{"$body", {{"size", kMaxSyntheticBodyBytes}}}};
  EXPECT_TRUE(CompleteSyntheticBodies(ok));
  EXPECT_EQ(ok["$body"]["md5"], "ac33319b96eb95d69c6aeb1bca7427a3");
  Json over = {{"$body", {{"size", kMaxSyntheticBodyBytes + 1}}}};
  EXPECT_FALSE(CompleteSyntheticBodies(over));
  Json tebibytes = {{"$body", {{"size", 5497558138880ULL}}}};
  EXPECT_FALSE(CompleteSyntheticBodies(tebibytes));
}

TEST(DigestTest, PayloadSizeCountsNestedSyntheticBodiesAtTheirDeclaredSize) {
  const Json event = {{"body", SyntheticBody(8388608)}, {"path", "/images"}};
  EXPECT_EQ(PayloadSize(event), Json({{"body", ""}, {"path", "/images"}}).dump().size() + 8388608);
  EXPECT_EQ(PayloadSize(SyntheticBody(5)), 5u);
  EXPECT_EQ(PayloadSize(Json("abc")), 3u);
}

TEST(DigestTest, BodySizeCountsSyntheticStringAndJsonBodies) {
  EXPECT_EQ(BodySize(SyntheticBody(10485760)), 10485760u);
  EXPECT_EQ(BodySize(Json("hello")), 5u);
  EXPECT_EQ(BodySize(Json{{"a", 1}}), 7u);
  EXPECT_TRUE(IsSyntheticBody(SyntheticBody(3)));
  EXPECT_FALSE(IsSyntheticBody(Json{{"$body", 3}}));
}

}  // namespace
}  // namespace eventlab::core
