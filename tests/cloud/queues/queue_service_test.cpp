// The queue: SQS SendMessage answers and limits, ReceiveMessage and DeleteMessage with the
// visibility timeout, receive counts, redrive to a dead-letter queue, and the Lambda event source
// mapping (batches, the SQS event shape, deletes on success, redelivery after failure).
#include <gtest/gtest.h>

#include "core/digest.h"
#include "support/run_scenario.h"

namespace eventlab::cloud::queues {
namespace {

using core::Json;
using eventlab::testing::Find;
using eventlab::testing::LoadAndRun;

std::string Scenario(const std::string& handler, const std::string& body, const std::string& queue_extra = "",
                     const std::string& more_resources = "") {
  return R"({"version": 1, "resources": {"c": {"kind": "client"},
            "q": {"kind": "queue", "consumer": "f", "visibility_timeout": "10s" )" + queue_extra + R"(},
            "f": {"kind": "function", "handler": )" + handler + "}" + more_resources + R"(},
            "script": [{"at": "0s", "client": "c", "call": "queue.send", "with": {"queue": "q", "body": )" + body + "}}]}";
}

// A queue without consumer, polled by client c with `script` calls.
std::string ClientScenario(const std::string& script, const std::string& queue_extra = "", const std::string& more = "") {
  return R"({"version": 1, "resources": {"c": {"kind": "client"}, "q": {"kind": "queue", "visibility_timeout": "5s")" + queue_extra +
         "}" + more + R"(}, "script": )" + script + "}";
}

std::vector<core::Event> All(const api::Lab& lab, const std::string& kind, const std::string& to = "") {
  std::vector<core::Event> out;
  for (const auto& r : lab.Trace()) {
    if (r.event.kind == kind && (to.empty() || r.event.to == to)) out.push_back(r.event);
  }
  return out;
}

TEST(QueueServiceTest, SendAnswersMessageIdAndBodyDigest) {
  api::Lab lab;
  LoadAndRun(lab, Scenario(R"([{"return": "${event.Records[0].body}"}])", "\"hello\""));
  const core::Event* reply = Find(lab, "queue.send.result", "client:c");
  ASSERT_NE(reply, nullptr);
  EXPECT_EQ(reply->payload["MD5OfMessageBody"], core::Md5Hex("hello"));
  EXPECT_EQ(reply->payload["MessageId"].get<std::string>().size(), 36u);
}

TEST(QueueServiceTest, ConsumerGetsTheSqsEventShape) {
  api::Lab lab;
  LoadAndRun(lab, Scenario(R"([{"return": 1}])", "{\"job\": 7}"));
  const core::Event* invoke = Find(lab, "function.invoke", "function:f");
  ASSERT_NE(invoke, nullptr);
  const Json& rec = invoke->payload["Records"][0];
  for (const char* key : {"messageId", "receiptHandle", "body", "attributes", "messageAttributes", "md5OfBody", "eventSource",
                          "eventSourceARN", "awsRegion"}) {
    EXPECT_TRUE(rec.contains(key)) << key;
  }
  EXPECT_EQ(rec.size(), 9u);
  EXPECT_EQ(rec["body"], "{\"job\":7}");  // bodies are text
  EXPECT_EQ(rec["eventSource"], "aws:sqs");
  EXPECT_EQ(rec["eventSourceARN"], "arn:aws:sqs:us-east-1:123456789012:q");
  EXPECT_EQ(rec["awsRegion"], "us-east-1");
  for (const char* key : {"ApproximateReceiveCount", "SentTimestamp", "SenderId", "ApproximateFirstReceiveTimestamp"}) {
    EXPECT_TRUE(rec["attributes"][key].is_string()) << key;
  }
  EXPECT_EQ(rec["attributes"]["ApproximateReceiveCount"], "1");
  EXPECT_EQ(rec["md5OfBody"], core::Md5Hex("{\"job\":7}"));
  // Success deletes the message.
  EXPECT_EQ(lab.State()["resources"]["q"]["messages"][0]["status"], "deleted");
}

