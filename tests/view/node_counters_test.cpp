// Node counters: each number a node shows is the value at the key it names in the resource's
// state, checked here for every node of every shipped scenario run to its end.
#include "view/node_counters.h"

#include <gtest/gtest.h>

#include <sstream>

#include "support/run_scenario.h"

namespace eventlab::view {
namespace {

// The test's own reading of a counter key: split the pointer, fan out at "*", add up.
void Collect(const core::Json& v, const std::vector<std::string>& segments, size_t at, std::vector<const core::Json*>* out) {
  if (at == segments.size()) {
    out->push_back(&v);
    return;
  }
  if (segments[at] == "*") {
    for (const auto& member : v) Collect(member, segments, at + 1, out);
  } else if (v.is_object() && v.contains(segments[at])) {
    Collect(v[segments[at]], segments, at + 1, out);
  } else {
    ADD_FAILURE() << "no " << segments[at];
  }
}

int64_t ValueAt(const core::Json& state, const CountTerm& term) {
  std::vector<std::string> segments;
  std::stringstream in(term.key.substr(1));
  for (std::string s; std::getline(in, s, '/');) segments.push_back(s);
  std::vector<const core::Json*> found;
  Collect(state, segments, 0, &found);
  int64_t sum = 0;
  for (const core::Json* v : found) {
    if (!term.equals.empty()) {
      const std::string text = v->is_boolean() ? (v->get<bool>() ? "true" : "false") : v->get<std::string>();
      sum += ("|" + term.equals + "|").find("|" + text + "|") != std::string::npos;
    } else if (v->is_number()) {
      sum += v->get<int64_t>();
    } else {
      sum += static_cast<int64_t>(v->size());
    }
  }
  return sum;
}

TEST(NodeCounters, ReadEachKindsState) {
  EXPECT_EQ(NodeCounter("bucket", {{"objects", core::Json::array({1, 2})}}), "2 objects");
  EXPECT_EQ(NodeCounter("bucket", {{"objects", core::Json::array({1})}}), "1 object");
  EXPECT_EQ(NodeCounter("table", {{"item_count", 3}}), "3 items");
  EXPECT_EQ(NodeCounter("function", {{"containers", {{{"state", "warm"}}, {{"state", "busy"}}, {{"state", "warm"}}}}}),
            "2 warm, 1 busy");
  EXPECT_EQ(NodeCounter("route", {{"kind", "route"}}), "");
  EXPECT_EQ(NodeCounter("bucket", {{"kind", "bucket"}}), "");  // no key, no counter
}

TEST(NodeCounters, SearchCountsTheDocumentsOfEveryIndex) {
  const core::Json state = {{"indexes", {{"images", {{"doc_count", 3u}}}, {"tags", {{"doc_count", 2u}}}}}};
  const NodeCount c = CountNode("search", state);
  EXPECT_EQ(c.text, "5 documents");
  EXPECT_EQ(c.value, 5);
  EXPECT_EQ(c.key, "/indexes/*/doc_count");
}

TEST(NodeCounters, MappingCountsProcessedRecordsOrBlockedShards) {
  core::Json state = {{"shards", {{"shard-0", {{"processed", 2u}, {"blocked", false}}}, {"shard-1", {{"processed", 1u}, {"blocked", false}}}}}};
  EXPECT_EQ(NodeCounter("mapping", state), "3 records done");
  EXPECT_EQ(CountNode("mapping", state).key, "/shards/*/processed");
  state["shards"]["shard-1"]["blocked"] = true;
  const NodeCount c = CountNode("mapping", state);
  EXPECT_EQ(c.text, "1 shard BLOCKED");
  EXPECT_EQ(c.key, "/shards/*/blocked");
  EXPECT_EQ(c.terms[0].equals, "true");
}

TEST(NodeCounters, FunctionsSayHowWarmAndBusyAreCounted) {
  const NodeCount c = CountNode("function", {{"containers", {{{"state", "initialising"}}, {{"state", "warm"}}}}});
  ASSERT_EQ(c.terms.size(), 2u);
  EXPECT_EQ(c.terms[0].key, "/containers/*/state");
  EXPECT_EQ(c.terms[0].equals, "warm");
  EXPECT_EQ(c.terms[0].value, 1);
  EXPECT_EQ(c.terms[1].equals, "busy|initialising");
  EXPECT_EQ(c.terms[1].value, 1);
}

TEST(NodeCounters, EveryShippedScenarioShowsWhatItsStateSays) {
  int search_nodes = 0, mapping_nodes = 0;
  for (const char* file : {"hello.json", "image-upload.json", "order-queues.json", "fan-out.json", "streams.json",
                           "search-sync.json", "auth-rs256.json", "live-notifications.json", "secrets.json",
                           "token-storage.json"}) {
    api::Lab lab;
    testing::LoadAndRun(lab, testing::ReadSourceFile(std::string("web/scenarios/") + file));
    const core::Json resources = lab.State()["resources"];
    for (const auto& n : lab.Architecture().nodes) {
      if (!resources.contains(n.name)) continue;
      const core::Json& state = resources[n.name];
      const NodeCount c = CountNode(n.kind, state);
      if (c.text.empty()) continue;
      ASSERT_FALSE(c.terms.empty()) << file << " " << n.address;
      EXPECT_EQ(c.value, c.terms[0].value);
      EXPECT_EQ(c.key, c.terms[0].key);
      for (const CountTerm& t : c.terms) {
        EXPECT_EQ(t.value, ValueAt(state, t)) << file << " " << n.address << " " << t.key;
        EXPECT_NE(c.text.find(std::to_string(t.value)), std::string::npos) << c.text;
      }
      if (n.kind == "search") {
        ++search_nodes;
        int64_t documents = 0;
        for (const auto& [name, index] : state["indexes"].items()) documents += index["doc_count"].get<int64_t>();
        EXPECT_GT(documents, 0) << file;
        EXPECT_EQ(c.value, documents) << file;
      }
      if (n.kind == "mapping") {
        ++mapping_nodes;
        int64_t processed = 0;
        for (const auto& [id, shard] : state["shards"].items()) processed += shard["processed"].get<int64_t>();
        EXPECT_GT(processed, 0) << file << " " << n.address;
        EXPECT_NE(c.text.find(std::to_string(processed) + " record"), std::string::npos) << c.text;
      }
    }
  }
  EXPECT_GE(search_nodes, 1);
  EXPECT_GE(mapping_nodes, 2);
}

}  // namespace
}  // namespace eventlab::view
