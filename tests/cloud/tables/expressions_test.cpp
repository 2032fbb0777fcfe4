// The expression parser and evaluator: conditions, placeholders, errors, update expressions.
#include "cloud/tables/expressions.h"

#include <gtest/gtest.h>

namespace eventlab::cloud::tables {
namespace {

struct Fixture {
  Json names = Json::parse(R"({"#s": "status", "#n": "name"})");
  Json values = Json::parse(R"({":a": {"S": "active"}, ":five": {"N": "5"}, ":p": {"S": "ab"}, ":one": {"N": "1"},
                               ":ten": {"N": "10"}})");
  Placeholders ph{&names, &values, {}, {}};
  Json item = Json::parse(R"({"id": {"S": "abc"}, "status": {"S": "active"}, "count": {"N": "7"},
                              "meta": {"M": {"size": {"N": "3"}}}})");

  bool Holds(const std::string& text) {
    auto c = ParseCondition(text, "ConditionExpression", ph);
    EXPECT_TRUE(c.ok()) << (c.ok() ? "" : c.error().message);
    return c.ok() && Evaluate(*c.value(), item);
  }
  std::string Error(const std::string& text) {
    auto c = ParseCondition(text, "ConditionExpression", ph);
    return c.ok() ? "" : c.error().message;
  }
};

TEST(ExpressionsTest, EvaluatesConditions) {
  Fixture f;
  EXPECT_TRUE(f.Holds("attribute_exists(id)"));
  EXPECT_FALSE(f.Holds("attribute_not_exists(id)"));
  EXPECT_TRUE(f.Holds("#s = :a AND count > :five"));
  EXPECT_FALSE(f.Holds("#s <> :a OR count < :five"));
  EXPECT_TRUE(f.Holds("NOT (count < :five) and begins_with(id, :p)"));
  EXPECT_TRUE(f.Holds("count BETWEEN :five AND :ten"));
  EXPECT_TRUE(f.Holds("meta.size < :five"));
  EXPECT_FALSE(f.Holds("missing = :a"));
  EXPECT_TRUE(f.Holds("missing <> :a"));
  EXPECT_FALSE(f.Holds("id > :five"));  // different types never compare
  EXPECT_TRUE(f.ph.used_names.count("#s"));
  EXPECT_TRUE(f.ph.used_values.count(":ten"));
}

TEST(ExpressionsTest, ReportsErrorsLikeDynamoDb) {
  Fixture f;
  EXPECT_EQ(f.Error("id = :nope"),
            "Invalid ConditionExpression: An expression attribute value used in expression is not defined; attribute value: :nope");
  EXPECT_EQ(f.Error("#nope = :a"),
            "Invalid ConditionExpression: An expression attribute name used in the document path is not defined; attribute name: #nope");
  EXPECT_EQ(f.Error("id = = :a"), "Invalid ConditionExpression: Syntax error; token: \"=\", near: \"= = :a\"");
  EXPECT_EQ(f.Error("id ="), "Invalid ConditionExpression: Syntax error; token: \"<EOF>\", near: \"=\"");
  EXPECT_EQ(f.Error("size_of(id)"), "Invalid ConditionExpression: Invalid function name; function: size_of");
  EXPECT_EQ(f.Error(""), "Invalid ConditionExpression: The expression can not be empty;");
  EXPECT_EQ(f.Error("id = :a )"), "Invalid ConditionExpression: Syntax error; token: \")\", near: \":a )\"");
}

TEST(ExpressionsTest, ExpressionsAreBoundedInSizeAndNesting) {
  Fixture f;
  // 10,000 nested parentheses once overflowed the stack; DynamoDB refuses anything over 4 KB.
  std::string huge(10000, '(');
  huge += "count < :five" + std::string(10000, ')');
  EXPECT_EQ(f.Error(huge), "Invalid ConditionExpression: Expression size has exceeded the maximum allowed size; expression size: 20013");
  std::string deep = std::string(65, '(') + "count < :ten" + std::string(65, ')');
  EXPECT_EQ(f.Error(deep), "Invalid ConditionExpression: The expression nests parentheses and NOT more than 64 levels deep");
  std::string nots;
  for (int i = 0; i < 65; ++i) nots += "NOT ";
  EXPECT_NE(f.Error(nots + "count < :ten").find("more than 64 levels deep"), std::string::npos);
  EXPECT_TRUE(f.Holds(std::string(64, '(') + "count < :ten" + std::string(64, ')')));
  std::string chain = "count < :ten";
  while (chain.size() < 4000) chain += " AND count < :ten";
  EXPECT_TRUE(f.Holds(chain));  // a long flat chain is fine
}

TEST(ExpressionsTest, AppliesSetRemoveAndArithmetic) {
  Fixture f;
  auto u = ParseUpdate("SET #s = :a, count = count + :one, hits = if_not_exists(hits, :ten) - :one REMOVE meta ADD total :five", f.ph);
  ASSERT_TRUE(u.ok()) << u.error().message;
  Json item = f.item;
  item["status"] = Json{{"S", "old"}};
  ASSERT_EQ(ApplyUpdate(u.value(), item), std::nullopt);
  EXPECT_EQ(item["status"], Json({{"S", "active"}}));
  EXPECT_EQ(item["count"], Json({{"N", "8"}}));
  EXPECT_EQ(item["hits"], Json({{"N", "9"}}));
  EXPECT_EQ(item["total"], Json({{"N", "5"}}));
  EXPECT_FALSE(item.contains("meta"));
  EXPECT_EQ(UpdatedAttributes(u.value()), (std::vector<std::string>{"status", "count", "hits", "meta", "total"}));
}

TEST(ExpressionsTest, UpdateErrors) {
  Fixture f;
  auto bad_type = ParseUpdate("SET id = id + :one", f.ph);
  ASSERT_TRUE(bad_type.ok());
  Json item = f.item;
  EXPECT_EQ(ApplyUpdate(bad_type.value(), item), "An operand in the update expression has an incorrect data type");
  auto missing = ParseUpdate("SET x = nothing + :one", f.ph);
  ASSERT_TRUE(missing.ok());
  EXPECT_EQ(ApplyUpdate(missing.value(), item), "The provided expression refers to an attribute that does not exist in the item");
  auto overlap = ParseUpdate("SET a = :one REMOVE a", f.ph);
  ASSERT_FALSE(overlap.ok());
  EXPECT_EQ(overlap.error().message,
            "Invalid UpdateExpression: Two document paths overlap with each other; must remove or rewrite one of these paths; "
            "path one: [a], path two: [a]");
  auto syntax = ParseUpdate("PUT a = :one", f.ph);
  ASSERT_FALSE(syntax.ok());
  EXPECT_EQ(syntax.error().message, "Invalid UpdateExpression: Syntax error; token: \"PUT\", near: \"PUT a\"");
}

}  // namespace
}  // namespace eventlab::cloud::tables