TEST(QueueServiceTest, MessageAttributesReachTheConsumerInTheLambdaSpelling) {
  api::Lab lab;
  LoadAndRun(lab, R"({"version": 1, "resources": {"c": {"kind": "client"}, "q": {"kind": "queue", "consumer": "f"},
    "f": {"kind": "function", "handler": [{"return": 1}]}},
    "script": [{"at": "0s", "client": "c", "call": "queue.send", "with": {"queue": "q", "body": "x",
      "attributes": {"color": {"DataType": "String", "StringValue": "red"}}}}]})");
  const core::Event* invoke = Find(lab, "function.invoke", "function:f");
  ASSERT_NE(invoke, nullptr);
  EXPECT_EQ(invoke->payload["Records"][0]["messageAttributes"]["color"],
            (Json{{"stringValue", "red"}, {"stringListValues", Json::array()}, {"binaryListValues", Json::array()}, {"dataType", "String"}}));
}

TEST(QueueServiceTest, AMessageOverTheLimitIsRefusedWithTheSqsError) {
  api::Lab lab;
  LoadAndRun(lab, Scenario(R"([{"return": 1}])", R"({"$body": {"size": 262145}})"));
  const core::Event* reply = Find(lab, "queue.send.result", "client:c");
  ASSERT_NE(reply, nullptr);
  ASSERT_TRUE(reply->error);
  EXPECT_EQ(reply->error->code, "InvalidParameterValue");
  EXPECT_EQ(reply->error->message, "One or more parameters are invalid. Reason: Message must be shorter than 262144 bytes.");
  EXPECT_EQ(reply->error->status, 400);
  EXPECT_EQ(Find(lab, "function.invoke"), nullptr);
}

TEST(QueueServiceTest, AFailedBatchReappearsAfterTheVisibilityTimeoutFromItsReceive) {
  api::Lab lab;
  // No redrive policy: the message keeps coming back until its retention period (60 s) ends.
  LoadAndRun(lab, Scenario(R"([{"fail": {"code": "Boom"}}])", "\"x\"", R"(, "message_retention": "60s")"));
  auto invokes = All(lab, "function.invoke", "function:f");
  ASSERT_GE(invokes.size(), 5u);
  ASSERT_LE(invokes.size(), 7u);
  for (size_t i = 1; i < invokes.size(); ++i) {
    // Visible again 10 s after the previous receive, not after the failure (each invoke then
    // takes one hop of 2-3 ms, so consecutive arrivals differ by 10 s give or take the jitter).
    const int64_t gap = invokes[i].time.us - invokes[i - 1].time.us;
    EXPECT_GE(gap, 9999000);
    EXPECT_LE(gap, 10001000);
    EXPECT_EQ(invokes[i].payload["Records"][0]["attributes"]["ApproximateReceiveCount"], std::to_string(i + 1));
    EXPECT_EQ(invokes[i].payload["Records"][0]["attributes"]["ApproximateFirstReceiveTimestamp"],
              invokes[0].payload["Records"][0]["attributes"]["ApproximateFirstReceiveTimestamp"]);
  }
  EXPECT_EQ(lab.State()["resources"]["q"]["messages"][0]["status"], "expired");
}

TEST(QueueServiceTest, RedriveMovesAMessageToTheDeadLetterQueueAfterMaxReceiveCount) {
  api::Lab lab;
  LoadAndRun(lab, Scenario(R"([{"fail": {"code": "Boom"}}])", "\"x\"",
                           R"(, "redrive_policy": {"dead_letter_queue": "dlq", "max_receive_count": 3})", R"(, "dlq": {"kind": "queue"})"));
  EXPECT_EQ(All(lab, "function.invoke", "function:f").size(), 3u);
  const Json q = lab.State()["resources"]["q"];
  EXPECT_EQ(q["messages"][0]["status"], "moved_to_dlq");
  EXPECT_EQ(q["messages"][0]["receive_count"], 3);
  const Json dlq = lab.State()["resources"]["dlq"];
  ASSERT_EQ(dlq["messages"].size(), 1u);
  EXPECT_EQ(dlq["messages"][0]["id"], q["messages"][0]["id"]);  // the same message, moved
  EXPECT_EQ(dlq["messages"][0]["body"], "x");
  EXPECT_EQ(dlq["messages"][0]["moved_from"], "q");
  EXPECT_EQ(dlq["messages"][0]["status"], "visible");
}

