// Typed attribute values: validation messages, exact decimal numbers, ordering and item sizes.
#include "cloud/tables/attribute_value.h"

#include <gtest/gtest.h>

namespace eventlab::cloud::tables {
namespace {

std::string Problem(Json v) { return ValidateAttributeValue(v).value_or(""); }

TEST(AttributeValueTest, AcceptsEveryTypeAndCanonicalizesNumbers) {
  Json item = Json::parse(R"({"s": {"S": "x"}, "n": {"N": "007.50"}, "b": {"B": "AQI="}, "t": {"BOOL": true},
      "z": {"NULL": true}, "m": {"M": {"k": {"N": "1e2"}}}, "l": {"L": [{"S": "a"}, {"N": "-0"}]},
      "ss": {"SS": ["a", "b"]}, "ns": {"NS": ["1", "2.0"]}})");
  ASSERT_EQ(ValidateItem(item), std::nullopt);
  EXPECT_EQ(item["n"]["N"], "7.5");
  EXPECT_EQ(item["m"]["M"]["k"]["N"], "100");
  EXPECT_EQ(item["l"]["L"][1]["N"], "0");
  EXPECT_EQ(item["ns"]["NS"][1], "2");
}

TEST(AttributeValueTest, RejectsBadValuesWithDynamoDbMessages) {
  EXPECT_EQ(Problem(Json::object()), "Supplied AttributeValue is empty, must contain exactly one of the supported datatypes");
  EXPECT_EQ(Problem(Json::parse(R"({"X": 1})")), "Supplied AttributeValue is empty, must contain exactly one of the supported datatypes");
  EXPECT_EQ(Problem(Json::parse(R"({"S": "a", "N": "1"})")),
            "Supplied AttributeValue has more than one datatypes set, must contain exactly one of the supported datatypes");
  EXPECT_EQ(Problem(Json::parse(R"({"N": "12a"})")), "A value provided cannot be converted into a number");
  EXPECT_EQ(Problem(Json::parse(R"({"N": 12})")), "A value provided cannot be converted into a number");
  EXPECT_EQ(Problem(Json::parse(R"({"NULL": false})")),
            "One or more parameter values were invalid: Null attribute value types must have the value of true");
  EXPECT_EQ(Problem(Json::parse(R"({"SS": []})")), "One or more parameter values were invalid: An string set  may not be empty");
  EXPECT_EQ(Problem(Json::parse(R"({"SS": ["a", "a"]})")),
            "One or more parameter values were invalid: Input collection [a, a] contains duplicates.");
  EXPECT_EQ(Problem(Json::parse(R"({"N": "1e126"})")),
            "Number overflow. Attempting to store a number with magnitude larger than supported range");
  EXPECT_EQ(Problem(Json::parse(R"({"N": "123456789012345678901234567890123456789"})")),
            "Attempting to store more than 38 significant digits in a Number");
  EXPECT_EQ(Problem(Json::parse(R"({"L": [{"N": "x"}]})")), "A value provided cannot be converted into a number");
}

TEST(AttributeValueTest, NumbersCompareExactlyWithoutFloatingPoint) {
  EXPECT_EQ(CompareNumbers("10", "9"), 1);
  EXPECT_EQ(CompareNumbers("-10", "-9"), -1);
  EXPECT_EQ(CompareNumbers("1.0", "1"), 0);
  EXPECT_EQ(CompareNumbers("0.1", "0.09"), 1);
  EXPECT_EQ(CompareNumbers("-0", "0"), 0);
  // Differ in the 38th digit, where a double cannot tell them apart.
  EXPECT_EQ(CompareNumbers("1234567890123456789012345678901234567.8", "1234567890123456789012345678901234567.9"), -1);
  EXPECT_EQ(AddNumbers("0.1", "0.2"), "0.3");
  EXPECT_EQ(AddNumbers("5", "7", true), "-2");
  EXPECT_EQ(AddNumbers("-1.5", "1.5"), "0");
  EXPECT_EQ(AddNumbers("99999999999999999999", "1"), "100000000000000000000");
}

TEST(AttributeValueTest, ComparesStringsByBytesAndOnlyLikeTypes) {
  EXPECT_EQ(CompareValues(Json{{"S", "B"}}, Json{{"S", "a"}}), -1);  // uppercase sorts first
  EXPECT_EQ(CompareValues(Json{{"N", "2"}}, Json{{"N", "10"}}), -1);
  EXPECT_EQ(CompareValues(Json{{"S", "2"}}, Json{{"S", "10"}}), 1);
  EXPECT_EQ(CompareValues(Json{{"S", "1"}}, Json{{"N", "1"}}), std::nullopt);
  EXPECT_TRUE(ValuesEqual(Json::parse(R"({"SS": ["a", "b"]})"), Json::parse(R"({"SS": ["b", "a"]})")));
  EXPECT_FALSE(ValuesEqual(Json{{"S", "1"}}, Json{{"N", "1"}}));
}

TEST(AttributeValueTest, ItemSizeFollowsTheDeveloperGuide) {
  // "id" (2) + "abc" (3) = 5; "n" (1) + 3 digits -> 2 + 1 = 4; "ok" (2) + 1 = 3; "b" (1) + 2 bytes.
  EXPECT_EQ(ItemSize(Json::parse(R"({"id": {"S": "abc"}})")), 5u);
  EXPECT_EQ(ItemSize(Json::parse(R"({"n": {"N": "123"}})")), 4u);
  EXPECT_EQ(ItemSize(Json::parse(R"({"ok": {"BOOL": true}})")), 3u);
  EXPECT_EQ(ItemSize(Json::parse(R"({"b": {"B": "AQI="}})")), 3u);
  // A map: 3 bytes, plus per element 1 byte + key + value: "m" (1) + 3 + (1 + 1 + 1) = 7.
  EXPECT_EQ(ItemSize(Json::parse(R"({"m": {"M": {"k": {"S": "v"}}}})")), 7u);
  EXPECT_EQ(ItemSize(Json::parse(R"({"é": {"S": "é"}})")), 4u);  // UTF-8 bytes, not characters
}

}  // namespace
}  // namespace eventlab::cloud::tables
