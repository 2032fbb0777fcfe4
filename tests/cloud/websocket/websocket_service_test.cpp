// The WebSocket API: route selection ($default, the Forbidden answer without it), the Lambda
// event shapes (CONNECT, MESSAGE, DISCONNECT), $connect refusal, the @connections API (post, 410
// after a drop, get, delete, permissions), the quotas (1009 close, 413) and the idle and maximum
// duration timers at their boundaries, and the client's inbox.
#include <gtest/gtest.h>

#include <set>

#include "cloud/websocket/websocket_models.h"
#include "support/run_scenario.h"

namespace eventlab::cloud::websocket {
namespace {

using core::Json;
using eventlab::testing::Find;
using eventlab::testing::LoadAndRun;

std::vector<core::Event> All(const api::Lab& lab, const std::string& kind, const std::string& to = "") {
  std::vector<core::Event> out;
  for (const auto& r : lab.Trace()) {
    if (r.event.kind == kind && (to.empty() || r.event.to == to)) out.push_back(r.event);
  }
  return out;
}

std::set<std::string> Keys(const Json& obj) {
  std::set<std::string> out;
  for (const auto& [k, v] : obj.items()) out.insert(k);
  return out;
}

// Client c connects to API ws at 0s, then runs `script` (more entries, each starting with ",").
// `routes` is the routes object; `more` adds resources.
std::string Scenario(const std::string& routes, const std::string& script, const std::string& more = "") {
  return R"({"version": 1, "resources": {"c": {"kind": "client"},
    "ws": {"kind": "websocket_api", "routes": )" + routes + R"(},
    "ok": {"kind": "function", "handler": [{"return": {"statusCode": 200}}]},
    "echo": {"kind": "function", "handler": [{"return": {"statusCode": 200, "body": "${event.body}"}}]})" + more + R"(},
    "script": [{"at": "0s", "client": "c", "call": "websocket.connect", "with": {"api": "ws", "headers": {"User-Agent": "test-agent"}, "query": {"token": "abc"}}})" +
         script + "]}";
}

std::string Send(const std::string& at, const std::string& data_json) {
  return R"(, {"at": ")" + at + R"(", "client": "c", "call": "websocket.send", "with": {"api": "ws", "data": )" + data_json + "}}";
}

std::string Call(const std::string& at, const std::string& action) {
  return R"(, {"at": ")" + at + R"(", "client": "c", "call": ")" + action + R"(", "with": {"api": "ws"}})";
}

// A function "poster" invoked by client c at `at` that makes `action` on `connection_id`.
std::string Poster(const std::string& action, const std::string& extra_args, const std::string& permissions = "") {
  return R"(, "poster": {"kind": "function", )" + permissions + R"("handler": [
      {"call": ")" + action + R"(", "as": "r", "with": {"api": "ws", "connection_id": "${event.id}")" + extra_args + R"(}},
      {"return": "${r}"}]})";
}

std::string InvokePoster(const std::string& at) {
  return R"(, {"at": ")" + at + R"(", "client": "c", "call": "function.invoke", "with": {"function": "poster", "payload": {"id": "${conn.connectionId}"}}})";
}

// The scenario's first connect is kept "as" conn for InvokePoster.
std::string Named(std::string s) {
  const std::string from = R"("call": "websocket.connect", "with")";
  s.replace(s.find(from), from.size(), R"("call": "websocket.connect", "as": "conn", "with")");
  return s;
}

