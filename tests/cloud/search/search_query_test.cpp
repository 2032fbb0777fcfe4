// _search through search.query: BM25 ranking and score values, bool with filters, paging, the
// response shape, and query DSL errors that name the offending clause or field.
#include <gtest/gtest.h>

#include "search_test_support.h"

namespace eventlab::cloud::search {
namespace {

using core::Json;
using eventlab::testing::LoadAndRun;
using testing::Call;
using testing::Replies;
using testing::SearchScenario;

// Runs one search.query with `with` (domain added) against the image documents.
core::Event Query(const std::string& with, const std::string& indexes = testing::kImages) {
  api::Lab lab;
  std::string args = with;
  args.insert(1, R"("domain": "images-search", )");
  LoadAndRun(lab, SearchScenario("[" + Call("0s", "search.query", args) + "]", indexes));
  auto r = Replies(lab, "search.query.result");
  EXPECT_EQ(r.size(), 1u);
  return r.empty() ? core::Event{} : r[0];
}

std::vector<std::string> Ids(const Json& answer) {
  std::vector<std::string> out;
  for (const Json& h : answer["hits"]["hits"]) out.push_back(h["_id"]);
  return out;
}

TEST(SearchQueryTest, MatchRanksByBm25WithScoresRoundedToSixDecimals) {
  // Expected scores from bm25_test.cpp's independent computation: 0.8306544371903136,
  // 0.20980879055219556, 0.20381425367927566.
  const core::Event r = Query(R"({"index": "images", "query": {"match": {"title": "red cat"}}})");
  ASSERT_FALSE(r.error);
  EXPECT_EQ(Ids(r.payload), (std::vector<std::string>{"1", "2", "4"}));
  const Json& hits = r.payload["hits"]["hits"];
  EXPECT_EQ(hits[0]["_score"].dump(), "0.830654");
  EXPECT_EQ(hits[1]["_score"].dump(), "0.209809");
  EXPECT_EQ(hits[2]["_score"].dump(), "0.203814");
  EXPECT_EQ(r.payload["hits"]["max_score"].dump(), "0.830654");
  EXPECT_EQ(r.payload["hits"]["total"], Json::parse(R"({"value": 3, "relation": "eq"})"));
  EXPECT_EQ(hits[0]["_index"], "images");
  EXPECT_EQ(hits[0]["_source"]["title"], "Red cat on a red sofa");
  EXPECT_EQ(r.payload["took"], 0);
  EXPECT_EQ(r.payload["timed_out"], false);
}

TEST(SearchQueryTest, LengthNormalisationPutsTheShortTitleFirst) {
  // "A cat" (2 tokens) beats "black cat and white cat sleeping" (tf 2, 6 tokens) and the
  // 6-token title with one "cat".
  const core::Event r = Query(R"({"index": "images", "query": {"match": {"title": "CAT"}}})");
  EXPECT_EQ(Ids(r.payload), (std::vector<std::string>{"2", "4", "1"}));
}

TEST(SearchQueryTest, EqualScoresAreOrderedById) {
  const core::Event r = Query(R"({"index": "d", "query": {"match": {"t": "same"}}})",
                              R"({"d": {"b": {"t": "same words"}, "c": {"t": "same words"}, "a": {"t": "same words"}}})");
  EXPECT_EQ(Ids(r.payload), (std::vector<std::string>{"a", "b", "c"}));
}

TEST(SearchQueryTest, OperatorAndNeedsEveryTerm) {
  const core::Event r = Query(R"({"index": "images", "query": {"match": {"title": {"query": "red cat", "operator": "and"}}}})");
  EXPECT_EQ(Ids(r.payload), (std::vector<std::string>{"1"}));
}

TEST(SearchQueryTest, BoolMustWithTermFilterKeepsMatchScores) {
  const core::Event r = Query(
      R"({"index": "images", "query": {"bool": {"must": [{"match": {"title": "cat"}}], "filter": [{"term": {"owner": "ann"}}]}}})");
  EXPECT_EQ(Ids(r.payload), (std::vector<std::string>{"1"}));
  EXPECT_EQ(r.payload["hits"]["hits"][0]["_score"].dump(), "0.14267");  // the match score alone
}

TEST(SearchQueryTest, FilterOnlyScoresZeroAndTermsAreNotAnalyzed) {
  const core::Event numeric = Query(R"({"index": "images", "query": {"bool": {"filter": {"term": {"likes": 7}}}}})");
  EXPECT_EQ(Ids(numeric.payload), (std::vector<std::string>{"3"}));
  EXPECT_EQ(numeric.payload["hits"]["hits"][0]["_score"].dump(), "0.0");
  // "Dog" is not lower-cased by a term query, so it misses the text field; the keyword sub-field
  // holds the whole original string.
  EXPECT_TRUE(Ids(Query(R"({"index": "images", "query": {"term": {"title": "Dog"}}})").payload).empty());
  EXPECT_EQ(Ids(Query(R"({"index": "images", "query": {"term": {"title": "dog"}}})").payload), (std::vector<std::string>{"3"}));
  EXPECT_EQ(Ids(Query(R"({"index": "images", "query": {"term": {"title.keyword": {"value": "A cat"}}}})").payload),
            (std::vector<std::string>{"2"}));
}

TEST(SearchQueryTest, MustNotAndShouldCombine) {
  const core::Event r = Query(R"({"index": "images", "query": {"bool": {"should": [{"match": {"title": "cat"}}, {"match": {"title": "dog"}}],
      "must_not": {"term": {"owner": "bob"}}}}})");
  EXPECT_EQ(Ids(r.payload), (std::vector<std::string>{"3", "4", "1"}));
}

