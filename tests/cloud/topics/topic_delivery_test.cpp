// Topic deliveries: the HTTP/S confirmation handshake and notification format, retries with the
// delivery policy's delays, dead-letter queues, and that no copy of a message is ever lost.
#include <gtest/gtest.h>

#include "cloud/topics/delivery_policy.h"
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

std::string Webhook(const std::string& extra = "") {
  return R"("hook": {"kind": "endpoint", "url": "https://hooks.example.com/sns")" + extra + "}";
}
const std::string kSubscribeHook =
    R"({"at": "0s", "client": "c", "call": "sns.subscribe", "as": "sub", "with": {"topic": "t", "protocol": "https", "endpoint": "hook"}})";

// Notification POSTs the endpoint received (confirmations left out).
std::vector<core::Event> Notifications(const api::Lab& lab) {
  std::vector<core::Event> out;
  for (const auto& e : All(lab, "http.request", "endpoint:hook")) {
    if (e.payload["headers"]["x-amz-sns-message-type"] == "Notification") out.push_back(e);
  }
  return out;
}

TEST(TopicDeliveryTest, SubscribingAnHttpsEndpointSendsTheSubscriptionConfirmation) {
  api::Lab lab;
  LoadAndRun(lab, TopicScenario("[]", Webhook(), "[" + kSubscribeHook + "]"));
  const core::Event* reply = Find(lab, "sns.subscribe.result", "client:c");
  ASSERT_NE(reply, nullptr);
  EXPECT_EQ(reply->payload["SubscriptionArn"], "pending confirmation");
  const core::Event* post = Find(lab, "http.request", "endpoint:hook");
  ASSERT_NE(post, nullptr);
  EXPECT_EQ(post->payload["method"], "POST");
  EXPECT_EQ(post->payload["path"], "/sns");
  const Json& h = post->payload["headers"];
  EXPECT_EQ(h["x-amz-sns-message-type"], "SubscriptionConfirmation");
  EXPECT_EQ(h["x-amz-sns-topic-arn"], "arn:aws:sns:us-east-1:123456789012:t");
  EXPECT_EQ(h["Content-Type"], "text/plain; charset=UTF-8");
  const std::string body = post->payload["body"];
  EXPECT_EQ(body.find("{\"Type\":\"SubscriptionConfirmation\",\"MessageId\":"), 0u);
  const Json doc = Json::parse(body);
  std::vector<std::string> keys;
  for (auto it = doc.begin(); it != doc.end(); ++it) keys.push_back(it.key());
  EXPECT_EQ(keys, (std::vector<std::string>{"Message", "MessageId", "Signature", "SignatureVersion", "SigningCertURL",
                                            "SubscribeURL", "Timestamp", "Token", "TopicArn", "Type"}));
  EXPECT_EQ(doc["MessageId"], h["x-amz-sns-message-id"]);
  EXPECT_EQ(doc["SubscribeURL"], "https://sns.us-east-1.amazonaws.com/?Action=ConfirmSubscription&TopicArn=" +
                                     doc["TopicArn"].get<std::string>() + "&Token=" + doc["Token"].get<std::string>());
  // The endpoint confirms by visiting the SubscribeURL; the topic answers the XML response.
  const core::Event* visit = Find(lab, "http.request", "topic:t");
  ASSERT_NE(visit, nullptr);
  EXPECT_EQ(visit->payload["method"], "GET");
  EXPECT_EQ(visit->payload["query"]["Token"], doc["Token"]);
  const core::Event* answer = Find(lab, "http.request.result", "endpoint:hook");
  ASSERT_NE(answer, nullptr);
  EXPECT_EQ(answer->payload["statusCode"], 200);
  EXPECT_NE(answer->payload["body"].get<std::string>().find("<ConfirmSubscriptionResult><SubscriptionArn>arn:aws:sns:"), std::string::npos);
  EXPECT_EQ(lab.State()["resources"]["t"]["subscriptions"][0]["status"], "Confirmed");
}

