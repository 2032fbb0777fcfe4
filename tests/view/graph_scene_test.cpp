// The graph scene: an instance per node and edge, particles where their events are, highlights.
#include "view/graph_scene.h"

#include <gtest/gtest.h>

#include "support/run_scenario.h"

namespace eventlab::view {
namespace {

class ImageUploadScene : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(lab_.Load(testing::ReadSourceFile("web/scenarios/image-upload.json")).empty());
    arch_ = lab_.Architecture();
    centers_ = LayOut(arch_).centers;
  }
  GraphScene Build(const std::vector<Flight>& flights, std::set<std::string> path_nodes = {},
                   std::set<std::pair<std::string, std::string>> path_edges = {}) {
    paths_.emplace(arch_);
    SceneInput in;
    in.arch = &arch_;
    in.centers = &centers_;
    in.paths = &*paths_;
    in.flights = &flights;
    in.highlighted_nodes = std::move(path_nodes);
    in.highlighted_edges = std::move(path_edges);
    return BuildGraphScene(in);
  }
  api::Lab lab_;
  api::Architecture arch_;
  std::map<std::string, Vec2> centers_;
  std::optional<FlightPaths> paths_;
};

TEST_F(ImageUploadScene, HasAnInstancePerNodeAndEdge) {
  const GraphScene s = Build({});
  EXPECT_EQ(s.nodes.size(), arch_.nodes.size());
  EXPECT_EQ(s.edges.size(), arch_.edges.size());
  EXPECT_EQ(s.node_ids.size(), s.nodes.size());
}

TEST_F(ImageUploadScene, ParticlesSitOnTheirEdgeAndMoveWithProgress) {
  Flight f;
  f.event_id = 7;
  f.from = "client:browser";
  f.to = "api:images-api";
  f.kind = "http.request";
  f.progress = 0.25f;
  const GraphScene early = Build({f});
  f.progress = 0.75f;
  const GraphScene late = Build({f});
  ASSERT_EQ(early.particles.size(), 1u);
  EXPECT_EQ(early.particle_events[0], 7u);
  const Vec2 a = centers_.at("client:browser"), b = centers_.at("api:images-api");
  const float along_early = (early.particles[0].centre.x - a.x) / (b.x - a.x);
  const float along_late = (late.particles[0].centre.x - a.x) / (b.x - a.x);
  EXPECT_GT(along_late, along_early);
  EXPECT_GT(along_early, 0.0f);
  EXPECT_LT(along_late, 1.0f);
}

TEST_F(ImageUploadScene, ErrorsAreRedAndUnknownEndsAreNotDrawn) {
  Flight ok, bad, lost;
  ok.from = bad.from = lost.from = "client:browser";
  ok.to = bad.to = "api:images-api";
  lost.to = "queue:nowhere";
  ok.kind = bad.kind = lost.kind = "http.request";
  bad.error = true;
  const GraphScene s = Build({ok, bad, lost});
  ASSERT_EQ(s.particles.size(), 2u);
  EXPECT_GT(s.particles[1].colour.r, 0.7f);
  EXPECT_LT(s.particles[1].colour.g, 0.4f);
  EXPECT_NE(s.particles[0].colour.r, s.particles[1].colour.r);
}

TEST_F(ImageUploadScene, TheWhyPathIsHighlighted) {
  const GraphScene s = Build({}, {"client:browser", "api:images-api"}, {{"client:browser", "api:images-api"}});
  for (size_t i = 0; i < s.nodes.size(); ++i) {
    const bool on_path = s.node_ids[i] == "client:browser" || s.node_ids[i] == "api:images-api";
    EXPECT_EQ(s.nodes[i].highlight, on_path ? 1.0f : 0.0f) << s.node_ids[i];
  }
  int wide = 0;
  for (const auto& e : s.edges) wide += e.width > 3.0f;
  EXPECT_EQ(wide, 1);
}

TEST_F(ImageUploadScene, AnEventAResourceSendsItselfCirclesItsNode) {
  Flight f;
  f.from = f.to = "client:browser";
  f.kind = "client.call";
  f.progress = 0.0f;
  Vec2 top;
  ASSERT_TRUE(FlightPosition(f, FlightPaths(arch_), centers_, &top));
  EXPECT_LT(top.y, centers_.at("client:browser").y);
  EXPECT_NEAR(top.x, centers_.at("client:browser").x, 0.01f);
}

}  // namespace
}  // namespace eventlab::view