TEST(SearchQueryTest, MatchAllPagesWithFromAndSize) {
  const core::Event all = Query(R"({"index": "images", "query": {"match_all": {}}})");
  EXPECT_EQ(Ids(all.payload), (std::vector<std::string>{"1", "2", "3", "4"}));
  EXPECT_EQ(all.payload["hits"]["max_score"].dump(), "1.0");
  const core::Event page = Query(R"({"index": "images", "from": 1, "size": 2})");
  EXPECT_EQ(Ids(page.payload), (std::vector<std::string>{"2", "3"}));
  EXPECT_EQ(page.payload["hits"]["total"]["value"], 4);
  const core::Event none = Query(R"({"index": "images", "query": {"match": {"title": "zebra"}}})");
  EXPECT_TRUE(none.payload["hits"]["max_score"].is_null());
  EXPECT_EQ(none.payload["hits"]["total"]["value"], 0);
}

struct DslCase {
  const char* with;
  const char* code;
  const char* message;
};

TEST(SearchQueryTest, DslErrorsNameTheClauseOrField) {
  const DslCase cases[] = {
      {R"({"index": "images", "query": {"fuzzy": {"title": "cat"}}})", "parsing_exception", "unknown query [fuzzy]"},
      {R"({"index": "images", "query": {"match": {"title": "cat", "owner": "ann"}}})", "parsing_exception",
       "[match] query doesn't support multiple fields, found [owner] and [title]"},
      {R"({"index": "images", "query": {"match": {"title": {"query": "cat", "fuzziness": 2}}}})", "parsing_exception",
       "[match] query does not support [fuzziness]"},
      {R"({"index": "images", "query": {"bool": {"must": [{"match": {"title": "cat"}}], "minimum": 1}}})", "parsing_exception",
       "[bool] query does not support [minimum]"},
      {R"({"index": "images", "query": {"bool": {"filter": [{"term": {"likes": [1, 2]}}]}}})", "parsing_exception",
       "[term] query does not support array of values"},
      {R"({"index": "images", "query": {"match": {}}})", "parsing_exception", "[match] query malformed, no field name given"},
      {R"({"index": "images", "query": {}})", "parsing_exception", "query malformed, empty clause found"},
      {R"({"index": "images", "size": -1})", "illegal_argument_exception", "[size] parameter cannot be negative, found [-1]"},
      {R"({"index": "images", "size": "ten"})", "parsing_exception", "[size] expected an integer, found [\"ten\"]"},
  };
  for (const DslCase& c : cases) {
    const core::Event r = Query(c.with);
    ASSERT_TRUE(r.error) << c.with;
    EXPECT_EQ(*r.error, (core::Error{c.code, c.message, 400})) << c.with;
  }
}

TEST(SearchQueryTest, ResultWindowIsLimited) {
  const core::Event r = Query(R"({"index": "images", "from": 9995, "size": 10})");
  ASSERT_TRUE(r.error);
  EXPECT_EQ(r.error->code, "illegal_argument_exception");
  EXPECT_NE(r.error->message.find("Result window is too large, from + size must be less than or equal to: [10000] but was [10005]"),
            std::string::npos);
}

}  // namespace
}  // namespace eventlab::cloud::search
