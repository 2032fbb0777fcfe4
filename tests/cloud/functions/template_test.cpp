// Templates: typed whole-value templates, embedded text, paths, functions and errors.
#include "cloud/functions/template.h"

#include <gtest/gtest.h>

namespace eventlab::cloud::functions {
namespace {

class TemplateTest : public ::testing::Test {
 protected:
  core::Result<Json> R(const Json& v) { return Render(v, scope_); }
  Json vars_ = Json::parse(R"({"event": {"Records": [{"body": "b0", "size": 10}], "n": 3, "key.with.dots": "k"},
                              "container": {}, "name": "world"})");
  core::Rng rng_ = core::Rng::ForComponent(1, "function:t");
  TemplateScope scope_{&vars_, &rng_, 1767225600000000LL};
};

TEST_F(TemplateTest, AWholeTemplateKeepsItsJsonType) {
  EXPECT_EQ(R("${event.n}").value(), Json(3));
  EXPECT_EQ(R("${event.Records}").value(), vars_["event"]["Records"]);
  EXPECT_EQ(R("${event.Records[0].body}").value(), Json("b0"));
  EXPECT_EQ(R("${event['key.with.dots']}").value(), Json("k"));
}

TEST_F(TemplateTest, EmbeddedTemplatesAreWrittenIntoText) {
  EXPECT_EQ(R("hello ${name}, n=${event.n}").value(), Json("hello world, n=3"));
  EXPECT_EQ(R("literal $${name}").value(), Json("literal ${name}"));
  EXPECT_EQ(R(Json{{"a", Json::array({"${event.n}", "x"})}}).value(), (Json{{"a", Json::array({3, "x"})}}));
}

TEST_F(TemplateTest, FunctionsComputeValues) {
  EXPECT_EQ(R("${now()}").value(), Json("2026-01-01T00:00:00.000Z"));
  EXPECT_EQ(R("${epoch_s()}").value(), Json(1767225600));
  EXPECT_EQ(R("${len(event.Records)}").value(), Json(1));
  EXPECT_EQ(R("${add(event.n, 4)}").value(), Json(7));
  EXPECT_EQ(R("${div(event.Records[0].size, 4)}").value(), Json(2));
  EXPECT_EQ(R("${concat('img/', name, '.jpg')}").value(), Json("img/world.jpg"));
  EXPECT_EQ(R("${default(container.secret, 'none')}").value(), Json("none"));
  EXPECT_EQ(R("${upper(name)}").value(), Json("WORLD"));
  EXPECT_EQ(R("${parse_json('{\"a\":1}')}").value(), (Json{{"a", 1}}));
}

TEST_F(TemplateTest, LiteralsAndTextFunctions) {
  EXPECT_EQ(R("${true}").value(), Json(true));
  EXPECT_EQ(R("${null}").value(), Json(nullptr));
  EXPECT_EQ(R("${default(null, false)}").value(), Json(false));
  EXPECT_EQ(R("${strip_prefix('Bearer abc.def', 'Bearer ')}").value(), Json("abc.def"));
  EXPECT_EQ(R("${split('a.b.c', '.')}").value(), Json::parse(R"(["a","b","c"])"));
  EXPECT_EQ(R("${substr('thumbnail', 0, 5)}").value(), Json("thumb"));
  EXPECT_EQ(R("${substr('abc', 9)}").value(), Json(""));
  EXPECT_EQ(R("${concat('{', name, '}')}").value(), Json("{world}"));
  EXPECT_EQ(R("${parse_json('{\"a\":{\"b\":[5]}}').a.b[0]}").value(), Json(5));
  EXPECT_FALSE(R("${parse_json('{}').missing}").ok());
}

TEST_F(TemplateTest, UuidsAreDeterministicPerStream) {
  const Json a = R("${uuid()}").value();
  core::Rng again = core::Rng::ForComponent(1, "function:t");
  TemplateScope other{&vars_, &again, 0};
  EXPECT_EQ(Render("${uuid()}", other).value(), a);
  EXPECT_NE(R("${uuid()}").value(), a);
  EXPECT_EQ(a.get<std::string>().size(), 36u);
  EXPECT_EQ(a.get<std::string>()[14], '4');
}

TEST_F(TemplateTest, MissingPathsAndBadCallsAreErrors) {
  auto missing = R("${event.nope}");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().code, "Runtime.TemplateError");
  EXPECT_NE(missing.error().message.find("event.nope"), std::string::npos);
  EXPECT_FALSE(R("${div(1, 0)}").ok());
  EXPECT_FALSE(R("${add(name, 1)}").ok());
}

