// The token-storage lesson end to end: the same injected script steals a token kept in
// localStorage but reads nothing of an HttpOnly cookie; SameSite=Strict keeps the cookie off a
// cross-site request; the browser sends it by itself on same-site ones.
#include <gtest/gtest.h>

#include "support/run_scenario.h"

namespace eventlab::cloud::clients {
namespace {

using core::Json;
using eventlab::testing::LoadAndRun;
using eventlab::testing::ReadSourceFile;

class TokenStorageTest : public ::testing::Test {
 protected:
  void SetUp() override { LoadAndRun(lab_, ReadSourceFile("web/scenarios/token-storage.json")); }

  // The body the attacker's collector received from `client`'s page.
  std::string StolenFrom(const std::string& client) const {
    for (const auto& r : lab_.Trace()) {
      if (r.event.kind == "http.request" && r.event.to == "endpoint:collector" && r.event.from == "client:" + client)
        return r.event.payload.value("body", "");
    }
    return "";
  }

  const Json& ClientResults(const std::string& client) { return state_ = lab_.State()["resources"][client]; }

  api::Lab lab_;
  Json state_;
};

TEST_F(TokenStorageTest, InjectedScriptStealsTheTokenFromLocalStorage) {
  const Json stolen = Json::parse(StolenFrom("browser-local"));
  const std::string token = stolen["localStorage"]["token"];
  EXPECT_EQ(token.rfind("eyJ", 0), 0u);
  EXPECT_EQ(token, ClientResults("browser-local")["results"]["login"]["body"]);
}

TEST_F(TokenStorageTest, InjectedScriptCannotReadTheHttpOnlyCookie) {
  const Json stolen = Json::parse(StolenFrom("browser-cookie"));
  EXPECT_EQ(stolen["document.cookie"], "");
  EXPECT_TRUE(stolen["localStorage"].empty());
  const Json xss = ClientResults("browser-cookie")["results"]["xss"];
  EXPECT_EQ(xss["hidden_http_only"], Json::array({"session"}));
  // The cookie is in the jar all the same.
  const Json cookies = state_["page"]["cookies"];
  ASSERT_EQ(cookies.size(), 1u);
  EXPECT_EQ(cookies[0]["name"], "session");
  EXPECT_TRUE(cookies[0]["http_only"].get<bool>());
}

TEST_F(TokenStorageTest, BrowserSendsTheCookieBySelfOnSameSiteRequests) {
  const Json results = ClientResults("browser-cookie")["results"];
  EXPECT_EQ(results["profile"]["statusCode"], 200);
  EXPECT_EQ(results["profile"]["body"], "profile of bob");
  EXPECT_EQ(results["transfer"]["statusCode"], 200);
}

TEST_F(TokenStorageTest, SameSiteStrictStopsTheCrossSiteRequest) {
  const Json results = ClientResults("browser-cookie")["results"];
  EXPECT_EQ(results["csrf"]["statusCode"], 401);
  bool saw_cross_site = false;
  for (const auto& r : lab_.Trace()) {
    if (r.event.kind != "http.request" || r.event.to != "api:app-api") continue;
    const Json& headers = r.event.payload["headers"];
    if (headers.value("Origin", "") == "https://evil.example") {
      saw_cross_site = true;
      EXPECT_FALSE(headers.contains("Cookie"));
    }
  }
  EXPECT_TRUE(saw_cross_site);
}

TEST_F(TokenStorageTest, BadPageArgumentsAreRefusedNotThrown) {
  api::Lab lab;
  ASSERT_TRUE(lab.Load(ReadSourceFile("web/scenarios/token-storage.json")).empty());
  // Each is answered by an error event of the client, and the run goes on.
  lab.Send("client:browser-cookie", "http.request", {{"method", "GET"}, {"url", "https://api.example.com/profile"}, {"navigation", "yes"}});
  lab.Send("client:browser-cookie", "browser.inject_script", {{"send_to", 5}});
  lab.Send("client:browser-cookie", "http.request", {{"method", "GET"}, {"url", 7}});
  EXPECT_NO_THROW(lab.RunToEnd());
  int refused = 0;
  for (const auto& r : lab.Trace())
    if (r.event.to == "client:browser-cookie" && r.event.error && r.event.error->code == "ValidationException") ++refused;
  EXPECT_EQ(refused, 3);
}

TEST_F(TokenStorageTest, ThePageCannotSetTheCookieOrOriginHeaderItself) {
  api::Lab lab;
  ASSERT_TRUE(lab.Load(ReadSourceFile("web/scenarios/token-storage.json")).empty());
  lab.Send("client:browser-local", "http.request",
           {{"method", "POST"}, {"url", "https://api.example.com/transfer"}, {"headers", {{"cookie", "session=forged"}, {"Origin", "https://trusted.example"}}}});
  lab.RunToEnd();
  bool found = false;
  for (const auto& r : lab.Trace()) {
    if (r.event.kind != "http.request" || r.event.from != "client:browser-local" || r.event.to != "api:app-api" ||
        r.event.payload.value("path", "") != "/transfer") continue;
    found = true;
    EXPECT_FALSE(r.event.payload["headers"].contains("cookie"));
    EXPECT_FALSE(r.event.payload["headers"].contains("Cookie"));
    EXPECT_EQ(r.event.payload["headers"].value("Origin", ""), "https://app.example.com");  // the browser's, not the script's
  }
  EXPECT_TRUE(found);
}

TEST_F(TokenStorageTest, PageActionsNeedAnOrigin) {
  api::Lab lab;
  LoadAndRun(lab, R"({"version": 1, "resources": {"script": {"kind": "client"}},
    "script": [{"at": "0s", "client": "script", "call": "browser.local_storage_set", "as": "r", "with": {"key": "k", "value": "v"}}]})");
  const core::Event* result = eventlab::testing::Find(lab, "browser.local_storage_set.result");
  ASSERT_NE(result, nullptr);
  ASSERT_TRUE(result->error.has_value());
  EXPECT_NE(result->error->message.find("\"origin\""), std::string::npos);
}

}  // namespace
}  // namespace eventlab::cloud::clients