TEST(QueueServiceTest, TheConsumerGetsBatchesOfWaitingMessages) {
  api::Lab lab;
  // The function is slow and a poller is busy; twelve messages arrive at once: five pollers take
  // one each on arrival, the rest wait and are taken in batches of at most batch_size.
  std::string script;
  for (int i = 0; i < 12; ++i) {
    script += std::string(i ? "," : "") + R"({"at": "0s", "client": "c", "call": "queue.send", "with": {"queue": "q", "body": "m)" +
              std::to_string(i) + "\"}}";
  }
  LoadAndRun(lab, R"({"version": 1, "resources": {"c": {"kind": "client"}, "q": {"kind": "queue", "consumer": "f", "batch_size": 4},
    "f": {"kind": "function", "handler": [{"work": "1s"}, {"return": 1}]}}, "script": [)" + script + "]}");
  size_t records = 0, max_batch = 0;
  for (const auto& e : All(lab, "function.invoke", "function:f")) {
    records += e.payload["Records"].size();
    max_batch = std::max<size_t>(max_batch, e.payload["Records"].size());
  }
  EXPECT_EQ(records, 12u);
  EXPECT_EQ(max_batch, 4u);
  EXPECT_LE(All(lab, "function.invoke", "function:f").size(), 9u);
  EXPECT_EQ(lab.State()["resources"]["q"]["deleted"], 12);
}

TEST(QueueServiceTest, AConsumerSlowerThanTheVisibilityTimeoutIsRefused) {
  api::Lab lab;
  LoadAndRun(lab, R"({"version": 1, "resources": {"c": {"kind": "client"}, "q": {"kind": "queue", "consumer": "f", "visibility_timeout": "5s"},
    "f": {"kind": "function", "timeout": "10s", "handler": [{"return": 1}]}},
    "script": [{"at": "0s", "client": "c", "call": "queue.send", "with": {"queue": "q", "body": "x"}}]})");
  EXPECT_EQ(Find(lab, "function.invoke"), nullptr);
  EXPECT_EQ(lab.State()["resources"]["q"]["mapping_error"],
            "InvalidParameterValueException: Queue visibility timeout: 5 seconds is less than Function timeout: 10 seconds");
}

TEST(QueueServiceTest, ReceiveHidesAMessageUntilTheVisibilityTimeoutEnds) {
  api::Lab lab;
  LoadAndRun(lab, ClientScenario(R"([
    {"at": "0s", "client": "c", "call": "queue.send", "with": {"queue": "q", "body": "job"}},
    {"at": "1s", "client": "c", "call": "queue.receive", "as": "first", "with": {"queue": "q", "attribute_names": ["All"]}},
    {"at": "2s", "client": "c", "call": "queue.receive", "as": "hidden", "with": {"queue": "q"}},
    {"at": "7s", "client": "c", "call": "queue.receive", "as": "again", "with": {"queue": "q", "attribute_names": ["ApproximateReceiveCount"]}}])"));
  const Json results = lab.State()["resources"]["c"]["results"];
  ASSERT_EQ(results["first"]["Messages"].size(), 1u);
  const Json& m = results["first"]["Messages"][0];
  EXPECT_EQ(m["Body"], "job");
  EXPECT_EQ(m["MD5OfBody"], core::Md5Hex("job"));
  EXPECT_EQ(m["Attributes"]["ApproximateReceiveCount"], "1");
  EXPECT_TRUE(m["Attributes"].contains("SentTimestamp"));
  EXPECT_FALSE(results["hidden"].contains("Messages"));  // in flight: an empty receive
  ASSERT_EQ(results["again"]["Messages"].size(), 1u);
  EXPECT_EQ(results["again"]["Messages"][0]["Attributes"], (Json{{"ApproximateReceiveCount", "2"}}));
  EXPECT_NE(results["again"]["Messages"][0]["ReceiptHandle"], m["ReceiptHandle"]);
}

