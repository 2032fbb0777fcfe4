// The bucket's remote actions: PutObject/GetObject/HeadObject/DeleteObject/ListObjectsV2 result
// shapes, S3's errors, least privilege and the single-PUT size limit.
#include <gtest/gtest.h>

#include "core/digest.h"
#include "support/run_scenario.h"

namespace eventlab::cloud::storage {
namespace {

using core::Json;
using eventlab::testing::Find;
using eventlab::testing::LoadAndRun;

// A client `c` allowed everything on bucket "images" (unless `perms` says otherwise) running `calls`.
std::string Scenario(const std::string& calls, const std::string& perms = R"([{"action": "s3:*", "resource": "arn:aws:s3:::images*"}])",
                     const std::string& extra = "") {
  return R"({"version": 1 )" + extra + R"(, "resources": {"c": {"kind": "client", "permissions": )" + perms + R"(},
            "images": {"kind": "bucket", "objects": {"seed.txt": {"body": "seed", "content_type": "text/plain"}}}},
            "script": [)" + calls + "]}";
}

std::vector<const core::Event*> Replies(const api::Lab& lab, const std::string& kind) {
  std::vector<const core::Event*> out;
  for (const auto& r : lab.Trace()) {
    if (r.event.kind == kind) out.push_back(&r.event);
  }
  return out;
}

