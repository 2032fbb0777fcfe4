// The topic service: Publish and its limits, fan-out with one event per subscription, the exact
// Lambda, SQS, email and SMS formats, filter policies, and bucket notifications to a topic.
#include <gtest/gtest.h>

#include "topic_test_support.h"

namespace eventlab::cloud::topics {
namespace {

using core::Json;
using eventlab::testing::Find;
using eventlab::testing::LoadAndRun;
using testing::All;
using testing::kEchoFunction;
using testing::Publish;
using testing::TopicScenario;

const std::string kSubs = R"([{"protocol": "lambda", "endpoint": "f"}, {"protocol": "lambda", "endpoint": "g"},
                              {"protocol": "sqs", "endpoint": "q"}])";
const std::string kResources = std::string(kEchoFunction) +
                               R"(, "g": {"kind": "function", "handler": [{"return": 1}]}, "q": {"kind": "queue"})";

TEST(TopicServiceTest, PublishAnswersAMessageIdAndEverySubscriptionGetsItsOwnEvent) {
  api::Lab lab;
  LoadAndRun(lab, TopicScenario(kSubs, kResources, "[" + Publish("0s", R"("message": "hello")") + "]"));
  const core::Event* publish = Find(lab, "sns.publish", "topic:t");
  const core::Event* reply = Find(lab, "sns.publish.result", "client:c");
  ASSERT_NE(publish, nullptr);
  ASSERT_NE(reply, nullptr);
  ASSERT_FALSE(reply->error);
  EXPECT_EQ(reply->payload["MessageId"].get<std::string>().size(), 36u);
  // Three copies, three events, all caused by the publish request.
  auto f = All(lab, "function.invoke_async", "function:f");
  auto g = All(lab, "function.invoke_async", "function:g");
  auto q = All(lab, "queue.send", "queue:q");
  ASSERT_EQ(f.size(), 1u);
  ASSERT_EQ(g.size(), 1u);
  ASSERT_EQ(q.size(), 1u);
  for (const auto& e : {f[0], g[0], q[0]}) EXPECT_EQ(e.parent, publish->id);
  const Json state = lab.State()["resources"]["t"];
  EXPECT_EQ(state["published"], 1);
  ASSERT_EQ(state["deliveries"].size(), 3u);
  for (const Json& d : state["deliveries"]) EXPECT_EQ(d["status"], "delivered");
}

