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

TEST(FunctionServiceTest, TimersOfFinishedInvocationsNeverFire) {
  api::Lab lab;
  LoadAndRun(lab, Scenario(R"([{"return": 1}])", {"0s"}));
  EXPECT_EQ(Find(lab, "function.timeout"), nullptr);
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

}  // namespace
}  // namespace eventlab::cloud::functions
