// Query and Scan through scenarios: range-key ordering (numbers numerically, strings by bytes),
// direction, key conditions, filters, Limit and LastEvaluatedKey paging.
#include <gtest/gtest.h>

#include "table_test_support.h"

namespace eventlab::cloud::tables {
namespace {

using eventlab::testing::LoadAndRun;

/// Table "t" with hash key "pk" and a range key "sk" of `type`, holding sk values 10, 9, 100, 2
/// under pk "a" and one item under pk "b".
std::string Table(const std::string& type) {
  auto item = [&](const std::string& pk, const std::string& sk) {
    return R"({"pk": {"S": ")" + pk + R"("}, "sk": {")" + type + R"(": ")" + sk + R"("}})";
  };
  return R"("hash_key": {"name": "pk", "type": "S"}, "range_key": {"name": "sk", "type": ")" + type + R"("},
            "items": [)" + item("a", "10") + "," + item("a", "9") + "," + item("a", "100") + "," + item("a", "2") + "," +
         item("b", "1") + "]";
}

std::string Query(int at, const std::string& extra = "") {
  return Call(at, "table.query", R"("key_condition_expression": "pk = :pk", "expression_attribute_values": {":pk": {"S": "a"}})" + extra);
}

std::vector<std::string> SortKeys(const core::Event* reply) {
  std::vector<std::string> out;
  for (const Json& item : reply->payload["Items"]) out.push_back(item["sk"].begin()->get<std::string>());
  return out;
}

TEST(TableQueryTest, NumericRangeKeysOrderNumericallyBothWays) {
  api::Lab lab;
  LoadAndRun(lab, TableScenario("[" + Query(0) + "," + Query(1, R"(, "scan_index_forward": false)") + "]", Table("N")));
  auto qs = Replies(lab, "table.query.result");
  ASSERT_EQ(qs.size(), 2u);
  EXPECT_EQ(SortKeys(qs[0]), (std::vector<std::string>{"2", "9", "10", "100"}));
  EXPECT_EQ(SortKeys(qs[1]), (std::vector<std::string>{"100", "10", "9", "2"}));
  EXPECT_EQ(qs[0]->payload["Count"], 4);
  EXPECT_EQ(qs[0]->payload["ScannedCount"], 4);
  EXPECT_FALSE(qs[0]->payload.contains("LastEvaluatedKey"));
}

TEST(TableQueryTest, StringRangeKeysOrderByBytes) {
  api::Lab lab;
  LoadAndRun(lab, TableScenario("[" + Query(0) + "]", Table("S")));
  auto qs = Replies(lab, "table.query.result");
  ASSERT_EQ(qs.size(), 1u);
  EXPECT_EQ(SortKeys(qs[0]), (std::vector<std::string>{"10", "100", "2", "9"}));
}

TEST(TableQueryTest, RangeConditions) {
  api::Lab lab;
  auto q = [](int at, const std::string& cond, const std::string& values) {
    return Call(at, "table.query", R"("key_condition_expression": "pk = :pk AND )" + cond +
                                       R"(", "expression_attribute_values": {":pk": {"S": "a"}, )" + values + "}");
  };
  LoadAndRun(lab, TableScenario("[" + q(0, "sk BETWEEN :lo AND :hi", R"(":lo": {"N": "5"}, ":hi": {"N": "10"})") + "," +
                                    q(1, "sk >= :lo", R"(":lo": {"N": "10"})") + "," +
                                    q(2, "sk < :lo", R"(":lo": {"S": "10"})") + "]",
                                Table("N")));
  auto qs = Replies(lab, "table.query.result");
  ASSERT_EQ(qs.size(), 3u);
  EXPECT_EQ(SortKeys(qs[0]), (std::vector<std::string>{"9", "10"}));
  EXPECT_EQ(SortKeys(qs[1]), (std::vector<std::string>{"10", "100"}));
  ASSERT_TRUE(qs[2]->error);
  EXPECT_EQ(qs[2]->error->message, "One or more parameter values were invalid: Condition parameter type does not match schema type");
}

TEST(TableQueryTest, BeginsWithOnAStringRangeKeyAndKeyConditionErrors) {
  api::Lab lab;
  LoadAndRun(lab, TableScenario(
                      "[" + Call(0, "table.query", R"j("key_condition_expression": "pk = :pk AND begins_with(sk, :p)",
                                  "expression_attribute_values": {":pk": {"S": "a"}, ":p": {"S": "10"}})j") + "," +
                      Call(1, "table.query", R"("key_condition_expression": "sk = :p", "expression_attribute_values": {":p": {"S": "1"}})") + "," +
                      Call(2, "table.query", R"("key_condition_expression": "pk = :pk OR sk = :p",
                                  "expression_attribute_values": {":pk": {"S": "a"}, ":p": {"S": "10"}})") + "]",
                      Table("S")));
  auto qs = Replies(lab, "table.query.result");
  ASSERT_EQ(qs.size(), 3u);
  EXPECT_EQ(SortKeys(qs[0]), (std::vector<std::string>{"10", "100"}));
  ASSERT_TRUE(qs[1]->error && qs[2]->error);
  EXPECT_EQ(qs[1]->error->message, "Query condition missed key schema element: pk");
  EXPECT_EQ(qs[2]->error->message, "Invalid operator used in KeyConditionExpression: OR");
}

