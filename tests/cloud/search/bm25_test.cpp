// BM25 against values computed independently, and the deterministic logarithm and rounding.
#include "cloud/search/bm25.h"

#include <gtest/gtest.h>

#include <cmath>

namespace eventlab::cloud::search {
namespace {

TEST(SearchBm25Test, LnAgreesWithTheLibraryLogarithm) {
  for (double x : {1e-9, 0.001, 0.5, 0.7, 1.0, 1.5, 2.0, 2.718281828459045, 10.0, 123456.789, 1e12}) {
    EXPECT_NEAR(Ln(x), std::log(x), 1e-15 * std::max(1.0, std::fabs(std::log(x)))) << x;
  }
  EXPECT_EQ(Ln(1.0), 0.0);
}

TEST(SearchBm25Test, IdfIsLucenes) {
  // Python: math.log(1 + (4 - 1 + 0.5) / (1 + 0.5)) = 1.2039728043259361,
  //         math.log(1 + (4 - 3 + 0.5) / (3 + 0.5)) = 0.3566749439387324.
  EXPECT_NEAR(Bm25Idf(4, 1), 1.2039728043259361, 1e-15);
  EXPECT_NEAR(Bm25Idf(4, 3), 0.3566749439387324, 1e-15);
  // A term in every document still scores a little (the +1 keeps idf positive).
  EXPECT_GT(Bm25Idf(10, 10), 0.0);
}

TEST(SearchBm25Test, TermScoresMatchAnIndependentComputation) {
  // Corpus: "Red cat on a red sofa" (6 tokens), "A cat" (2), "Dog in the park" (4),
  // "black cat and white cat sleeping" (6): N = 4, avgdl = 4.5. Computed in Python with
  // idf * tf / (tf + 1.2 * (1 - 0.75 + 0.75 * dl / avgdl)):
  //   "red" in doc 1 (tf 2, dl 6): 0.6879844596148207; "cat" in doc 1 (tf 1, dl 6): 0.14266997757549296
  //   "cat" in doc 2 (tf 1, dl 2): 0.20980879055219556; "cat" in doc 4 (tf 2, dl 6): 0.20381425367927566
  EXPECT_NEAR(Bm25TermScore(1, 6, 4.5, 4, 3, true), 0.14266997757549296, 1e-12);
  EXPECT_NEAR(Bm25TermScore(1, 2, 4.5, 4, 3, true), 0.20980879055219556, 1e-12);
  EXPECT_NEAR(Bm25TermScore(2, 6, 4.5, 4, 3, true), 0.20381425367927566, 1e-12);
  EXPECT_NEAR(Bm25TermScore(2, 6, 4.5, 4, 1, true), 0.6879844596148207, 1e-12);
  EXPECT_NEAR(Bm25TermScore(2, 6, 4.5, 4, 1, true) + Bm25TermScore(1, 6, 4.5, 4, 3, true), 0.8306544371903136, 1e-12);
}

TEST(SearchBm25Test, FieldLengthsAreReadBackFromLucenesOneByteNorm) {
  // Lucene 9 SmallFloat.intToByte4 then byte4ToInt, computed independently (Python port of both).
  const std::pair<uint64_t, uint64_t> cases[] = {{0, 0},   {1, 1},     {23, 23},   {24, 24},  {31, 31},
                                                 {40, 40}, {47, 46},   {100, 96},  {1000, 984}, {123456, 122904}};
  for (const auto& [length, read] : cases) EXPECT_EQ(LuceneNormLength(length), read) << length;
  // A 100-token field scores as 96 tokens: avgdl 28 over (100, 4, 6, 2), idf(4, 3).
  EXPECT_NEAR(Bm25TermScore(1, 100, 28, 4, 3, true), 0.0813265344485709, 1e-12);  // 0.0790... if read exactly
}

TEST(SearchBm25Test, WithoutNormsLengthDoesNotMatter) {
  // idf(4, 1) * 1 / (1 + 1.2) = 1.2039728043259361 / 2.2 = 0.5472603656026982
  EXPECT_NEAR(Bm25TermScore(1, 100, 4.5, 4, 1, false), 0.5472603656026982, 1e-12);
  EXPECT_EQ(Bm25TermScore(1, 1, 4.5, 4, 1, false), Bm25TermScore(1, 9, 4.5, 4, 1, false));
}

TEST(SearchBm25Test, ShorterFieldsScoreHigherForTheSameTermFrequency) {
  EXPECT_GT(Bm25TermScore(1, 2, 4.5, 4, 3, true), Bm25TermScore(1, 6, 4.5, 4, 3, true));
}

TEST(SearchBm25Test, ScoreMicrosRoundsHalfUp) {
  EXPECT_EQ(ScoreMicros(0.8306544371903136), 830654);
  EXPECT_EQ(ScoreMicros(0.2098088), 209809);
  EXPECT_EQ(ScoreMicros(0.2098084), 209808);
  EXPECT_EQ(ScoreMicros(0.0), 0);
  EXPECT_EQ(ScoreMicros(1.0), 1000000);
}

}  // namespace
}  // namespace eventlab::cloud::search
