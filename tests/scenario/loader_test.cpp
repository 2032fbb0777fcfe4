// The loader: a valid scenario loads whole; each bad input gives an error naming its JSON path.
#include "scenario/loader.h"

#include "cloud/functions/function_models.h"
#include "cloud/queues/queue_models.h"

#include <gtest/gtest.h>

#include <string>

namespace eventlab::scenario {
namespace {

using core::Json;

Json Minimal() {
  return Json::parse(R"({
    "version": 1,
    "resources": {
      "alice": {"kind": "client"},
      "jobs": {"kind": "queue", "consumer": "echo"},
      "echo": {"kind": "function", "handler": [{"return": "${event}"}]}
    },
    "script": [{"at": "0s", "client": "alice", "call": "queue.send", "with": {"queue": "jobs", "body": "hi"}}]
  })");
}

TEST(LoaderTest, LoadsAValidScenarioWithDefaults) {
  LoadResult r = LoadScenarioJson(Minimal());
  ASSERT_TRUE(r.ok()) << (r.errors.empty() ? "" : r.errors[0].Text());
  EXPECT_EQ(r.scenario->seed, 0u);
  EXPECT_EQ(r.scenario->world->env.start_epoch_us, 1767225600000000LL);
  EXPECT_EQ(r.scenario->world->Find<cloud::functions::FunctionConfig>("echo")->timeout.us, 3000000);
  EXPECT_EQ(r.scenario->world->Find<cloud::queues::QueueConfig>("jobs")->consumer, "echo");
  EXPECT_EQ(r.scenario->world->Find<cloud::queues::QueueConfig>("echo"), nullptr);
  EXPECT_EQ(r.scenario->world->script.size(), 1u);
}

TEST(LoaderTest, ReportsEveryProblemAndLoadsNothing) {
  Json doc = Minimal();
  doc["seed"] = -1;
  doc["resources"]["images"] = {{"kind", "bukket"}};
  doc["script"][0]["at"] = "soon";
  LoadResult r = LoadScenarioJson(doc);
  EXPECT_FALSE(r.ok());
  EXPECT_EQ(r.errors.size(), 3u);
}

TEST(LoaderTest, SyntaxErrorsSayWhere) {
  LoadResult r = LoadScenario("{\"version\": 1,\n \"resources\": {,}}");
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_NE(r.errors[0].message.find("line 2"), std::string::npos) << r.errors[0].message;
}

TEST(LoaderTest, SyntheticBodiesGetTheirDigest) {
  Json doc = Minimal();
  doc["script"][0]["with"]["body"] = {{"$body", {{"size", 3}}}};
  LoadResult r = LoadScenarioJson(doc);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r.scenario->world->script[0].with["body"]["$body"]["md5"], "b95f67f61ebb03619622d798f45fc2d3");
}

struct BadInput {
  const char* name;
  const char* json_pointer;  // where to put the value (RFC 6901), "" for the whole document
  const char* value;         // JSON text; "DELETE" removes the key
  const char* path;          // expected error path
  const char* message;       // expected fragment of the message
};

class LoaderErrorTest : public ::testing::TestWithParam<BadInput> {};

TEST_P(LoaderErrorTest, NamesThePathAndTheProblem) {
  const BadInput& in = GetParam();
  Json doc = Minimal();
  if (std::string(in.value) == "DELETE") {
    const Json::json_pointer ptr(in.json_pointer);
    doc[ptr.parent_pointer()].erase(ptr.back());
  } else {
    doc[Json::json_pointer(in.json_pointer)] = Json::parse(in.value);
  }
  LoadResult r = LoadScenarioJson(doc);
  ASSERT_FALSE(r.ok()) << in.name;
  bool found = false;
  std::string all;
  for (const LoadError& e : r.errors) {
    all += e.Text() + "\n";
    if (e.path == in.path && e.message.find(in.message) != std::string::npos) found = true;
  }
  EXPECT_TRUE(found) << in.name << ": expected " << in.path << ": ..." << in.message << "...\ngot:\n" << all;
  EXPECT_EQ(r.scenario, nullptr);
}

