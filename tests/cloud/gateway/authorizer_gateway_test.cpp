// Lambda authorizers on a REST API through whole scenarios: the TOKEN event, 401/403/500 answers,
// a missing token answered without invoking, the cache hit record, and requestContext.authorizer.
#include <gtest/gtest.h>

#include "support/run_scenario.h"

namespace eventlab::cloud::gateway {
namespace {

using core::Json;
using eventlab::testing::Find;
using eventlab::testing::LoadAndRun;

constexpr const char* kUrl = "https://abcde12345.execute-api.us-east-1.amazonaws.com/prod/images";

// The authorizer answers by token: "allow" / "deny" policies, "boom" fails, anything else is Unauthorized.
std::string Scenario(const std::string& calls, const std::string& authorizer = R"("type": "TOKEN", "function": "auth")") {
  const std::string policy = R"({"principalId": "user-1", "context": {"tier": "gold"}, "policyDocument": {"Version": "2012-10-17",
      "Statement": [{"Action": "execute-api:Invoke", "Effect": "EFFECT", "Resource": "${event.methodArn}"}]}})";
  std::string allow = policy, deny = policy;
  allow.replace(allow.find("EFFECT"), 6, "Allow");
  deny.replace(deny.find("EFFECT"), 6, "Deny");
  return R"({"version": 1, "resources": {"c": {"kind": "client"},
      "web": {"kind": "api", "id": "abcde12345", "authorizers": {"jwt": {)" + authorizer + R"(}},
              "routes": {"GET /images": {"function": "f", "authorizer": "jwt"}}},
      "f": {"kind": "function", "handler": [{"return": {"statusCode": 200, "body": "${event.requestContext.authorizer.principalId}"}}]},
      "auth": {"kind": "function", "handler": [
        {"if": {"eq": ["${event.authorizationToken}", "allow"]}, "then": [{"return": )" + allow + R"(}]},
        {"if": {"eq": ["${event.authorizationToken}", "deny"]}, "then": [{"return": )" + deny + R"(}]},
        {"if": {"eq": ["${event.authorizationToken}", "boom"]}, "then": [{"fail": {"code": "Boom", "message": "boom", "status": 500}}]},
        {"fail": {"code": "Unauthorized", "message": "Unauthorized", "status": 401}}]}},
      "script": )" + calls + "}";
}

std::string Get(const std::string& at, const std::string& token) {
  std::string headers = token.empty() ? "{}" : R"({"Authorization": ")" + token + R"("})";
  return R"({"at": ")" + at + R"(", "client": "c", "call": "http.request", "with": {"method": "GET", "url": ")" + kUrl +
         R"(", "headers": )" + headers + "}}";
}

// Status of each client reply, in trace order.
std::vector<int64_t> Statuses(const api::Lab& lab) {
  std::vector<int64_t> out;
  for (const auto& r : lab.Trace()) {
    if (r.event.kind != "http.request.result" || r.event.to != "client:c") continue;
    out.push_back(r.event.error ? r.event.error->status : r.event.payload.value("statusCode", int64_t{0}));
  }
  return out;
}

size_t Count(const api::Lab& lab, const std::string& kind, const std::string& to) {
  size_t n = 0;
  for (const auto& r : lab.Trace()) n += r.event.kind == kind && r.event.to == to ? 1 : 0;
  return n;
}

TEST(AuthorizerGateway, AnswersFollowTheAuthorizer) {
  api::Lab lab;
  LoadAndRun(lab, Scenario("[" + Get("0s", "allow") + "," + Get("2s", "deny") + "," + Get("4s", "boom") + "," +
                           Get("6s", "bad") + "," + Get("8s", "") + "]"));
  EXPECT_EQ(Statuses(lab), (std::vector<int64_t>{200, 403, 500, 401, 401}));
  // The missing token is refused without invoking the authorizer.
  EXPECT_EQ(Count(lab, "function.invoke", "function:auth"), 4u);
  std::vector<std::string> messages;
  for (const auto& r : lab.Trace()) {
    if (r.event.kind == "http.request.result" && r.event.error) messages.push_back(r.event.error->code + ": " + r.event.error->message);
  }
  EXPECT_EQ(messages, (std::vector<std::string>{
                          "AccessDeniedException: User is not authorized to access this resource with an explicit deny",
                          "AuthorizerConfigurationException: null", "UnauthorizedException: Unauthorized",
                          "UnauthorizedException: Unauthorized"}));
}

