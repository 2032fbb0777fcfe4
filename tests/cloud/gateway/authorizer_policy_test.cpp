// The reusable authorizer pieces: input events, identity sources, method ARNs, policy evaluation
// and verdicts, and the result cache's TTL boundary.
#include <gtest/gtest.h>

#include "cloud/iam/permissions.h"

#include "cloud/gateway/authorizer.h"
#include "cloud/gateway/authorizer_cache.h"

namespace eventlab::cloud::gateway {
namespace {

using core::Json;

const std::string kArn = "arn:aws:execute-api:us-east-1:123456789012:abcde12345/prod/GET/images/7";

Json Policy(const std::string& effect, const Json& resource, const Json& context = Json()) {
  Json out = {{"principalId", "auth0|alice"},
              {"policyDocument", {{"Version", "2012-10-17"},
                                  {"Statement", {{{"Action", "execute-api:Invoke"}, {"Effect", effect}, {"Resource", resource}}}}}}};
  if (!context.is_null()) out["context"] = context;
  return out;
}

TEST(AuthorizerPolicy, EventShapes) {
  EXPECT_EQ(MethodArn("us-east-1", "123456789012", "abcde12345", "prod", "GET", "/images/7"), kArn);
  EXPECT_EQ(MethodArn("us-east-1", "1", "a", "prod", "GET", "/"), "arn:aws:execute-api:us-east-1:1:a/prod/GET/");
  EXPECT_EQ(TokenAuthorizerEvent("Bearer x", kArn),
            (Json{{"type", "TOKEN"}, {"authorizationToken", "Bearer x"}, {"methodArn", kArn}}));
  Json req = RequestAuthorizerEvent(kArn, {{"resource", "/images/{id}"}, {"path", "/images/7"}, {"httpMethod", "GET"},
                                           {"body", "dropped"}, {"headers", {{"A", "b"}}}});
  EXPECT_EQ(req["type"], "REQUEST");
  EXPECT_EQ(req["methodArn"], kArn);
  EXPECT_EQ(req["resource"], "/images/{id}");
  EXPECT_EQ(req["headers"]["A"], "b");
  EXPECT_TRUE(req["stageVariables"].is_null());
  EXPECT_TRUE(req.contains("multiValueQueryStringParameters"));
  EXPECT_FALSE(req.contains("body"));
  EXPECT_EQ(req.size(), 12u);
}

TEST(AuthorizerPolicy, IdentitySources) {
  AuthorizerConfig a;
  a.identity_sources = {"method.request.header.Authorization", "method.request.querystring.token"};
  auto v = IdentityValues(a, {{"authorization", "Bearer t"}}, {{"token", "q"}});
  ASSERT_TRUE(v.has_value());  // header names are case-insensitive
  EXPECT_EQ(*v, (std::vector<std::string>{"Bearer t", "q"}));
  EXPECT_FALSE(IdentityValues(a, {{"Authorization", "Bearer t"}}, Json()).has_value());
  EXPECT_FALSE(IdentityValues(a, {{"Authorization", ""}}, {{"token", "q"}}).has_value());
  EXPECT_FALSE(CheckIdentitySource("method.request.path.id").empty());
  EXPECT_TRUE(CheckIdentitySource("method.request.header.Authorization").empty());
}

TEST(AuthorizerPolicy, ExplicitDenyWinsOverAllow) {
  auto out = ParseAuthorizerOutput(Policy("Allow", "*"));
  ASSERT_TRUE(out.has_value());
  out->statements.push_back({false, {"execute-api:Invoke"}, {"arn:aws:execute-api:*:*:*/prod/GET/images/*"}});
  AuthorizerVerdict v = Evaluate(*out, kArn);
  EXPECT_FALSE(v.allowed);
  EXPECT_EQ(v.error.status, 403);
  EXPECT_EQ(v.error.message, "User is not authorized to access this resource with an explicit deny");
}

TEST(AuthorizerPolicy, NoMatchingAllowIs403) {
  AuthorizerVerdict v = VerdictFromReply(Policy("Allow", "arn:aws:execute-api:us-east-1:123456789012:abcde12345/prod/POST/*"), kArn);
  EXPECT_FALSE(v.allowed);
  EXPECT_EQ(v.error.status, 403);
  EXPECT_EQ(v.error.message, "User is not authorized to access this resource");
}

TEST(AuthorizerPolicy, MatchingAllowCarriesPrincipalAndContext) {
  AuthorizerVerdict v = VerdictFromReply(Policy("Allow", Json::array({"arn:aws:execute-api:us-east-1:123456789012:abcde12345/prod/GET/*"}),
                                                {{"scope", "read"}, {"n", 3}}),
                                         kArn);
  ASSERT_TRUE(v.allowed) << v.error.message;
  EXPECT_EQ(v.authorizer_context["principalId"], "auth0|alice");
  EXPECT_EQ(v.authorizer_context["scope"], "read");
  EXPECT_EQ(v.authorizer_context["n"], 3);
}

TEST(AuthorizerPolicy, UnauthorizedErrorIs401AndOtherFailuresAre500) {
  AuthorizerVerdict unauthorized = VerdictFromReply(core::Error{"Unauthorized", "Unauthorized", 401}, kArn);
  EXPECT_EQ(unauthorized.error.status, 401);
  EXPECT_EQ(unauthorized.error.message, "Unauthorized");
  AuthorizerVerdict other = VerdictFromReply(core::Error{"Boom", "something broke", 500}, kArn);
  EXPECT_EQ(other.error.status, 500);
  EXPECT_EQ(other.error.code, "AuthorizerConfigurationException");
  EXPECT_EQ(VerdictFromReply(Json{{"principalId", "x"}}, kArn).error.status, 500);
  EXPECT_EQ(VerdictFromReply(Policy("Maybe", "*"), kArn).error.status, 500);
  EXPECT_EQ(VerdictFromReply(Policy("Allow", "*", {{"nested", {{"a", 1}}}}), kArn).error.status, 500);
}

TEST(AuthorizerCacheTest, HitUntilTtlThenMiss) {
  AuthorizerCache cache;
  auto out = ParseAuthorizerOutput(Policy("Allow", "*"));
  const core::SimTime t0 = core::SimTime::Seconds(10), ttl = core::SimTime::Seconds(300);
  EXPECT_EQ(cache.Lookup("jwt\nA", t0), nullptr);
  cache.Store("jwt\nA", "jwt", *out, t0, ttl, 0);
  EXPECT_NE(cache.Lookup("jwt\nA", t0 + ttl - core::SimTime::Seconds(1)), nullptr);
  EXPECT_EQ(cache.Lookup("jwt\nB", t0), nullptr);  // another token
  EXPECT_EQ(cache.Lookup("jwt\nA", t0 + ttl), nullptr);
  EXPECT_EQ(cache.hits, 1u);
  EXPECT_EQ(cache.misses, 3u);
  EXPECT_TRUE(cache.entries.empty());  // the expired entry was dropped
  cache.Store("jwt\nA", "jwt", *out, t0, core::SimTime{}, 0);  // TTL 0 disables caching
  EXPECT_TRUE(cache.entries.empty());
}

TEST(AuthorizerPolicy, GlobMatch) {
  EXPECT_TRUE(iam::GlobMatch("*", "anything"));
  EXPECT_TRUE(iam::GlobMatch("a*/GET/*", "abc/GET/x/y"));
  EXPECT_TRUE(iam::GlobMatch("a?c", "abc"));
  EXPECT_FALSE(iam::GlobMatch("a*/POST/*", "abc/GET/x"));
}

}  // namespace
}  // namespace eventlab::cloud::gateway
