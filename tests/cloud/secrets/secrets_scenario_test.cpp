// web/scenarios/secrets.json tells its story: an HS256 authorizer with cached key reads, a rotation,
// a stale cached key recovered by one uncached refetch, an exact-ARN denial and a SecureString read.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "support/run_scenario.h"

namespace eventlab::cloud::secrets {
namespace {

using core::Json;

TEST(SecretsScenarioTest, TheVerifierSurvivesTheRotation) {
  api::Lab lab;
  testing::LoadAndRun(lab, testing::ReadSourceFile("web/scenarios/secrets.json"));
  std::vector<Json> api_results;  // what the authorizer answered: a policy, or an error
  std::vector<std::string> api_cache;
  int denied = 0, bad_signatures = 0;
  for (const auto& r : lab.Trace()) {
    const core::Event& e = r.event;
    if (e.kind == "function.invoke.result" && e.from == "function:api-check") {
      api_results.push_back(e.error ? Json{{"error", e.error->message}} : e.payload);
    }
    if (e.from == "function:api-check" && (e.kind == "function.cache_hit" || e.kind == "function.cache_miss")) {
      api_cache.push_back(e.kind == "function.cache_hit" ? "hit" : e.payload["reason"].get<std::string>());
    }
    if (e.kind == "function.invoke.result" && e.from == "function:intruder" && e.error &&
        e.error->code == "AccessDeniedException") {
      ++denied;
    }
    if (e.kind == "jwt.verify.result" && e.error && e.error->code == "BadSignature") ++bad_signatures;
  }
  EXPECT_EQ(api_cache, (std::vector<std::string>{"new container", "hit", "new container", "hit", "hit", "expired", "hit"}));
  ASSERT_EQ(api_results.size(), 7u);
  for (size_t i = 0; i < 6; ++i) {
    EXPECT_EQ(api_results[i]["policyDocument"]["Statement"][0]["Effect"], "Allow") << i;
    EXPECT_EQ(api_results[i]["principalId"], "alice") << i;
  }
  // The token signed before the rotation is refused once the verifier has the new key: the
  // authorizer fails "Unauthorized" and the API answers 401.
  EXPECT_EQ(api_results[6]["error"], "Unauthorized");
  const core::Event* last = nullptr;
  for (const auto& r : lab.Trace())
    if (r.event.kind == "http.request.result" && r.event.to == "client:alice") last = &r.event;
  ASSERT_NE(last, nullptr);
  ASSERT_TRUE(last->error.has_value());
  EXPECT_EQ(last->error->status, 401);
  // After the rotation the stale cached key failed, and the refetched current one verified.
  EXPECT_EQ(api_results[4]["context"]["key_version"], api_results[5]["context"]["key_version"]);
  EXPECT_NE(api_results[3]["context"]["key_version"], api_results[4]["context"]["key_version"]);
  EXPECT_EQ(bad_signatures, 3);
  EXPECT_EQ(denied, 1);
  const Json state = lab.State();
  EXPECT_EQ(state["resources"]["jwt-signing-key"]["rotations"], 1);
  EXPECT_EQ(state["resources"]["db-password"]["reads"], 2);
}

}  // namespace
}  // namespace eventlab::cloud::secrets