TEST(TopicServiceTest, LambdaSubscribersGetTheSnsEventWithLambdaSpelling) {
  api::Lab lab;
  LoadAndRun(lab, TopicScenario(R"([{"protocol": "lambda", "endpoint": "f"}])", kEchoFunction,
                                "[" + Publish("0s", R"("message": "hi", "subject": "Greeting",
                                  "message_attributes": {"color": {"DataType": "String", "StringValue": "red"}})") + "]"));
  const core::Event* invoke = Find(lab, "function.invoke_async", "function:f");
  ASSERT_NE(invoke, nullptr);
  const Json& rec = invoke->payload["Records"][0];
  EXPECT_EQ(rec["EventSource"], "aws:sns");
  EXPECT_EQ(rec["EventVersion"], "1.0");
  const std::string sub_arn = rec["EventSubscriptionArn"];
  EXPECT_EQ(sub_arn.rfind("arn:aws:sns:us-east-1:123456789012:t:", 0), 0u);
  const Json& sns = rec["Sns"];
  for (const char* key : {"Type", "MessageId", "TopicArn", "Subject", "Message", "Timestamp", "SignatureVersion", "Signature",
                          "SigningCertUrl", "UnsubscribeUrl", "MessageAttributes"}) {
    EXPECT_TRUE(sns.contains(key)) << key;
  }
  EXPECT_EQ(sns.size(), 11u);  // nothing else (no SigningCertURL spelling here)
  EXPECT_EQ(sns["Type"], "Notification");
  EXPECT_EQ(sns["TopicArn"], "arn:aws:sns:us-east-1:123456789012:t");
  EXPECT_EQ(sns["Subject"], "Greeting");
  EXPECT_EQ(sns["Message"], "hi");
  EXPECT_EQ(sns["SignatureVersion"], "1");
  EXPECT_EQ(sns["Signature"].get<std::string>().rfind("SIMULATED-", 0), 0u);
  EXPECT_EQ(sns["UnsubscribeUrl"], "https://sns.us-east-1.amazonaws.com/?Action=Unsubscribe&SubscriptionArn=" + sub_arn);
  EXPECT_EQ(sns["MessageAttributes"], (Json{{"color", {{"Type", "String"}, {"Value", "red"}}}}));
  EXPECT_EQ(sns["Timestamp"].get<std::string>().rfind("2026-01-01T00:00:00.00", 0), 0u);
}

TEST(TopicServiceTest, LambdaEventSubjectIsNullWhenNotSet) {
  api::Lab lab;
  LoadAndRun(lab, TopicScenario(R"([{"protocol": "lambda", "endpoint": "f"}])", kEchoFunction, "[" + Publish("0s", R"("message": "x")") + "]"));
  const core::Event* invoke = Find(lab, "function.invoke_async", "function:f");
  ASSERT_NE(invoke, nullptr);
  EXPECT_TRUE(invoke->payload["Records"][0]["Sns"]["Subject"].is_null());
}

TEST(TopicServiceTest, SqsSubscribersGetTheJsonNotificationAsBodyUnlessRaw) {
  api::Lab lab;
  LoadAndRun(lab, TopicScenario(R"([{"protocol": "sqs", "endpoint": "q"}, {"protocol": "sqs", "endpoint": "raw", "raw_message_delivery": true}])",
                                R"("q": {"kind": "queue"}, "raw": {"kind": "queue"})",
                                "[" + Publish("0s", R"("message": "hi", "message_attributes": {"n": {"DataType": "Number", "StringValue": "5"}})") + "]"));
  const core::Event* send = Find(lab, "queue.send", "queue:q");
  ASSERT_NE(send, nullptr);
  const std::string body = send->payload["body"];
  // SNS's key order, and the HTTP spelling SigningCertURL / UnsubscribeURL.
  EXPECT_EQ(body.find("{\"Type\":\"Notification\",\"MessageId\":"), 0u);
  const Json doc = Json::parse(body);
  EXPECT_EQ(doc["Message"], "hi");
  EXPECT_TRUE(doc.contains("SigningCertURL"));
  EXPECT_TRUE(doc.contains("UnsubscribeURL"));
  EXPECT_FALSE(doc.contains("Subject"));
  EXPECT_EQ(doc["MessageAttributes"]["n"], (Json{{"Type", "Number"}, {"Value", "5"}}));
  const core::Event* raw = Find(lab, "queue.send", "queue:raw");
  ASSERT_NE(raw, nullptr);
  EXPECT_EQ(raw->payload["body"], "hi");
  EXPECT_EQ(raw->payload["attributes"]["n"]["StringValue"], "5");
}

TEST(TopicServiceTest, EmailAndSmsLandInTheInboxesWithTheirTimes) {
  api::Lab lab;
  LoadAndRun(lab, TopicScenario(R"([{"protocol": "email", "endpoint": "ops@example.com"}, {"protocol": "sms", "endpoint": "+15555550100"},
                                    {"protocol": "email-json", "endpoint": "robot@example.com"}])",
                                "", "[" + Publish("1s", R"("message": "disk full", "subject": "Alarm")") + "]"));
  EXPECT_EQ(All(lab, "sns.email").size(), 2u);
  EXPECT_EQ(All(lab, "sns.sms").size(), 1u);
  const Json state = lab.State()["resources"]["t"];
  const Json& mail = state["email"]["ops@example.com"];
  ASSERT_EQ(mail.size(), 1u);
  EXPECT_EQ(mail[0]["subject"], "Alarm");
  EXPECT_EQ(mail[0]["body"].get<std::string>().rfind("disk full\n\n--\nIf you wish to stop receiving", 0), 0u);
  EXPECT_GT(mail[0]["time_us"].get<int64_t>(), 1000000);
  EXPECT_EQ(Json::parse(state["email"]["robot@example.com"][0]["body"].get<std::string>())["Type"], "Notification");
  ASSERT_EQ(state["sms"]["+15555550100"].size(), 1u);
  EXPECT_EQ(state["sms"]["+15555550100"][0]["body"], "disk full");
}

