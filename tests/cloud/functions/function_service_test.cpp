// Functions as a learner sees them: cold and warm starts, concurrency, timeouts, payload limits,
// catching errors by code, and a container cache that survives between invocations.
#include <gtest/gtest.h>

#include "support/run_scenario.h"

namespace eventlab::cloud::functions {
namespace {

using core::Json;
using eventlab::testing::Find;
using eventlab::testing::Kinds;
using eventlab::testing::LoadAndRun;

// A client invoking function "f" (with `handler`) once per entry of `at`.
std::string Scenario(const std::string& handler, const std::vector<std::string>& at, const std::string& extra = "",
                     const std::string& payload = "{\"n\": 1}") {
  std::string script;
  for (const std::string& t : at) {
    script += std::string(script.empty() ? "" : ",") + R"({"at": ")" + t +
              R"(", "client": "c", "call": "function.invoke", "with": {"function": "f", "payload": )" + payload + "}}";
  }
  return R"({"version": 1, "resources": {"c": {"kind": "client"}, "q": {"kind": "queue"},
            "f": {"kind": "function", )" + extra + R"( "handler": )" + handler + R"(}}, "script": [)" + script + "]}";
}

std::vector<const core::Event*> Replies(const api::Lab& lab) {
  std::vector<const core::Event*> out;
  for (const auto& r : lab.Trace()) {
    if (r.event.kind == "function.invoke.result") out.push_back(&r.event);
  }
  return out;
}

TEST(FunctionServiceTest, FirstInvocationIsColdTheNextReusesTheWarmContainer) {
  api::Lab lab;
  LoadAndRun(lab, Scenario(R"([{"return": {"cold": "${context.cold_start}", "container": "${context.container}"}}])",
                           {"0s", "5s"}));
  auto replies = Replies(lab);
  ASSERT_EQ(replies.size(), 2u);
  EXPECT_EQ(replies[0]->payload, (Json{{"cold", true}, {"container", 1}}));
  EXPECT_EQ(replies[1]->payload, (Json{{"cold", false}, {"container", 1}}));
  int inits = 0;
  for (const auto& k : Kinds(lab)) inits += k == "function.init";
  EXPECT_EQ(inits, 1);
  // The cold start costs the configured 250 ms before the handler runs.
  const core::Event* init = Find(lab, "function.init");
  const core::Event* invoke = Find(lab, "function.invoke");
  EXPECT_EQ(init->time.us - invoke->time.us, 250000);
}

TEST(FunctionServiceTest, ConcurrentInvocationsGetTheirOwnContainers) {
  api::Lab lab;
  LoadAndRun(lab, Scenario(R"([{"work": "100ms"}, {"return": "${context.container}"}])", {"0s", "0s", "0s"}));
  auto replies = Replies(lab);
  ASSERT_EQ(replies.size(), 3u);
  std::set<int> containers;
  for (auto* r : replies) containers.insert(r->payload.get<int>());
  EXPECT_EQ(containers, (std::set<int>{1, 2, 3}));
  EXPECT_EQ(lab.State()["resources"]["f"]["cold_starts"], 3);
}

TEST(FunctionServiceTest, AHandlerThatRunsTooLongTimesOut) {
  api::Lab lab;
  LoadAndRun(lab, Scenario(R"([{"work": "5s"}, {"call": "queue.send", "with": {"queue": "q", "body": "x"}}])", {"0s"},
                           R"("timeout": "1500ms",)"));
  auto replies = Replies(lab);
  ASSERT_EQ(replies.size(), 1u);
  ASSERT_TRUE(replies[0]->error);
  EXPECT_EQ(replies[0]->error->code, "Sandbox.Timedout");
  EXPECT_EQ(replies[0]->error->message, "Task timed out after 1.50 seconds");
  ASSERT_NE(Find(lab, "function.timeout"), nullptr);
  // The container is discarded: nothing warm remains.
  EXPECT_TRUE(lab.State()["resources"]["f"]["containers"].empty());
}

