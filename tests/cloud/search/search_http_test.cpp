// Requests to the domain endpoint: routing by host and path, the REST APIs' status codes and
// bodies, search.url, and refusals for unknown paths and methods.
#include <gtest/gtest.h>

#include "search_test_support.h"

namespace eventlab::cloud::search {
namespace {

using core::Json;
using eventlab::testing::LoadAndRun;
using testing::Call;
using testing::Replies;
using testing::SearchScenario;

// search.url as "es", then one http.request per (method, path, body) at 1 s intervals.
std::vector<core::Event> Http(const std::vector<std::tuple<std::string, std::string, std::string>>& requests) {
  std::string script = "[" + Call("0s", "search.url", R"({"domain": "images-search"})", "es");
  int at = 1;
  for (const auto& [method, path, body] : requests) {
    script += "," + Call(std::to_string(at++) + "s", "http.request",
                         R"({"method": ")" + method + R"(", "url": "${es.url})" + path + "\"" + (body.empty() ? "" : ", \"body\": " + body) + "}");
  }
  api::Lab lab;
  LoadAndRun(lab, SearchScenario(script + "]"));
  return Replies(lab, "http.request.result");
}

TEST(SearchHttpTest, SearchUrlGivesTheDomainEndpoint) {
  api::Lab lab;
  LoadAndRun(lab, SearchScenario("[" + Call("0s", "search.url", R"({"domain": "images-search"})") + "]"));
  auto r = Replies(lab, "search.url.result");
  ASSERT_EQ(r.size(), 1u);
  const std::string endpoint = r[0].payload["endpoint"];
  EXPECT_EQ(endpoint.rfind("search-images-search-", 0), 0u);
  EXPECT_EQ(endpoint.size(), std::string("search-images-search-").size() + 26 + std::string(".us-east-1.es.amazonaws.com").size());
  EXPECT_EQ(endpoint.substr(endpoint.size() - 27), ".us-east-1.es.amazonaws.com");
  EXPECT_EQ(r[0].payload["url"], "https://" + endpoint);
}

TEST(SearchHttpTest, DocumentApisAnswerWithTheirStatusCodes) {
  auto r = Http({{"PUT", "/photos/_doc/p1", R"({"title": "Sunset over the sea"})"},
                 {"PUT", "/photos/_doc/p1", R"("{\"title\": \"Sunset at sea\"}")"},
                 {"GET", "/photos/_doc/p1", ""},
                 {"POST", "/photos/_update/p1", R"({"doc": {"likes": 2}})"},
                 {"DELETE", "/photos/_doc/p1", ""},
                 {"DELETE", "/photos/_doc/p1", ""},
                 {"GET", "/photos/_doc/p1", ""}});
  ASSERT_EQ(r.size(), 7u);
  std::vector<int> statuses;
  for (const auto& e : r) {
    ASSERT_FALSE(e.error) << e.error->message;
    statuses.push_back(e.payload["statusCode"]);
    EXPECT_EQ(e.payload["headers"]["content-type"], "application/json; charset=UTF-8");
  }
  EXPECT_EQ(statuses, (std::vector<int>{201, 200, 200, 200, 200, 404, 404}));
  const Json got = Json::parse(r[2].payload["body"].get<std::string>());
  EXPECT_EQ(got["_source"]["title"], "Sunset at sea");  // a JSON text body is parsed
  EXPECT_EQ(got["_version"], 2);
  EXPECT_EQ(Json::parse(r[3].payload["body"].get<std::string>())["_version"], 3);
  EXPECT_EQ(Json::parse(r[5].payload["body"].get<std::string>())["result"], "not_found");
}

TEST(SearchHttpTest, SearchByGetAndPostWithPagingParameters) {
  auto r = Http({{"POST", "/images/_search", R"({"query": {"match": {"title": "red cat"}}})"},
                 {"GET", "/images/_search?size=1&from=1", R"({"query": {"match": {"title": "red cat"}}})"},
                 {"GET", "/images/_search", ""}});
  ASSERT_EQ(r.size(), 3u);
  const Json first = Json::parse(r[0].payload["body"].get<std::string>());
  EXPECT_EQ(first["hits"]["hits"][0]["_id"], "1");
  EXPECT_EQ(first["hits"]["hits"][0]["_score"].dump(), "0.830654");
  EXPECT_NE(r[0].payload["body"].get<std::string>().find("\"_score\":0.830654"), std::string::npos);
  const Json paged = Json::parse(r[1].payload["body"].get<std::string>());
  ASSERT_EQ(paged["hits"]["hits"].size(), 1u);
  EXPECT_EQ(paged["hits"]["hits"][0]["_id"], "2");
  EXPECT_EQ(Json::parse(r[2].payload["body"].get<std::string>())["hits"]["total"]["value"], 4);
}

TEST(SearchHttpTest, UnknownPathsMethodsAndErrorsComeBackAsErrors) {
  auto r = Http({{"GET", "/images/_stats", ""},
                 {"PUT", "/images/_search", ""},
                 {"GET", "/images/_update/1", ""},
                 {"POST", "/images/_update/nope", R"({"doc": {"a": 1}})"},
                 {"POST", "/images/_search", R"({"query": {"match": {"title": 1, "x": 2}}})"},
                 {"POST", "/images/_search", R"("{not json")"},
                 {"GET", "/ghost/_search", ""},
                 {"GET", "/images/_search?size=abc", ""}});
  ASSERT_EQ(r.size(), 8u);
  for (const auto& e : r) ASSERT_TRUE(e.error);
  EXPECT_EQ(*r[0].error, (core::Error{"no_handler_found", "no handler found for uri [/images/_stats] and method [GET]", 400}));
  EXPECT_EQ(*r[1].error,
            (core::Error{"incorrect_http_method", "Incorrect HTTP method for uri [/images/_search] and method [PUT], allowed: [GET, POST]", 405}));
  EXPECT_EQ(r[2].error->status, 405);
  EXPECT_EQ(r[3].error->code, "document_missing_exception");
  EXPECT_EQ(r[4].error->message, "[match] query doesn't support multiple fields, found [title] and [x]");
  EXPECT_EQ(r[5].error->code, "json_parse_exception");
  EXPECT_EQ(r[6].error->code, "index_not_found_exception");
  EXPECT_EQ(*r[7].error, (core::Error{"illegal_argument_exception", "Failed to parse int parameter [size] with value [abc]", 400}));
}

TEST(SearchHttpTest, FunctionsNeedEsHttpPermissionsOnTheDomainArn) {
  api::Lab lab;
  LoadAndRun(lab, SearchScenario(
                      "[" + Call("0s", "function.invoke", R"({"function": "reader", "payload": {}})") + "]", testing::kImages,
                      R"(, "reader": {"kind": "function",
        "permissions": [{"action": "es:ESHttpGet", "resource": "arn:aws:es:us-east-1:123456789012:domain/images-search/*"}],
        "handler": [
          {"call": "search.url", "as": "es", "with": {"domain": "images-search"}},
          {"call": "http.request", "as": "got", "with": {"method": "GET", "url": "${es.url}/images/_doc/2"}},
          {"call": "http.request", "with": {"method": "POST", "url": "${es.url}/images/_search"},
           "catch": {"AccessDeniedException": [{"return": {"got": "${parse_json(got.body)._source.title}", "post": "${error.message}"}}]}}
        ]})"));
  auto r = Replies(lab, "function.invoke.result");
  ASSERT_EQ(r.size(), 1u);
  ASSERT_FALSE(r[0].error);
  EXPECT_EQ(r[0].payload["got"], "A cat");
  EXPECT_EQ(r[0].payload["post"],
            "User: arn:aws:iam::123456789012:role/reader is not authorized to perform: es:ESHttpPost because no identity-based "
            "policy allows the es:ESHttpPost action");
}

TEST(SearchHttpTest, SearchUrlOfAnUnknownDomainIsResourceNotFound) {
  api::Lab lab;
  LoadAndRun(lab, SearchScenario(R"([{"at": "0s", "client": "c", "call": "search.url", "with": {"domain": "${'nope'}"}}])"));
  auto r = Replies(lab, "search.url.result");
  ASSERT_EQ(r.size(), 1u);
  ASSERT_TRUE(r[0].error);
  EXPECT_EQ(*r[0].error, (core::Error{"ResourceNotFoundException", "Domain not found: nope", 409}));
}

}  // namespace
}  // namespace eventlab::cloud::search
