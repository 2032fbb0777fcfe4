// The document APIs through the search.* actions: versions, results, _seq_no, partial updates,
// deletes with tombstones, and Elasticsearch's errors and the access check.
#include <gtest/gtest.h>

#include "search_test_support.h"

namespace eventlab::cloud::search {
namespace {

using core::Json;
using eventlab::testing::LoadAndRun;
using testing::Call;
using testing::Replies;
using testing::SearchScenario;

std::string Script(std::initializer_list<std::string> calls) {
  std::string out = "[";
  for (const std::string& c : calls) out += (out.size() > 1 ? "," : "") + c;
  return out + "]";
}

TEST(SearchServiceTest, IndexCreatesThenUpdatesWithVersionsAndSeqNos) {
  api::Lab lab;
  LoadAndRun(lab, SearchScenario(Script({
                      Call("0s", "search.index", R"({"domain": "images-search", "index": "photos", "id": "a", "document": {"title": "One"}})"),
                      Call("1s", "search.index", R"({"domain": "images-search", "index": "photos", "id": "a", "document": {"title": "Two"}})"),
                      Call("2s", "search.index", R"({"domain": "images-search", "index": "photos", "id": "b", "document": {"title": "Three"}})"),
                  })));
  auto r = Replies(lab, "search.index.result");
  ASSERT_EQ(r.size(), 3u);
  EXPECT_EQ(r[0].payload, Json::parse(R"({"_index": "photos", "_id": "a", "_version": 1, "result": "created",
      "_shards": {"total": 2, "successful": 2, "failed": 0}, "_seq_no": 0, "_primary_term": 1})"));
  EXPECT_EQ(r[1].payload["result"], "updated");
  EXPECT_EQ(r[1].payload["_version"], 2);
  EXPECT_EQ(r[1].payload["_seq_no"], 1);
  EXPECT_EQ(r[2].payload["_version"], 1);
  EXPECT_EQ(r[2].payload["_seq_no"], 2);
  const Json state = lab.State()["resources"]["images-search"];
  EXPECT_EQ(state["indexes"]["photos"]["doc_count"], 2);
  EXPECT_EQ(state["indexes"]["photos"]["documents"]["a"]["_source"]["title"], "Two");
  EXPECT_EQ(state["indexes"]["photos"]["fields"]["title"]["type"], "text");
  EXPECT_EQ(state["indexes"]["photos"]["fields"]["title.keyword"]["type"], "keyword");
}

TEST(SearchServiceTest, UpdateMergesPartialDocumentsAndDetectsNoops) {
  api::Lab lab;
  LoadAndRun(lab, SearchScenario(Script({
                      Call("0s", "search.update", R"({"domain": "images-search", "index": "images", "id": "2", "doc": {"likes": 11, "tags": ["pet"]}})"),
                      Call("1s", "search.update", R"({"domain": "images-search", "index": "images", "id": "2", "doc": {"likes": 11}})"),
                      Call("2s", "search.get", R"({"domain": "images-search", "index": "images", "id": "2"})"),
                  })));
  auto u = Replies(lab, "search.update.result");
  ASSERT_EQ(u.size(), 2u);
  EXPECT_EQ(u[0].payload["result"], "updated");
  EXPECT_EQ(u[0].payload["_version"], 2);
  EXPECT_EQ(u[1].payload["result"], "noop");
  EXPECT_EQ(u[1].payload["_version"], 2);
  EXPECT_EQ(u[1].payload["_shards"], Json::parse(R"({"total": 0, "successful": 0, "failed": 0})"));
  auto g = Replies(lab, "search.get.result");
  ASSERT_EQ(g.size(), 1u);
  EXPECT_EQ(g[0].payload["found"], true);
  EXPECT_EQ(g[0].payload["_source"], Json::parse(R"({"title": "A cat", "owner": "bob", "likes": 11, "tags": ["pet"]})"));
  EXPECT_EQ(g[0].payload["_version"], 2);
  EXPECT_EQ(g[0].payload["_primary_term"], 1);
}

TEST(SearchServiceTest, UpdateOfAMissingDocumentIsDocumentMissing) {
  api::Lab lab;
  LoadAndRun(lab, SearchScenario(Script({
                      Call("0s", "search.update", R"({"domain": "images-search", "index": "images", "id": "nope", "doc": {"likes": 1}})"),
                      Call("1s", "search.update", R"({"domain": "images-search", "index": "images", "id": "nope", "doc": {"likes": 1}, "doc_as_upsert": true})"),
                  })));
  auto u = Replies(lab, "search.update.result");
  ASSERT_EQ(u.size(), 2u);
  ASSERT_TRUE(u[0].error);
  EXPECT_EQ(u[0].error->code, "document_missing_exception");
  EXPECT_EQ(u[0].error->message, "[nope]: document missing");
  EXPECT_EQ(u[0].error->status, 404);
  ASSERT_FALSE(u[1].error);
  EXPECT_EQ(u[1].payload["result"], "created");
}

TEST(SearchServiceTest, DeleteAnswersDeletedThenNotFoundAndReindexContinuesTheVersion) {
  api::Lab lab;
  LoadAndRun(lab, SearchScenario(Script({
                      Call("0s", "search.delete", R"({"domain": "images-search", "index": "images", "id": "3"})"),
                      Call("1s", "search.delete", R"({"domain": "images-search", "index": "images", "id": "3"})"),
                      Call("2s", "search.get", R"({"domain": "images-search", "index": "images", "id": "3"})"),
                      Call("3s", "search.index", R"({"domain": "images-search", "index": "images", "id": "3", "document": {"title": "back"}})"),
                      Call("200s", "search.delete", R"({"domain": "images-search", "index": "images", "id": "3"})"),
                      Call("300s", "search.index", R"({"domain": "images-search", "index": "images", "id": "3", "document": {"title": "again"}})"),
                  })));
  auto d = Replies(lab, "search.delete.result");
  ASSERT_EQ(d.size(), 3u);
  EXPECT_EQ(d[0].payload["result"], "deleted");
  EXPECT_EQ(d[0].payload["_version"], 2);
  EXPECT_EQ(d[0].payload["_seq_no"], 4);  // four initial documents took 0 to 3
  EXPECT_EQ(d[1].payload["result"], "not_found");
  EXPECT_EQ(d[1].payload["_version"], 3);  // within index.gc_deletes the tombstone's version goes on
  auto g = Replies(lab, "search.get.result");
  ASSERT_EQ(g.size(), 1u);
  EXPECT_EQ(g[0].payload, Json::parse(R"({"_index": "images", "_id": "3", "found": false})"));
  auto i = Replies(lab, "search.index.result");
  ASSERT_EQ(i.size(), 2u);
  EXPECT_EQ(i[0].payload["result"], "created");
  EXPECT_EQ(i[0].payload["_version"], 4);
  EXPECT_EQ(i[1].payload["_version"], 1);  // 100 s after the delete the tombstone is gone
}

TEST(SearchServiceTest, MissingIndexIsIndexNotFoundForReadsAndDeletes) {
  api::Lab lab;
  LoadAndRun(lab, SearchScenario(Script({
                      Call("0s", "search.get", R"({"domain": "images-search", "index": "ghost", "id": "1"})"),
                      Call("1s", "search.delete", R"({"domain": "images-search", "index": "ghost", "id": "1"})"),
                      Call("2s", "search.query", R"({"domain": "images-search", "index": "ghost"})"),
                  })));
  for (const char* kind : {"search.get.result", "search.delete.result", "search.query.result"}) {
    auto r = Replies(lab, kind);
    ASSERT_EQ(r.size(), 1u) << kind;
    ASSERT_TRUE(r[0].error) << kind;
    EXPECT_EQ(*r[0].error, (core::Error{"index_not_found_exception", "no such index [ghost]", 404})) << kind;
  }
  EXPECT_FALSE(lab.State()["resources"]["images-search"]["indexes"].contains("ghost"));
}

TEST(SearchServiceTest, BadIndexNamesIdsAndDocumentsAreRefused) {
  api::Lab lab;
  LoadAndRun(lab, SearchScenario(Script({
                      Call("0s", "search.index", R"({"domain": "images-search", "index": "Photos", "id": "1", "document": {}})"),
                      Call("1s", "search.index", R"({"domain": "images-search", "index": "photos", "id": "", "document": {}})"),
                      Call("2s", "search.index", R"({"domain": "images-search", "index": "photos", "id": "1", "document": [1]})"),
                      Call("3s", "search.index", R"({"domain": "images-search", "index": "images", "id": "9", "document": {"likes": "many"}})"),
                  })));
  auto r = Replies(lab, "search.index.result");
  ASSERT_EQ(r.size(), 4u);
  EXPECT_EQ(*r[0].error, (core::Error{"invalid_index_name_exception", "Invalid index name [Photos], must be lowercase", 400}));
  EXPECT_EQ(*r[1].error, (core::Error{"action_request_validation_exception", "Validation Failed: 1: id is missing;", 400}));
  EXPECT_EQ(r[2].error->code, "mapper_parsing_exception");
  // "likes" was mapped as a long by the initial documents.
  EXPECT_EQ(r[3].error->message,
            "failed to parse field [likes] of type [long] in document with id '9'. Preview of field's value: 'many'");
  EXPECT_EQ(lab.State()["resources"]["images-search"]["indexes"]["images"]["doc_count"], 4);
}

TEST(SearchServiceTest, CallersWithoutThePermissionAreDenied) {
  api::Lab lab;
  LoadAndRun(lab, SearchScenario(Script({
                      Call("0s", "search.query", R"({"domain": "images-search", "index": "images"})"),
                      Call("1s", "search.index", R"({"domain": "images-search", "index": "images", "id": "9", "document": {"title": "x"}})"),
                  }),
                                 testing::kImages, "",
                                 R"([{"action": "es:ESHttpPost", "resource": "arn:aws:es:us-east-1:123456789012:domain/images-search/*"}])"));
  auto q = Replies(lab, "search.query.result");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_FALSE(q[0].error);
  auto i = Replies(lab, "search.index.result");
  ASSERT_EQ(i.size(), 1u);
  ASSERT_TRUE(i[0].error);
  EXPECT_EQ(*i[0].error, (core::Error{"AccessDeniedException",
                                      "User: arn:aws:iam::123456789012:user/c is not authorized to perform: es:ESHttpPut because no "
                                      "identity-based policy allows the es:ESHttpPut action",
                                      403}));
}

TEST(SearchServiceTest, ClientsWithoutCredentialsAreAnonymous) {
  api::Lab lab;
  LoadAndRun(lab, R"({"version": 1, "resources": {"images-search": {"kind": "search"}, "c": {"kind": "client"}},
    "script": [{"at": "0s", "client": "c", "call": "search.get", "with": {"domain": "images-search", "index": "i", "id": "1"}}]})");
  auto r = Replies(lab, "search.get.result");
  ASSERT_EQ(r.size(), 1u);
  ASSERT_TRUE(r[0].error);
  EXPECT_EQ(r[0].error->message,
            "User: anonymous is not authorized to perform: es:ESHttpGet because no resource-based policy allows the es:ESHttpGet action");
}

TEST(SearchServiceTest, OversizedRequestsAreRefused) {
  api::Lab lab;
  LoadAndRun(lab, R"({"version": 1, "limits": {"search_request_bytes": 100},
    "resources": {"images-search": {"kind": "search"}, "c": {"kind": "client", "permissions": [{"action": "es:*"}]}},
    "script": [{"at": "0s", "client": "c", "call": "search.index", "with": {"domain": "images-search", "index": "i", "id": "1",
      "document": {"text": "0123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789"}}}]})");
  auto r = Replies(lab, "search.index.result");
  ASSERT_EQ(r.size(), 1u);
  EXPECT_EQ(*r[0].error, (core::Error{"RequestEntityTooLarge", "Request size exceeded 100 bytes", 413}));
}

TEST(SearchServiceTest, StateShowsIndexesDocumentsAndTermCounts) {
  api::Lab lab;
  LoadAndRun(lab, SearchScenario("[]"));
  const Json s = lab.State()["resources"]["images-search"];
  EXPECT_EQ(s["kind"], "search");
  const Json& images = s["indexes"]["images"];
  EXPECT_EQ(images["doc_count"], 4);
  // title: red cat on a sofa dog in the park black and white sleeping = 13 distinct terms;
  // title.keyword 4; owner 3 (ann, bob, cy); owner.keyword 3; likes 4.
  EXPECT_EQ(images["fields"]["title"]["terms"], 13);
  EXPECT_EQ(images["term_count"], 13 + 4 + 3 + 3 + 4);
  EXPECT_EQ(images["fields"]["likes"]["type"], "long");
  EXPECT_EQ(images["documents"]["3"]["_version"], 1);
  EXPECT_EQ(images["uuid"].get<std::string>().size(), 22u);
}

}  // namespace
}  // namespace eventlab::cloud::search