TEST(TopicDeliveryTest, NotificationsReachAnHttpEndpointOnlyAfterItConfirms) {
  api::Lab lab;
  // Published before the subscription exists, right after (still pending), and after confirmation.
  LoadAndRun(lab, TopicScenario("[]", Webhook(), "[" + kSubscribeHook + "," + Publish("1ms", R"("message": "early")") + "," +
                                                     Publish("1s", R"("message": "late", "subject": "S")") + "]"));
  auto notes = Notifications(lab);
  ASSERT_EQ(notes.size(), 1u);
  const Json& h = notes[0].payload["headers"];
  EXPECT_EQ(h["x-amz-sns-message-type"], "Notification");
  const std::string sub_arn = lab.State()["resources"]["t"]["subscriptions"][0]["arn"];
  EXPECT_EQ(h["x-amz-sns-subscription-arn"], sub_arn);
  EXPECT_EQ(h["x-amz-sns-topic-arn"], "arn:aws:sns:us-east-1:123456789012:t");
  EXPECT_EQ(h["User-Agent"], "Amazon Simple Notification Service Agent");
  const std::string body = notes[0].payload["body"];
  const std::string prefix = "{\"Type\":\"Notification\",\"MessageId\":\"" + h["x-amz-sns-message-id"].get<std::string>() +
                             "\",\"TopicArn\":\"arn:aws:sns:us-east-1:123456789012:t\",\"Subject\":\"S\",\"Message\":\"late\",\"Timestamp\":";
  EXPECT_EQ(body.rfind(prefix, 0), 0u) << body;
  const Json doc = Json::parse(body);
  EXPECT_EQ(doc["UnsubscribeURL"], "https://sns.us-east-1.amazonaws.com/?Action=Unsubscribe&SubscriptionArn=" + sub_arn);
  EXPECT_TRUE(doc.contains("SigningCertURL"));
  EXPECT_FALSE(doc.contains("SigningCertUrl"));
}

TEST(TopicDeliveryTest, AnEndpointThatNeverConfirmsGetsNoNotifications) {
  api::Lab lab;
  LoadAndRun(lab, TopicScenario("[]", Webhook(R"(, "confirm": false)"), "[" + kSubscribeHook + "," + Publish("1s", R"("message": "x")") + "]"));
  EXPECT_TRUE(Notifications(lab).empty());
  EXPECT_EQ(lab.State()["resources"]["t"]["subscriptions"][0]["status"], "PendingConfirmation");
}

TEST(TopicDeliveryTest, ConfirmSubscriptionRefusesAWrongToken) {
  api::Lab lab;
  LoadAndRun(lab, TopicScenario("[]", "", R"([{"at": "0s", "client": "c", "call": "sns.confirm_subscription", "with": {"topic": "t", "token": "abc"}}])"));
  const core::Event* reply = Find(lab, "sns.confirm_subscription.result", "client:c");
  ASSERT_NE(reply, nullptr);
  ASSERT_TRUE(reply->error);
  EXPECT_EQ(reply->error->code, "InvalidParameter");
  EXPECT_EQ(reply->error->message, "Invalid token");
}

TEST(TopicDeliveryTest, SubscribeValidatesProtocolAndEndpoint) {
  api::Lab lab;
  LoadAndRun(lab, TopicScenario("[]", "", R"([{"at": "0s", "client": "c", "call": "sns.subscribe", "with": {"topic": "t", "protocol": "fax", "endpoint": "x"}},
    {"at": "1s", "client": "c", "call": "sns.subscribe", "with": {"topic": "t", "protocol": "lambda", "endpoint": "nope"}},
    {"at": "2s", "client": "c", "call": "sns.subscribe", "with": {"topic": "t", "protocol": "sms", "endpoint": "+15555550100"}}])"));
  auto replies = All(lab, "sns.subscribe.result", "client:c");
  ASSERT_EQ(replies.size(), 3u);
  EXPECT_EQ(replies[0].error->code, "InvalidParameter");
  EXPECT_EQ(replies[0].error->message.rfind("Invalid parameter: Protocol", 0), 0u);
  EXPECT_EQ(replies[1].error->code, "InvalidParameter");
  ASSERT_FALSE(replies[2].error);  // SMS needs no confirmation
  EXPECT_EQ(replies[2].payload["SubscriptionArn"].get<std::string>().rfind("arn:aws:sns:us-east-1:123456789012:t:", 0), 0u);
}