TEST(FunctionServiceTest, WorkPastTheDeadlineTimesOutAtTheDeadline) {
  api::Lab lab;
  LoadAndRun(lab, Scenario(R"([{"work": "5s"}, {"return": "done"}])", {"0s"}, R"("timeout": "1s",)"));
  auto replies = Replies(lab);
  ASSERT_EQ(replies.size(), 1u);
  ASSERT_TRUE(replies[0]->error);
  EXPECT_EQ(replies[0]->error->code, "Sandbox.Timedout");
  const core::Event* timer = Find(lab, "function.timeout");
  ASSERT_NE(timer, nullptr);
  EXPECT_EQ(timer->time.us - Find(lab, "function.init")->time.us, 1000000);
  EXPECT_LT(replies[0]->time.us - timer->time.us, 10000);  // one hop, not the 5 s of work
}

TEST(FunctionServiceTest, NowIncludesTheWorkDoneSoFar) {
  api::Lab lab;
  LoadAndRun(lab, Scenario(R"([{"set": {"a": "${epoch_ms()}"}}, {"work": "120ms"}, {"return": "${sub(epoch_ms(), a)}"}])",
                           {"0s"}));
  auto replies = Replies(lab);
  ASSERT_EQ(replies.size(), 1u);
  EXPECT_EQ(replies[0]->payload, core::Json(120));
}

TEST(FunctionServiceTest, ACallToAMissingResourceIsAnsweredInTheTrace) {
  api::Lab lab;
  LoadAndRun(lab, Scenario(R"([{"call": "queue.send", "with": {"queue": "${concat('gh', 'ost')}", "body": "x"}}])",
                           {"0s"}));
  const core::Event* request = Find(lab, "queue.send", "queue:ghost");
  ASSERT_NE(request, nullptr);
  const core::Event* answer = Find(lab, "queue.send.result", "function:f");
  ASSERT_NE(answer, nullptr);
  EXPECT_EQ(answer->reply_to, request->id);
  EXPECT_EQ(answer->error->code, "AWS.SimpleQueueService.NonExistentQueue");
  EXPECT_EQ(Replies(lab)[0]->error->code, "AWS.SimpleQueueService.NonExistentQueue");
}

TEST(FunctionServiceTest, ACallRefusedBeforeSendingKeepsTheWorkDoneSoFar) {
  api::Lab lab;
  LoadAndRun(lab, Scenario(R"([{"work": "100ms"},
      {"call": "queue.send", "with": {"queue": "${event.n}", "body": "x"}, "catch": {"ValidationException": []}},
      {"call": "queue.send", "with": {"queue": "q", "body": "after"}}])",
                           {"0s"}));
  const core::Event* send = Find(lab, "queue.send", "queue:q");
  ASSERT_NE(send, nullptr);
  EXPECT_GE(send->time.us - Find(lab, "function.init")->time.us, 100000);
}

