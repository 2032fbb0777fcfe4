// A REQUEST Lambda authorizer guarding $connect: a missing identity source is refused 401 without
// invoking it; "Unauthorized" refuses 401; a Deny policy refuses 403; an Allow reaches $connect,
// which sees the principal in requestContext.authorizer.
#include <gtest/gtest.h>

#include <string>

#include "support/run_scenario.h"

namespace eventlab::cloud::websocket {
namespace {

using core::Json;

std::string Scenario(const std::string& query) {
  return R"({"version": 1, "resources": {
    "browser": {"kind": "client"},
    "live": {"kind": "websocket_api",
             "authorizer": {"function": "gate", "identity_source": ["route.request.querystring.token"]},
             "routes": {"$connect": "on-connect"}},
    "gate": {"kind": "function", "handler": [
      {"if": {"eq": ["${event.queryStringParameters.token}", "deny-me"]}, "then": [
        {"return": {"principalId": "mallory", "policyDocument": {"Version": "2012-10-17", "Statement": [
          {"Action": "execute-api:Invoke", "Effect": "Deny", "Resource": "${event.methodArn}"}]}}}]},
      {"if": {"eq": ["${event.queryStringParameters.token}", "letmein"]}, "then": [
        {"return": {"principalId": "alice", "context": {"plan": "pro"}, "policyDocument": {"Version": "2012-10-17", "Statement": [
          {"Action": "execute-api:Invoke", "Effect": "Allow", "Resource": "${event.methodArn}"}]}}}]},
      {"fail": {"code": "Unauthorized", "message": "Unauthorized"}}]},
    "on-connect": {"kind": "function", "handler": [
      {"return": {"statusCode": 200, "body": "${event.requestContext.authorizer.principalId}"}}]}},
  "script": [{"at": "0s", "client": "browser", "call": "websocket.connect", "as": "ws",
              "with": {"api": "live")" + query + R"(}}]})";
}

const core::Event* ConnectResult(const api::Lab& lab) { return testing::Find(lab, "websocket.connect.result", "client:browser"); }

int Invocations(const api::Lab& lab, const std::string& function) {
  int n = 0;
  for (const auto& r : lab.Trace()) n += r.event.kind == "function.invoke" && r.event.to == "function:" + function;
  return n;
}

TEST(WebSocketAuthorizerTest, AllowReachesConnectWithThePrincipal) {
  api::Lab lab;
  testing::LoadAndRun(lab, Scenario(R"(, "query": {"token": "letmein"})"));
  const core::Event* result = ConnectResult(lab);
  ASSERT_NE(result, nullptr);
  ASSERT_FALSE(result->error.has_value());
  EXPECT_EQ(result->payload["statusCode"], 101);
  const core::Event* auth = nullptr;
  const core::Event* connect = nullptr;
  for (const auto& r : lab.Trace()) {
    if (r.event.kind != "function.invoke") continue;
    if (r.event.to == "function:gate") auth = &r.event;
    if (r.event.to == "function:on-connect") connect = &r.event;
  }
  ASSERT_NE(auth, nullptr);
  EXPECT_EQ(auth->payload["type"], "REQUEST");
  EXPECT_NE(auth->payload["methodArn"].get<std::string>().find("/prod/$connect"), std::string::npos);
  EXPECT_EQ(auth->payload["requestContext"]["eventType"], "CONNECT");
  ASSERT_NE(connect, nullptr);
  EXPECT_EQ(connect->payload["requestContext"]["authorizer"]["principalId"], "alice");
  EXPECT_EQ(connect->payload["requestContext"]["authorizer"]["plan"], "pro");
}

TEST(WebSocketAuthorizerTest, MissingTokenIsRefused401WithoutInvokingTheAuthorizer) {
  api::Lab lab;
  testing::LoadAndRun(lab, Scenario(""));
  const core::Event* result = ConnectResult(lab);
  ASSERT_NE(result, nullptr);
  ASSERT_TRUE(result->error.has_value());
  EXPECT_EQ(result->error->status, 401);
  EXPECT_EQ(Invocations(lab, "gate"), 0);
  EXPECT_EQ(Invocations(lab, "on-connect"), 0);
}

TEST(WebSocketAuthorizerTest, UnauthorizedIs401AndDenyIs403) {
  api::Lab bad;
  testing::LoadAndRun(bad, Scenario(R"(, "query": {"token": "guess"})"));
  ASSERT_TRUE(ConnectResult(bad)->error.has_value());
  EXPECT_EQ(ConnectResult(bad)->error->status, 401);
  EXPECT_EQ(Invocations(bad, "on-connect"), 0);
  api::Lab denied;
  testing::LoadAndRun(denied, Scenario(R"(, "query": {"token": "deny-me"})"));
  ASSERT_TRUE(ConnectResult(denied)->error.has_value());
  EXPECT_EQ(ConnectResult(denied)->error->status, 403);
  EXPECT_EQ(denied.State()["resources"]["live"]["counters"]["refused"], 1);
}

TEST(WebSocketAuthorizerTest, LoaderNamesBadIdentitySources) {
  api::Lab lab;
  auto errors = lab.Load(R"({"version": 1, "resources": {"f": {"kind": "function", "handler": []},
    "live": {"kind": "websocket_api", "authorizer": {"function": "f", "identity_source": ["method.request.header.X"]}}}})");
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_NE(errors[0].Text().find("/resources/live/authorizer/identity_source/0"), std::string::npos);
}

}  // namespace
}  // namespace eventlab::cloud::websocket