TEST_F(TemplateTest, SyntaxCheckFindsProblemsWithoutValues) {
  EXPECT_EQ(CheckTemplates(Json{{"a", "${event.Records[0].body}"}}), "");
  EXPECT_NE(CheckTemplates("${event..x}"), "");
  EXPECT_NE(CheckTemplates("${len()}").find("len() takes 1"), std::string::npos);
  EXPECT_NE(CheckTemplates("${x"), "");
  EXPECT_NE(CheckTemplates("${'unterminated}"), "");
}

TEST_F(TemplateTest, ArithmeticOutsideSixtyFourBitsIsAnErrorNotUndefinedBehaviour) {
  EXPECT_EQ(R("${add(9223372036854775807, 1)}").error().code, "Runtime.TemplateError");
  EXPECT_EQ(R("${sub(-9223372036854775807, 2)}").error().code, "Runtime.TemplateError");
  EXPECT_EQ(R("${mul(1000000000, 1000000000000)}").error().code, "Runtime.TemplateError");
  // INT64_MIN / -1 traps on x86 and in WASM; the smallest integer is spelled as a difference.
  const auto min_div = R("${div(sub(-9223372036854775807, 1), -1)}");
  ASSERT_FALSE(min_div.ok());
  EXPECT_NE(min_div.error().message.find("outside the 64-bit integer range"), std::string::npos);
  EXPECT_EQ(R("${mul(1000000000, 1000000000)}").value(), Json(1000000000000000000LL));
  EXPECT_EQ(R("${div(-7, 2)}").value(), Json(-3));
  EXPECT_EQ(R("${sub(-9223372036854775808, 0)}").value(), Json(INT64_MIN));
  EXPECT_EQ(R("${div(-9223372036854775808, -1)}").error().code, "Runtime.TemplateError");
  EXPECT_NE(CheckTemplates("${add(9223372036854775808, 0)}").find("outside the 64-bit range"), std::string::npos);
}

TEST_F(TemplateTest, SubstrNeverCutsAMultiByteCharacter) {
  EXPECT_EQ(R("${substr('h\u00e9llo', 0, 2)}").value(), Json("h"));  // "é" is 2 bytes: the cut falls before it
  EXPECT_EQ(R("${substr('h\u00e9llo', 0, 3)}").value(), Json("h\u00e9"));
  EXPECT_EQ(R("${substr('h\u00e9llo', 2)}").value(), Json("\u00e9llo"));  // a start inside it moves to its first byte
  EXPECT_EQ(R("x${substr('\u20ac', 0, 1)}y").value(), Json("xy"));
}

TEST_F(TemplateTest, CallsNestedTooDeepAreRefusedAtParseTime) {
  std::string deep = "${";
  for (int i = 0; i < 100000; ++i) deep += "len(";
  deep += "'a'";
  for (int i = 0; i < 100000; ++i) deep += ")";
  deep += "}";
  EXPECT_NE(CheckTemplates(deep).find("nested deeper than 32 calls"), std::string::npos);
  EXPECT_EQ(R(Json(deep)).error().code, "Runtime.TemplateError");
  std::string ok = "${";
  for (int i = 0; i < kMaxTemplateNesting - 1; ++i) ok += "lower(";
  ok += "'A'";
  for (int i = 0; i < kMaxTemplateNesting - 1; ++i) ok += ")";
  EXPECT_EQ(R(Json(ok + "}")).value(), Json("a"));
}

TEST_F(TemplateTest, AStringLargerThanTheMemoryLimitIsRefusedBeforeItIsBuilt) {
  scope_.max_value_bytes = 1000;
  vars_["big"] = std::string(600, 'x');
  const auto doubled = R("${concat(big, big)}");
  ASSERT_FALSE(doubled.ok());
  EXPECT_EQ(doubled.error().code, "Runtime.ExitError");
  EXPECT_EQ(doubled.error().message.rfind("Error: Runtime exited with error: signal: killed", 0), 0u);
  EXPECT_EQ(R("${big}${big}").error().code, "Runtime.ExitError");
  EXPECT_EQ(R("${json(big)}").value(), Json("\"" + std::string(600, 'x') + "\""));
  EXPECT_EQ(R("${concat(big, 'y')}").value(), Json(std::string(600, 'x') + "y"));
}

}  // namespace
}  // namespace eventlab::cloud::functions