TEST(StorageServiceTest, PutThenGetHeadAndDeleteUseS3ResultFields) {
  api::Lab lab;
  LoadAndRun(lab, Scenario(R"(
    {"at": "0s", "client": "c", "call": "storage.put_object", "with": {"bucket": "images", "key": "a b.txt", "body": "hello", "content_type": "text/plain"}},
    {"at": "1s", "client": "c", "call": "storage.get_object", "with": {"bucket": "images", "key": "a b.txt"}},
    {"at": "2s", "client": "c", "call": "storage.head_object", "with": {"bucket": "images", "key": "a b.txt"}},
    {"at": "3s", "client": "c", "call": "storage.delete_object", "with": {"bucket": "images", "key": "a b.txt"}},
    {"at": "4s", "client": "c", "call": "storage.get_object", "with": {"bucket": "images", "key": "a b.txt"}})"));
  const std::string etag = "\"" + core::Md5Hex("hello") + "\"";
  const core::Event* put = Find(lab, "storage.put_object.result");
  ASSERT_NE(put, nullptr);
  EXPECT_EQ(put->payload, (Json{{"ETag", etag}}));
  auto gets = Replies(lab, "storage.get_object.result");
  ASSERT_EQ(gets.size(), 2u);
  EXPECT_EQ(gets[0]->payload["Body"], "hello");
  EXPECT_EQ(gets[0]->payload["ContentLength"], 5);
  EXPECT_EQ(gets[0]->payload["ContentType"], "text/plain");
  EXPECT_EQ(gets[0]->payload["ETag"], etag);
  EXPECT_EQ(gets[0]->payload["LastModified"], "2026-01-01T00:00:00.000Z");
  const core::Event* head = Find(lab, "storage.head_object.result");
  ASSERT_NE(head, nullptr);
  EXPECT_FALSE(head->payload.contains("Body"));
  EXPECT_EQ(head->payload["ContentLength"], 5);
  const core::Event* del = Find(lab, "storage.delete_object.result");
  ASSERT_NE(del, nullptr);
  EXPECT_FALSE(del->error);
  ASSERT_TRUE(gets[1]->error);
  EXPECT_EQ(gets[1]->error->code, "NoSuchKey");
  EXPECT_EQ(gets[1]->error->message, "The specified key does not exist.");
  EXPECT_EQ(gets[1]->error->status, 404);
}

TEST(StorageServiceTest, InitialObjectsAreStoredWithTheirDigest) {
  api::Lab lab;
  LoadAndRun(lab, Scenario(R"({"at": "0s", "client": "c", "call": "storage.get_object", "with": {"bucket": "images", "key": "seed.txt"}})"));
  const core::Event* get = Find(lab, "storage.get_object.result");
  ASSERT_NE(get, nullptr);
  EXPECT_EQ(get->payload["Body"], "seed");
  EXPECT_EQ(get->payload["ETag"], "\"" + core::Md5Hex("seed") + "\"");
}

TEST(StorageServiceTest, ListObjectsV2PagesWithContinuationTokens) {
  api::Lab lab;
  LoadAndRun(lab, Scenario(R"(
    {"at": "0s", "client": "c", "call": "storage.put_object", "with": {"bucket": "images", "key": "p/1", "body": "a"}},
    {"at": "0s", "client": "c", "call": "storage.put_object", "with": {"bucket": "images", "key": "p/2", "body": "bb"}},
    {"at": "0s", "client": "c", "call": "storage.put_object", "with": {"bucket": "images", "key": "p/3", "body": "ccc"}},
    {"at": "1s", "client": "c", "call": "storage.list_objects_v2", "with": {"bucket": "images", "prefix": "p/", "max_keys": 2}, "as": "page1"},
    {"at": "2s", "client": "c", "call": "storage.list_objects_v2", "with": {"bucket": "images", "prefix": "p/", "max_keys": 2, "continuation_token": "${page1.NextContinuationToken}"}},
    {"at": "3s", "client": "c", "call": "storage.list_objects_v2", "with": {"bucket": "images"}})"));
  auto lists = Replies(lab, "storage.list_objects_v2.result");
  ASSERT_EQ(lists.size(), 3u);
  const Json& p1 = lists[0]->payload;
  EXPECT_EQ(p1["KeyCount"], 2);
  EXPECT_EQ(p1["MaxKeys"], 2);
  EXPECT_EQ(p1["Prefix"], "p/");
  EXPECT_EQ(p1["IsTruncated"], true);
  EXPECT_EQ(p1["Contents"][0]["Key"], "p/1");
  EXPECT_EQ(p1["Contents"][1]["Key"], "p/2");
  EXPECT_EQ(p1["Contents"][1]["Size"], 2);
  EXPECT_EQ(p1["Contents"][1]["ETag"], "\"" + core::Md5Hex("bb") + "\"");
  EXPECT_TRUE(p1["Contents"][1].contains("LastModified"));
  ASSERT_TRUE(p1["NextContinuationToken"].is_string());
  const Json& p2 = lists[1]->payload;
  EXPECT_EQ(p2["KeyCount"], 1);
  EXPECT_EQ(p2["IsTruncated"], false);
  EXPECT_EQ(p2["Contents"][0]["Key"], "p/3");
  EXPECT_FALSE(p2.contains("NextContinuationToken"));
  EXPECT_EQ(lists[2]->payload["MaxKeys"], 1000);  // the S3 default
  EXPECT_EQ(lists[2]->payload["KeyCount"], 4);
}

TEST(StorageServiceTest, CallerWithoutPermissionGetsAccessDenied) {
  api::Lab lab;
  LoadAndRun(lab, Scenario(R"(
    {"at": "0s", "client": "c", "call": "storage.put_object", "with": {"bucket": "images", "key": "x", "body": "a"}},
    {"at": "0s", "client": "c", "call": "storage.get_object", "with": {"bucket": "images", "key": "missing"}})",
                           R"([{"action": "s3:GetObject", "resource": "arn:aws:s3:::images/*"}])"));
  const core::Event* put = Find(lab, "storage.put_object.result");
  ASSERT_NE(put, nullptr);
  ASSERT_TRUE(put->error);
  EXPECT_EQ(*put->error, (core::Error{"AccessDenied", "Access Denied", 403}));
  // Without s3:ListBucket a missing key is 403, not 404.
  const core::Event* get = Find(lab, "storage.get_object.result");
  ASSERT_NE(get, nullptr);
  ASSERT_TRUE(get->error);
  EXPECT_EQ(get->error->code, "AccessDenied");
  EXPECT_EQ(lab.State()["resources"]["images"]["objects"].size(), 1u);
}

TEST(StorageServiceTest, SinglePutLimitHoldsAtTheByteBoundary) {
  api::Lab lab;
  LoadAndRun(lab, Scenario(R"(
    {"at": "0s", "client": "c", "call": "storage.put_object", "with": {"bucket": "images", "key": "at", "body": {"$body": {"size": 100}}}},
    {"at": "1s", "client": "c", "call": "storage.put_object", "with": {"bucket": "images", "key": "over", "body": {"$body": {"size": 101}}}})",
                           R"([{"action": "s3:*", "resource": "*"}])", R"(, "limits": {"storage_put_object_max_bytes": 100})"));
  auto puts = Replies(lab, "storage.put_object.result");
  ASSERT_EQ(puts.size(), 2u);
  EXPECT_FALSE(puts[0]->error);
  EXPECT_EQ(puts[0]->payload["ETag"], "\"" + core::SyntheticMd5Hex(100) + "\"");
  ASSERT_TRUE(puts[1]->error);
  EXPECT_EQ(*puts[1]->error, (core::Error{"EntityTooLarge", "Your proposed upload exceeds the maximum allowed size", 400}));
}

}  // namespace
}  // namespace eventlab::cloud::storage