TEST(WebSocketServiceTest, RouteSelectionPicksTheRouteThenDefault) {
  api::Lab lab;
  LoadAndRun(lab, Scenario(R"({"$default": "ok", "echo": "echo"})", Send("1s", R"("{\"action\": \"echo\", \"x\": 1}")") +
                                                                        Send("2s", R"("not json")") + Send("3s", R"("{\"action\": \"other\"}")")));
  auto echo = All(lab, "function.invoke", "function:echo");
  auto dflt = All(lab, "function.invoke", "function:ok");
  ASSERT_EQ(echo.size(), 1u);
  ASSERT_EQ(dflt.size(), 2u);
  EXPECT_EQ(echo[0].payload["requestContext"]["routeKey"], "echo");
  EXPECT_EQ(dflt[0].payload["body"], "not json");
  EXPECT_EQ(dflt[0].payload["requestContext"]["routeKey"], "$default");
  EXPECT_EQ(dflt[1].payload["requestContext"]["routeKey"], "$default");
}

TEST(WebSocketServiceTest, WithoutDefaultTheGatewayAnswersForbidden) {
  api::Lab lab;
  LoadAndRun(lab, Scenario(R"({"echo": "echo"})", Send("1s", R"("{\"action\": \"nope\"}")")));
  EXPECT_EQ(Find(lab, "function.invoke"), nullptr);
  const core::Event* m = Find(lab, "websocket.message", "client:c");
  ASSERT_NE(m, nullptr);
  const Json body = Json::parse(m->payload["data"].get<std::string>());
  EXPECT_EQ(body["message"], "Forbidden");
  EXPECT_EQ(body["connectionId"], m->payload["connectionId"]);
  EXPECT_EQ(body["requestId"].get<std::string>().size(), 16u);
}

TEST(WebSocketServiceTest, ConnectEventHasTheApiGatewayShape) {
  api::Lab lab;
  LoadAndRun(lab, Scenario(R"({"$connect": "ok"})", ""));
  const core::Event* e = Find(lab, "function.invoke", "function:ok");
  ASSERT_NE(e, nullptr);
  const Json& ev = e->payload;
  EXPECT_EQ(Keys(ev), (std::set<std::string>{"headers", "multiValueHeaders", "queryStringParameters",
                                             "multiValueQueryStringParameters", "requestContext", "isBase64Encoded"}));
  const Json& rc = ev["requestContext"];
  EXPECT_EQ(Keys(rc), (std::set<std::string>{"routeKey", "eventType", "extendedRequestId", "requestTime", "messageDirection",
                                             "stage", "connectedAt", "requestTimeEpoch", "identity", "requestId",
                                             "domainName", "connectionId", "apiId"}));
  EXPECT_EQ(rc["eventType"], "CONNECT");
  EXPECT_EQ(rc["routeKey"], "$connect");
  EXPECT_EQ(rc["messageDirection"], "IN");
  EXPECT_EQ(rc["stage"], "prod");
  EXPECT_EQ(rc["identity"]["userAgent"], "test-agent");
  EXPECT_EQ(rc["connectionId"].get<std::string>().size(), 16u);
  EXPECT_EQ(rc["connectionId"].get<std::string>().back(), '=');
  EXPECT_EQ(rc["requestTime"].get<std::string>().substr(2), "/Jan/2026:00:00:00 +0000");
  EXPECT_EQ(rc["domainName"], rc["apiId"].get<std::string>() + ".execute-api.us-east-1.amazonaws.com");
  EXPECT_EQ(ev["queryStringParameters"], (Json{{"token", "abc"}}));
  EXPECT_EQ(ev["headers"]["Sec-WebSocket-Version"], "13");
  EXPECT_EQ(ev["multiValueHeaders"]["User-Agent"], Json::array({"test-agent"}));
  EXPECT_EQ(ev["isBase64Encoded"], false);
}

TEST(WebSocketServiceTest, MessageAndDisconnectEventsHaveTheirShapes) {
  api::Lab lab;
  LoadAndRun(lab, Scenario(R"({"$default": "ok", "$disconnect": "echo"})", Send("1s", R"("hi")") + Call("2s", "websocket.disconnect")));
  const core::Event* m = Find(lab, "function.invoke", "function:ok");
  ASSERT_NE(m, nullptr);
  EXPECT_EQ(Keys(m->payload), (std::set<std::string>{"requestContext", "body", "isBase64Encoded"}));
  const Json& rc = m->payload["requestContext"];
  EXPECT_EQ(rc["eventType"], "MESSAGE");
  EXPECT_EQ(rc["messageId"].get<std::string>().size(), 16u);
  EXPECT_FALSE(rc.contains("disconnectStatusCode"));
  EXPECT_EQ(m->payload["body"], "hi");
  const core::Event* d = Find(lab, "function.invoke", "function:echo");
  ASSERT_NE(d, nullptr);
  EXPECT_EQ(Keys(d->payload), (std::set<std::string>{"headers", "multiValueHeaders", "requestContext", "isBase64Encoded"}));
  EXPECT_EQ(d->payload["requestContext"]["eventType"], "DISCONNECT");
  EXPECT_EQ(d->payload["requestContext"]["routeKey"], "$disconnect");
  EXPECT_EQ(d->payload["requestContext"]["disconnectStatusCode"], 1000);
  EXPECT_EQ(d->payload["requestContext"]["connectionId"], rc["connectionId"]);
  EXPECT_FALSE(d->payload["requestContext"].contains("messageId"));
}

TEST(WebSocketServiceTest, ConnectRefusedByANon2xxResult) {
  api::Lab lab;
  LoadAndRun(lab, Scenario(R"({"$connect": "deny", "$default": "ok"})", Send("1s", R"("hi")"),
                           R"(, "deny": {"kind": "function", "handler": [{"return": {"statusCode": 403}}]})"));
  const core::Event* r = Find(lab, "websocket.connect.result", "client:c");
  ASSERT_NE(r, nullptr);
  ASSERT_TRUE(r->error.has_value());
  EXPECT_EQ(r->error->status, 403);
  EXPECT_EQ(r->error->message, "Unexpected server response: 403");
  const core::Event* s = Find(lab, "websocket.send.result", "client:c");
  ASSERT_NE(s, nullptr);
  EXPECT_EQ(s->error->code, "InvalidStateError");
  EXPECT_EQ(Find(lab, "function.invoke", "function:ok"), nullptr);
  const Json state = lab.State()["resources"];
  EXPECT_EQ(state["ws"]["counters"]["refused"], 1);
  EXPECT_EQ(state["ws"]["connections"][0]["state"], "refused");
  EXPECT_EQ(state["c"]["websocket"]["ws"]["state"], "refused");
}

TEST(WebSocketServiceTest, PostToConnectionDeliversThenAnswers410AfterADrop) {
  api::Lab lab;
  LoadAndRun(lab, Named(Scenario("{}", InvokePoster("1s") + Call("2s", "websocket.drop") + InvokePoster("3s"),
                                 Poster("websocket.post_to_connection", R"(, "data": "ping")"))));
  const auto results = All(lab, "websocket.post_to_connection.result", "function:poster");
  ASSERT_EQ(results.size(), 2u);
  EXPECT_FALSE(results[0].error.has_value());
  ASSERT_TRUE(results[1].error.has_value());
  EXPECT_EQ(results[1].error->code, "GoneException");
  EXPECT_EQ(results[1].error->status, 410);
  EXPECT_EQ(All(lab, "websocket.message", "client:c").size(), 1u);
  const Json state = lab.State()["resources"];
  EXPECT_EQ(state["c"]["websocket"]["ws"]["received"][0]["data"], "ping");
  EXPECT_EQ(state["c"]["websocket"]["ws"]["state"], "closed");
  EXPECT_EQ(state["ws"]["counters"]["gone_410"], 1);
  EXPECT_EQ(state["ws"]["counters"]["posts"], 1);
}

TEST(WebSocketServiceTest, DropDeliversNoDisconnect) {
  api::Lab lab;
  LoadAndRun(lab, Scenario(R"({"$disconnect": "ok"})", Call("1s", "websocket.drop")));
  EXPECT_EQ(Find(lab, "function.invoke", "function:ok"), nullptr);
  EXPECT_EQ(lab.State()["resources"]["ws"]["connections"][0]["closed_by"], "dropped");
}

TEST(WebSocketServiceTest, LiveNotificationsScenarioDeletesTheGoneConnection) {
  api::Lab lab;
  LoadAndRun(lab, eventlab::testing::ReadSourceFile("web/scenarios/live-notifications.json"));
  const Json state = lab.State()["resources"];
  const std::string carol = state["carol"]["websocket"]["notifications"]["connection_id"].get<std::string>();
  bool gone_seen = false;
  for (const auto& r : lab.Trace()) {
    if (r.event.kind == "websocket.post_to_connection.result" && r.event.error && r.event.error->code == "GoneException") gone_seen = true;
  }
  EXPECT_TRUE(gone_seen);
  for (const Json& item : state["connections"]["items"]) EXPECT_EQ(item.dump().find(carol), std::string::npos) << item.dump();
  EXPECT_EQ(state["connections"]["item_count"], 0);  // carol by the catch, bob by close, alice by idle timeout
  EXPECT_EQ(state["alice"]["websocket"]["notifications"]["received"].size(), 2u);
  EXPECT_EQ(state["notifications"]["counters"]["gone_410"], 1);
}

TEST(WebSocketServiceTest, DeleteConnectionClosesAndDeliversDisconnect) {
  api::Lab lab;
  LoadAndRun(lab, Named(Scenario(R"({"$disconnect": "ok"})", InvokePoster("1s") + InvokePoster("2s"),
                                 Poster("websocket.delete_connection", ""))));
  const auto results = All(lab, "websocket.delete_connection.result", "function:poster");
  ASSERT_EQ(results.size(), 2u);
  EXPECT_FALSE(results[0].error.has_value());
  EXPECT_EQ(results[1].error->code, "GoneException");
  const core::Event* close = Find(lab, "websocket.close", "client:c");
  ASSERT_NE(close, nullptr);
  EXPECT_EQ(close->payload["code"], 1000);
  const core::Event* d = Find(lab, "function.invoke", "function:ok");
  ASSERT_NE(d, nullptr);
  EXPECT_EQ(d->payload["requestContext"]["disconnectStatusCode"], 1000);
  EXPECT_EQ(lab.State()["resources"]["ws"]["connections"][0]["closed_by"], "delete_connection");
}

TEST(WebSocketServiceTest, GetConnectionAnswersTimesAndIdentity) {
  api::Lab lab;
  LoadAndRun(lab, Named(Scenario("{}", InvokePoster("1s"), Poster("websocket.get_connection", ""))));
  const core::Event* r = Find(lab, "websocket.get_connection.result", "function:poster");
  ASSERT_NE(r, nullptr);
  ASSERT_FALSE(r->error.has_value());
  EXPECT_EQ(r->payload["Identity"]["UserAgent"], "test-agent");
  EXPECT_EQ(r->payload["ConnectedAt"].get<std::string>().substr(0, 20), "2026-01-01T00:00:00.");
  EXPECT_TRUE(r->payload.contains("LastActiveAt"));
}

TEST(WebSocketServiceTest, MessageOverThePayloadQuotaClosesWith1009) {
  api::Lab lab;
  LoadAndRun(lab, Scenario(R"({"$default": "ok", "$disconnect": "echo"})",
                           Send("1s", R"({"$body": {"size": 131072}})") + Send("2s", R"({"$body": {"size": 131073}})")));
  EXPECT_EQ(All(lab, "function.invoke", "function:ok").size(), 1u);  // the first (exactly 128 KB) is routed
  const core::Event* close = Find(lab, "websocket.close", "client:c");
  ASSERT_NE(close, nullptr);
  EXPECT_EQ(close->payload["code"], 1009);
  const core::Event* d = Find(lab, "function.invoke", "function:echo");
  ASSERT_NE(d, nullptr);
  EXPECT_EQ(d->payload["requestContext"]["disconnectStatusCode"], 1009);
  const Json conn = lab.State()["resources"]["ws"]["connections"][0];
  EXPECT_EQ(conn["frames_in"], 4 + 5);  // 128 KB in 4 frames of 32 KB, then 5
}

TEST(WebSocketServiceTest, PostOverThePayloadQuotaIs413) {
  api::Lab lab;
  LoadAndRun(lab, Named(Scenario("{}", InvokePoster("1s"), Poster("websocket.post_to_connection", R"(, "data": {"$body": {"size": 131073}})"))));
  const core::Event* r = Find(lab, "websocket.post_to_connection.result", "function:poster");
  ASSERT_NE(r, nullptr);
  ASSERT_TRUE(r->error.has_value());
  EXPECT_EQ(r->error->code, "PayloadTooLargeException");
  EXPECT_EQ(r->error->status, 413);
  EXPECT_EQ(Find(lab, "websocket.message", "client:c"), nullptr);
}

TEST(WebSocketServiceTest, IdleTimeoutClosesExactlyTenMinutesAfterTheLastMessage) {
  api::Lab lab;
  auto errors = lab.Load(Scenario(R"({"$default": "ok", "$disconnect": "echo"})", Send("5s", R"("hi")")));
  ASSERT_TRUE(errors.empty());
  lab.RunUntil(6000000, 100000);
  const Json conn = lab.State()["resources"]["ws"]["connections"][0];
  const int64_t deadline = conn["last_active_at_us"].get<int64_t>() + 600000000;
  EXPECT_EQ(conn["idle_deadline_us"], deadline);
  lab.RunUntil(deadline - 1, 100000);
  EXPECT_EQ(lab.State()["resources"]["ws"]["connections"][0]["state"], "open");
  lab.RunUntil(deadline, 100000);
  EXPECT_EQ(lab.State()["resources"]["ws"]["connections"][0]["state"], "closed");
  EXPECT_EQ(lab.State()["resources"]["ws"]["connections"][0]["closed_by"], "idle_timeout");
  lab.RunToEnd();
  const core::Event* d = Find(lab, "function.invoke", "function:echo");
  ASSERT_NE(d, nullptr);
  EXPECT_EQ(d->payload["requestContext"]["disconnectStatusCode"], 1001);
  EXPECT_EQ(d->payload["requestContext"]["disconnectReason"], "Going away");
}

TEST(WebSocketServiceTest, MaximumDurationClosesAtTwoHoursEvenWhenActive) {
  std::string script;
  for (int m = 9; m < 130; m += 9) script += Send(std::to_string(m) + "m", R"("keepalive")");
  api::Lab lab;
  auto errors = lab.Load(Scenario(R"({"$default": "ok"})", script));
  ASSERT_TRUE(errors.empty());
  lab.RunUntil(1000000, 100000);
  const int64_t connected = lab.State()["resources"]["ws"]["connections"][0]["connected_at_us"].get<int64_t>();
  const int64_t deadline = connected + 7200000000LL;
  lab.RunUntil(deadline - 1, 1000000);
  EXPECT_EQ(lab.State()["resources"]["ws"]["connections"][0]["state"], "open");
  lab.RunUntil(deadline, 1000000);
  EXPECT_EQ(lab.State()["resources"]["ws"]["connections"][0]["closed_by"], "max_duration");
  lab.RunToEnd();
  // The sends after two hours find no open connection.
  const auto sends = All(lab, "websocket.send.result", "client:c");
  ASSERT_FALSE(sends.empty());
  EXPECT_TRUE(sends.back().error.has_value());
  EXPECT_EQ(Find(lab, "websocket.close", "client:c")->payload["code"], 1001);
}

TEST(WebSocketServiceTest, ManagementCallsNeedManageConnectionsOnTheConnectionArn) {
  const std::string denied = R"("permissions": [{"action": "execute-api:ManageConnections", "resource": "arn:aws:execute-api:*:*:*/prod/GET/@connections/*"}], )";
  const std::string allowed = R"("permissions": [{"action": "execute-api:ManageConnections", "resource": "arn:aws:execute-api:us-east-1:123456789012:*/prod/POST/@connections/*"}], )";
  {
    api::Lab lab;
    LoadAndRun(lab, Named(Scenario("{}", InvokePoster("1s"), Poster("websocket.post_to_connection", R"(, "data": "x")", denied))));
    const core::Event* r = Find(lab, "websocket.post_to_connection.result", "function:poster");
    ASSERT_NE(r, nullptr);
    ASSERT_TRUE(r->error.has_value());
    EXPECT_EQ(r->error->code, "ForbiddenException");
    EXPECT_EQ(r->error->status, 403);
    EXPECT_NE(r->error->message.find("/prod/POST/@connections/"), std::string::npos);
    EXPECT_EQ(Find(lab, "websocket.message", "client:c"), nullptr);
  }
  {
    api::Lab lab;
    LoadAndRun(lab, Named(Scenario("{}", InvokePoster("1s"), Poster("websocket.post_to_connection", R"(, "data": "x")", allowed))));
    const core::Event* r = Find(lab, "websocket.post_to_connection.result", "function:poster");
    ASSERT_NE(r, nullptr);
    EXPECT_FALSE(r->error.has_value());
    EXPECT_NE(Find(lab, "websocket.message", "client:c"), nullptr);
  }
}

TEST(WebSocketServiceTest, RouteResponseSendsTheFunctionsBodyBack) {
  api::Lab lab;
  LoadAndRun(lab, Scenario(R"({"echo": {"function": "echo", "route_response": true}, "$default": "ok"})",
                           Send("1s", R"("{\"action\": \"echo\"}")") + Send("2s", R"("plain")")));
  const auto msgs = All(lab, "websocket.message", "client:c");
  ASSERT_EQ(msgs.size(), 1u);  // $default has no route response
  EXPECT_EQ(msgs[0].payload["data"], "{\"action\": \"echo\"}");
}

TEST(WebSocketLoaderTest, ReportsBadKeysWithTheirPaths) {
  api::Lab lab;
  auto errors = lab.Load(R"({"version": 1, "resources": {"f": {"kind": "function", "handler": []},
    "ws": {"kind": "websocket_api", "colour": 1, "route_selection_expression": "action", "stage": "a b",
           "routes": {"$bogus": "f", "a": 3, "b": {"function": "f", "extra": 1}, "$connect": {"function": "f", "route_response": true}, "c": "nope"}}}})");
  std::set<std::string> paths;
  for (const auto& e : errors) paths.insert(e.path);
  for (const char* p : {"/resources/ws/colour", "/resources/ws/route_selection_expression", "/resources/ws/stage", "/resources/ws/routes/$bogus",
                        "/resources/ws/routes/a", "/resources/ws/routes/b/extra", "/resources/ws/routes/$connect/route_response",
                        "/resources/ws/routes/c"}) {
    EXPECT_TRUE(paths.count(p)) << p;
  }
}

TEST(WebSocketLoaderTest, WiresDrawRouteToFunctionEdgesAndUrlsUseTheApiId) {
  WebSocketApiConfig api;
  api.name = "ws";
  api.routes["$connect"] = {"$connect", "ok", false};
  api.routes["echo"] = {"echo", "echo", true};
  const auto wires = api.Wires();
  ASSERT_EQ(wires.size(), 2u);
  EXPECT_EQ(wires[0].to, "function:ok");
  EXPECT_EQ(wires[0].label, "$connect");
  EXPECT_EQ(wires[1].to, "function:echo");
  EXPECT_EQ(wires[1].label, "echo");
  Environment env;
  const std::string id = api.IdIn(env);
  EXPECT_EQ(id.size(), 10u);
  EXPECT_EQ(api.Url(env), "wss://" + id + ".execute-api.us-east-1.amazonaws.com/prod");
  EXPECT_EQ(api.CallbackUrl(env), "https://" + id + ".execute-api.us-east-1.amazonaws.com/prod/@connections");
}

}  // namespace
}  // namespace eventlab::cloud::websocket
