// Conditions for "if": comparison operators, logic, exists, and type errors.
#include "cloud/functions/condition.h"

#include <gtest/gtest.h>

namespace eventlab::cloud::functions {
namespace {

class ConditionTest : public ::testing::Test {
 protected:
  bool Eval(const char* json) {
    auto r = EvaluateCondition(Json::parse(json), scope_);
    EXPECT_TRUE(r.ok()) << json << ": " << (r.ok() ? "" : r.error().message);
    return r.ok() && r.value();
  }
  Json vars_ = Json::parse(R"({"e": {"name": "REMOVE", "n": 5, "empty": ""}, "container": {"secret": "s"}})");
  TemplateScope scope_{&vars_, nullptr, 0};
};

TEST_F(ConditionTest, ComparesValues) {
  EXPECT_TRUE(Eval(R"({"eq": ["${e.name}", "REMOVE"]})"));
  EXPECT_FALSE(Eval(R"({"ne": ["${e.name}", "REMOVE"]})"));
  EXPECT_TRUE(Eval(R"({"lt": ["${e.n}", 6]})"));
  EXPECT_FALSE(Eval(R"({"gt": ["${e.n}", 5]})"));
  EXPECT_TRUE(Eval(R"({"ge": ["${e.n}", 5]})"));
  EXPECT_TRUE(Eval(R"({"starts_with": ["${e.name}", "REM"]})"));
}

TEST_F(ConditionTest, CombinesAndTestsExistence) {
  EXPECT_TRUE(Eval(R"({"exists": "container.secret"})"));
  EXPECT_FALSE(Eval(R"({"exists": "container.token"})"));
  EXPECT_TRUE(Eval(R"({"not": {"exists": "container.token"}})"));
  EXPECT_TRUE(Eval(R"({"and": [true, {"eq": [1, 1]}]})"));
  EXPECT_FALSE(Eval(R"({"and": [true, false]})"));
  EXPECT_TRUE(Eval(R"({"or": [false, "${e.n}"]})"));
  EXPECT_FALSE(Eval(R"("${e.empty}")"));
}

TEST_F(ConditionTest, OrderingMixedTypesIsAnError) {
  EXPECT_FALSE(EvaluateCondition(Json::parse(R"({"lt": ["${e.name}", 3]})"), scope_).ok());
}

TEST_F(ConditionTest, ShapeCheckNamesTheProblem) {
  EXPECT_EQ(CheckCondition(Json::parse(R"({"eq": [1, 2]})")), "");
  EXPECT_NE(CheckCondition(Json::parse(R"({"eq": [1]})")).find("two values"), std::string::npos);
  EXPECT_NE(CheckCondition(Json::parse(R"({"eq": [1, 2], "ne": [1, 2]})")), "");
  EXPECT_NE(CheckCondition(Json::parse(R"({"and": []})")), "");
  EXPECT_NE(CheckCondition(Json(3)), "");
}

}  // namespace
}  // namespace eventlab::cloud::functions