TEST(AuthorizerGateway, TokenEventAndAuthorizerContext) {
  api::Lab lab;
  LoadAndRun(lab, Scenario("[" + Get("0s", "allow") + "]"));
  const core::Event* invoke = Find(lab, "function.invoke", "function:auth");
  ASSERT_NE(invoke, nullptr);
  EXPECT_EQ(invoke->from, "api:web");
  EXPECT_EQ(invoke->payload, (Json{{"type", "TOKEN"}, {"authorizationToken", "allow"},
                                   {"methodArn", "arn:aws:execute-api:us-east-1:123456789012:abcde12345/prod/GET/images"}}));
  const core::Event* integration = Find(lab, "function.invoke", "function:f");
  ASSERT_NE(integration, nullptr);
  const Json& a = integration->payload["requestContext"]["authorizer"];
  EXPECT_EQ(a["principalId"], "user-1");
  EXPECT_EQ(a["tier"], "gold");
  EXPECT_TRUE(a["integrationLatency"].is_number_integer());
  EXPECT_GT(a["integrationLatency"].get<int64_t>(), 0);
}

TEST(AuthorizerGateway, RequestAuthorizerGetsTheRequest) {
  api::Lab lab;
  LoadAndRun(lab, Scenario("[" + Get("0s", "allow") + "]",
                           R"("type": "REQUEST", "function": "auth", "identity_source": ["method.request.header.Authorization"])"));
  const core::Event* invoke = Find(lab, "function.invoke", "function:auth");
  ASSERT_NE(invoke, nullptr);
  EXPECT_EQ(invoke->payload["type"], "REQUEST");
  EXPECT_EQ(invoke->payload["httpMethod"], "GET");
  EXPECT_EQ(invoke->payload["resource"], "/images");
  EXPECT_EQ(invoke->payload["headers"]["Authorization"], "allow");
  EXPECT_EQ(invoke->payload["requestContext"]["stage"], "prod");
  // No "authorizationToken" in a REQUEST event: the handler's template fails, which is not
  // "Unauthorized", so the gateway answers 500 AuthorizerConfigurationException.
  EXPECT_EQ(Statuses(lab), (std::vector<int64_t>{500}));
}

TEST(AuthorizerGateway, CachedPolicyIsUsedWithinTheTtlAndRecorded) {
  api::Lab lab;
  // TTL 10 s: the first answer is cached at about 0s + latency; 9s is a hit, 15s a miss.
  LoadAndRun(lab, Scenario("[" + Get("0s", "allow") + "," + Get("9s", "allow") + "," + Get("15s", "allow") + "]",
                           R"("type": "TOKEN", "function": "auth", "ttl": "10s")"));
  EXPECT_EQ(Statuses(lab), (std::vector<int64_t>{200, 200, 200}));
  EXPECT_EQ(Count(lab, "function.invoke", "function:auth"), 2u);
  EXPECT_EQ(Count(lab, "api.authorizer_cache_hit", "api:web"), 1u);
  const core::Event* hit = Find(lab, "api.authorizer_cache_hit", "api:web");
  ASSERT_NE(hit, nullptr);
  EXPECT_EQ(hit->payload["authorizer"], "jwt");
  EXPECT_EQ(hit->payload["principalId"], "user-1");
  // Cached when the authorizer answered (shortly after 0s), for 10 s: about 1 s is left at 9s.
  EXPECT_GE(hit->payload["expires_in_s"].get<int64_t>(), 0);
  EXPECT_LE(hit->payload["expires_in_s"].get<int64_t>(), 1);
  const Json cache = lab.State()["resources"]["web"]["authorizer_cache"];
  EXPECT_EQ(cache["hits"], 1);
  EXPECT_EQ(cache["misses"], 2);
  ASSERT_EQ(cache["entries"].size(), 1u);
  EXPECT_EQ(cache["entries"][0]["effect"], "Allow");
}

TEST(AuthorizerGateway, TtlZeroAlwaysInvokes) {
  api::Lab lab;
  LoadAndRun(lab, Scenario("[" + Get("0s", "allow") + "," + Get("1s", "allow") + "]",
                           R"("type": "TOKEN", "function": "auth", "ttl": "0s")"));
  EXPECT_EQ(Count(lab, "function.invoke", "function:auth"), 2u);
  EXPECT_EQ(Count(lab, "api.authorizer_cache_hit", "api:web"), 0u);
}

TEST(AuthorizerGateway, LoaderChecksAuthorizers) {
  api::Lab lab;
  auto errors = lab.Load(R"({"version": 1, "resources": {"f": {"kind": "function", "handler": [{"return": 1}]},
      "web": {"kind": "api", "authorizers": {"a": {"type": "TOKEN", "function": "f", "ttl": "2h"},
                                              "b": {"type": "TOKEN", "function": "f", "identity_source": "method.request.querystring.t"}},
              "routes": {"GET /x": {"function": "f", "authorizer": "missing"}}}}})");
  std::string all;
  for (const auto& e : errors) all += e.Text() + "\n";
  EXPECT_NE(all.find("/resources/web/authorizers/a/ttl"), std::string::npos) << all;
  EXPECT_NE(all.find("/resources/web/authorizers/b/identity_source"), std::string::npos) << all;
  EXPECT_NE(all.find("/resources/web/routes/GET ~1x/authorizer"), std::string::npos) << all;
}

}  // namespace
}  // namespace eventlab::cloud::gateway