TEST(TopicDeliveryTest, AFailingWebhookIsRetried20SecondsApartThenSucceeds) {
  api::Lab lab;
  LoadAndRun(lab, TopicScenario(R"([{"protocol": "https", "endpoint": "hook"}])", Webhook(R"(, "responses": [500, 503])"),
                                "[" + Publish("0s", R"("message": "x")") + "]"));
  auto notes = Notifications(lab);
  ASSERT_EQ(notes.size(), 3u);
  const Json id = notes[0].payload["headers"]["x-amz-sns-message-id"];
  for (const auto& n : notes) EXPECT_EQ(n.payload["headers"]["x-amz-sns-message-id"], id);  // same message id on retries
  // Default HTTP/S policy: retries 20 s after each failure (plus the hop to the endpoint).
  EXPECT_GE(notes[1].time.us - notes[0].time.us, 20000000);
  EXPECT_LT(notes[1].time.us - notes[0].time.us, 20010000);
  EXPECT_GE(notes[2].time.us - notes[1].time.us, 20000000);
  EXPECT_EQ(All(lab, "sns.retry").size(), 2u);
  const Json d = lab.State()["resources"]["t"]["deliveries"][0];
  EXPECT_EQ(d["status"], "delivered");
  EXPECT_EQ(d["attempts"], 3);
  EXPECT_EQ(d["last_error"], "HTTP 503");
}

TEST(TopicDeliveryTest, A4xxAnswerEndsTheDeliveryWithoutRetry) {
  api::Lab lab;
  LoadAndRun(lab, TopicScenario(R"([{"protocol": "https", "endpoint": "hook"}])", Webhook(R"(, "status": 404)"),
                                "[" + Publish("0s", R"("message": "x")") + "]"));
  EXPECT_EQ(Notifications(lab).size(), 1u);
  EXPECT_EQ(lab.State()["resources"]["t"]["deliveries"][0]["status"], "delivered");
}

TEST(TopicDeliveryTest, ExhaustedRetriesGoToTheDeadLetterQueue) {
  api::Lab lab;
  LoadAndRun(lab, TopicScenario(R"([{"protocol": "https", "endpoint": "hook", "redrive_policy": {"dead_letter_queue": "dlq"},
                                      "delivery_policy": {"num_retries": 2, "min_delay_target": 5, "max_delay_target": 5}}])",
                                Webhook(R"(, "status": 500)") + R"(, "dlq": {"kind": "queue"})", "[" + Publish("0s", R"("message": "x")") + "]"));
  auto notes = Notifications(lab);
  ASSERT_EQ(notes.size(), 3u);  // the first attempt and two retries
  EXPECT_GE(notes[1].time.us - notes[0].time.us, 5000000);
  EXPECT_LT(notes[1].time.us - notes[0].time.us, 5010000);
  const core::Event* dead = Find(lab, "queue.send", "queue:dlq");
  ASSERT_NE(dead, nullptr);
  EXPECT_EQ(Json::parse(dead->payload["body"].get<std::string>())["Message"], "x");
  EXPECT_EQ(dead->payload["attributes"]["ErrorCode"]["StringValue"], "HTTP 500");
  EXPECT_EQ(lab.State()["resources"]["t"]["deliveries"][0]["status"], "dead_lettered");
  EXPECT_EQ(lab.State()["resources"]["dlq"]["sent"], 1);
}