std::string AsyncScenario(const std::string& handler, const std::string& payload = "{\"n\": 1}") {
  return R"({"version": 1, "resources": {"c": {"kind": "client"}, "dlq": {"kind": "queue"},
      "f": {"kind": "function", "on_failure": {"queue": "dlq"}, "handler": )" + handler + R"(}},
    "script": [{"at": "0s", "client": "c", "call": "function.invoke_async", "with": {"function": "f", "payload": )" +
         payload + "}}]}";
}

TEST(FunctionServiceTest, AnAsyncInvocationIsAcknowledgedWith202) {
  api::Lab lab;
  LoadAndRun(lab, AsyncScenario(R"([{"return": 1}])"));
  const core::Event* ack = Find(lab, "function.invoke_async.result", "client:c");
  ASSERT_NE(ack, nullptr);
  EXPECT_EQ(ack->payload, (Json{{"StatusCode", 202}}));
  EXPECT_LT(ack->time.us, Find(lab, "function.init")->time.us);  // before the function even starts
  EXPECT_EQ(lab.State()["resources"]["f"]["invocations"], 1);
}

TEST(FunctionServiceTest, AFailingAsyncInvocationIsRetriedTwiceThenSentToItsDestination) {
  api::Lab lab;
  LoadAndRun(lab, AsyncScenario(R"([{"fail": {"code": "ResizeFailed", "message": "bad image"}}])"));
  std::vector<const core::Event*> retries;
  for (const auto& r : lab.Trace()) {
    if (r.event.kind == "function.retry") retries.push_back(&r.event);
  }
  ASSERT_EQ(retries.size(), 2u);
  EXPECT_EQ(retries[0]->payload["attempt"], 2);
  EXPECT_EQ(retries[1]->payload["attempt"], 3);
  EXPECT_GE(retries[1]->time.us - retries[0]->time.us, 120000000);
  EXPECT_EQ(lab.State()["resources"]["f"]["invocations"], 3);
  const core::Event* dead = Find(lab, "queue.send", "queue:dlq");
  ASSERT_NE(dead, nullptr);
  const Json record = Json::parse(dead->payload["body"].get<std::string>());
  EXPECT_EQ(record["requestContext"]["condition"], "RetriesExhausted");
  EXPECT_EQ(record["requestContext"]["approximateInvokeCount"], 3);
  EXPECT_EQ(record["requestPayload"], (Json{{"n", 1}}));
  EXPECT_EQ(record["responsePayload"]["errorType"], "ResizeFailed");
  EXPECT_EQ(record["responseContext"]["functionError"], "Unhandled");
}

TEST(FunctionServiceTest, TheAsyncPayloadLimitIsOneMegabyteToTheByte) {
  api::Lab at_limit, over;
  LoadAndRun(at_limit, AsyncScenario(R"([{"return": 1}])", R"({"$body": {"size": 1048576}})"));
  LoadAndRun(over, AsyncScenario(R"([{"return": 1}])", R"({"$body": {"size": 1048577}})"));
  EXPECT_FALSE(Find(at_limit, "function.invoke_async.result")->error);
  ASSERT_TRUE(Find(over, "function.invoke_async.result")->error);
  EXPECT_EQ(Find(over, "function.invoke_async.result")->error->code, "RequestEntityTooLargeException");
}

TEST(FunctionServiceTest, IdleContainersExpireAndTheNextInvocationIsColdAgain) {
  api::Lab lab;
  LoadAndRun(lab, R"({"version": 1, "timings": {"container_idle": "5m"}, "resources": {"c": {"kind": "client"},
      "f": {"kind": "function", "handler": [{"return": "${context.cold_start}"}]}},
    "script": [{"at": "0s", "client": "c", "call": "function.invoke", "with": {"function": "f", "payload": {}}},
               {"at": "4m", "client": "c", "call": "function.invoke", "with": {"function": "f", "payload": {}}},
               {"at": "20m", "client": "c", "call": "function.invoke", "with": {"function": "f", "payload": {}}}]})");
  auto replies = Replies(lab);
  ASSERT_EQ(replies.size(), 3u);
  EXPECT_EQ(replies[0]->payload, Json(true));
  EXPECT_EQ(replies[1]->payload, Json(false));  // reused within 5 minutes: the first expiry was cancelled
  EXPECT_EQ(replies[2]->payload, Json(true));
  int expiries = 0;
  for (const auto& k : Kinds(lab)) expiries += k == "function.expire";
  EXPECT_EQ(expiries, 2);
}

TEST(FunctionServiceTest, TimersOfFinishedInvocationsNeverFire) {
  api::Lab lab;
  LoadAndRun(lab, Scenario(R"([{"return": 1}])", {"0s"}));
  EXPECT_EQ(Find(lab, "function.timeout"), nullptr);
  EXPECT_EQ(Kinds(lab).back(), "function.expire");  // only the idle container's expiry remains
  EXPECT_TRUE(lab.Pending().empty());
}

TEST(FunctionServiceTest, CatchHandlesAnErrorByCodeAndGoesOn) {
  api::Lab lab;
  LoadAndRun(lab, Scenario(R"([
      {"call": "queue.send", "as": "sent", "with": {"queue": "${concat('miss', 'ing')}", "body": "x"},
       "catch": {"AWS.SimpleQueueService.NonExistentQueue": [{"set": {"caught": "${error.code}"}}]}},
      {"return": {"caught": "${caught}", "sent": "${sent}"}}])",
                           {"0s"}));
  auto replies = Replies(lab);
  ASSERT_EQ(replies.size(), 1u);
  EXPECT_FALSE(replies[0]->error);
  EXPECT_EQ(replies[0]->payload, (Json{{"caught", "AWS.SimpleQueueService.NonExistentQueue"}, {"sent", nullptr}}));
}