TEST(TopicServiceTest, FilterPoliciesDropCopiesAndCountThem) {
  api::Lab lab;
  LoadAndRun(lab, TopicScenario(R"([{"protocol": "lambda", "endpoint": "f", "filter_policy": {"color": ["red"]}}])", kEchoFunction,
                                "[" + Publish("0s", R"("message": "a", "message_attributes": {"color": {"DataType": "String", "StringValue": "red"}})") +
                                    "," + Publish("1s", R"("message": "b", "message_attributes": {"color": {"DataType": "String", "StringValue": "blue"}})") +
                                    "," + Publish("2s", R"("message": "c")") + "]"));
  auto invokes = All(lab, "function.invoke_async", "function:f");
  ASSERT_EQ(invokes.size(), 1u);
  EXPECT_EQ(invokes[0].payload["Records"][0]["Sns"]["Message"], "a");
  const Json sub = lab.State()["resources"]["t"]["subscriptions"][0];
  EXPECT_EQ(sub["matched"], 1);
  EXPECT_EQ(sub["filtered"], 2);
}

TEST(TopicServiceTest, AMessageOverTheLimitIsRefusedWithTheSnsError) {
  api::Lab lab;
  LoadAndRun(lab, TopicScenario(R"([{"protocol": "lambda", "endpoint": "f"}])", kEchoFunction,
                                "[" + Publish("0s", R"("message": {"$body": {"size": 262145}})") + "," +
                                    Publish("1s", R"("message": {"$body": {"size": 262144}})") + "]"));
  auto replies = All(lab, "sns.publish.result", "client:c");
  ASSERT_EQ(replies.size(), 2u);
  ASSERT_TRUE(replies[0].error);
  EXPECT_EQ(replies[0].error->code, "InvalidParameter");
  EXPECT_EQ(replies[0].error->message, "Invalid parameter: Message too long");
  EXPECT_EQ(replies[0].error->status, 400);
  EXPECT_FALSE(replies[1].error);  // exactly 256 KiB is allowed
  EXPECT_EQ(All(lab, "function.invoke_async").size(), 1u);
}

TEST(TopicServiceTest, AttributesCountTowardsTheSizeLimit) {
  api::Lab lab;
  LoadAndRun(lab, TopicScenario("[]", "", "[" + Publish("0s", R"("message": "12345", "message_attributes": {"k": {"DataType": "String", "StringValue": "v"}})") + "]",
                                R"({"topic_message_bytes": 10})"));
  const core::Event* reply = Find(lab, "sns.publish.result", "client:c");
  ASSERT_NE(reply, nullptr);
  ASSERT_TRUE(reply->error);  // 5 + "k" + "String" + "v" = 13 bytes > 10
  EXPECT_EQ(reply->error->message, "Invalid parameter: Message too long");
}

TEST(TopicServiceTest, PublishValidatesSubjectMessageAndAttributes) {
  api::Lab lab;
  LoadAndRun(lab, TopicScenario("[]", "", "[" + Publish("0s", R"("message": "")") + "," +
                                              Publish("1s", R"("message": "x", "subject": "line\nbreak")") + "," +
                                              Publish("2s", R"("message": "x", "message_attributes": {"a": {"DataType": "Number", "StringValue": "abc"}})") + "," +
                                              Publish("3s", R"("message": "x", "message_attributes": {"a": {"DataType": "Float", "StringValue": "1"}})") + "]"));
  auto replies = All(lab, "sns.publish.result", "client:c");
  ASSERT_EQ(replies.size(), 4u);
  EXPECT_EQ(replies[0].error->message, "Invalid parameter: Empty message");
  EXPECT_EQ(replies[1].error->message, "Invalid parameter: Subject");
  EXPECT_EQ(replies[2].error->code, "InvalidParameterValue");
  EXPECT_EQ(replies[3].error->code, "InvalidParameterValue");
  EXPECT_EQ(lab.State()["resources"]["t"]["rejected"], 4);
}

TEST(TopicServiceTest, APublishToAMissingTopicIsALoadError) {
  api::Lab lab;
  auto errors = lab.Load(R"({"version": 1, "resources": {"c": {"kind": "client"}},
    "script": [{"at": "0s", "client": "c", "call": "sns.publish", "with": {"topic": "nope", "message": "x"}}]})");
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].Text(), "/script/0/with/topic: no resource named \"nope\"");
}

