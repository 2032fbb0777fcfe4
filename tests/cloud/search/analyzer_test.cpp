// The analyzer: the standard analyzer's word splitting and lower-casing, approximated on bytes.
#include "cloud/search/analyzer.h"

#include <gtest/gtest.h>

namespace eventlab::cloud::search {
namespace {

using Tokens = std::vector<std::string>;

TEST(SearchAnalyzerTest, SplitsOnNonAlphanumericsAndLowerCases) {
  EXPECT_EQ(Analyze("The QUICK brown-fox, jumped!"), (Tokens{"the", "quick", "brown", "fox", "jumped"}));
  EXPECT_EQ(Analyze("IMG_0042.jpg"), (Tokens{"img_0042", "jpg"}));  // '_' joins (WB13a/b); '.' between 2 and j does not
}

TEST(SearchAnalyzerTest, FollowsUax29AroundApostrophesPointsAndCommas) {
  // As Lucene's StandardTokenizer splits them (UAX #29 WB6/7, WB11/12).
  EXPECT_EQ(Analyze("The dog's bowl"), (Tokens{"the", "dog's", "bowl"}));
  EXPECT_EQ(Analyze("don't stop"), (Tokens{"don't", "stop"}));
  EXPECT_EQ(Analyze("pi is 3.14, not 1,000;5"), (Tokens{"pi", "is", "3.14", "not", "1,000;5"}));
  EXPECT_EQ(Analyze("U.S.A. e-mail"), (Tokens{"u.s.a", "e", "mail"}));
  EXPECT_EQ(Analyze("'quoted' dogs' 3.x x.3"), (Tokens{"quoted", "dogs", "3", "x", "x", "3"}));
  EXPECT_EQ(Analyze("foo:bar http://example.com"), (Tokens{"foo:bar", "http", "example.com"}));
  EXPECT_EQ(Analyze("__ a__b"), (Tokens{"a__b"}));
}

TEST(SearchAnalyzerTest, KeepsDuplicatesAndOrder) {
  EXPECT_EQ(Analyze("cat Cat CAT dog"), (Tokens{"cat", "cat", "cat", "dog"}));
}

TEST(SearchAnalyzerTest, EmptyAndPunctuationOnlyTextsGiveNoTokens) {
  EXPECT_TRUE(Analyze("").empty());
  EXPECT_TRUE(Analyze(" -- !? ").empty());
}

TEST(SearchAnalyzerTest, KeepsUtf8WordsWhole) {
  // "Café crème": non-ASCII bytes belong to words and are not case-folded.
  EXPECT_EQ(Analyze("Caf\xc3\xa9 cr\xc3\xa8me"), (Tokens{"caf\xc3\xa9", "cr\xc3\xa8me"}));
}

TEST(SearchAnalyzerTest, SplitsTokensLongerThanMaxTokenLength) {
  const Tokens t = Analyze(std::string(300, 'A'));
  ASSERT_EQ(t.size(), 2u);
  EXPECT_EQ(t[0], std::string(255, 'a'));
  EXPECT_EQ(t[1], std::string(45, 'a'));
}

}  // namespace
}  // namespace eventlab::cloud::search