TEST(FunctionServiceTest, AnUncaughtErrorFailsTheInvocation) {
  api::Lab lab;
  LoadAndRun(lab, Scenario(R"([{"if": {"gt": ["${event.n}", 0]}, "then": [
      {"fail": {"code": "ValidationError", "message": "n=${event.n} is too big", "status": 400}}]}])",
                           {"0s"}));
  auto replies = Replies(lab);
  ASSERT_EQ(replies.size(), 1u);
  ASSERT_TRUE(replies[0]->error);
  EXPECT_EQ(*replies[0]->error, (core::Error{"ValidationError", "n=1 is too big", 400}));
  EXPECT_EQ(lab.State()["resources"]["f"]["errors"], 1);
}

TEST(FunctionServiceTest, ARequestOverSixMegabytesIsRefused) {
  api::Lab lab;
  LoadAndRun(lab, Scenario(R"([{"return": 1}])", {"0s", "1s"}, "", R"({"$body": {"size": 10485760}})"));
  auto replies = Replies(lab);
  ASSERT_EQ(replies.size(), 2u);
  ASSERT_TRUE(replies[0]->error);
  EXPECT_EQ(replies[0]->error->code, "RequestEntityTooLargeException");
  EXPECT_EQ(replies[0]->error->status, 413);
  EXPECT_EQ(replies[0]->error->message, "Request must be smaller than 6291456 bytes for the InvokeFunction operation");
  EXPECT_EQ(Find(lab, "function.init"), nullptr);  // refused before any container starts
}

TEST(FunctionServiceTest, TheContainerCacheSurvivesBetweenWarmInvocations) {
  api::Lab lab;
  LoadAndRun(lab, Scenario(R"([
      {"if": {"not": {"exists": "container.secret"}}, "then": [
        {"call": "queue.send", "as": "fetched", "with": {"queue": "q", "body": "fetch"}},
        {"set": {"container.secret": "${fetched.MessageId}"}}]},
      {"return": "${container.secret}"}])",
                           {"0s", "2s", "4s"}));
  auto replies = Replies(lab);
  ASSERT_EQ(replies.size(), 3u);
  EXPECT_EQ(replies[0]->payload, replies[1]->payload);
  EXPECT_EQ(replies[1]->payload, replies[2]->payload);
  int fetches = 0;
  for (const auto& k : Kinds(lab)) fetches += k == "queue.send";
  EXPECT_EQ(fetches, 1);
}

TEST(FunctionServiceTest, WorkCanBeComputedFromTheEvent) {
  api::Lab lab;
  LoadAndRun(lab, Scenario(R"([{"set": {"t0": "${epoch_ms()}"}}, {"work": "${concat(div(event.n, 1000), 'ms')}"},
      {"work": "${mul(event.n, 2)}"}, {"return": "${sub(epoch_ms(), t0)}"}])",
                           {"0s"}, "", R"({"n": 250000})"));
  auto replies = Replies(lab);
  ASSERT_EQ(replies.size(), 1u);
  EXPECT_EQ(replies[0]->payload, Json(750));  // 250 ms, then 500000 µs
}

TEST(FunctionServiceTest, SyntheticBodiesWithComputedSizesGetTheirDigestWhenSent) {
  api::Lab lab;
  LoadAndRun(lab, Scenario(R"([{"call": "queue.send", "with": {"queue": "q", "body": {"$body": {"size": "${div(event.n, 1000)}"}}}}])",
                           {"0s"}, "", R"({"n": 3000})"));
  const core::Event* send = Find(lab, "queue.send", "queue:q");
  ASSERT_NE(send, nullptr);
  EXPECT_EQ(send->payload["body"]["$body"]["size"], 3);
  EXPECT_EQ(send->payload["body"]["$body"]["md5"], "b95f67f61ebb03619622d798f45fc2d3");  // bytes 0, 1, 2
}