TEST(TopicServiceTest, ABucketNotifiesATopicWithTheS3EventAsMessage) {
  api::Lab lab;
  LoadAndRun(lab, R"({"version": 1, "resources": {
      "up": {"kind": "client", "permissions": [{"action": "s3:PutObject", "resource": "*"}]},
      "photos": {"kind": "bucket", "notifications": [{"events": ["s3:ObjectCreated:*"], "topic": "t"}]},
      "t": {"kind": "topic", "subscriptions": [{"protocol": "lambda", "endpoint": "f"}]},
      "f": {"kind": "function", "handler": [{"return": "${parse_json(event.Records[0].Sns.Message).Records[0].s3.object.key}"}]}},
    "script": [{"at": "0s", "client": "up", "call": "storage.put_object", "with": {"bucket": "photos", "key": "a b.jpg", "body": "x"}}]})");
  const core::Event* publish = Find(lab, "sns.publish", "topic:t");
  ASSERT_NE(publish, nullptr);
  EXPECT_EQ(publish->from, "bucket:photos");
  EXPECT_EQ(publish->payload["subject"], "Amazon S3 Notification");
  const Json s3 = Json::parse(publish->payload["message"].get<std::string>());
  EXPECT_EQ(s3["Records"][0]["eventSource"], "aws:s3");
  EXPECT_EQ(s3["Records"][0]["s3"]["object"]["key"], "a+b.jpg");
  const core::Event* invoke = Find(lab, "function.invoke_async", "function:f");
  ASSERT_NE(invoke, nullptr);
  EXPECT_EQ(invoke->payload["Records"][0]["Sns"]["Subject"], "Amazon S3 Notification");
}

TEST(TopicServiceTest, WiresDrawEverySubscriptionAndDeadLetterQueue) {
  api::Lab lab;
  ASSERT_TRUE(lab.Load(TopicScenario(R"([{"protocol": "lambda", "endpoint": "f", "redrive_policy": {"dead_letter_queue": "dlq"}},
                                         {"protocol": "email", "endpoint": "a@example.com"}])",
                                     std::string(kEchoFunction) + R"(, "dlq": {"kind": "queue"})", "[]"))
                  .empty());
  const auto wires = lab.Scenario()->world->resources.at("t")->Wires();
  ASSERT_EQ(wires.size(), 2u);
  EXPECT_EQ(wires[0].to, "function:f");
  EXPECT_EQ(wires[1].to, "queue:dlq");
}

TEST(TopicServiceTest, LoaderNamesThePathOfEveryBadSubscription) {
  api::Lab lab;
  auto errors = lab.Load(TopicScenario(R"([{"protocol": "carrier-pigeon", "endpoint": "x"},
                                           {"protocol": "lambda", "endpoint": "missing"},
                                           {"protocol": "email", "endpoint": "not-an-address"},
                                           {"protocol": "lambda", "endpoint": "f", "filter_policy": {"a": "x"}},
                                           {"protocol": "lambda", "endpoint": "f", "delivery_policy": {"num_retries": 1}},
                                           {"protocol": "https", "endpoint": "f"},
                                           {"protocol": "lambda", "endpoint": "f", "colour": 1}])",
                                       kEchoFunction, "[]"));
  std::vector<std::string> texts;
  for (const auto& e : errors) texts.push_back(e.Text());
  auto has = [&](const std::string& prefix) {
    for (const auto& t : texts) {
      if (t.rfind(prefix, 0) == 0) return true;
    }
    return false;
  };
  EXPECT_TRUE(has("/resources/t/subscriptions/0/protocol: Invalid parameter: Protocol"));
  EXPECT_TRUE(has("/resources/t/subscriptions/1/endpoint: no resource named \"missing\""));
  EXPECT_TRUE(has("/resources/t/subscriptions/2/endpoint: Invalid parameter: Email address"));
  EXPECT_TRUE(has("/resources/t/subscriptions/3/filter_policy: Invalid parameter: FilterPolicy"));
  EXPECT_TRUE(has("/resources/t/subscriptions/4/delivery_policy: "));
  EXPECT_TRUE(has("/resources/t/subscriptions/5/endpoint: \"f\" is a function, not a endpoint"));
  EXPECT_TRUE(has("/resources/t/subscriptions/6/colour: unknown key"));
}

}  // namespace
}  // namespace eventlab::cloud::topics
