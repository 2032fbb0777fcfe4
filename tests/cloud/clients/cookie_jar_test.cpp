// The cookie jar: Set-Cookie parsing and refusals, which cookies a request carries (domain, path,
// Secure, SameSite) and what document.cookie shows a script.
#include "cloud/clients/cookie_jar.h"

#include <gtest/gtest.h>

namespace eventlab::cloud::clients {
namespace {

constexpr int64_t kNow = 1772445600;  // 2026-03-02T10:00:00Z

CookieJar JarWith(const std::string& set_cookie, const std::string& host = "api.example.com") {
  CookieJar jar;
  auto c = ParseSetCookie(set_cookie, host, true, kNow);
  EXPECT_TRUE(c.ok()) << set_cookie;
  if (c.ok()) jar.Store(c.value(), kNow);
  return jar;
}

RequestContext Request(const std::string& host, bool same_site, const std::string& method = "GET", bool navigation = false) {
  RequestContext r;
  r.host = host;
  r.path = "/profile";
  r.same_site = same_site;
  r.method = method;
  r.top_level_navigation = navigation;
  r.now_epoch_s = kNow + 1;
  return r;
}

TEST(CookieJarTest, ParsesEveryAttributeTheLessonUses) {
  auto c = ParseSetCookie("session=abc; Domain=.example.com; Path=/; Max-Age=3600; Secure; HttpOnly; SameSite=Strict",
                          "api.example.com", true, kNow);
  ASSERT_TRUE(c.ok());
  EXPECT_EQ(c.value().name, "session");
  EXPECT_EQ(c.value().value, "abc");
  EXPECT_EQ(c.value().domain, "example.com");
  EXPECT_FALSE(c.value().host_only);
  EXPECT_TRUE(c.value().secure);
  EXPECT_TRUE(c.value().http_only);
  EXPECT_EQ(c.value().same_site, SameSite::kStrict);
  EXPECT_EQ(c.value().expires_epoch_s, kNow + 3600);
}

TEST(CookieJarTest, CookieWithoutSameSiteIsLax) {
  auto c = ParseSetCookie("a=1", "api.example.com", true, kNow);
  ASSERT_TRUE(c.ok());
  EXPECT_EQ(c.value().same_site, SameSite::kLax);
  EXPECT_TRUE(c.value().host_only);
}

TEST(CookieJarTest, RefusesWhatBrowsersIgnore) {
  EXPECT_FALSE(ParseSetCookie("novalue", "api.example.com", true, kNow).ok());
  EXPECT_FALSE(ParseSetCookie("a=1; Domain=other.com", "api.example.com", true, kNow).ok());
  EXPECT_FALSE(ParseSetCookie("a=1; Secure", "api.example.com", false, kNow).ok());
  auto none = ParseSetCookie("a=1; SameSite=None", "api.example.com", true, kNow);
  ASSERT_FALSE(none.ok());
  EXPECT_NE(none.error().message.find("requires Secure"), std::string::npos);
}

TEST(CookieJarTest, SameSiteRequestCarriesTheCookie) {
  CookieJar jar = JarWith("session=abc; Domain=example.com; Path=/; Secure; HttpOnly; SameSite=Strict");
  EXPECT_EQ(jar.HeaderFor(Request("api.example.com", true), nullptr), "session=abc");
}

TEST(CookieJarTest, StrictCookieStaysOffCrossSiteRequestsEvenNavigations) {
  CookieJar jar = JarWith("session=abc; Path=/; Secure; SameSite=Strict");
  std::vector<CookieDecision> decisions;
  EXPECT_EQ(jar.HeaderFor(Request("api.example.com", false, "GET", true), &decisions), "");
  ASSERT_EQ(decisions.size(), 1u);
  EXPECT_FALSE(decisions[0].sent);
  EXPECT_EQ(decisions[0].reason, "SameSite=Strict on a cross-site request");
}

TEST(CookieJarTest, LaxCookieGoesOnlyWithCrossSiteTopLevelGet) {
  CookieJar jar = JarWith("pref=1; Path=/; Secure; SameSite=Lax");
  EXPECT_EQ(jar.HeaderFor(Request("api.example.com", false, "GET", true), nullptr), "pref=1");
  EXPECT_EQ(jar.HeaderFor(Request("api.example.com", false, "POST", true), nullptr), "");
  EXPECT_EQ(jar.HeaderFor(Request("api.example.com", false, "GET", false), nullptr), "");
}

TEST(CookieJarTest, NoneCookieGoesCrossSite) {
  CookieJar jar = JarWith("tracker=1; Path=/; Secure; SameSite=None");
  EXPECT_EQ(jar.HeaderFor(Request("api.example.com", false, "POST"), nullptr), "tracker=1");
}

TEST(CookieJarTest, HostOnlyCookieIsNotSentToOtherSubdomains) {
  CookieJar jar = JarWith("a=1; Path=/");
  EXPECT_EQ(jar.HeaderFor(Request("www.example.com", true), nullptr), "");
  EXPECT_EQ(jar.HeaderFor(Request("api.example.com", true), nullptr), "a=1");
}

TEST(CookieJarTest, PathMustMatchAtASlash) {
  CookieJar jar = JarWith("a=1; Path=/prof");
  RequestContext r = Request("api.example.com", true);
  r.path = "/profile";
  EXPECT_EQ(jar.HeaderFor(r, nullptr), "");
  r.path = "/prof/x";
  EXPECT_EQ(jar.HeaderFor(r, nullptr), "a=1");
}

TEST(CookieJarTest, ExpiresAfterMaxAgeAndMaxAgeZeroDeletes) {
  CookieJar jar = JarWith("a=1; Path=/; Max-Age=10");
  RequestContext r = Request("api.example.com", true);
  r.now_epoch_s = kNow + 9;
  EXPECT_EQ(jar.HeaderFor(r, nullptr), "a=1");
  r.now_epoch_s = kNow + 10;
  EXPECT_EQ(jar.HeaderFor(r, nullptr), "");
  CookieJar jar2 = JarWith("b=1; Path=/");
  jar2.Store(ParseSetCookie("b=1; Path=/; Max-Age=0", "api.example.com", true, kNow).value(), kNow);
  EXPECT_TRUE(jar2.State(kNow).empty());
}

TEST(CookieJarTest, ScriptsSeeOnlyNonHttpOnlyCookies) {
  CookieJar jar = JarWith("session=secret; Domain=example.com; Path=/; Secure; HttpOnly; SameSite=Strict");
  jar.Store(ParseSetCookie("theme=dark; Domain=example.com; Path=/", "api.example.com", true, kNow).value(), kNow);
  EXPECT_EQ(jar.DocumentCookie("app.example.com", true, kNow), "theme=dark");
  EXPECT_EQ(jar.HiddenFromScripts("app.example.com", kNow), std::vector<std::string>{"session"});
}

TEST(CookieJarTest, SitesCompareRegistrableDomains) {
  EXPECT_EQ(SiteOf("app.example.com"), "example.com");
  EXPECT_EQ(SiteOf("api.example.com"), "example.com");
  EXPECT_NE(SiteOf("evil.example"), SiteOf("api.example.com"));
  EXPECT_EQ(SiteOf("abc.execute-api.us-east-1.amazonaws.com"), "abc.execute-api.us-east-1.amazonaws.com");
}

}  // namespace
}  // namespace eventlab::cloud::clients
