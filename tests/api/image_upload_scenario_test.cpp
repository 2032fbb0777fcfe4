// The course's first lesson, end to end (web/scenarios/image-upload.json): the 8 MB POST through
// the API fails with 413, the presigned PUT reaches the bucket and the thumbnail function, and the
// expired URL is refused.
#include <gtest/gtest.h>

#include <cstdio>

#include "support/run_scenario.h"

namespace eventlab::api {
namespace {

using core::Json;

class ImageUploadScenarioTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const std::string text = eventlab::testing::ReadSourceFile("web/scenarios/image-upload.json");
    ASSERT_FALSE(text.empty());
    eventlab::testing::LoadAndRun(lab_, text);
  }
  Json Result(const char* name) { return lab_.State()["resources"]["browser"]["results"][name]; }
  const core::Event* ReplyTo(uint64_t step_event) {
    for (const auto& r : lab_.Trace()) {
      if (r.event.to == "client:browser" && r.event.kind == "http.request.result") {
        for (const auto& q : lab_.Trace()) {
          if (q.event.id == r.event.reply_to && q.event.parent == step_event) return &r.event;
        }
      }
    }
    return nullptr;
  }
  Lab lab_;
};

TEST_F(ImageUploadScenarioTest, TheDirectUploadHitsTheFunctionPayloadLimit) {
  const core::Event* reply = ReplyTo(2);  // the second scripted call (ids 1..5 are the script)
  ASSERT_NE(reply, nullptr);
  ASSERT_TRUE(reply->error);
  EXPECT_EQ(reply->error->code, "RequestEntityTooLargeException");
  EXPECT_EQ(reply->error->status, 413);
}

TEST_F(ImageUploadScenarioTest, ThePresignedUploadMakesAThumbnail) {
  EXPECT_EQ(Result("uploaded")["statusCode"], 200);
  const Json thumbs = lab_.State()["resources"]["thumbnails"];
  ASSERT_EQ(thumbs["objects"].size(), 1u) << thumbs.dump();
  const Json uploads = lab_.State()["resources"]["uploads"];
  ASSERT_EQ(uploads["objects"].size(), 1u);
  EXPECT_EQ(lab_.State()["resources"]["images"]["item_count"], 1);
  const core::Event* notify = eventlab::testing::Find(lab_, "function.invoke_async", "function:thumbnail");
  ASSERT_NE(notify, nullptr);
  EXPECT_EQ(notify->payload["Records"][0]["eventName"], "ObjectCreated:Put");
  EXPECT_EQ(notify->payload["Records"][0]["s3"]["object"]["size"], 8388608);
}

TEST_F(ImageUploadScenarioTest, TheExpiredUrlIsRefused) {
  const core::Event* reply = ReplyTo(5);
  ASSERT_NE(reply, nullptr);
  ASSERT_TRUE(reply->error);
  EXPECT_EQ(reply->error->code, "AccessDenied");
  EXPECT_EQ(reply->error->message, "Request has expired");
  EXPECT_EQ(reply->error->status, 403);
}

}  // namespace
}  // namespace eventlab::api