TEST(FunctionServiceTest, ForEachBindsEachItemAndResultsAreNamed) {
  api::Lab lab;
  LoadAndRun(lab, Scenario(R"([
      {"set": {"total": 0}},
      {"for_each": "${event.items}", "as": "item", "do": [{"set": {"total": "${add(total, item)}"}}]},
      {"return": "${total}"}])",
                           {"0s"}, "", R"({"items": [1, 2, 3, 4]})"));
  auto replies = Replies(lab);
  ASSERT_EQ(replies.size(), 1u);
  EXPECT_EQ(replies[0]->payload, Json(10));
}

TEST(FunctionServiceTest, AHandlerThatOutgrowsItsMemoryIsKilledAsLambdaKillsIt) {
  // Doubling a string: 2^27 bytes is past 128 MB, so the run stops there instead of at 2^64.
  api::Lab lab;
  LoadAndRun(lab, Scenario(R"([{"set": {"s": "xxxxxxxx"}},
      {"for_each": "${split('1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31,32,33,34,35,36,37,38,39,40,41,42,43,44,45,46,47,48,49,50,51,52,53,54,55,56,57,58,59,60,61,62,63,64', ',')}",
       "as": "i", "do": [{"set": {"s": "${concat(s, s)}"}}]},
      {"return": "${len(s)}"}])",
                           {"0s"}));
  auto replies = Replies(lab);
  ASSERT_EQ(replies.size(), 1u);
  ASSERT_TRUE(replies[0]->error);
  EXPECT_EQ(replies[0]->error->code, "Runtime.ExitError");
  EXPECT_NE(replies[0]->error->message.find("128 MB"), std::string::npos);
}

// Steps that leave a 1 MiB string in `mb` (64 bytes, then x16, x16, x16, x4).
constexpr const char* kMakeOneMegabyte = R"(
      {"set": {"kb": "${concat('xxxxxxxxxxxxxxxx','xxxxxxxxxxxxxxxx','xxxxxxxxxxxxxxxx','xxxxxxxxxxxxxxxx')}"}},
      {"set": {"kb": "${concat(kb, kb, kb, kb, kb, kb, kb, kb, kb, kb, kb, kb, kb, kb, kb, kb)}"}},
      {"set": {"mb": "${concat(kb, kb, kb, kb, kb, kb, kb, kb, kb, kb, kb, kb, kb, kb, kb, kb)}"}},
      {"set": {"mb": "${concat(mb, mb, mb, mb, mb, mb, mb, mb, mb, mb, mb, mb, mb, mb, mb, mb)}"}},
      {"set": {"mb": "${concat(mb, mb, mb, mb)}"}},)";

TEST(FunctionServiceTest, MoreMemoryHoldsMoreAndAReplacedValueIsFreed) {
  // 64 rounds of replacing a 1 MB value: only one is held at a time, so 128 MB is plenty.
  api::Lab lab;
  LoadAndRun(lab, Scenario(std::string("[") + kMakeOneMegabyte + R"(
      {"for_each": "${split('1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16', ',')}", "as": "i",
       "do": [{"set": {"copy": "${concat(mb, i)}"}}]},
      {"return": "${len(copy)}"}])",
                           {"0s"}));
  auto replies = Replies(lab);
  ASSERT_EQ(replies.size(), 1u);
  ASSERT_FALSE(replies[0]->error) << replies[0]->error->message;
  EXPECT_EQ(replies[0]->payload, Json(1048578));
}

TEST(FunctionServiceTest, LogLinesAreCutAtOneMegabyteAndAnInvocationKeepsEightMegabytes) {
  api::Lab lab;
  LoadAndRun(lab, Scenario(std::string("[") + kMakeOneMegabyte + R"(
      {"for_each": "${split('1,2,3,4,5,6,7,8,9,10,11,12', ',')}", "as": "i", "do": [{"log": "${concat(mb, mb)}"}]},
      {"return": 1}])",
                           {"0s"}));
  const Json logs = lab.State()["resources"]["f"]["logs"];
  ASSERT_EQ(logs.size(), 9u);  // 8 lines of 1 MB, then the note
  EXPECT_EQ(logs[0]["line"].get<std::string>().size(), 1048576u);
  EXPECT_NE(logs[8]["line"].get<std::string>().find("dropped"), std::string::npos);
}

}  // namespace
}  // namespace eventlab::cloud::functions
