// Loading "api" resources: routes, methods, path syntax, function references, conflicts.
#include <gtest/gtest.h>

#include "api/lab.h"

namespace eventlab::cloud::gateway {
namespace {

std::vector<std::string> Problems(const std::string& api) {
  api::Lab lab;
  auto errors = lab.Load(R"({"version": 1, "resources": {"f": {"kind": "function", "handler": [{"return": 1}]},
                              "q": {"kind": "queue"}, "web": )" + api + "}}");
  std::vector<std::string> out;
  for (const auto& e : errors) out.push_back(e.Text());
  return out;
}

bool Mentions(const std::vector<std::string>& problems, const std::string& text) {
  for (const auto& p : problems) {
    if (p.find(text) != std::string::npos) return true;
  }
  return false;
}

TEST(ApiLoaderTest, AcceptsAValidApi) {
  EXPECT_TRUE(Problems(R"({"kind": "api", "stage": "v1", "description": "d", "id": "a1b2c3d4e5",
                           "routes": {"GET /images/{id}": "f", "ANY /{proxy+}": "f", "$default": "f", "GET /": "f"}})")
                  .empty());
}

TEST(ApiLoaderTest, RejectsBadRoutes) {
  auto p = Problems(R"({"kind": "api", "routes": {"FETCH /a": "f", "GET a": "f", "GET /b/{proxy+}/c": "f",
                                                   "GET /c": "nope", "GET /d": "q", "nospace": "f"}})");
  EXPECT_TRUE(Mentions(p, "/resources/web/routes/FETCH ~1a")) << ::testing::PrintToString(p);
  EXPECT_TRUE(Mentions(p, "unknown method \"FETCH\""));
  EXPECT_TRUE(Mentions(p, "bad path \"a\""));
  EXPECT_TRUE(Mentions(p, "greedy"));
  EXPECT_TRUE(Mentions(p, "no resource named \"nope\""));
  EXPECT_TRUE(Mentions(p, "\"q\" is a queue, not a function"));
  EXPECT_TRUE(Mentions(p, "\"METHOD /path\""));
}

TEST(ApiLoaderTest, RejectsSiblingVariablesWithDifferentNames) {
  auto p = Problems(R"({"kind": "api", "routes": {"GET /a/{x}": "f", "GET /a/{y}": "f"}})");
  ASSERT_EQ(p.size(), 1u);
  EXPECT_TRUE(Mentions(p, "conflicts with route \"GET /a/{x}\""));
  EXPECT_TRUE(Mentions(p, "only one is allowed"));
}

TEST(ApiLoaderTest, RejectsBadStageIdAndUnknownKeys) {
  auto p = Problems(R"({"kind": "api", "stage": "bad stage", "id": "ABC", "colour": "red"})");
  EXPECT_TRUE(Mentions(p, "/resources/web/stage"));
  EXPECT_TRUE(Mentions(p, "/resources/web/id"));
  EXPECT_TRUE(Mentions(p, "colour"));
}

TEST(ApiLoaderTest, ApiUrlCallChecksTheApiName) {
  api::Lab lab;
  auto errors = lab.Load(R"({"version": 1, "resources": {"c": {"kind": "client"}},
      "script": [{"at": "0s", "client": "c", "call": "api.url", "with": {"api": "missing"}}]})");
  ASSERT_FALSE(errors.empty());
  EXPECT_NE(errors[0].Text().find("no resource named \"missing\""), std::string::npos);
}

TEST(ApiLoaderTest, GatewayPayloadLimitIsReadFromLimits) {
  api::Lab lab;
  const std::string rest = R"(, "resources": {"c": {"kind": "client"}}})";
  auto ok = lab.Load(R"({"version": 1, "limits": {"gateway_payload_bytes": 1024})" + rest);
  for (const auto& e : ok) ADD_FAILURE() << e.Text();
  auto bad = lab.Load(R"({"version": 1, "limits": {"gateway_payload_bytes": 0})" + rest);
  ASSERT_EQ(bad.size(), 1u);
  EXPECT_NE(bad[0].Text().find("/limits/gateway_payload_bytes"), std::string::npos);
}

}  // namespace
}  // namespace eventlab::cloud::gateway
