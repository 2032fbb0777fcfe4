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

}  // namespace
}  // namespace eventlab::cloud::functions
