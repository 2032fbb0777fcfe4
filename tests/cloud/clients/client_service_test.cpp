// Scripted clients: each call is the client's own step, and later calls can use earlier replies.
#include <gtest/gtest.h>

#include "support/run_scenario.h"

namespace eventlab::cloud::clients {
namespace {

using core::Json;
using eventlab::testing::Find;
using eventlab::testing::LoadAndRun;

constexpr const char* kScenario = R"({"version": 1, "resources": {
    "c": {"kind": "client"}, "q": {"kind": "queue"},
    "f": {"kind": "function", "handler": [{"return": {"target": "q", "note": "${event.note}"}}]}},
  "script": [
    {"at": "0s", "client": "c", "call": "function.invoke", "as": "plan", "with": {"function": "f", "payload": {"note": "n1"}}},
    {"at": "5s", "client": "c", "call": "queue.send", "as": "sent", "with": {"queue": "${plan.target}", "body": "${plan.note}"}},
    {"at": "6s", "client": "c", "call": "queue.send", "with": {"queue": "q", "body": "${nothing.here}"}}]})";

TEST(ClientServiceTest, LaterCallsUseEarlierRepliesByName) {
  api::Lab lab;
  LoadAndRun(lab, kScenario);
  const core::Event* send = Find(lab, "queue.send", "queue:q");
  ASSERT_NE(send, nullptr);
  EXPECT_EQ(send->payload, (Json{{"body", "n1"}}));
  const Json results = lab.State()["resources"]["c"]["results"];
  EXPECT_EQ(results["plan"], (Json{{"note", "n1"}, {"target", "q"}}));
  EXPECT_EQ(results["sent"]["MD5OfMessageBody"].get<std::string>().size(), 32u);
}

TEST(ClientServiceTest, EachScriptedCallIsTracedAsTheClientsOwnStep) {
  api::Lab lab;
  LoadAndRun(lab, kScenario);
  const core::Event* step = Find(lab, "client.call");
  ASSERT_NE(step, nullptr);
  EXPECT_EQ(step->from, "client:c");
  EXPECT_EQ(step->to, "client:c");
  const core::Event* invoke = Find(lab, "function.invoke");
  EXPECT_EQ(invoke->parent, step->id);
}

TEST(ClientServiceTest, ACallWhoseTemplateFailsAnswersWithAnErrorInTheTrace) {
  api::Lab lab;
  LoadAndRun(lab, kScenario);
  const core::Event* failed = nullptr;
  for (const auto& r : lab.Trace()) {
    if (r.event.kind == "queue.send.result" && r.event.from == "client:c") failed = &r.event;
  }
  ASSERT_NE(failed, nullptr);
  ASSERT_TRUE(failed->error);
  EXPECT_EQ(failed->error->code, "Runtime.TemplateError");
  EXPECT_NE(failed->error->message.find("nothing.here"), std::string::npos);
}

}  // namespace
}  // namespace eventlab::cloud::clients
