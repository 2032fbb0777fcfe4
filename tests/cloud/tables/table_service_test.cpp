// Table item operations through scenarios: put, get, update, delete, conditions, return values,
// the item size limit, permissions and the change log.
#include <gtest/gtest.h>

#include "cloud/tables/table_models.h"
#include "cloud/tables/table_service.h"
#include "table_test_support.h"

namespace eventlab::cloud::tables {
namespace {

using eventlab::testing::LoadAndRun;

const char* kAlice = R"("item": {"id": {"S": "alice"}, "age": {"N": "30"}})";

TEST(TableServiceTest, PutThenGetReturnsTheItemAndAMissingKeyAnswersEmpty) {
  api::Lab lab;
  LoadAndRun(lab, TableScenario("[" + Call(0, "table.put_item", kAlice) + "," +
                                Call(1, "table.get_item", R"("key": {"id": {"S": "alice"}}, "consistent_read": true)") + "," +
                                Call(2, "table.get_item", R"("key": {"id": {"S": "bob"}})") + "]"));
  auto puts = Replies(lab, "table.put_item.result");
  ASSERT_EQ(puts.size(), 1u);
  EXPECT_FALSE(puts[0]->error);
  EXPECT_EQ(puts[0]->payload, Json::object());
  auto gets = Replies(lab, "table.get_item.result");
  ASSERT_EQ(gets.size(), 2u);
  EXPECT_EQ(gets[0]->payload, Json::parse(R"({"Item": {"id": {"S": "alice"}, "age": {"N": "30"}}})"));
  EXPECT_EQ(gets[1]->payload, Json::object());
  const Json state = lab.State()["resources"]["t"];
  EXPECT_EQ(state["kind"], "table");
  EXPECT_EQ(state["item_count"], 1);
  EXPECT_EQ(state["key_schema"]["hash_key"]["name"], "id");
  EXPECT_EQ(state["changes"], 1);
}

TEST(TableServiceTest, AttributeNotExistsMakesPutCreateOnly) {
  api::Lab lab;
  const std::string cond = R"j(, "condition_expression": "attribute_not_exists(id)")j";
  LoadAndRun(lab, TableScenario("[" + Call(0, "table.put_item", kAlice + cond) + "," +
                                Call(1, "table.put_item", R"("item": {"id": {"S": "alice"}, "age": {"N": "99"}})" + cond) + "]"));
  auto puts = Replies(lab, "table.put_item.result");
  ASSERT_EQ(puts.size(), 2u);
  EXPECT_FALSE(puts[0]->error);
  ASSERT_TRUE(puts[1]->error);
  EXPECT_EQ(puts[1]->error->code, "ConditionalCheckFailedException");
  EXPECT_EQ(puts[1]->error->message, "The conditional request failed");
  EXPECT_EQ(puts[1]->error->status, 400);
  EXPECT_EQ(lab.State()["resources"]["t"]["items"][0]["age"]["N"], "30");
  EXPECT_EQ(lab.State()["resources"]["t"]["changes"], 1);
}

TEST(TableServiceTest, PutReturnsTheOldItemWithAllOld) {
  api::Lab lab;
  LoadAndRun(lab, TableScenario("[" + Call(0, "table.put_item", kAlice) + "," +
                                Call(1, "table.put_item", R"("item": {"id": {"S": "alice"}}, "return_values": "ALL_OLD")") + "," +
                                Call(2, "table.put_item", R"("item": {"id": {"S": "x"}}, "return_values": "ALL_NEW")") + "]"));
  auto puts = Replies(lab, "table.put_item.result");
  ASSERT_EQ(puts.size(), 3u);
  EXPECT_EQ(puts[1]->payload["Attributes"]["age"]["N"], "30");
  ASSERT_TRUE(puts[2]->error);
  EXPECT_EQ(puts[2]->error->message, "ReturnValues can only be ALL_OLD or NONE");
}

TEST(TableServiceTest, KeyErrorsUseDynamoDbMessages) {
  api::Lab lab;
  LoadAndRun(lab, TableScenario("[" + Call(0, "table.put_item", R"("item": {"name": {"S": "x"}})") + "," +
                                Call(1, "table.put_item", R"("item": {"id": {"N": "1"}})") + "," +
                                Call(2, "table.get_item", R"("key": {"id": {"S": "a"}, "extra": {"S": "b"}})") + "," +
                                Call(3, "table.put_item", R"("item": {"id": {"S": "a"}, "n": {"N": "one"}})") + "]"));
  auto puts = Replies(lab, "table.put_item.result");
  ASSERT_EQ(puts.size(), 3u);
  ASSERT_TRUE(puts[0]->error && puts[1]->error && puts[2]->error);
  EXPECT_EQ(puts[0]->error->code, "ValidationException");
  EXPECT_EQ(puts[0]->error->message, "One or more parameter values were invalid: Missing the key id in the item");
  EXPECT_EQ(puts[1]->error->message, "One or more parameter values were invalid: Type mismatch for key id expected: S actual: N");
  EXPECT_EQ(puts[2]->error->message, "A value provided cannot be converted into a number");
  auto gets = Replies(lab, "table.get_item.result");
  ASSERT_EQ(gets.size(), 1u);
  ASSERT_TRUE(gets[0]->error);
  EXPECT_EQ(gets[0]->error->message, "The provided key element does not match the schema");
}

TEST(TableServiceTest, UpdateSetsRemovesAndCounts) {
  api::Lab lab;
  const std::string key = R"("key": {"id": {"S": "alice"}}, )";
  LoadAndRun(lab, TableScenario(
                      "[" + Call(0, "table.put_item", R"("item": {"id": {"S": "alice"}, "age": {"N": "30"}, "tmp": {"S": "x"}})") + "," +
                      Call(1, "table.update_item", key + R"("update_expression": "SET #n = :name, age = age + :inc REMOVE tmp",
                           "expression_attribute_names": {"#n": "name"},
                           "expression_attribute_values": {":name": {"S": "Alice"}, ":inc": {"N": "1.5"}}, "return_values": "ALL_NEW")") + "," +
                      Call(2, "table.update_item", key + R"("update_expression": "SET age = age - :d", "expression_attribute_values": {":d": {"N": "40"}},
                           "return_values": "UPDATED_NEW")") + "," +
                      Call(3, "table.update_item", R"("key": {"id": {"S": "new"}}, "update_expression": "ADD visits :one",
                           "expression_attribute_values": {":one": {"N": "1"}}, "return_values": "ALL_OLD")") + "," +
                      Call(4, "table.update_item", key + R"("update_expression": "SET id = :x", "expression_attribute_values": {":x": {"S": "b"}})") + "]"));
  auto ups = Replies(lab, "table.update_item.result");
  ASSERT_EQ(ups.size(), 4u);
  EXPECT_EQ(ups[0]->payload, Json::parse(R"({"Attributes": {"id": {"S": "alice"}, "age": {"N": "31.5"}, "name": {"S": "Alice"}}})"));
  EXPECT_EQ(ups[1]->payload, Json::parse(R"({"Attributes": {"age": {"N": "-8.5"}}})"));
  EXPECT_EQ(ups[2]->payload, Json::object());  // the item did not exist: nothing old to return
  ASSERT_TRUE(ups[3]->error);
  EXPECT_EQ(ups[3]->error->message, "One or more parameter values were invalid: Cannot update attribute id. This attribute is part of the key");
  const Json items = lab.State()["resources"]["t"]["items"];
  ASSERT_EQ(items.size(), 2u);
  EXPECT_EQ(items[1], Json::parse(R"({"id": {"S": "new"}, "visits": {"N": "1"}})"));  // upserted
}

TEST(TableServiceTest, UpdateConditionAndUnusedValuesAreChecked) {
  api::Lab lab;
  const std::string key = R"("key": {"id": {"S": "alice"}}, )";
  LoadAndRun(lab, TableScenario(
                      "[" + Call(0, "table.put_item", kAlice) + "," +
                      Call(1, "table.update_item", key + R"("update_expression": "SET age = :a", "condition_expression": "age > :a",
                           "expression_attribute_values": {":a": {"N": "40"}})") + "," +
                      Call(2, "table.update_item", key + R"("update_expression": "SET age = :a",
                           "expression_attribute_values": {":a": {"N": "40"}, ":b": {"N": "1"}})") + "," +
                      Call(3, "table.update_item", key + R"("update_expression": "SET age = :a", "condition_expression": "age >",
                           "expression_attribute_values": {":a": {"N": "40"}})") + "]"));
  auto ups = Replies(lab, "table.update_item.result");
  ASSERT_EQ(ups.size(), 3u);
  ASSERT_TRUE(ups[0]->error && ups[1]->error && ups[2]->error);
  EXPECT_EQ(ups[0]->error->code, "ConditionalCheckFailedException");
  EXPECT_EQ(ups[1]->error->message, "Value provided in ExpressionAttributeValues unused in expressions: keys: {:b}");
  EXPECT_EQ(ups[2]->error->message, "Invalid ConditionExpression: Syntax error; token: \"<EOF>\", near: \">\"");
  EXPECT_EQ(lab.State()["resources"]["t"]["items"][0]["age"]["N"], "30");
}

TEST(TableServiceTest, DeleteHonoursConditionsAndRecordsRemove) {
  api::Lab lab;
  const std::string key = R"("key": {"id": {"S": "alice"}})";
  LoadAndRun(lab, TableScenario(
                      "[" + Call(0, "table.put_item", kAlice) + "," +
                      Call(1, "table.delete_item", key + R"(, "condition_expression": "age < :a", "expression_attribute_values": {":a": {"N": "18"}})") + "," +
                      Call(2, "table.delete_item", key + R"(, "return_values": "ALL_OLD")") + "," +
                      Call(3, "table.delete_item", key) + "]"));
  auto dels = Replies(lab, "table.delete_item.result");
  ASSERT_EQ(dels.size(), 3u);
  ASSERT_TRUE(dels[0]->error);
  EXPECT_EQ(dels[0]->error->code, "ConditionalCheckFailedException");
  EXPECT_EQ(dels[1]->payload["Attributes"]["age"]["N"], "30");
  EXPECT_EQ(dels[2]->payload, Json::object());
  EXPECT_EQ(lab.State()["resources"]["t"]["item_count"], 0);
  EXPECT_EQ(lab.State()["resources"]["t"]["changes"], 2);  // INSERT and REMOVE
}

TEST(TableServiceTest, ItemSizeLimitIsExactAtTheByteBoundary) {
  // "id" (2) + "a" (1) + "d" (1) + the string: 409,600 bytes in all at the limit.
  auto put = [](size_t chars) {
    return R"("item": {"id": {"S": "a"}, "d": {"S": ")" + std::string(chars, 'x') + "\"}}";
  };
  api::Lab lab;
  LoadAndRun(lab, TableScenario("[" + Call(0, "table.put_item", put(409596)) + "," + Call(1, "table.put_item", put(409597)) + "]"));
  auto puts = Replies(lab, "table.put_item.result");
  ASSERT_EQ(puts.size(), 2u);
  EXPECT_FALSE(puts[0]->error);
  ASSERT_TRUE(puts[1]->error);
  EXPECT_EQ(puts[1]->error->code, "ValidationException");
  EXPECT_EQ(puts[1]->error->message, "Item size has exceeded the maximum allowed size");
}

TEST(TableServiceTest, TheSizeLimitIsAScenarioLimit) {
  api::Lab lab;
  std::string json = TableScenario("[" + Call(0, "table.put_item", R"("item": {"id": {"S": "abcdefgh"}})") + "]");
  json.insert(json.size() - 1, R"(, "limits": {"table_item_max_bytes": 9})");
  LoadAndRun(lab, json);
  auto puts = Replies(lab, "table.put_item.result");
  ASSERT_EQ(puts.size(), 1u);
  ASSERT_TRUE(puts[0]->error);  // 2 + 8 = 10 bytes
  EXPECT_EQ(puts[0]->error->message, "Item size has exceeded the maximum allowed size");
}

TEST(TableServiceTest, APrincipalWithoutTheGrantIsDenied) {
  api::Lab lab;
  LoadAndRun(lab, TableScenario("[" + Call(0, "table.put_item", kAlice) + "," + Call(1, "table.get_item", R"("key": {"id": {"S": "alice"}})") + "]",
                                R"("hash_key": {"name": "id", "type": "S"})",
                                R"([{"action": "dynamodb:GetItem", "resource": "arn:aws:dynamodb:us-east-1:123456789012:table/t"}])"));
  auto puts = Replies(lab, "table.put_item.result");
  ASSERT_EQ(puts.size(), 1u);
  ASSERT_TRUE(puts[0]->error);
  EXPECT_EQ(puts[0]->error->code, "AccessDeniedException");
  EXPECT_EQ(puts[0]->error->status, 400);
  EXPECT_EQ(puts[0]->error->message,
            "User: arn:aws:iam::123456789012:user/c is not authorized to perform: dynamodb:PutItem on resource: "
            "arn:aws:dynamodb:us-east-1:123456789012:table/t because no identity-based policy allows the dynamodb:PutItem action");
  auto gets = Replies(lab, "table.get_item.result");
  ASSERT_EQ(gets.size(), 1u);
  EXPECT_FALSE(gets[0]->error);
  EXPECT_EQ(lab.State()["resources"]["t"]["item_count"], 0);
}

TEST(TableServiceTest, TheChangeLogRecordsInsertModifyRemoveWithSequenceNumbers) {
  api::Lab lab;
  LoadAndRun(lab, TableScenario("[" + Call(0, "table.put_item", kAlice) + "," + Call(1, "table.put_item", kAlice) + "," +
                                Call(2, "table.put_item", R"("item": {"id": {"S": "alice"}, "age": {"N": "31"}})") + "," +
                                Call(3, "table.delete_item", R"("key": {"id": {"S": "alice"}})") + "]"));
  ASSERT_EQ(lab.State()["resources"]["t"]["changes"], 3);  // the identical second put changes nothing
  // The log itself, on a service driven directly.
  TableConfig config;
  config.name = "t";
  config.hash_key = {"id", "S"};
  config.items = Json::array({Json::parse(R"({"id": {"S": "a"}})")});
  TableService service(&config);
  EXPECT_EQ(service.State()["item_count"], 1);
  EXPECT_TRUE(service.Changes().empty());  // initial items are not writes
}

}  // namespace
}  // namespace eventlab::cloud::tables
