// Presigned URLs used through http.request: private buckets refuse anonymous requests; expiry is
// checked against the simulated clock; any tampering breaks the signature; the signer's own
// permissions decide.
#include <gtest/gtest.h>

#include "core/digest.h"
#include "support/run_scenario.h"

namespace eventlab::cloud::storage {
namespace {

using core::Json;
using eventlab::testing::Find;
using eventlab::testing::LoadAndRun;

constexpr const char* kResources = R"("resources": {
    "alice": {"kind": "client", "permissions": [{"action": "s3:GetObject", "resource": "arn:aws:s3:::images/*"},
                                                {"action": "s3:PutObject", "resource": "arn:aws:s3:::images/up/*"}]},
    "bob": {"kind": "client"},
    "browser": {"kind": "client"},
    "images": {"kind": "bucket", "objects": {"a.txt": {"body": "hi", "content_type": "text/plain"}}}})";

// `signer` presigns at 0s (as "u"); `requester` then makes `request` (a JSON http.request "with") at `at`.
std::string Scenario(const std::string& signer, const std::string& presign_with, const std::string& at,
                     const std::string& request, const std::string& requester = "browser") {
  return std::string(R"({"version": 1, )") + kResources + R"(, "script": [
    {"at": "0s", "client": ")" + signer + R"(", "call": "storage.presign", "with": )" + presign_with + R"(, "as": "u"},
    {"at": ")" + at + R"(", "client": ")" + requester + R"(", "call": "http.request", "with": )" + request + "}]}";
}

const std::string kGetA = R"({"bucket": "images", "key": "a.txt", "method": "GET", "expires": 60})";

// The URL alice's presign produces (the same in every run: credentials and clock are simulated).
std::string PresignedUrl(const std::string& signer, const std::string& with) {
  api::Lab lab;
  LoadAndRun(lab, std::string(R"({"version": 1, )") + kResources + R"(, "script": [
    {"at": "0s", "client": ")" + signer + R"(", "call": "storage.presign", "with": )" + with + "}]}");
  const core::Event* r = Find(lab, "storage.presign.result");
  return r && !r->error ? r->payload["url"].get<std::string>() : "";
}

// The browser's reply to a request with `url` made at `at`.
core::Event Use(const std::string& method, const std::string& url, const std::string& at = "1s",
                const std::string& body = "") {
  api::Lab lab;
  Json request = {{"method", method}, {"url", url}};
  if (!body.empty()) request["body"] = body;
  LoadAndRun(lab, Scenario("alice", kGetA, at, request.dump()));
  const core::Event* r = Find(lab, "http.request.result", "client:browser");
  EXPECT_NE(r, nullptr);
  return r ? *r : core::Event{};
}

std::string Replace(std::string s, const std::string& from, const std::string& to) {
  const size_t at = s.find(from);
  EXPECT_NE(at, std::string::npos) << from << " in " << s;
  if (at != std::string::npos) s.replace(at, from.size(), to);
  return s;
}

TEST(PresignedUrlTest, PresignAnswersAUrlSignedAtTheCallersClock) {
  api::Lab lab;
  LoadAndRun(lab, Scenario("alice", kGetA, "1s", R"({"method": "GET", "url": "${u.url}"})", "alice"));
  const core::Event* p = Find(lab, "storage.presign.result");
  ASSERT_NE(p, nullptr);
  const std::string url = p->payload["url"];
  EXPECT_EQ(url.rfind("https://images.s3.amazonaws.com/a.txt?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIA", 0), 0u) << url;
  EXPECT_NE(url.find("%2F20260101%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Date=20260101T000000Z&X-Amz-Expires=60&X-Amz-SignedHeaders=host&X-Amz-Signature="), std::string::npos) << url;
  EXPECT_EQ(p->payload["expires_at"], "2026-01-01T00:01:00.000Z");
  const core::Event* r = Find(lab, "http.request.result", "client:alice");
  ASSERT_NE(r, nullptr);
  ASSERT_FALSE(r->error) << r->error->code;
  EXPECT_EQ(r->payload["statusCode"], 200);
  EXPECT_EQ(r->payload["body"], "hi");
  EXPECT_EQ(r->payload["headers"]["ETag"], "\"" + core::Md5Hex("hi") + "\"");
}

TEST(PresignedUrlTest, AnonymousRequestsToAPrivateBucketAreDenied) {
  core::Event r = Use("GET", "https://images.s3.amazonaws.com/a.txt");
  ASSERT_TRUE(r.error);
  EXPECT_EQ(*r.error, (core::Error{"AccessDenied", "Access Denied", 403}));
}