TEST(TopicDeliveryTest, WithoutADeadLetterQueueAnExhaustedDeliveryIsDiscarded) {
  api::Lab lab;
  LoadAndRun(lab, TopicScenario(R"([{"protocol": "https", "endpoint": "hook"}])", Webhook(R"(, "status": 502)"),
                                "[" + Publish("0s", R"("message": "x")") + "]"));
  EXPECT_EQ(Notifications(lab).size(), 4u);  // default policy: 3 retries
  EXPECT_EQ(lab.State()["resources"]["t"]["deliveries"][0]["status"], "discarded");
}

TEST(TopicDeliveryTest, AClientSideErrorDeadLettersWithoutRetry) {
  api::Lab lab;
  // The function refuses the event (over its asynchronous payload limit, 413): SNS does not retry.
  LoadAndRun(lab, TopicScenario(R"([{"protocol": "lambda", "endpoint": "f", "redrive_policy": {"dead_letter_queue": "dlq"}}])",
                                std::string(kEchoFunction) + R"(, "dlq": {"kind": "queue"})", "[" + Publish("0s", R"("message": "x")") + "]",
                                R"({"function_async_payload_bytes": 100})"));
  EXPECT_EQ(All(lab, "function.invoke_async", "function:f").size(), 1u);
  EXPECT_EQ(All(lab, "sns.retry").size(), 0u);
  const Json d = lab.State()["resources"]["t"]["deliveries"][0];
  EXPECT_EQ(d["status"], "dead_lettered");
  EXPECT_EQ(d["last_error"], "RequestEntityTooLargeException");
  EXPECT_EQ(lab.State()["resources"]["dlq"]["sent"], 1);
}

TEST(TopicDeliveryTest, ACopyTheDeadLetterQueueRefusesIsDiscarded) {
  api::Lab lab;
  // Both queues refuse the notification (too large for them): no retry, and the DLQ refuses too.
  LoadAndRun(lab, TopicScenario(R"([{"protocol": "sqs", "endpoint": "q", "redrive_policy": {"dead_letter_queue": "dlq"}}])",
                                R"("q": {"kind": "queue"}, "dlq": {"kind": "queue"})", "[" + Publish("0s", R"("message": "x")") + "]",
                                R"({"queue_message_bytes": 50})"));
  EXPECT_EQ(All(lab, "queue.send", "queue:q").size(), 1u);
  EXPECT_EQ(All(lab, "queue.send", "queue:dlq").size(), 1u);
  EXPECT_EQ(All(lab, "sns.retry").size(), 0u);
  const Json d = lab.State()["resources"]["t"]["deliveries"][0];
  EXPECT_EQ(d["status"], "discarded");
  EXPECT_EQ(d["last_error"], "InvalidParameterValue (dead-letter queue)");
}

TEST(TopicDeliveryTest, RetryDelaysFollowTheProtocolPolicies) {
  // AWS-managed endpoints: 3 immediate, 2 at 1 s, backoff 1..20 s, then 20 s.
  RetryPolicy managed = AwsManagedPolicy();
  EXPECT_EQ(RetryDelay(managed, 1)->us, 0);
  EXPECT_EQ(RetryDelay(managed, 3)->us, 0);
  EXPECT_EQ(RetryDelay(managed, 4)->us, 1000000);
  EXPECT_EQ(RetryDelay(managed, 5)->us, 1000000);
  EXPECT_EQ(RetryDelay(managed, 6)->us, 1000000);
  EXPECT_EQ(RetryDelay(managed, 7)->us, 2000000);
  EXPECT_EQ(RetryDelay(managed, 15)->us, 20000000);
  EXPECT_EQ(RetryDelay(managed, 100015)->us, 20000000);
  EXPECT_FALSE(RetryDelay(managed, 100016));
  // Customer-managed (email, SMS): 50 retries, ending 600 s apart.
  RetryPolicy customer = CustomerManagedPolicy();
  EXPECT_EQ(RetryDelay(customer, 1)->us, 10000000);
  EXPECT_EQ(RetryDelay(customer, 50)->us, 600000000);
  EXPECT_FALSE(RetryDelay(customer, 51));
  // HTTP/S default: three retries 20 s apart.
  RetryPolicy http = DefaultHttpPolicy();
  EXPECT_EQ(RetryDelay(http, 1)->us, 20000000);
  EXPECT_EQ(RetryDelay(http, 3)->us, 20000000);
  EXPECT_FALSE(RetryDelay(http, 4));
  // A linear backoff from 10 s to 40 s over 3 retries.
  RetryPolicy linear;
  linear.num_retries = 3;
  linear.min_delay_s = 10;
  linear.max_delay_s = 40;
  EXPECT_EQ(RetryDelay(linear, 1)->us, 20000000);
  EXPECT_EQ(RetryDelay(linear, 3)->us, 40000000);
}

