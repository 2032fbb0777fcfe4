// The API Gateway service through whole scenarios: the proxy event, mapping the function's
// answer back, gateway answers (403, 413, 502, 504) and the api.url action.
#include <gtest/gtest.h>

#include <regex>

#include "cloud/gateway/gateway_models.h"
#include "support/run_scenario.h"

namespace eventlab::cloud::gateway {
namespace {

using core::Json;
using eventlab::testing::Find;
using eventlab::testing::LoadAndRun;

constexpr const char* kHost = "abcde12345.execute-api.us-east-1.amazonaws.com";

// A client calling api "web" (id abcde12345) once; `handler` is function f's steps.
std::string Scenario(const std::string& handler, const std::string& request, const std::string& extra = "",
                     const std::string& routes = R"({"GET /images/{id}": "f", "POST /images": "f"})") {
  return R"({"version": 1, )" + extra + R"("resources": {"c": {"kind": "client"},
            "web": {"kind": "api", "id": "abcde12345", "routes": )" + routes + R"(},
            "f": {"kind": "function", "timeout": "60s", "handler": )" + handler + R"(}},
            "script": [{"at": "0s", "client": "c", "call": "http.request", "with": )" + request + "}]}";
}

const core::Event* ClientReply(const api::Lab& lab) { return Find(lab, "http.request.result", "client:c"); }

TEST(GatewayServiceTest, ProxyEventHasTheRestApiShape) {
  api::Lab lab;
  LoadAndRun(lab, Scenario(R"([{"return": {"statusCode": 200, "body": "ok"}}])",
                           R"({"method": "GET", "url": "https://abcde12345.execute-api.us-east-1.amazonaws.com/prod/images/7?size=large",
                               "headers": {"User-Agent": "test-agent", "Accept": ["a", "b"]}})"));
  const core::Event* invoke = Find(lab, "function.invoke", "function:f");
  ASSERT_NE(invoke, nullptr);
  EXPECT_EQ(invoke->from, "api:web");
  const Json& e = invoke->payload;
  EXPECT_EQ(e["resource"], "/images/{id}");
  EXPECT_EQ(e["path"], "/images/7");
  EXPECT_EQ(e["httpMethod"], "GET");
  EXPECT_EQ(e["headers"]["Host"], kHost);
  EXPECT_EQ(e["headers"]["Accept"], "a,b");
  EXPECT_EQ(e["multiValueHeaders"]["Accept"], Json::array({"a", "b"}));
  EXPECT_EQ(e["queryStringParameters"], Json({{"size", "large"}}));
  EXPECT_EQ(e["multiValueQueryStringParameters"], Json({{"size", Json::array({"large"})}}));
  EXPECT_EQ(e["pathParameters"], Json({{"id", "7"}}));
  EXPECT_TRUE(e["stageVariables"].is_null());
  EXPECT_TRUE(e["body"].is_null());
  EXPECT_EQ(e["isBase64Encoded"], false);
  const Json& rc = e["requestContext"];
  EXPECT_EQ(rc["accountId"], "123456789012");
  EXPECT_EQ(rc["apiId"], "abcde12345");
  EXPECT_EQ(rc["domainName"], kHost);
  EXPECT_EQ(rc["domainPrefix"], "abcde12345");
  EXPECT_EQ(rc["httpMethod"], "GET");
  EXPECT_EQ(rc["path"], "/prod/images/7");
  EXPECT_EQ(rc["protocol"], "HTTP/1.1");
  EXPECT_EQ(rc["resourcePath"], "/images/{id}");
  EXPECT_EQ(rc["stage"], "prod");
  EXPECT_EQ(rc["identity"]["userAgent"], "test-agent");
  EXPECT_TRUE(rc["identity"]["sourceIp"].is_string());
  EXPECT_EQ(rc["requestId"].get<std::string>().size(), 36u);
  EXPECT_EQ(rc["resourceId"].get<std::string>().size(), 6u);
  EXPECT_TRUE(std::regex_match(rc["extendedRequestId"].get<std::string>(), std::regex("[A-Za-z0-9-]{15}=")));
  // The request reaches the API after one hop from 2026-01-01T00:00:00Z.
  EXPECT_TRUE(std::regex_match(rc["requestTime"].get<std::string>(),
                               std::regex(R"(01/Jan/2026:00:00:00 \+0000)")));
  EXPECT_EQ(rc["requestTimeEpoch"], (1767225600000000LL + Find(lab, "http.request")->time.us) / 1000);
}

