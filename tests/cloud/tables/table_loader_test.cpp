// Loading "table" resources: the key schema, typed initial items, and errors naming JSON paths.
#include <gtest/gtest.h>

#include "scenario/loader.h"

namespace eventlab::cloud::tables {
namespace {

std::vector<std::string> Problems(const std::string& table) {
  auto r = scenario::LoadScenario(R"({"version": 1, "resources": {"t": {"kind": "table", )" + table + "}}}");
  std::vector<std::string> out;
  for (const auto& e : r.errors) out.push_back(e.path + ": " + e.message);
  return out;
}

TEST(TableLoaderTest, AValidTableLoads) {
  EXPECT_TRUE(Problems(R"("description": "users", "hash_key": {"name": "id", "type": "S"}, "range_key": {"name": "at", "type": "N"},
                         "items": [{"id": {"S": "a"}, "at": {"N": "1"}, "tags": {"SS": ["x"]}}])").empty());
}

TEST(TableLoaderTest, KeySchemaErrorsNameTheirPath) {
  auto p = Problems(R"("range_key": {"name": "at", "type": "X"}, "hashkey": 1)");
  ASSERT_EQ(p.size(), 3u);
  EXPECT_NE(std::find(p.begin(), p.end(), "/resources/t/hash_key: required: the partition key, {\"name\": \"id\", \"type\": \"S\"}"), p.end());
  EXPECT_NE(std::find(p.begin(), p.end(), "/resources/t/range_key/type: expected \"S\", \"N\" or \"B\", got \"X\""), p.end());
  bool unknown = false;
  for (const auto& s : p) unknown = unknown || s.rfind("/resources/t/hashkey", 0) == 0;
  EXPECT_TRUE(unknown);
}

TEST(TableLoaderTest, ItemErrorsNameTheItemAndAttribute) {
  auto p = Problems(R"("hash_key": {"name": "id", "type": "S"}, "items": [
      {"id": {"S": "a"}, "n": {"N": "abc"}},
      {"name": {"S": "x"}},
      {"id": {"N": "1"}},
      {"id": {"S": "b"}},
      {"id": {"S": "b"}},
      "text"])");
  ASSERT_EQ(p.size(), 5u);
  EXPECT_EQ(p[0], "/resources/t/items/0/n: A value provided cannot be converted into a number");
  EXPECT_EQ(p[1], "/resources/t/items/1: missing the key attribute \"id\"");
  EXPECT_EQ(p[2], "/resources/t/items/2/id: the key attribute \"id\" must be of type S, got N");
  EXPECT_EQ(p[3].rfind("/resources/t/items/4: another item has the same key", 0), 0u);
  EXPECT_EQ(p[4].rfind("/resources/t/items/5: expected an item", 0), 0u);
}

TEST(TableLoaderTest, TheItemSizeLimitIsReadFromLimits) {
  auto r = scenario::LoadScenario(R"({"version": 1, "limits": {"table_item_max_bytes": 0}, "resources": {}})");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.errors[0].path, "/limits/table_item_max_bytes");
}

}  // namespace
}  // namespace eventlab::cloud::tables
