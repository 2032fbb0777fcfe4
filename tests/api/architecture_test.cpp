// The architecture graph's nodes and edges, from configuration, steps and an observed run.
#include "api/architecture.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "api/lab.h"
#include "support/run_scenario.h"

namespace eventlab::api {
namespace {

const ArchEdge* FindEdge(const Architecture& a, const std::string& from, const std::string& to) {
  for (const auto& e : a.edges) {
    if (e.from == from && e.to == to) return &e;
  }
  return nullptr;
}

bool HasNode(const Architecture& a, const std::string& address) {
  return std::any_of(a.nodes.begin(), a.nodes.end(), [&](const ArchNode& n) { return n.address == address; });
}

class ImageUploadArchitecture : public ::testing::Test {
 protected:
  void SetUp() override {
    auto errors = lab_.Load(testing::ReadSourceFile("web/scenarios/image-upload.json"));
    ASSERT_TRUE(errors.empty());
  }
  Lab lab_;
};

TEST_F(ImageUploadArchitecture, HasANodePerResourceAndPerRoute) {
  const Architecture& a = lab_.Architecture();
  for (const char* n : {"client:browser", "api:images-api", "table:images", "bucket:uploads", "bucket:thumbnails",
                        "function:upload-direct", "function:create-upload-url", "function:thumbnail"}) {
    EXPECT_TRUE(HasNode(a, n)) << n;
  }
  EXPECT_TRUE(HasNode(a, RouteAddress("images-api", "POST /images")));
  EXPECT_TRUE(HasNode(a, RouteAddress("images-api", "POST /upload-url")));
}

TEST_F(ImageUploadArchitecture, ConfiguredWiringsAreEdges) {
  const Architecture& a = lab_.Architecture();
  const ArchEdge* notify = FindEdge(a, "bucket:uploads", "function:thumbnail");
  ASSERT_NE(notify, nullptr);
  // The configured events first; the observed run adds what it saw flow along the same edge.
  EXPECT_EQ(notify->label.rfind("s3:ObjectCreated:*", 0), 0u) << notify->label;
  EXPECT_NE(FindEdge(a, "api:images-api", RouteAddress("images-api", "POST /images")), nullptr);
  EXPECT_NE(FindEdge(a, RouteAddress("images-api", "POST /images"), "function:upload-direct"), nullptr);
}

TEST_F(ImageUploadArchitecture, HandlerCallsAreEdges) {
  const Architecture& a = lab_.Architecture();
  const ArchEdge* put = FindEdge(a, "function:create-upload-url", "table:images");
  ASSERT_NE(put, nullptr);
  EXPECT_NE(put->label.find("table.put_item"), std::string::npos);
  EXPECT_NE(FindEdge(a, "function:create-upload-url", "bucket:uploads"), nullptr);  // presign
  EXPECT_NE(FindEdge(a, "function:thumbnail", "bucket:thumbnails"), nullptr);
}

TEST_F(ImageUploadArchitecture, CallsKnownOnlyAtRunTimeComeFromTheObservedRun) {
  // The browser's URLs come from replies ("${api.url}/images", a presigned URL).
  const Architecture& a = lab_.Architecture();
  EXPECT_NE(FindEdge(a, "client:browser", "api:images-api"), nullptr);
  EXPECT_NE(FindEdge(a, "client:browser", "bucket:uploads"), nullptr);
  // Replies add no edge of their own.
  EXPECT_EQ(FindEdge(a, "api:images-api", "client:browser"), nullptr);
  // An API's function is reached through its route, not straight.
  EXPECT_EQ(FindEdge(a, "api:images-api", "function:upload-direct"), nullptr);
}

TEST_F(ImageUploadArchitecture, FindingItLeavesTheLabWhereItWas) {
  lab_.Step();
  lab_.Step();
  const std::string before = lab_.State().dump();
  lab_.Architecture();
  EXPECT_EQ(lab_.Delivered(), 2u);
  EXPECT_EQ(lab_.State().dump(), before);
}

TEST(Architecture, ReadsTargetsFromTheFunctionsEnvironment) {
  Lab lab;
  ASSERT_TRUE(lab.Load(testing::ReadSourceFile("web/scenarios/hello.json")).empty());
  // echo sends to "${env.RESULTS_QUEUE}"; the queue's consumer is an edge too.
  const Architecture& static_only = BuildArchitecture(*lab.Scenario()->world);
  EXPECT_NE(FindEdge(static_only, "function:echo", "queue:results"), nullptr);
  EXPECT_NE(FindEdge(static_only, "queue:jobs", "function:echo"), nullptr);
  EXPECT_NE(FindEdge(static_only, "client:alice", "queue:jobs"), nullptr);
}

TEST(Architecture, JsonListsNodesAndEdges) {
  Lab lab;
  ASSERT_TRUE(lab.Load(testing::ReadSourceFile("web/scenarios/hello.json")).empty());
  const core::Json j = lab.Architecture().ToJson();
  EXPECT_EQ(j["nodes"].size(), 4u);
  EXPECT_EQ(j["nodes"][0]["address"], "client:alice");
  EXPECT_FALSE(j["edges"].empty());
}

}  // namespace
}  // namespace eventlab::api