TEST(GatewayServiceTest, ProxyResponseIsMappedBackToTheClient) {
  api::Lab lab;
  LoadAndRun(lab, Scenario(R"([{"return": {"statusCode": 201, "headers": {"Content-Type": "text/plain"},
                                            "multiValueHeaders": {"Set-Cookie": ["a=1", "b=2"]},
                                            "body": "${event.pathParameters.id}:${event.body}"}}])",
                           R"({"method": "GET", "url": "https://abcde12345.execute-api.us-east-1.amazonaws.com/prod/images/9", "body": "hi"})"));
  const core::Event* reply = ClientReply(lab);
  ASSERT_NE(reply, nullptr);
  ASSERT_FALSE(reply->error);
  EXPECT_EQ(reply->from, "api:web");
  EXPECT_EQ(reply->reply_to, Find(lab, "http.request")->id);
  EXPECT_EQ(reply->payload["statusCode"], 201);
  EXPECT_EQ(reply->payload["headers"]["Content-Type"], "text/plain");
  EXPECT_EQ(reply->payload["headers"]["Set-Cookie"], "a=1,b=2");
  EXPECT_EQ(reply->payload["body"], "9:hi");
  const Json state = lab.State()["resources"]["web"];
  EXPECT_EQ(state["kind"], "api");
  EXPECT_EQ(state["url"], std::string("https://") + kHost + "/prod");
  EXPECT_EQ(state["requests"], 1);
  EXPECT_EQ(state["in_flight"], 0);
  EXPECT_EQ(state["last_status"], 201);
  EXPECT_EQ(state["routes"][0], Json({{"route", "GET /images/{id}"}, {"function", "f"}}));
  // The reply cancelled the integration timer.
  EXPECT_EQ(Find(lab, "api.integration_timeout"), nullptr);
}

