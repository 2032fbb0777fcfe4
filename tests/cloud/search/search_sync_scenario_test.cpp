// web/scenarios/search-sync.json: the table's stream keeps the search index in sync, so searches
// follow the table through inserts, an update and a delete.
#include <gtest/gtest.h>

#include "search_test_support.h"

namespace eventlab::cloud::search {
namespace {

using core::Json;
using eventlab::testing::LoadAndRun;
using eventlab::testing::ReadSourceFile;

class SearchSyncScenarioTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const std::string text = ReadSourceFile("web/scenarios/search-sync.json");
    ASSERT_FALSE(text.empty());
    LoadAndRun(lab_, text);
  }
  // A named result of the web client: the HTTP answer's parsed body.
  Json Body(const std::string& name) const {
    const Json r = lab_.State()["resources"]["web"]["results"][name];
    return r.is_object() && r["body"].is_string() ? Json::parse(r["body"].get<std::string>()) : Json();
  }
  static std::vector<std::string> Ids(const Json& answer) {
    std::vector<std::string> out;
    for (const Json& h : answer["hits"]["hits"]) out.push_back(h["_id"]);
    return out;
  }
  api::Lab lab_;
};

TEST_F(SearchSyncScenarioTest, TheIndexFollowsTheTableAfterUpdateAndDelete) {
  const Json index = lab_.State()["resources"]["images-search"]["indexes"]["images"];
  EXPECT_EQ(index["doc_count"], 2);
  EXPECT_EQ(index["documents"]["img-1"]["_source"]["title"], "Sunset over the sea");
  EXPECT_EQ(index["documents"]["img-3"]["_source"]["title"], "A dog on the beach");
  EXPECT_EQ(index["documents"]["img-3"]["_version"], 2);  // indexed, then updated from the MODIFY record
  EXPECT_FALSE(index["documents"].contains("img-2"));
  EXPECT_FALSE(index["documents"].contains("img-9"));  // the client's direct write was refused
}

TEST_F(SearchSyncScenarioTest, SearchesSeeTheTableAsItWas) {
  EXPECT_EQ(Ids(Body("first_search")), (std::vector<std::string>{"img-3", "img-2", "img-1"}));
  // BM25 over the three titles (N = 3, avgdl = 14 / 3), computed in Python with
  // math.log(1 + (N - n + 0.5) / (n + 0.5)) * tf / (tf + 1.2 * (1 - 0.75 + 0.75 * dl / avgdl)) summed
  // over "cat" and "sea", rounded to 6 decimals: img-3 0.330656, img-2 0.278816, img-1 0.226898.
  const Json hits = Body("first_search")["hits"]["hits"];
  EXPECT_EQ(hits[0]["_score"].dump(), "0.330656");
  EXPECT_EQ(hits[1]["_score"].dump(), "0.278816");
  EXPECT_EQ(hits[2]["_score"].dump(), "0.226898");
  EXPECT_EQ(Ids(Body("group_search")), (std::vector<std::string>{"img-3", "img-1"}));
  EXPECT_EQ(Ids(Body("second_search")), (std::vector<std::string>{"img-1"}));
  const Json deleted = lab_.State()["resources"]["web"]["results"]["deleted_image"];
  EXPECT_EQ(deleted["statusCode"], 404);
  EXPECT_EQ(Json::parse(deleted["body"].get<std::string>())["found"], false);
}

TEST_F(SearchSyncScenarioTest, SyncUsesIndexUpdateAndDeleteAndTheClientCannotWrite) {
  std::map<std::string, int> calls;
  bool denied = false;
  for (const auto& r : lab_.Trace()) {
    if (r.event.to == "search:images-search") ++calls[r.event.kind];
    if (r.event.kind == "http.request.result" && r.event.error && r.event.error->code == "AccessDeniedException") denied = true;
  }
  EXPECT_EQ(calls["search.index"], 3);
  EXPECT_EQ(calls["search.update"], 1);
  EXPECT_EQ(calls["search.delete"], 1);
  EXPECT_TRUE(denied);
}

}  // namespace
}  // namespace eventlab::cloud::search
