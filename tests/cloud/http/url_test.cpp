// URL parsing and SigV4's UriEncode.
#include "cloud/http/url.h"

#include <gtest/gtest.h>

#include "support/run_scenario.h"

namespace eventlab::cloud::http {
namespace {

TEST(UrlTest, ParsesHostPathAndDecodedQuery) {
  auto u = ParseUrl("https://Images.S3.amazonaws.com:443/photos/a%20b.jpg?X-Amz-Expires=60&x=a%2Fb+c#frag");
  ASSERT_TRUE(u);
  EXPECT_EQ(u->scheme, "https");
  EXPECT_EQ(u->host, "images.s3.amazonaws.com");
  EXPECT_EQ(u->path, "/photos/a%20b.jpg");
  ASSERT_EQ(u->query.size(), 2u);
  EXPECT_EQ(u->query[0], (std::pair<std::string, std::string>{"X-Amz-Expires", "60"}));
  EXPECT_EQ(u->query[1].second, "a/b c");
  EXPECT_EQ(ParseUrl("https://h")->path, "/");
}

TEST(UrlTest, RejectsWhatIsNotAUrl) {
  std::string why;
  EXPECT_FALSE(ParseUrl("images/a.jpg", &why));
  EXPECT_FALSE(why.empty());
  EXPECT_FALSE(ParseUrl("https:///a"));
  EXPECT_FALSE(ParseUrl("https://h/?a=%zz"));
  EXPECT_FALSE(PercentDecode("%4", false));
}

TEST(UrlTest, UriEncodeFollowsSigV4) {
  EXPECT_EQ(UriEncode("a b/c~d_e-f.g*", true), "a%20b/c~d_e-f.g%2A");
  EXPECT_EQ(UriEncode("a/b", false), "a%2Fb");
  EXPECT_EQ(UriEncode("\xc3\xa9", false), "%C3%A9");
}

TEST(HttpRequestTest, AnUnknownHostFailsBeforeSendingAndTheClientSeesIt) {
  api::Lab lab;
  eventlab::testing::LoadAndRun(lab, R"({"version": 1, "resources": {"c": {"kind": "client"}},
      "script": [{"at": "0s", "client": "c", "call": "http.request", "with": {"method": "GET", "url": "https://nowhere.example/x"}}]})");
  const core::Event* answer = eventlab::testing::Find(lab, "http.request.result");
  ASSERT_NE(answer, nullptr);
  ASSERT_TRUE(answer->error);
  EXPECT_EQ(answer->error->code, "UnknownHost");
}

}  // namespace
}  // namespace eventlab::cloud::http