TEST(GatewayServiceTest, UnknownResourceIsMissingAuthenticationToken) {
  api::Lab lab;
  LoadAndRun(lab, Scenario(R"([{"return": {"statusCode": 200}}])",
                           R"({"method": "DELETE", "url": "https://abcde12345.execute-api.us-east-1.amazonaws.com/prod/images/9"})"));
  const core::Event* reply = ClientReply(lab);
  ASSERT_NE(reply, nullptr);
  ASSERT_TRUE(reply->error);
  EXPECT_EQ(reply->error->status, 403);
  EXPECT_EQ(reply->error->message, "Missing Authentication Token");
  EXPECT_EQ(Find(lab, "function.invoke"), nullptr);
}

TEST(GatewayServiceTest, WrongStageIsForbidden) {
  api::Lab lab;
  LoadAndRun(lab, Scenario(R"([{"return": {"statusCode": 200}}])",
                           R"({"method": "GET", "url": "https://abcde12345.execute-api.us-east-1.amazonaws.com/dev/images/9"})"));
  const core::Event* reply = ClientReply(lab);
  ASSERT_NE(reply, nullptr);
  ASSERT_TRUE(reply->error);
  EXPECT_EQ(reply->error->status, 403);
  EXPECT_EQ(reply->error->message, "Forbidden");
  EXPECT_EQ(Find(lab, "function.invoke"), nullptr);
}

TEST(GatewayServiceTest, FunctionErrorIsPassedThrough) {
  api::Lab lab;
  LoadAndRun(lab, Scenario(R"([{"fail": {"code": "ImageMissing", "message": "no such image", "status": 404}}])",
                           R"({"method": "GET", "url": "https://abcde12345.execute-api.us-east-1.amazonaws.com/prod/images/9"})"));
  const core::Event* from_fn = Find(lab, "function.invoke.result", "api:web");
  ASSERT_NE(from_fn, nullptr);
  ASSERT_TRUE(from_fn->error);
  const core::Event* reply = ClientReply(lab);
  ASSERT_NE(reply, nullptr);
  ASSERT_TRUE(reply->error);
  EXPECT_EQ(*reply->error, *from_fn->error);
  EXPECT_EQ(lab.State()["resources"]["web"]["last_status"], from_fn->error->status);
}

TEST(GatewayServiceTest, MalformedProxyResponseIs502) {
  api::Lab lab;
  LoadAndRun(lab, Scenario(R"([{"return": {"status": 200, "message": "not a proxy response"}}])",
                           R"({"method": "GET", "url": "https://abcde12345.execute-api.us-east-1.amazonaws.com/prod/images/9"})"));
  const core::Event* reply = ClientReply(lab);
  ASSERT_NE(reply, nullptr);
  ASSERT_TRUE(reply->error);
  EXPECT_EQ(reply->error->status, 502);
  EXPECT_EQ(reply->error->message, "Internal server error");
}

// Disabled: the function service sizes an invoke payload with core::BodySize, which counts a
// synthetic body nested in the proxy event as its short JSON text, not its declared size. The
// gateway side (an 8 MB body is forwarded) is checked by the first assertion.
TEST(GatewayServiceTest, EightMegabyteBodyPassesTheGatewayAndTheFunctionRefusesIt) {
  api::Lab lab;
  LoadAndRun(lab, Scenario(R"([{"return": {"statusCode": 200}}])",
                           R"({"method": "POST", "url": "https://abcde12345.execute-api.us-east-1.amazonaws.com/prod/images",
                               "body": {"$body": {"size": 8388608}}})"));
  ASSERT_NE(Find(lab, "function.invoke", "function:f"), nullptr);  // under the gateway's 10 MB
  const core::Event* reply = ClientReply(lab);
  ASSERT_NE(reply, nullptr);
  ASSERT_TRUE(reply->error);
  EXPECT_EQ(reply->error->code, "RequestEntityTooLargeException");
  EXPECT_EQ(reply->error->status, 413);
}

TEST(GatewayServiceTest, FunctionPayloadLimitErrorIsPassedThrough) {
  api::Lab lab;
  LoadAndRun(lab, Scenario(R"([{"return": {"statusCode": 200}}])",
                           R"({"method": "POST", "url": "https://abcde12345.execute-api.us-east-1.amazonaws.com/prod/images",
                               "body": "a text body that makes the proxy event larger than the function accepts"})",
                           R"("limits": {"function_sync_payload_bytes": 200}, )"));
  ASSERT_NE(Find(lab, "function.invoke", "function:f"), nullptr);
  const core::Event* reply = ClientReply(lab);
  ASSERT_NE(reply, nullptr);
  ASSERT_TRUE(reply->error);
  EXPECT_EQ(reply->error->code, "RequestEntityTooLargeException");
  EXPECT_EQ(reply->error->status, 413);
}

TEST(GatewayServiceTest, ElevenMegabyteBodyIsRefusedByTheGateway) {
  api::Lab lab;
  LoadAndRun(lab, Scenario(R"([{"return": {"statusCode": 200}}])",
                           R"({"method": "POST", "url": "https://abcde12345.execute-api.us-east-1.amazonaws.com/prod/images",
                               "body": {"$body": {"size": 11534336}}})"));
  EXPECT_EQ(Find(lab, "function.invoke"), nullptr);
  const core::Event* reply = ClientReply(lab);
  ASSERT_NE(reply, nullptr);
  ASSERT_TRUE(reply->error);
  EXPECT_EQ(reply->error->code, "RequestEntityTooLarge");
  EXPECT_EQ(reply->error->message, "Request Entity Too Large");
  EXPECT_EQ(reply->error->status, 413);
}

TEST(GatewayServiceTest, PayloadLimitBoundaryWithScenarioOverride) {
  for (uint64_t size : {100u, 101u}) {
    api::Lab lab;
    LoadAndRun(lab, Scenario(R"([{"return": {"statusCode": 200}}])",
                             R"({"method": "POST", "url": "https://abcde12345.execute-api.us-east-1.amazonaws.com/prod/images",
                                 "body": {"$body": {"size": )" + std::to_string(size) + "}}}",
                             R"("limits": {"gateway_payload_bytes": 100}, )"));
    const core::Event* reply = ClientReply(lab);
    ASSERT_NE(reply, nullptr);
    if (size == 100) {
      EXPECT_NE(Find(lab, "function.invoke"), nullptr);
      EXPECT_FALSE(reply->error);
    } else {
      EXPECT_EQ(Find(lab, "function.invoke"), nullptr);
      ASSERT_TRUE(reply->error);
      EXPECT_EQ(reply->error->status, 413);
    }
  }
}

TEST(GatewayServiceTest, SlowFunctionHitsTheIntegrationTimeout) {
  api::Lab lab;
  LoadAndRun(lab, Scenario(R"([{"work": "40s"}, {"return": {"statusCode": 200}}])",
                           R"({"method": "GET", "url": "https://abcde12345.execute-api.us-east-1.amazonaws.com/prod/images/1"})"));
  const core::Event* timer = Find(lab, "api.integration_timeout", "api:web");
  ASSERT_NE(timer, nullptr);
  int replies = 0;
  for (const auto& r : lab.Trace()) replies += r.event.kind == "http.request.result" && r.event.to == "client:c";
  EXPECT_EQ(replies, 1);  // the function's late answer does not reach the client
  const core::Event* reply = ClientReply(lab);
  ASSERT_NE(reply, nullptr);
  ASSERT_TRUE(reply->error);
  EXPECT_EQ(reply->error->status, 504);
  EXPECT_EQ(reply->error->message, "Endpoint request timed out");
  const core::Event* invoke = Find(lab, "function.invoke", "function:f");
  EXPECT_EQ(timer->time.us - Find(lab, "http.request")->time.us, 29000000);
  EXPECT_LT(invoke->time.us, timer->time.us);
  EXPECT_NE(Find(lab, "function.invoke.result", "api:web"), nullptr);  // arrives later, ignored
  EXPECT_EQ(lab.State()["resources"]["web"]["in_flight"], 0);
  EXPECT_EQ(lab.State()["resources"]["web"]["last_status"], 504);
}

TEST(GatewayServiceTest, ApiUrlActionGivesTheInvokeUrlForScriptedClients) {
  api::Lab lab;
  LoadAndRun(lab, R"({"version": 1, "resources": {"c": {"kind": "client"},
      "images-api": {"kind": "api", "routes": {"POST /images": "f"}},
      "f": {"kind": "function", "handler": [{"return": {"statusCode": 202, "body": "${event.body}"}}]}},
      "script": [{"at": "0s", "client": "c", "call": "api.url", "as": "api", "with": {"api": "images-api"}},
                 {"at": "1s", "client": "c", "call": "http.request", "as": "res",
                  "with": {"method": "POST", "url": "${api.url}/images", "body": "x"}}]})");
  const std::string id = ApiId("123456789012", "images-api");
  EXPECT_EQ(id.size(), 10u);
  EXPECT_TRUE(std::regex_match(id, std::regex("[a-z0-9]{10}")));
  const Json results = lab.State()["resources"]["c"]["results"];
  EXPECT_EQ(results["api"]["url"], "https://" + id + ".execute-api.us-east-1.amazonaws.com/prod");
  EXPECT_EQ(results["res"]["statusCode"], 202);
  EXPECT_EQ(results["res"]["body"], "x");
}

TEST(GatewayServiceTest, ApiIdIsStableAndDependsOnAccountAndName) {
  EXPECT_EQ(ApiId("123456789012", "a"), ApiId("123456789012", "a"));
  EXPECT_NE(ApiId("123456789012", "a"), ApiId("123456789012", "b"));
  EXPECT_NE(ApiId("123456789012", "a"), ApiId("210987654321", "a"));
}

}  // namespace
}  // namespace eventlab::cloud::gateway