TEST(PresignedUrlTest, WorksThroughItsLastSecondAndExpiresAfter) {
  const std::string url = PresignedUrl("alice", kGetA);
  EXPECT_FALSE(Use("GET", url, "60s").error);
  core::Event late = Use("GET", url, "61s");
  ASSERT_TRUE(late.error);
  EXPECT_EQ(*late.error, (core::Error{"AccessDenied", "Request has expired", 403}));
}

TEST(PresignedUrlTest, EveryTamperedPartBreaksTheSignature) {
  const std::string url = PresignedUrl("alice", kGetA);
  ASSERT_FALSE(url.empty());
  const std::string sig = url.substr(url.find("X-Amz-Signature=") + 16);
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"GET", Replace(url, "X-Amz-Expires=60", "X-Amz-Expires=600")},
      {"GET", Replace(url, "X-Amz-Date=20260101T000000Z", "X-Amz-Date=20260101T000001Z")},
      {"GET", Replace(url, "X-Amz-SignedHeaders=host", "X-Amz-SignedHeaders=host%3Bx-amz-acl")},
      {"GET", Replace(url, "%2F20260101%2F", "%2F20260102%2F")},
      {"GET", Replace(url, sig, std::string(1, sig[0] == 'a' ? 'b' : 'a') + sig.substr(1))},
      {"GET", Replace(url, "/a.txt?", "/b.txt?")},
      {"GET", url + "&response-content-type=text%2Fhtml"},
      {"PUT", url},
  };
  for (const auto& [method, tampered] : cases) {
    core::Event r = Use(method, tampered);
    ASSERT_TRUE(r.error) << tampered;
    EXPECT_EQ(r.error->code, "SignatureDoesNotMatch") << tampered;
    EXPECT_EQ(r.error->status, 403);
    EXPECT_EQ(r.error->message,
              "The request signature we calculated does not match the signature you provided. Check your key and "
              "signing method.");
  }
}

TEST(PresignedUrlTest, MalformedParametersAndUnknownKeysUseS3Errors) {
  const std::string url = PresignedUrl("alice", kGetA);
  core::Event week = Use("GET", Replace(url, "X-Amz-Expires=60", "X-Amz-Expires=604801"));
  ASSERT_TRUE(week.error);
  EXPECT_EQ(*week.error, (core::Error{"AuthorizationQueryParametersError",
                                      "X-Amz-Expires must be less than a week (in seconds) that is 604800", 400}));
  core::Event missing = Use("GET", Replace(url, "X-Amz-Algorithm=AWS4-HMAC-SHA256&", ""));
  ASSERT_TRUE(missing.error);
  EXPECT_EQ(missing.error->code, "AuthorizationQueryParametersError");
  core::Event unknown = Use("GET", Replace(url, "X-Amz-Credential=AKIA", "X-Amz-Credential=AKIB"));
  ASSERT_TRUE(unknown.error);
  EXPECT_EQ(*unknown.error, (core::Error{"InvalidAccessKeyId",
                                         "The AWS Access Key Id you provided does not exist in our records.", 403}));
}

TEST(PresignedUrlTest, AUrlFromASignerWithoutThePermissionFailsWhenUsed) {
  const std::string url = PresignedUrl("bob", kGetA);
  ASSERT_FALSE(url.empty());  // signing itself needs no permission, as in the SDKs
  core::Event r = Use("GET", url);
  ASSERT_TRUE(r.error);
  EXPECT_EQ(*r.error, (core::Error{"AccessDenied", "Access Denied", 403}));
}

TEST(PresignedUrlTest, PresignedPutStoresTheBodyUnderTheDecodedKey) {
  api::Lab lab;
  LoadAndRun(lab, Scenario("alice", R"({"bucket": "images", "key": "up/my photo.jpg", "method": "PUT", "expires": 300})",
                           "2s", R"({"method": "PUT", "url": "${u.url}", "body": "JPEG"})", "alice"));
  const core::Event* r = Find(lab, "http.request.result", "client:alice");
  ASSERT_NE(r, nullptr);
  ASSERT_FALSE(r->error) << r->error->code << " " << r->error->message;
  EXPECT_EQ(r->payload, (Json{{"statusCode", 200}, {"headers", {{"ETag", "\"" + core::Md5Hex("JPEG") + "\""}}}, {"body", ""}}));
  const Json objects = lab.State()["resources"]["images"]["objects"];
  ASSERT_EQ(objects.size(), 2u);
  EXPECT_EQ(objects[1]["key"], "up/my photo.jpg");
  EXPECT_EQ(objects[1]["size"], 4);
}

}  // namespace
}  // namespace eventlab::cloud::storage
