// A call step's "cache": hits on a warm container, misses on a new container, after the TTL (the
// boundary is exclusive) and for uncached errors, and entries shown in the function's state.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "support/run_scenario.h"

namespace eventlab::cloud::functions {
namespace {

using core::Json;
using eventlab::testing::LoadAndRun;

// Function "f" reads secret "key" through a cached call (TTL `ttl`), invoked by client "c" at each
// of `at`. Every latency is zero, so a result is stored at the very instant the invocation starts.
std::string Scenario(const std::vector<std::string>& at, const std::string& ttl = "1s",
                     const std::string& function_extra = "", const std::string& idle = "10m") {
  std::string script;
  for (const std::string& t : at) {
    script += std::string(script.empty() ? "" : ",") + R"({"at": ")" + t +
              R"(", "client": "c", "call": "function.invoke", "with": {"function": "f", "payload": {}}})";
  }
  return R"({"version": 1,
    "timings": {"network_latency": "0s", "network_jitter": "0s", "cold_start": "0s", "warm_start": "0s", "container_idle": ")" +
         idle + R"("},
    "resources": {"c": {"kind": "client"}, "key": {"kind": "secret", "value": "s3cr3t"},
      "f": {"kind": "function", )" + function_extra + R"( "handler": [
        {"call": "secrets.get_secret_value", "with": {"secret": "key"}, "as": "k", "cache": ")" + ttl + R"(",
         "catch": {"*": []}},
        {"return": "${default(k.SecretString, 'none')}"}]}},
    "script": [)" + script + "]}";
}

struct Counts {
  std::vector<Json> hits, misses;
  int requests = 0;
};

Counts Count(const api::Lab& lab) {
  Counts c;
  for (const auto& r : lab.Trace()) {
    if (r.event.kind == "function.cache_hit") c.hits.push_back(r.event.payload);
    if (r.event.kind == "function.cache_miss") c.misses.push_back(r.event.payload);
    if (r.event.kind == "secrets.get_secret_value") ++c.requests;
  }
  return c;
}

TEST(CallCacheTest, WarmInvocationHitsWithoutARequest) {
  api::Lab lab;
  LoadAndRun(lab, Scenario({"0s", "500ms"}));
  Counts c = Count(lab);
  EXPECT_EQ(c.requests, 1);
  ASSERT_EQ(c.misses.size(), 1u);
  EXPECT_EQ(c.misses[0], (Json{{"action", "secrets.get_secret_value"}, {"container", 1}, {"reason", "new container"}}));
  ASSERT_EQ(c.hits.size(), 1u);
  EXPECT_EQ(c.hits[0], (Json{{"action", "secrets.get_secret_value"}, {"age_ms", 500}, {"container", 1}, {"ttl_ms", 1000}}));
  // The handler got the cached value.
  int ok = 0;
  for (const auto& r : lab.Trace()) ok += r.event.kind == "function.invoke.result" && r.event.payload == "s3cr3t";
  EXPECT_EQ(ok, 2);
}

TEST(CallCacheTest, OneMicrosecondBeforeTheTtlHitsAtTheTtlItHasExpired) {
  api::Lab before;
  LoadAndRun(before, Scenario({"0s", "999999us"}));
  EXPECT_EQ(Count(before).hits.size(), 1u);
  EXPECT_EQ(Count(before).requests, 1);

  api::Lab at;
  LoadAndRun(at, Scenario({"0s", "1s"}));
  Counts c = Count(at);
  EXPECT_TRUE(c.hits.empty());
  EXPECT_EQ(c.requests, 2);
  ASSERT_EQ(c.misses.size(), 2u);
  EXPECT_EQ(c.misses[1]["reason"], "expired");
}

TEST(CallCacheTest, ANewContainerStartsWithAnEmptyCache) {
  api::Lab lab;
  LoadAndRun(lab, Scenario({"0s", "5s"}, "1m", "", "1s"));  // the container expires after 1 s idle
  Counts c = Count(lab);
  EXPECT_EQ(c.requests, 2);
  ASSERT_EQ(c.misses.size(), 2u);
  EXPECT_EQ(c.misses[1]["reason"], "new container");
  EXPECT_EQ(c.misses[1]["container"], 2);
}

TEST(CallCacheTest, ErrorsAreNotCached) {
  api::Lab lab;
  LoadAndRun(lab, Scenario({"0s", "100ms"}, "1m", R"("permissions": [],)"));
  Counts c = Count(lab);
  EXPECT_EQ(c.requests, 2);  // the AccessDeniedException was not kept
  ASSERT_EQ(c.misses.size(), 2u);
  EXPECT_EQ(c.misses[1]["reason"], "not cached");
  EXPECT_TRUE(c.hits.empty());
}

TEST(CallCacheTest, StateShowsTheContainersEntries) {
  api::Lab lab;
  ASSERT_TRUE(lab.Load(Scenario({"2s"}, "5m")).empty());
  lab.RunUntil(3000000, 1000);  // before the idle container expires
  const Json state = lab.State();
  const Json& containers = state["resources"]["f"]["containers"];
  ASSERT_EQ(containers.size(), 1u);
  const Json& cache = containers[0]["call_cache"];
  ASSERT_EQ(cache.size(), 1u);
  EXPECT_EQ(cache[0]["action"], "secrets.get_secret_value");
  EXPECT_EQ(cache[0]["arguments"], (Json{{"secret", "key"}}));
  EXPECT_EQ(cache[0]["stored_us"], 2000000);
  EXPECT_EQ(cache[0]["expires_us"], 302000000);
  EXPECT_EQ(cache[0]["ttl_us"], 300000000);
}

TEST(CallCacheTest, DifferentArgumentsAreDifferentEntries) {
  api::Lab lab;
  LoadAndRun(lab, R"({"version": 1, "resources": {"c": {"kind": "client"}, "key": {"kind": "secret", "value": "s"},
    "f": {"kind": "function", "handler": [
      {"call": "secrets.get_secret_value", "with": {"secret": "key"}, "cache": "1m"},
      {"call": "secrets.get_secret_value", "with": {"secret": "key", "version_stage": "AWSCURRENT"}, "cache": "1m"},
      {"call": "secrets.get_secret_value", "with": {"secret": "key"}, "cache": "1m"}]}},
    "script": [{"at": "0s", "client": "c", "call": "function.invoke", "with": {"function": "f", "payload": {}}}]})");
  Counts c = Count(lab);
  EXPECT_EQ(c.requests, 2);
  EXPECT_EQ(c.misses.size(), 2u);
  EXPECT_EQ(c.hits.size(), 1u);
}

TEST(CallCacheTest, CacheMustBeAPositiveDurationOnACallStep) {
  for (const std::string& step : {R"({"call": "secrets.get_secret_value", "with": {"secret": "key"}, "cache": "0s"})",
                                  R"({"call": "secrets.get_secret_value", "with": {"secret": "key"}, "cache": 5})",
                                  R"({"set": {"a": 1}, "cache": "1m"})"}) {
    api::Lab lab;
    auto errors = lab.Load(R"({"version": 1, "resources": {"key": {"kind": "secret", "value": "s"},
      "f": {"kind": "function", "handler": [)" + step + "]}}}");
    EXPECT_FALSE(errors.empty()) << step;
  }
}

}  // namespace
}  // namespace eventlab::cloud::functions
