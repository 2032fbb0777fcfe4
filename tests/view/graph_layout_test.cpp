// The layered layout: data flows left to right, every node is placed, and it is deterministic.
#include "view/graph_layout.h"

#include <gtest/gtest.h>

#include "api/lab.h"
#include "support/run_scenario.h"

namespace eventlab::view {
namespace {

api::Architecture Arch(std::vector<std::pair<std::string, std::string>> nodes,
                       std::vector<std::pair<std::string, std::string>> edges) {
  api::Architecture a;
  for (auto& [address, kind] : nodes) a.nodes.push_back({address, kind, address, ""});
  for (auto& [from, to] : edges) a.edges.push_back({from, to, ""});
  return a;
}

TEST(GraphLayout, EachNodeSitsOneLayerRightOfItsFurthestSender) {
  const auto a = Arch({{"client:c", "client"}, {"api:a", "api"}, {"function:f", "function"}, {"table:t", "table"}},
                      {{"client:c", "api:a"}, {"api:a", "function:f"}, {"function:f", "table:t"}, {"client:c", "table:t"}});
  const GraphLayout l = LayOut(a);
  EXPECT_EQ(l.layers.at("client:c"), 0);
  EXPECT_EQ(l.layers.at("api:a"), 1);
  EXPECT_EQ(l.layers.at("function:f"), 2);
  EXPECT_EQ(l.layers.at("table:t"), 3);  // the longest path, not the shortcut from the client
  EXPECT_LT(l.centers.at("client:c").x, l.centers.at("api:a").x);
}

TEST(GraphLayout, ACycleStillGivesEveryNodeAPlaceWithTheSourceFirst) {
  // bucket -> function -> bucket (a function writing back to the bucket that notifies it).
  const auto a = Arch({{"bucket:b", "bucket"}, {"client:c", "client"}, {"function:f", "function"}},
                      {{"client:c", "bucket:b"}, {"bucket:b", "function:f"}, {"function:f", "bucket:b"}});
  const GraphLayout l = LayOut(a);
  ASSERT_EQ(l.centers.size(), 3u);
  EXPECT_EQ(l.layers.at("client:c"), 0);
  EXPECT_EQ(l.layers.at("bucket:b"), 1);
  EXPECT_EQ(l.layers.at("function:f"), 2);
}

TEST(GraphLayout, NodesOfALayerDoNotOverlap) {
  const auto a = Arch({{"client:c", "client"}, {"function:a", "function"}, {"function:b", "function"}, {"function:d", "function"}},
                      {{"client:c", "function:a"}, {"client:c", "function:b"}, {"client:c", "function:d"}});
  const GraphLayout l = LayOut(a);
  EXPECT_GE(std::abs(l.centers.at("function:a").y - l.centers.at("function:b").y), kNodeHeight);
  EXPECT_GE(std::abs(l.centers.at("function:b").y - l.centers.at("function:d").y), kNodeHeight);
}

TEST(GraphLayout, EveryShippedScenarioIsLaidOutTheSameWayTwice) {
  for (const char* file : {"web/scenarios/hello.json", "web/scenarios/image-upload.json", "web/scenarios/order-queues.json", "web/scenarios/fan-out.json",
                           "web/scenarios/streams.json", "web/scenarios/search-sync.json"}) {
    api::Lab lab;
    ASSERT_TRUE(lab.Load(testing::ReadSourceFile(file)).empty()) << file;
    const auto& arch = lab.Architecture();
    const GraphLayout first = LayOut(arch), second = LayOut(arch);
    EXPECT_EQ(first.centers.size(), arch.nodes.size()) << file;
    for (const auto& [id, c] : first.centers) {
      EXPECT_EQ(c.x, second.centers.at(id).x);
      EXPECT_EQ(c.y, second.centers.at(id).y);
    }
  }
}

TEST(GraphLayout, BoundsCoverEveryNodeBox) {
  const Bounds b = LayoutBounds({{"a", {0, 0}}, {"b", {300, 100}}});
  EXPECT_FLOAT_EQ(b.min.x, -kNodeWidth / 2);
  EXPECT_FLOAT_EQ(b.max.x, 300 + kNodeWidth / 2);
  EXPECT_FLOAT_EQ(b.max.y, 100 + kNodeHeight / 2);
}

}  // namespace
}  // namespace eventlab::view