TEST(TopicDeliveryTest, AnHttpDeliveryPolicyOverAnHourIsRefused) {
  api::Lab lab;
  auto errors = lab.Load(TopicScenario(R"([{"protocol": "https", "endpoint": "hook", "delivery_policy": {"num_retries": 100, "num_max_delay_retries": 100,
                                          "min_delay_target": 60, "max_delay_target": 60}}])", Webhook(), "[]"));
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].path, "/resources/t/subscriptions/0/delivery_policy");
}

// Every copy of every published message is delivered, still retrying, or dead-lettered (or
// discarded, with no dead-letter queue): counted from the trace and from State after a run.
TEST(TopicDeliveryTest, NoCopyOfAMessageIsEverLost) {
  const std::string scenario = eventlab::testing::ReadSourceFile("web/scenarios/fan-out.json");
  ASSERT_FALSE(scenario.empty());
  for (bool to_end : {true, false}) {
    api::Lab lab;
    ASSERT_TRUE(lab.Load(scenario).empty());
    if (to_end) lab.RunToEnd();
    else lab.RunUntil(62500000, 100000);  // mid-run: the second upload's copies are in flight or retrying
    const Json t = lab.State()["resources"]["new-uploads"];
    uint64_t matched = 0;
    for (const Json& s : t["subscriptions"]) matched += s["matched"].get<uint64_t>();
    // One delivery record per copy, each in exactly one state.
    ASSERT_EQ(t["deliveries"].size(), matched);
    std::map<std::string, uint64_t> by_status;
    for (const Json& d : t["deliveries"]) ++by_status[d["status"].get<std::string>()];
    uint64_t accounted = 0;
    for (const char* s : {"in_flight", "retrying", "delivered", "dead_lettered", "discarded"}) accounted += by_status[s];
    EXPECT_EQ(accounted, matched);
    // From the trace: each copy's first attempt is an event from the topic caused by a publish,
    // and each delivered copy has a successful answer.
    uint64_t first_attempts = 0;
    std::map<uint64_t, std::string> kind_of;
    for (const auto& r : lab.Trace()) kind_of[r.event.id] = r.event.kind;
    for (const auto& r : lab.Trace()) {
      const auto& e = r.event;
      if (e.from != "topic:new-uploads" || e.reply_to || !e.parent || kind_of[*e.parent] != "sns.publish") continue;
      if (e.kind == "sns.email" || e.kind == "sns.sms" || e.kind == "function.invoke_async" || e.kind == "http.request" ||
          e.kind == "queue.send") {
        ++first_attempts;
      }
    }
    if (to_end) {
      EXPECT_EQ(first_attempts, matched);
      EXPECT_EQ(by_status["in_flight"] + by_status["retrying"], 0u);
      EXPECT_EQ(by_status["delivered"], matched);
    }
    EXPECT_EQ(t["published"], 2);
  }
}

}  // namespace
}  // namespace eventlab::cloud::topics
