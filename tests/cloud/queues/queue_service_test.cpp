// The placeholder queue: SQS SendMessage answers, the size limit, and redelivery after failures.
#include <gtest/gtest.h>

#include "core/digest.h"
#include "support/run_scenario.h"

namespace eventlab::cloud::queues {
namespace {

using core::Json;
using eventlab::testing::Find;
using eventlab::testing::LoadAndRun;

std::string Scenario(const std::string& handler, const std::string& body, const std::string& queue_extra = "") {
  return R"({"version": 1, "resources": {"c": {"kind": "client"},
            "q": {"kind": "queue", "consumer": "f", "visibility_timeout": "10s" )" + queue_extra + R"(},
            "f": {"kind": "function", "handler": )" + handler + R"(}},
            "script": [{"at": "0s", "client": "c", "call": "queue.send", "with": {"queue": "q", "body": )" + body + "}}]}";
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
  EXPECT_EQ(rec["body"], "{\"job\":7}");  // bodies are text
  EXPECT_EQ(rec["eventSource"], "aws:sqs");
  EXPECT_EQ(rec["eventSourceARN"], "arn:aws:sqs:us-east-1:123456789012:q");
  EXPECT_EQ(rec["attributes"]["ApproximateReceiveCount"], "1");
  EXPECT_EQ(rec["md5OfBody"], core::Md5Hex("{\"job\":7}"));
}

TEST(QueueServiceTest, AMessageOverTheLimitIsRefusedWithTheSqsError) {
  api::Lab lab;
  LoadAndRun(lab, Scenario(R"([{"return": 1}])", R"({"$body": {"size": 262145}})"));
  const core::Event* reply = Find(lab, "queue.send.result", "client:c");
  ASSERT_NE(reply, nullptr);
  ASSERT_TRUE(reply->error);
  EXPECT_EQ(reply->error->code, "InvalidParameterValue");
  EXPECT_EQ(reply->error->status, 400);
  EXPECT_EQ(Find(lab, "function.invoke"), nullptr);
}

TEST(QueueServiceTest, AFailedMessageIsRedeliveredThenDropped) {
  api::Lab lab;
  LoadAndRun(lab, Scenario(R"([{"fail": {"code": "Boom"}}])", "\"x\"", R"(, "max_receive_count": 3)"));
  std::vector<int64_t> invoke_times;
  for (const auto& r : lab.Trace()) {
    if (r.event.kind == "function.invoke") invoke_times.push_back(r.event.time.us);
  }
  ASSERT_EQ(invoke_times.size(), 3u);
  EXPECT_GE(invoke_times[1] - invoke_times[0], 10000000);  // after the visibility timeout
  EXPECT_EQ(lab.State()["resources"]["q"]["messages"][0]["status"], "dropped");
  EXPECT_EQ(lab.State()["resources"]["q"]["messages"][0]["receive_count"], 3);
}

}  // namespace
}  // namespace eventlab::cloud::queues
