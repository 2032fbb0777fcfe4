// S3 event notifications: the overlap rule at load time, matching by event type and key filter,
// and the event record's shape as functions and queues receive it.
#include <gtest/gtest.h>

#include "cloud/storage/notifications.h"
#include "cloud/storage/s3_event.h"
#include "core/digest.h"
#include "support/run_scenario.h"

namespace eventlab::cloud::storage {
namespace {

using core::Json;
using eventlab::testing::Find;
using eventlab::testing::LoadAndRun;

std::string Scenario(const std::string& notifications, const std::string& calls) {
  return R"({"version": 1, "resources": {"c": {"kind": "client", "permissions": [{"action": "s3:*", "resource": "*"}]},
            "f": {"kind": "function", "handler": [{"return": 1}]},
            "g": {"kind": "function", "handler": [{"return": 1}]},
            "q": {"kind": "queue"},
            "images": {"kind": "bucket", "notifications": )" + notifications + R"(}},
            "script": [)" + calls + "]}";
}

std::vector<std::string> LoadErrors(const std::string& notifications) {
  api::Lab lab;
  std::vector<std::string> out;
  for (const auto& e : lab.Load(Scenario(notifications, ""))) out.push_back(e.Text());
  return out;
}

NotificationConfig Config(std::vector<std::string> events, std::string prefix = "", std::string suffix = "") {
  NotificationConfig c;
  c.events = std::move(events);
  c.prefix = std::move(prefix);
  c.suffix = std::move(suffix);
  return c;
}

TEST(NotificationsTest, OverlapNeedsACommonEventTypeAndOverlappingFilters) {
  EXPECT_TRUE(Overlap(Config({"s3:ObjectCreated:*"}), Config({"s3:ObjectCreated:Put"})));
  EXPECT_FALSE(Overlap(Config({"s3:ObjectCreated:*"}), Config({"s3:ObjectRemoved:*"})));
  EXPECT_FALSE(Overlap(Config({"s3:ObjectCreated:Put"}), Config({"s3:ObjectCreated:Copy"})));
  EXPECT_TRUE(Overlap(Config({"s3:ObjectCreated:*"}, "images/"), Config({"s3:ObjectCreated:*"}, "images/thumbs/")));
  EXPECT_FALSE(Overlap(Config({"s3:ObjectCreated:*"}, "images/"), Config({"s3:ObjectCreated:*"}, "docs/")));
  EXPECT_FALSE(Overlap(Config({"s3:ObjectCreated:*"}, "", ".jpg"), Config({"s3:ObjectCreated:*"}, "", ".png")));
  EXPECT_TRUE(Overlap(Config({"s3:ObjectCreated:*"}, "", ".jpg"), Config({"s3:ObjectCreated:*"}, "a/", "")));
}

TEST(NotificationsTest, LoaderRejectsOverlapAtTheSecondConfiguration) {
  auto errors = LoadErrors(R"([{"events": ["s3:ObjectCreated:*"], "function": "f"},
                               {"events": ["s3:ObjectCreated:Put"], "prefix": "x/", "queue": "q"}])");
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_NE(errors[0].find("/resources/images/notifications/1"), std::string::npos) << errors[0];
  EXPECT_NE(errors[0].find(kOverlapMessage), std::string::npos) << errors[0];
  EXPECT_TRUE(LoadErrors(R"([{"events": ["s3:ObjectCreated:*"], "suffix": ".jpg", "function": "f"},
                             {"events": ["s3:ObjectCreated:*"], "suffix": ".png", "function": "g"}])").empty());
  auto bad = LoadErrors(R"([{"events": ["s3:ObjectCreated:Nope"], "function": "f"}])");
  ASSERT_EQ(bad.size(), 1u);
  EXPECT_NE(bad[0].find("/resources/images/notifications/0/events/0"), std::string::npos);
}

TEST(NotificationsTest, MatchesByEventTypeAndKeyFilters) {
  NotificationConfig c = Config({"s3:ObjectCreated:*"}, "uploads/", ".jpg");
  EXPECT_TRUE(Matches(c, "ObjectCreated:Put", "uploads/a.jpg"));
  EXPECT_FALSE(Matches(c, "ObjectCreated:Put", "uploads/a.png"));
  EXPECT_FALSE(Matches(c, "ObjectCreated:Put", "other/a.jpg"));
  EXPECT_FALSE(Matches(c, "ObjectRemoved:Delete", "uploads/a.jpg"));
}

