// SNS filter policies: each operator, AND across keys, OR within a key, missing attributes,
// String.Array and Number attributes, nested MessageBody policies, and policy validation.
#include "cloud/topics/filter_policy.h"

#include <gtest/gtest.h>

namespace eventlab::cloud::topics {
namespace {

using core::Json;

Json Attr(const std::string& type, const std::string& value) { return {{"DataType", type}, {"StringValue", value}}; }

// A document from message attributes, as the topic builds it.
Json Doc(const Json& attributes) { return FilterDocument(attributes); }

bool Match(const char* policy, const Json& attributes) { return MatchesFilterPolicy(Json::parse(policy), Doc(attributes)); }

const Json kOrder = {{"store", Attr("String", "example_corp")},
                     {"event", Attr("String", "order_placed")},
                     {"price_usd", Attr("Number", "210.75")},
                     {"customer_interests", Attr("String.Array", R"(["soccer", "rugby", "hockey"])")},
                     {"encrypted", Attr("Binary", "AQID")}};

TEST(FilterPolicyTest, ExactStringMatchesOnlyThatString) {
  EXPECT_TRUE(Match(R"({"store": ["example_corp"]})", kOrder));
  EXPECT_FALSE(Match(R"({"store": ["other_corp"]})", kOrder));
  EXPECT_FALSE(Match(R"({"store": ["Example_Corp"]})", kOrder));  // case-sensitive
}

TEST(FilterPolicyTest, ExactNumberMatchesNumberAttributesNumerically) {
  EXPECT_TRUE(Match(R"({"price_usd": [210.75]})", kOrder));
  EXPECT_TRUE(Match(R"({"price_usd": [210.750]})", kOrder));
  EXPECT_FALSE(Match(R"({"price_usd": [210]})", kOrder));
  // A string literal does not match a Number attribute, nor a number a String attribute.
  EXPECT_FALSE(Match(R"({"price_usd": ["210.75"]})", kOrder));
  EXPECT_FALSE(Match(R"({"price": [5]})", {{"price", Attr("String", "5")}}));
  EXPECT_TRUE(Match(R"({"n": [1000000000]})", {{"n", Attr("Number", "1e9")}}));
}

TEST(FilterPolicyTest, PrefixSuffixAndEqualsIgnoreCase) {
  EXPECT_TRUE(Match(R"({"event": [{"prefix": "order_"}]})", kOrder));
  EXPECT_FALSE(Match(R"({"event": [{"prefix": "ship"}]})", kOrder));
  EXPECT_TRUE(Match(R"({"event": [{"suffix": "_placed"}]})", kOrder));
  EXPECT_FALSE(Match(R"({"event": [{"suffix": "_cancelled"}]})", kOrder));
  EXPECT_TRUE(Match(R"({"store": [{"equals-ignore-case": "EXAMPLE_CORP"}]})", kOrder));
  EXPECT_FALSE(Match(R"({"price_usd": [{"prefix": "2"}]})", kOrder));  // prefix is for strings
}

TEST(FilterPolicyTest, NumericRangesAndComparisons) {
  EXPECT_TRUE(Match(R"({"price_usd": [{"numeric": [">=", 0, "<", 300]}]})", kOrder));
  EXPECT_FALSE(Match(R"({"price_usd": [{"numeric": [">=", 0, "<", 100]}]})", kOrder));
  EXPECT_TRUE(Match(R"({"price_usd": [{"numeric": [">", 210.74]}]})", kOrder));
  EXPECT_FALSE(Match(R"({"price_usd": [{"numeric": [">", 210.75]}]})", kOrder));
  EXPECT_TRUE(Match(R"({"price_usd": [{"numeric": ["<=", 210.75]}]})", kOrder));
  EXPECT_TRUE(Match(R"({"price_usd": [{"numeric": ["=", 210.75]}]})", kOrder));
  EXPECT_FALSE(Match(R"({"store": [{"numeric": [">", 0]}]})", kOrder));  // not a number
  // Range bounds are exclusive or inclusive as written.
  EXPECT_FALSE(Match(R"({"n": [{"numeric": [">", 0, "<", 100]}]})", {{"n", Attr("Number", "100")}}));
  EXPECT_TRUE(Match(R"({"n": [{"numeric": [">", 0, "<=", 100]}]})", {{"n", Attr("Number", "100")}}));
  EXPECT_FALSE(Match(R"({"n": [{"numeric": [">", 0, "<=", 100]}]})", {{"n", Attr("Number", "0")}}));
}

TEST(FilterPolicyTest, ExistsChecksPresenceOnly) {
  EXPECT_TRUE(Match(R"({"store": [{"exists": true}]})", kOrder));
  EXPECT_FALSE(Match(R"({"coupon": [{"exists": true}]})", kOrder));
  EXPECT_TRUE(Match(R"({"coupon": [{"exists": false}]})", kOrder));
  EXPECT_FALSE(Match(R"({"store": [{"exists": false}]})", kOrder));
}

TEST(FilterPolicyTest, AnythingButValuesListsAndPrefixes) {
  EXPECT_TRUE(Match(R"({"store": [{"anything-but": "other_corp"}]})", kOrder));
  EXPECT_FALSE(Match(R"({"store": [{"anything-but": "example_corp"}]})", kOrder));
  EXPECT_FALSE(Match(R"({"store": [{"anything-but": ["a", "example_corp"]}]})", kOrder));
  EXPECT_TRUE(Match(R"({"price_usd": [{"anything-but": [100, 200]}]})", kOrder));
  EXPECT_FALSE(Match(R"({"price_usd": [{"anything-but": [210.75]}]})", kOrder));
  EXPECT_FALSE(Match(R"({"event": [{"anything-but": {"prefix": "order"}}]})", kOrder));
  EXPECT_TRUE(Match(R"({"event": [{"anything-but": {"prefix": "ship"}}]})", kOrder));
  // anything-but needs the attribute to be there.
  EXPECT_FALSE(Match(R"({"coupon": [{"anything-but": "x"}]})", kOrder));
}

TEST(FilterPolicyTest, KeysAreAndedAndValuesWithinAKeyAreOred) {
  EXPECT_TRUE(Match(R"({"store": ["example_corp"], "event": ["order_placed"]})", kOrder));
  EXPECT_FALSE(Match(R"({"store": ["example_corp"], "event": ["order_cancelled"]})", kOrder));
  EXPECT_TRUE(Match(R"({"event": ["order_cancelled", "order_placed"]})", kOrder));
  EXPECT_TRUE(Match(R"({"event": ["order_cancelled", {"prefix": "order_p"}]})", kOrder));
  EXPECT_FALSE(Match(R"({"event": ["order_cancelled", {"prefix": "x"}]})", kOrder));
}

TEST(FilterPolicyTest, OrOperatorHoldsAlternativePolicies) {
  EXPECT_TRUE(Match(R"({"$or": [{"store": ["nope"]}, {"event": ["order_placed"]}]})", kOrder));
  EXPECT_FALSE(Match(R"({"$or": [{"store": ["nope"]}, {"event": ["nope"]}]})", kOrder));
}

TEST(FilterPolicyTest, AMissingAttributeFailsEveryConditionButExistsFalse) {
  for (const char* policy : {R"({"coupon": ["x"]})", R"({"coupon": [{"prefix": ""}]})", R"({"coupon": [{"numeric": [">", 0]}]})"}) {
    EXPECT_FALSE(Match(policy, kOrder)) << policy;
  }
  EXPECT_FALSE(Match(R"({"store": ["example_corp"]})", Json::object()));
}

TEST(FilterPolicyTest, StringArrayAttributesMatchWhenAnyElementDoes) {
  EXPECT_TRUE(Match(R"({"customer_interests": ["rugby"]})", kOrder));
  EXPECT_TRUE(Match(R"({"customer_interests": ["tennis", "hockey"]})", kOrder));
  EXPECT_FALSE(Match(R"({"customer_interests": ["tennis"]})", kOrder));
  EXPECT_TRUE(Match(R"({"customer_interests": [{"prefix": "soc"}]})", kOrder));
}

TEST(FilterPolicyTest, BinaryAttributesAreIgnored) {
  EXPECT_FALSE(Match(R"({"encrypted": ["AQID"]})", kOrder));
  EXPECT_TRUE(Match(R"({"encrypted": [{"exists": false}]})", kOrder));
}

TEST(FilterPolicyTest, MessageBodyPoliciesNestAndSearchArraysOfObjects) {
  const Json body = Json::parse(R"({"Records": [{"s3": {"object": {"key": "uploads/cat.jpg", "size": 2097152}}}]})");
  const Json by_suffix = Json::parse(R"({"Records": {"s3": {"object": {"key": [{"suffix": ".jpg"}]}}}})");
  const Json by_size = Json::parse(R"({"Records": {"s3": {"object": {"size": [{"numeric": [">=", 1000000]}]}}}})");
  const Json txt = Json::parse(R"({"Records": {"s3": {"object": {"key": [{"suffix": ".txt"}]}}}})");
  EXPECT_TRUE(MatchesFilterPolicy(by_suffix, body));
  EXPECT_TRUE(MatchesFilterPolicy(by_size, body));
  EXPECT_FALSE(MatchesFilterPolicy(txt, body));
  EXPECT_FALSE(MatchesFilterPolicy(by_suffix, Json::parse(R"({"other": 1})")));
}

TEST(FilterPolicyTest, CidrMatchesIpv4AndIpv6AddressesInTheBlock) {
  const Json attrs = {{"source_ip", Attr("String", "10.0.0.255")}, {"v6", Attr("String", "2001:db8::1")}};
  EXPECT_TRUE(Match(R"({"source_ip": [{"cidr": "10.0.0.0/24"}]})", attrs));
  EXPECT_FALSE(Match(R"({"source_ip": [{"cidr": "10.0.1.0/24"}]})", attrs));
  EXPECT_TRUE(Match(R"({"source_ip": [{"cidr": "10.0.0.128/25"}]})", attrs));
  EXPECT_FALSE(Match(R"({"source_ip": [{"cidr": "10.0.0.0/25"}]})", attrs));
  EXPECT_TRUE(Match(R"({"v6": [{"cidr": "2001:db8::/32"}]})", attrs));
  EXPECT_FALSE(Match(R"({"v6": [{"cidr": "10.0.0.0/8"}]})", attrs));  // another family never matches
  // On a message body too, and not on text that merely looks close.
  const Json body = Json::parse(R"({"client": {"ip": "192.168.1.20"}, "note": "192.168.1"})");
  EXPECT_TRUE(MatchesFilterPolicy(Json::parse(R"({"client": {"ip": [{"cidr": "192.168.0.0/16"}]}})"), body));
  EXPECT_FALSE(MatchesFilterPolicy(Json::parse(R"({"note": [{"cidr": "192.168.0.0/16"}]})"), body));
}

TEST(FilterPolicyTest, CidrPatternsAreCheckedInEventRulersWords) {
  const auto attrs = FilterScope::kMessageAttributes;
  auto why = [&](const char* policy) { return ValidateFilterPolicy(Json::parse(policy), attrs); };
  EXPECT_EQ(why(R"({"ip": [{"cidr": "10.0.0.0/24"}]})"), "");
  EXPECT_EQ(why(R"({"ip": [{"cidr": "10.0.0.0"}]})"), "Malformed CIDR, one '/' required");
  EXPECT_EQ(why(R"({"ip": [{"cidr": "10.0.0.0/x"}]})"), "Malformed CIDR, mask bits must be an integer");
  EXPECT_EQ(why(R"({"ip": [{"cidr": "10.0.0.0/-1"}]})"), "Malformed CIDR, mask bits must not be negative");
  EXPECT_EQ(why(R"({"ip": [{"cidr": "10.0.0.0/32"}]})"), "IPv4 mask bits must be < 32");
  EXPECT_EQ(why(R"({"ip": [{"cidr": "::1/128"}]})"), "IPv6 mask bits must be < 128");
  EXPECT_EQ(why(R"({"ip": [{"cidr": "10.0.0/8"}]})"), "Invalid IP address: 10.0.0");
  EXPECT_EQ(why(R"({"ip": [{"cidr": 10}]})"), "prefix match pattern must be a string");
}

TEST(FilterPolicyTest, AValueInAnArrayInsideAnArrayOfTheBodyMatches) {
  // SNS flattens the body's arrays: [[...]] is searched like [...].
  const Json body = Json::parse(R"({"a": [["x", "y"], ["z"]], "b": [[{"c": "d"}]]})");
  EXPECT_TRUE(MatchesFilterPolicy(Json::parse(R"({"a": ["z"]})"), body));
  EXPECT_TRUE(MatchesFilterPolicy(Json::parse(R"({"b": {"c": ["d"]}})"), body));
  EXPECT_FALSE(MatchesFilterPolicy(Json::parse(R"({"a": ["w"]})"), body));
}

TEST(FilterPolicyTest, ValidationRejectsWhatSnsRejects) {
  const auto attrs = FilterScope::kMessageAttributes;
  EXPECT_EQ(ValidateFilterPolicy(Json::parse(R"({"a": ["x", 1, {"prefix": "p"}]})"), attrs), "");
  EXPECT_NE(ValidateFilterPolicy(Json::parse(R"([1])"), attrs), "");
  EXPECT_NE(ValidateFilterPolicy(Json::parse(R"({"a": "x"})"), attrs), "");
  EXPECT_NE(ValidateFilterPolicy(Json::parse(R"({"a": []})"), attrs), "");
  EXPECT_NE(ValidateFilterPolicy(Json::parse(R"({"a": [{"numeric": [">", 10, "<", 5]}]})"), attrs), "");
  EXPECT_NE(ValidateFilterPolicy(Json::parse(R"({"a": [{"numeric": ["!", 1]}]})"), attrs), "");
  EXPECT_NE(ValidateFilterPolicy(Json::parse(R"({"a": [{"wildcard": "x*"}]})"), attrs), "");
  EXPECT_NE(ValidateFilterPolicy(Json::parse(R"({"a": [2000000000]})"), attrs), "");  // beyond 10^9
  EXPECT_NE(ValidateFilterPolicy(Json::parse(R"({"a": {"b": ["x"]}})"), attrs), "");  // nesting is for bodies
  EXPECT_EQ(ValidateFilterPolicy(Json::parse(R"({"a": {"b": ["x"]}})"), FilterScope::kMessageBody), "");
  EXPECT_NE(ValidateFilterPolicy(Json::parse(R"({"a":["x"],"b":["x"],"c":["x"],"d":["x"],"e":["x"],"f":["x"]})"), attrs),
            "");  // more than 5 keys
  // 151 combinations: 151 values for one key.
  Json many = Json::array();
  for (int i = 0; i < 151; ++i) many.push_back(i);
  EXPECT_NE(ValidateFilterPolicy(Json{{"a", many}}, attrs), "");
}

}  // namespace
}  // namespace eventlab::cloud::topics
