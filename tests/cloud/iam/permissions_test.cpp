// Grants, glob matching and deterministic credentials.
#include "cloud/iam/permissions.h"

#include <gtest/gtest.h>

#include "scenario/loader.h"

namespace eventlab::cloud::iam {
namespace {

TEST(PermissionsTest, GlobMatchesLikeIam) {
  EXPECT_TRUE(GlobMatch("s3:*", "s3:PutObject"));
  EXPECT_TRUE(GlobMatch("arn:aws:s3:::images/*", "arn:aws:s3:::images/a/b.jpg"));
  EXPECT_FALSE(GlobMatch("arn:aws:s3:::images/*", "arn:aws:s3:::images2/a.jpg"));
  EXPECT_TRUE(GlobMatch("s3:?etObject", "s3:GetObject"));
  EXPECT_FALSE(GlobMatch("s3:GetObject", "s3:GetObjectAcl"));
  EXPECT_TRUE(GlobMatch("*", ""));
}

TEST(PermissionsTest, GrantsComeFromTheScenario) {
  auto r = scenario::LoadScenario(R"({"version": 1, "resources": {
      "open": {"kind": "function", "handler": []},
      "tight": {"kind": "function", "handler": [], "permissions": [{"action": "s3:PutObject", "resource": "arn:aws:s3:::images/*"}]},
      "browser": {"kind": "client"}}})");
  ASSERT_TRUE(r.ok()) << r.errors[0].Text();
  const WorldConfig& w = *r.scenario->world;
  EXPECT_TRUE(GrantsOf(w, "function:open").Allows("dynamodb:PutItem", "arn:aws:dynamodb:us-east-1:123456789012:table/t"));
  EXPECT_TRUE(GrantsOf(w, "function:tight").Allows("s3:PutObject", "arn:aws:s3:::images/x.jpg"));
  EXPECT_FALSE(GrantsOf(w, "function:tight").Allows("s3:GetObject", "arn:aws:s3:::images/x.jpg"));
  EXPECT_FALSE(GrantsOf(w, "client:browser").Allows("s3:GetObject", "arn:aws:s3:::images/x.jpg"));
  EXPECT_EQ(PrincipalArn(w, "function:tight"), "arn:aws:iam::123456789012:role/tight");
}

TEST(PermissionsTest, AccessKeysMapBackToTheirPrincipal) {
  auto r = scenario::LoadScenario(R"({"version": 1, "resources": {
      "a": {"kind": "function", "handler": []}, "b": {"kind": "function", "handler": []}}})");
  ASSERT_TRUE(r.ok());
  const WorldConfig& w = *r.scenario->world;
  const Credentials a = CredentialsOf(w, "function:a");
  EXPECT_EQ(a.access_key_id.size(), 20u);
  EXPECT_EQ(a.access_key_id.substr(0, 4), "AKIA");
  EXPECT_EQ(a.secret_access_key.size(), 40u);
  EXPECT_NE(a.access_key_id, CredentialsOf(w, "function:b").access_key_id);
  EXPECT_EQ(PrincipalForAccessKey(w, a.access_key_id), "function:a");
  EXPECT_EQ(PrincipalForAccessKey(w, "AKIANOTAKEY"), std::nullopt);
}

TEST(PermissionsTest, BadGrantsAreReportedWithTheirPath) {
  auto r = scenario::LoadScenario(R"({"version": 1, "resources": {
      "f": {"kind": "function", "handler": [], "permissions": [{"action": "PutObject"}, 3]}}})");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.errors[0].path, "/resources/f/permissions/0/action");
  EXPECT_EQ(r.errors[1].path, "/resources/f/permissions/1");
}

}  // namespace
}  // namespace eventlab::cloud::iam