TEST(QueueServiceTest, DeleteRemovesAReceivedMessageForGood) {
  api::Lab lab;
  LoadAndRun(lab, ClientScenario(R"([
    {"at": "0s", "client": "c", "call": "queue.send", "with": {"queue": "q", "body": "job"}},
    {"at": "1s", "client": "c", "call": "queue.receive", "as": "got", "with": {"queue": "q"}},
    {"at": "2s", "client": "c", "call": "queue.delete", "as": "deleted", "with": {"queue": "q", "receipt_handle": "${got.Messages[0].ReceiptHandle}"}},
    {"at": "10s", "client": "c", "call": "queue.receive", "as": "later", "with": {"queue": "q"}},
    {"at": "11s", "client": "c", "call": "queue.delete", "with": {"queue": "q", "receipt_handle": "nonsense"}}])"));
  const Json results = lab.State()["resources"]["c"]["results"];
  EXPECT_EQ(results["deleted"], Json::object());
  EXPECT_FALSE(results["later"].contains("Messages"));
  EXPECT_EQ(lab.State()["resources"]["q"]["messages"][0]["status"], "deleted");
  EXPECT_EQ(All(lab, "queue.redeliver").size(), 0u);  // the visibility timer was cancelled
  const auto replies = All(lab, "queue.delete.result", "client:c");
  ASSERT_EQ(replies.size(), 2u);
  ASSERT_TRUE(replies[1].error);
  EXPECT_EQ(replies[1].error->code, "ReceiptHandleIsInvalid");
}

TEST(QueueServiceTest, ReceiveValidatesItsLimits) {
  api::Lab lab;
  LoadAndRun(lab, ClientScenario(R"([{"at": "0s", "client": "c", "call": "queue.receive", "with": {"queue": "q", "max_number_of_messages": 11}}])"));
  const core::Event* reply = Find(lab, "queue.receive.result", "client:c");
  ASSERT_NE(reply, nullptr);
  ASSERT_TRUE(reply->error);
  EXPECT_EQ(reply->error->code, "InvalidParameterValue");
  EXPECT_EQ(reply->error->message, "Value 11 for parameter MaxNumberOfMessages is invalid. Reason: Must be between 1 and 10, if provided.");
}

TEST(QueueServiceTest, ClientReceivesAlsoRedriveAfterMaxReceiveCount) {
  api::Lab lab;
  LoadAndRun(lab, ClientScenario(R"([
    {"at": "0s", "client": "c", "call": "queue.send", "with": {"queue": "q", "body": "poison"}},
    {"at": "1s", "client": "c", "call": "queue.receive", "with": {"queue": "q"}},
    {"at": "7s", "client": "c", "call": "queue.receive", "with": {"queue": "q"}},
    {"at": "13s", "client": "c", "call": "queue.receive", "as": "third", "with": {"queue": "q"}}])",
                                 R"(, "redrive_policy": {"dead_letter_queue": "dlq", "max_receive_count": 2})", R"(, "dlq": {"kind": "queue"})"));
  EXPECT_FALSE(lab.State()["resources"]["c"]["results"]["third"].contains("Messages"));
  EXPECT_EQ(lab.State()["resources"]["q"]["moved_to_dlq"], 1);
  EXPECT_EQ(lab.State()["resources"]["dlq"]["messages"][0]["body"], "poison");
}

TEST(QueueServiceTest, LoaderChecksTheRedrivePolicy) {
  api::Lab lab;
  auto errors = lab.Load(ClientScenario("[]", R"(, "redrive_policy": {"dead_letter_queue": "nope", "max_receive_count": 0})"));
  std::vector<std::string> texts;
  for (const auto& e : errors) texts.push_back(e.Text());
  ASSERT_EQ(texts.size(), 2u);
  EXPECT_EQ(texts[0], "/resources/q/redrive_policy/dead_letter_queue: no resource named \"nope\"");
  EXPECT_EQ(texts[1].rfind("/resources/q/redrive_policy/max_receive_count: must be an integer", 0), 0u);
}

TEST(QueueServiceTest, WiresDrawTheConsumerAndTheDeadLetterQueue) {
  api::Lab lab;
  ASSERT_TRUE(lab.Load(Scenario("[]", "\"x\"", R"(, "redrive_policy": {"dead_letter_queue": "dlq", "max_receive_count": 3})",
                                R"(, "dlq": {"kind": "queue"})")).empty());
  const auto wires = lab.Scenario()->world->resources.at("q")->Wires();
  ASSERT_EQ(wires.size(), 2u);
  EXPECT_EQ(wires[0].to, "function:f");
  EXPECT_EQ(wires[1].to, "queue:dlq");
}

}  // namespace
}  // namespace eventlab::cloud::queues