TEST(TableQueryTest, LimitPagesWithLastEvaluatedKey) {
  api::Lab lab;
  LoadAndRun(lab, TableScenario("[" + Query(0, R"(, "limit": 3)") + "," +
                                    Query(1, R"(, "limit": 3, "exclusive_start_key": {"pk": {"S": "a"}, "sk": {"N": "10"}})") + "," +
                                    Query(2, R"(, "limit": 1, "scan_index_forward": false, "exclusive_start_key": {"pk": {"S": "a"}, "sk": {"N": "10"}})") + "," +
                                    Query(3, R"(, "limit": 0)") + "]",
                                Table("N")));
  auto qs = Replies(lab, "table.query.result");
  ASSERT_EQ(qs.size(), 4u);
  EXPECT_EQ(SortKeys(qs[0]), (std::vector<std::string>{"2", "9", "10"}));
  EXPECT_EQ(qs[0]->payload["LastEvaluatedKey"], Json::parse(R"({"pk": {"S": "a"}, "sk": {"N": "10"}})"));
  EXPECT_EQ(SortKeys(qs[1]), (std::vector<std::string>{"100"}));
  EXPECT_FALSE(qs[1]->payload.contains("LastEvaluatedKey"));
  EXPECT_EQ(SortKeys(qs[2]), (std::vector<std::string>{"9"}));
  EXPECT_EQ(qs[2]->payload["LastEvaluatedKey"]["sk"]["N"], "9");
  ASSERT_TRUE(qs[3]->error);
  EXPECT_EQ(qs[3]->error->message,
            "1 validation error detected: Value '0' at 'limit' failed to satisfy constraint: Member must have value greater than or equal to 1");
}

TEST(TableQueryTest, AFunctionPagesThroughAQueryWithTheLastEvaluatedKey) {
  const std::string handler = R"([
      {"call": "table.query", "with": {"table": "t", "key_condition_expression": "pk = :pk", "limit": 2,
        "expression_attribute_values": {":pk": {"S": "a"}}}, "as": "p1"},
      {"call": "table.query", "with": {"table": "t", "key_condition_expression": "pk = :pk", "limit": 2,
        "expression_attribute_values": {":pk": {"S": "a"}}, "exclusive_start_key": "${p1.LastEvaluatedKey}"}, "as": "p2"},
      {"return": {"first": "${p1.Items}", "second": "${p2.Items}"}}])";
  api::Lab lab;
  LoadAndRun(lab, TableScenario(R"([{"at": "0s", "client": "c", "call": "function.invoke", "with": {"function": "f", "payload": {}}}])",
                                Table("N"), R"([{"action": "*", "resource": "*"}])",
                                R"(, "f": {"kind": "function", "handler": )" + handler + "}"));
  auto replies = Replies(lab, "function.invoke.result");
  ASSERT_EQ(replies.size(), 1u);
  ASSERT_FALSE(replies[0]->error) << replies[0]->error->message;
  const Json& out = replies[0]->payload;
  ASSERT_EQ(out["first"].size(), 2u);
  ASSERT_EQ(out["second"].size(), 2u);
  EXPECT_EQ(out["first"][1]["sk"]["N"], "9");
  EXPECT_EQ(out["second"][0]["sk"]["N"], "10");
}

TEST(TableQueryTest, ScanReadsEverythingAndFiltersAfterCounting) {
  api::Lab lab;
  LoadAndRun(lab, TableScenario("[" + Call(0, "table.scan", R"("limit": 100)") + "," +
                                    Call(1, "table.scan", R"("filter_expression": "sk > :n", "expression_attribute_values": {":n": {"N": "9"}})") + "," +
                                    Call(2, "table.scan", R"("limit": 2)") + "]",
                                Table("N")));
  auto ss = Replies(lab, "table.scan.result");
  ASSERT_EQ(ss.size(), 3u);
  EXPECT_EQ(ss[0]->payload["Count"], 5);
  EXPECT_EQ(ss[1]->payload["Count"], 2);
  EXPECT_EQ(ss[1]->payload["ScannedCount"], 5);
  EXPECT_EQ(SortKeys(ss[1]), (std::vector<std::string>{"10", "100"}));
  EXPECT_EQ(ss[2]->payload["LastEvaluatedKey"], Json::parse(R"({"pk": {"S": "a"}, "sk": {"N": "9"}})"));
}

}  // namespace
}  // namespace eventlab::cloud::tables