INSTANTIATE_TEST_SUITE_P(
    Table, LoaderErrorTest,
    ::testing::Values(
        BadInput{"not_an_object", "", "[1,2]", "", "a scenario is a JSON object"},
        BadInput{"missing_version", "/version", "DELETE", "/version", "missing"},
        BadInput{"wrong_version", "/version", "2", "/version", "unsupported version 2"},
        BadInput{"negative_seed", "/seed", "-1", "/seed", "from 0 to 4294967295"},
        BadInput{"seed_too_big", "/seed", "4294967296", "/seed", "from 0 to 4294967295"},
        BadInput{"seed_string", "/seed", "\"7\"", "/seed", "expected an integer"},
        BadInput{"bad_start", "/start", "\"2026-01-01 00:00\"", "/start", "ISO-8601"},
        BadInput{"unknown_top_key", "/sede", "1", "/sede", "unknown key"},
        BadInput{"bad_account", "/account", "\"12\"", "/account", "12 digits"},
        BadInput{"unknown_timing", "/timings/latency", "\"1ms\"", "/timings/latency", "unknown key"},
        BadInput{"bad_duration_unit", "/timings/cold_start", "\"250\"", "/timings/cold_start", "unit"},
        BadInput{"limit_zero", "/limits/queue_message_bytes", "0", "/limits/queue_message_bytes", "from 1"},
        BadInput{"missing_resources", "/resources", "DELETE", "/resources", "missing"},
        BadInput{"empty_resources", "/resources", "{}", "/resources", "at least one resource"},
        BadInput{"exists_with_template", "/resources/echo/handler/0", "{\"if\":{\"exists\":\"${event}\"},\"then\":[]}",
                 "/resources/echo/handler/0/if", "bare path"},
        BadInput{"unknown_kind", "/resources/images", "{\"kind\":\"bukket\"}", "/resources/images/kind",
                 "unknown kind \"bukket\""},
        BadInput{"missing_kind", "/resources/images", "{}", "/resources/images", "missing \"kind\""},
        BadInput{"bad_resource_name", "/resources/a b", "{\"kind\":\"client\"}", "/resources/a b", "resource names"},
        BadInput{"typo_in_function_key", "/resources/echo/timout", "\"3s\"", "/resources/echo/timout", "unknown key"},
        BadInput{"timeout_too_long", "/resources/echo/timeout", "\"16m\"", "/resources/echo/timeout", "from 1s to 15m"},
        BadInput{"memory_too_small", "/resources/echo/memory", "64", "/resources/echo/memory", "from 128 to 10240"},
        BadInput{"handler_not_array", "/resources/echo/handler", "{}", "/resources/echo/handler", "expected an array of steps"},
        BadInput{"step_without_operation", "/resources/echo/handler/0", "{\"as\":\"x\"}", "/resources/echo/handler/0",
                 "a step needs one of"},
        BadInput{"step_two_operations", "/resources/echo/handler/0", "{\"return\":1,\"work\":\"1ms\"}",
                 "/resources/echo/handler/0", "one operation"},
        BadInput{"unknown_action", "/resources/echo/handler/0", "{\"call\":\"queue.sned\",\"with\":{}}",
                 "/resources/echo/handler/0/call", "unknown action \"queue.sned\""},
        BadInput{"call_missing_argument", "/resources/echo/handler/0", "{\"call\":\"queue.send\",\"with\":{\"queue\":\"jobs\"}}",
                 "/resources/echo/handler/0/with/body", "missing"},
        BadInput{"call_unknown_target", "/resources/echo/handler/0",
                 "{\"call\":\"queue.send\",\"with\":{\"queue\":\"nope\",\"body\":\"x\"}}",
                 "/resources/echo/handler/0/with/queue", "no resource named \"nope\""},
        BadInput{"call_wrong_target_kind", "/resources/echo/handler/0",
                 "{\"call\":\"queue.send\",\"with\":{\"queue\":\"echo\",\"body\":\"x\"}}",
                 "/resources/echo/handler/0/with/queue", "is a function, not a queue"},
        BadInput{"bad_template", "/resources/echo/handler/0", "{\"return\":\"${event.}\"}",
                 "/resources/echo/handler/0/return", "bad template"},
        BadInput{"unknown_template_function", "/resources/echo/handler/0", "{\"return\":\"${nope()}\"}",
                 "/resources/echo/handler/0/return", "unknown function nope()"},
        BadInput{"unclosed_template", "/resources/echo/handler/0", "{\"return\":\"${event\"}",
                 "/resources/echo/handler/0/return", "unclosed"},
        BadInput{"bad_condition", "/resources/echo/handler/0", "{\"if\":{\"equals\":[1,1]},\"then\":[]}",
                 "/resources/echo/handler/0/if", "unknown operator \"equals\""},
        BadInput{"if_without_then", "/resources/echo/handler/0", "{\"if\":true}", "/resources/echo/handler/0",
                 "missing \"then\""},
        BadInput{"for_each_without_as", "/resources/echo/handler/0", "{\"for_each\":\"${event.Records}\",\"do\":[]}",
                 "/resources/echo/handler/0", "missing \"as\""},
        BadInput{"reserved_result_name", "/resources/echo/handler/0",
                 "{\"call\":\"function.invoke\",\"as\":\"event\",\"with\":{\"function\":\"echo\",\"payload\":{}}}",
                 "/resources/echo/handler/0/as", "reserved"},
        BadInput{"fail_without_code", "/resources/echo/handler/0", "{\"fail\":{\"message\":\"x\"}}",
                 "/resources/echo/handler/0/fail/code", "error code"},
        BadInput{"catch_not_object", "/resources/echo/handler/0",
                 "{\"call\":\"queue.send\",\"with\":{\"queue\":\"jobs\",\"body\":\"x\"},\"catch\":[]}",
                 "/resources/echo/handler/0/catch", "error code -> steps"},
        BadInput{"set_read_only_root", "/resources/echo/handler/0", "{\"set\":{\"event\":1}}",
                 "/resources/echo/handler/0/set/event", "read-only"},
        BadInput{"nested_too_deep", "/resources/echo/handler",
                 "[{\"if\":true,\"then\":[{\"if\":true,\"then\":[{\"if\":true,\"then\":[{\"if\":true,\"then\":[{\"if\":true,\"then\":[{\"if\":true,\"then\":[{\"if\":true,\"then\":[{\"if\":true,\"then\":[{\"if\":true,\"then\":[{\"if\":true,\"then\":[{\"if\":true,\"then\":[{\"if\":true,\"then\":[{\"if\":true,\"then\":[{\"if\":true,\"then\":[{\"if\":true,\"then\":[{\"if\":true,\"then\":[{\"if\":true,\"then\":[]}]}]}]}]}]}]}]}]}]}]}]}]}]}]}]}]}]",
                 "/resources/echo/handler/0/then/0/then/0/then/0/then/0/then/0/then/0/then/0/then/0/then/0/then/0/then/0/then/0/then/0/then/0/then/0/then/0/then",
                 "nested more than 16"},
        BadInput{"queue_consumer_missing", "/resources/jobs/consumer", "\"nobody\"", "/resources/jobs/consumer",
                 "no resource named \"nobody\""},
        BadInput{"queue_consumer_not_function", "/resources/jobs/consumer", "\"alice\"", "/resources/jobs/consumer",
                 "is a client, not a function"},
        BadInput{"script_not_array", "/script", "{}", "/script", "expected an array"},
        BadInput{"script_bad_at", "/script/0/at", "\"soon\"", "/script/0/at", "bad duration"},
        BadInput{"script_client_is_queue", "/script/0/client", "\"jobs\"", "/script/0/client", "is a queue, not a client"},
        BadInput{"script_unknown_key", "/script/0/when", "\"1s\"", "/script/0/when", "unknown key"},
        BadInput{"synthetic_body_without_size", "/script/0/with/body", "{\"$body\":{}}", "/script/0/with/body/$body",
                 "missing \"size\""},
        BadInput{"synthetic_body_wrong_md5", "/script/0/with/body", "{\"$body\":{\"size\":3,\"md5\":\"00\"}}",
                 "/script/0/with/body/$body/md5", "does not match"},
        // 5 TiB once hung the loader hashing it byte by byte; past 5 GiB no request takes it.
        BadInput{"synthetic_body_over_a_single_put", "/script/0/with/body", "{\"$body\":{\"size\":5497558138880}}",
                 "/script/0/with/body/$body/size", "5368709120"}),
    [](const ::testing::TestParamInfo<BadInput>& info) { return std::string(info.param.name); });

TEST(LoaderTest, RefusesADocumentNestedTooDeepNamingWhere) {
  // 100,000 levels under "version": later steps copy and print recursively, so the loader stops here.
  std::string deep = R"({"version": )";
  for (int i = 0; i < 100000; ++i) deep += "[";
  for (int i = 0; i < 100000; ++i) deep += "]";
  deep += "}";
  LoadResult r = LoadScenario(deep);
  ASSERT_FALSE(r.ok());
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_EQ(r.errors[0].path.substr(0, 12), "/version/0/0");
  EXPECT_NE(r.errors[0].message.find("nested deeper than 64"), std::string::npos);
}

}  // namespace
}  // namespace eventlab::scenario
