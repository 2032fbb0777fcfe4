// JSON bounds: depth is measured without recursion and names where a value went too deep; parsing
// refuses documents deeper than the limit; printing and snippets never throw on invalid UTF-8.
#include "core/json_bounds.h"

#include <gtest/gtest.h>

#include <string>

namespace eventlab::core {
namespace {

std::string Nested(int depth, const std::string& open = "[", const std::string& close = "]") {
  std::string s;
  for (int i = 0; i < depth; ++i) s += open;
  s += "1";
  for (int i = 0; i < depth; ++i) s += close;
  return s;
}

TEST(JsonBoundsTest, MeasuresDepthAndNamesTheFirstTooDeepContainer) {
  EXPECT_EQ(Measure(Json(1)).depth, 0u);
  EXPECT_EQ(Measure(Json::array()).depth, 1u);
  const Json doc = Json::parse(R"({"a": [{"b/c": [[1]]}], "z": 2})");
  EXPECT_EQ(Measure(doc).depth, 5u);
  EXPECT_TRUE(Measure(doc).too_deep_at.empty());
  EXPECT_EQ(Measure(doc, 3).too_deep_at, "/a/0/b~1c");
}

TEST(JsonBoundsTest, MeasuresAHundredThousandLevelsWithoutRecursion) {
  // Parsed with nlohmann's iterative parser; Measure must not recurse either.
  const Json deep = Json::parse(Nested(100000));
  const JsonMeasure m = Measure(deep);
  EXPECT_EQ(m.depth, kMaxJsonDepth + 1);
  EXPECT_EQ(m.too_deep_at.substr(0, 4), "/0/0");
}

TEST(JsonBoundsTest, ParseBoundedKeepsTheLimitAndRefusesDeeper) {
  EXPECT_FALSE(ParseBounded(Nested(kMaxJsonDepth)).is_discarded());
  EXPECT_TRUE(ParseBounded(Nested(kMaxJsonDepth + 1)).is_discarded());
  EXPECT_TRUE(ParseBounded(Nested(100000, "{\"k\":", "}")).is_discarded());
  EXPECT_TRUE(ParseBounded("{not json").is_discarded());
}

TEST(JsonBoundsTest, PrintingInvalidUtf8ReplacesInsteadOfThrowing) {
  const Json cut = std::string("h\xC3", 2);  // 'h' and the first byte of 'é'
  EXPECT_THROW((void)cut.dump(), Json::type_error);
  EXPECT_EQ(DumpText(cut), "\"h\xEF\xBF\xBD\"");
  nlohmann::ordered_json ordered = {{"z", 1}, {"a", std::string("\xFF")}};
  EXPECT_EQ(DumpText(ordered), "{\"z\":1,\"a\":\"\xEF\xBF\xBD\"}");
}

TEST(JsonBoundsTest, SnippetsCutLongValuesAtACharacterBoundary) {
  EXPECT_EQ(Utf8Boundary("h\xC3\xA9llo", 2), 1u);
  EXPECT_EQ(SnippetText("h\xC3\xA9llo", 2), "h...");
  const Json big = std::string(50'000'000, 'x');
  const std::string s = Snippet(big);
  EXPECT_LT(s.size(), 210u);
  EXPECT_EQ(s.substr(s.size() - 3), "...");
  Json many = Json::array();
  for (int i = 0; i < 10000; ++i) many.push_back("some text");
  EXPECT_EQ(Snippet(many), "[... 10000 items]");
  EXPECT_EQ(Snippet(Json::parse(R"({"a":1})")), "{\"a\":1}");
}

}  // namespace
}  // namespace eventlab::core