TEST(NotificationsTest, EventKeysAreUrlEncodedAsS3WritesThem) {
  EXPECT_EQ(EventKey("photos/red flower.jpg"), "photos/red+flower.jpg");
  EXPECT_EQ(EventKey("a=b"), "a%3Db");
}

TEST(NotificationsTest, PutAndDeleteNotifyAFunctionWithTheS3EventShape) {
  api::Lab lab;
  LoadAndRun(lab, Scenario(R"([{"id": "thumbs", "events": ["s3:ObjectCreated:*"], "prefix": "in/", "function": "f"},
                               {"id": "gone", "events": ["s3:ObjectRemoved:*"], "queue": "q"}])",
                           R"({"at": "1s", "client": "c", "call": "storage.put_object", "with": {"bucket": "images", "key": "in/a b.jpg", "body": "JPEG"}},
                              {"at": "1s", "client": "c", "call": "storage.put_object", "with": {"bucket": "images", "key": "out/x.jpg", "body": "x"}},
                              {"at": "2s", "client": "c", "call": "storage.delete_object", "with": {"bucket": "images", "key": "in/a b.jpg"}})"));
  int invokes = 0;
  for (const auto& r : lab.Trace()) invokes += r.event.kind == "function.invoke_async";
  EXPECT_EQ(invokes, 1);  // out/x.jpg does not match the prefix
  const core::Event* invoke = Find(lab, "function.invoke_async", "function:f");
  ASSERT_NE(invoke, nullptr);
  EXPECT_EQ(invoke->from, "bucket:images");
  ASSERT_EQ(invoke->payload["Records"].size(), 1u);
  const Json& rec = invoke->payload["Records"][0];
  EXPECT_EQ(rec["eventVersion"], "2.1");
  EXPECT_EQ(rec["eventSource"], "aws:s3");
  EXPECT_EQ(rec["awsRegion"], "us-east-1");
  EXPECT_EQ(rec["eventName"], "ObjectCreated:Put");
  EXPECT_EQ(rec["eventTime"].get<std::string>().substr(0, 20), "2026-01-01T00:00:01.");
  EXPECT_EQ(rec["userIdentity"]["principalId"].get<std::string>().rfind("AWS:AIDA", 0), 0u);
  EXPECT_TRUE(rec["requestParameters"]["sourceIPAddress"].is_string());
  EXPECT_EQ(rec["responseElements"]["x-amz-request-id"].get<std::string>().size(), 16u);
  EXPECT_TRUE(rec["responseElements"]["x-amz-id-2"].is_string());
  const Json& s3 = rec["s3"];
  EXPECT_EQ(s3["s3SchemaVersion"], "1.0");
  EXPECT_EQ(s3["configurationId"], "thumbs");
  EXPECT_EQ(s3["bucket"]["name"], "images");
  EXPECT_EQ(s3["bucket"]["arn"], "arn:aws:s3:::images");
  EXPECT_TRUE(s3["bucket"]["ownerIdentity"]["principalId"].is_string());
  EXPECT_EQ(s3["object"]["key"], "in/a+b.jpg");
  EXPECT_EQ(s3["object"]["size"], 4);
  EXPECT_EQ(s3["object"]["eTag"], core::Md5Hex("JPEG"));
  const std::string put_seq = s3["object"]["sequencer"];

  const core::Event* sent = Find(lab, "queue.send", "queue:q");
  ASSERT_NE(sent, nullptr);
  ASSERT_TRUE(sent->payload["body"].is_string());
  const Json removed = Json::parse(sent->payload["body"].get<std::string>())["Records"][0];
  EXPECT_EQ(removed["eventName"], "ObjectRemoved:Delete");
  EXPECT_EQ(removed["s3"]["configurationId"], "gone");
  EXPECT_FALSE(removed["s3"]["object"].contains("eTag"));
  const std::string del_seq = removed["s3"]["object"]["sequencer"];
  EXPECT_EQ(put_seq.size(), del_seq.size());
  EXPECT_LT(put_seq, del_seq);  // sequencers increase
}

}  // namespace
}  // namespace eventlab::cloud::storage
