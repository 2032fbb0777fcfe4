// Loading "search" resources: domain and index name rules, initial documents, and errors that
// name the JSON path.
#include <gtest/gtest.h>

#include "api/lab.h"

namespace eventlab::cloud::search {
namespace {

std::vector<std::string> Problems(const std::string& resources) {
  api::Lab lab;
  std::vector<std::string> out;
  for (const auto& e : lab.Load(R"({"version": 1, "resources": )" + resources + "}")) out.push_back(e.Text());
  return out;
}

bool Has(const std::vector<std::string>& problems, const std::string& text) {
  for (const auto& p : problems) {
    if (p.find(text) != std::string::npos) return true;
  }
  return false;
}

TEST(SearchLoaderTest, AcceptsADomainWithIndexes) {
  EXPECT_TRUE(Problems(R"({"images-search": {"kind": "search", "indexes": {"images": {"1": {"title": "a"}}, "empty": {}}}})").empty());
}

TEST(SearchLoaderTest, DomainNamesFollowTheServiceRules) {
  EXPECT_TRUE(Has(Problems(R"({"Images": {"kind": "search"}})"), "/resources/Images"));
  EXPECT_TRUE(Has(Problems(R"({"ab": {"kind": "search"}})"), "3 to 28 characters"));
  EXPECT_TRUE(Has(Problems(R"({"a-very-long-search-domain-name-x": {"kind": "search"}})"), "3 to 28 characters"));
}

TEST(SearchLoaderTest, BadIndexesAndDocumentsNameTheirPath) {
  const auto p = Problems(R"({"docs": {"kind": "search", "shards": 2, "indexes": {"Bad": {}, "_x": {}, "ok": {"1": [1], "2": {"n": 1}, "3": {"n": "x"}}}}})");
  EXPECT_TRUE(Has(p, "/resources/docs/shards")) << ::testing::PrintToString(p);
  EXPECT_TRUE(Has(p, "Invalid index name [Bad], must be lowercase"));
  EXPECT_TRUE(Has(p, "must not start with '_', '-', or '+'"));
  EXPECT_TRUE(Has(p, "/resources/docs/indexes/ok/1"));
  EXPECT_TRUE(Has(p, "failed to parse field [n] of type [long] in document with id '3'"));
}

TEST(SearchLoaderTest, ActionsCheckTheirArguments) {
  api::Lab lab;
  const auto errors = lab.Load(R"({"version": 1, "resources": {"d-1": {"kind": "search"}, "c": {"kind": "client"}},
    "script": [{"at": "0s", "client": "c", "call": "search.update", "with": {"domain": "d-1", "index": "i", "id": "1"}},
               {"at": "0s", "client": "c", "call": "search.index", "with": {"domain": "c", "index": "i", "id": "1", "document": {}}}]})");
  std::vector<std::string> texts;
  for (const auto& e : errors) texts.push_back(e.Text());
  EXPECT_TRUE(Has(texts, "doc")) << ::testing::PrintToString(texts);
  EXPECT_TRUE(Has(texts, "search")) << ::testing::PrintToString(texts);
  EXPECT_EQ(texts.size(), 2u);
}

}  // namespace
}  // namespace eventlab::cloud::search
