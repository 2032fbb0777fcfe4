// Lab::CallLocal: a local catalog action (storage.presign) run through the facade computes a result
// at the simulated now and leaves the simulation exactly as it was.
#include <gtest/gtest.h>

#include "support/run_scenario.h"

#include <cstdio>
#include <string>

#include "api/lab.h"
#include "cloud/iam/permissions.h"

namespace eventlab::api {
namespace {

using core::Json;

std::string ReadScenario(const char* file) { return eventlab::testing::ReadSourceFile(std::string("web/scenarios/") + file); }

const Json kPresignArgs = {{"bucket", "uploads"}, {"key", "images/x.jpg"}, {"method", "PUT"}, {"expires", 60}};

class LabCallLocalTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const std::string text = ReadScenario("image-upload.json");
    ASSERT_FALSE(text.empty());
    ASSERT_TRUE(lab_.Load(text).empty());
  }
  Lab lab_;
};

TEST_F(LabCallLocalTest, PresignsAsTheFunctionWithoutChangingTheSimulation) {
  for (int i = 0; i < 5; ++i) lab_.Step();
  const Json before = lab_.State();
  const size_t trace_before = lab_.Trace().size();
  const uint64_t pending_before = lab_.PendingCount();

  const Json out = lab_.CallLocal("function:create-upload-url", "storage.presign", kPresignArgs);
  ASSERT_TRUE(out.contains("ok")) << out.dump();
  const std::string url = out["ok"]["url"].get<std::string>();
  EXPECT_NE(url.find("X-Amz-Expires=60"), std::string::npos) << url;
  EXPECT_NE(url.find("images/x.jpg"), std::string::npos) << url;
  const std::string key = cloud::iam::CredentialsOf(*lab_.Scenario()->world, "function:create-upload-url").access_key_id;
  EXPECT_NE(url.find(key), std::string::npos) << url;
  EXPECT_TRUE(out["ok"].contains("expires_at"));

  EXPECT_EQ(lab_.State(), before);
  EXPECT_EQ(lab_.Trace().size(), trace_before);
  EXPECT_EQ(lab_.PendingCount(), pending_before);

  // The rest of the run is the same as one that never called: no random stream was touched.
  Lab other;
  ASSERT_TRUE(other.Load(ReadScenario("image-upload.json")).empty());
  for (int i = 0; i < 5; ++i) other.Step();
  lab_.RunToEnd();
  other.RunToEnd();
  EXPECT_EQ(lab_.State(), other.State());
  ASSERT_EQ(lab_.Trace().size(), other.Trace().size());
  for (size_t i = 0; i < lab_.Trace().size(); ++i) {
    EXPECT_EQ(lab_.Trace()[i].event.time.us, other.Trace()[i].event.time.us);
    EXPECT_EQ(lab_.Trace()[i].event.payload, other.Trace()[i].event.payload);
  }
}

TEST_F(LabCallLocalTest, RefusesRemoteAndUnknownActionsAndCallers) {
  const Json remote = lab_.CallLocal("function:create-upload-url", "queue.send", {{"queue", "q"}, {"body", "x"}});
  ASSERT_TRUE(remote.contains("error")) << remote.dump();
  EXPECT_EQ(remote["error"]["code"], "NotLocal");

  const Json unknown = lab_.CallLocal("function:create-upload-url", "storage.nope", Json::object());
  ASSERT_TRUE(unknown.contains("error")) << unknown.dump();
  EXPECT_EQ(unknown["error"]["code"], "UnknownAction");

  const Json caller = lab_.CallLocal("function:missing", "storage.presign", kPresignArgs);
  ASSERT_TRUE(caller.contains("error")) << caller.dump();
  EXPECT_EQ(caller["error"]["code"], "UnknownCaller");

  const Json invalid = lab_.CallLocal("client:browser", "storage.presign",
                                      {{"bucket", "uploads"}, {"key", "k"}, {"method", "PUT"}, {"expires", 604801}});
  ASSERT_TRUE(invalid.contains("error")) << invalid.dump();
  EXPECT_EQ(invalid["error"]["code"], "ValidationException");
  EXPECT_EQ(lab_.Trace().size(), 0u);
}

}  // namespace
}  // namespace eventlab::api
