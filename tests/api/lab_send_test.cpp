// Calls sent from the page (Lab::Send) become part of the run: delivered like scripted calls,
// replayed exactly by time travel, forgotten by a reset.
#include <gtest/gtest.h>

#include "api/lab.h"
#include "core/trace.h"
#include "support/run_scenario.h"

namespace eventlab::api {
namespace {

class LabSend : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_TRUE(lab_.Load(testing::ReadSourceFile("web/scenarios/hello.json")).empty()); }
  Lab lab_;
};

TEST_F(LabSend, TheCallGoesOutAsTheClientsOwnEvent) {
  lab_.Seek(4);
  const Json out = lab_.Send("client:alice", "queue.send", {{"queue", "jobs"}, {"body", "sent from the page"}});
  ASSERT_TRUE(out.contains("ok")) << out.dump();
  auto record = lab_.Step();
  ASSERT_TRUE(record);
  EXPECT_EQ(record->event.kind, "client.call");
  EXPECT_EQ(record->event.to, "client:alice");
  EXPECT_FALSE(record->event.parent.has_value());
  EXPECT_EQ(record->event.payload["call"], "queue.send");
  record = lab_.Step();
  ASSERT_TRUE(record);
  EXPECT_EQ(record->event.kind, "queue.send");
  EXPECT_EQ(record->event.payload["body"], "sent from the page");
}

TEST_F(LabSend, SteppingBackAndForwardReplaysItExactly) {
  lab_.Seek(3);
  lab_.Send("client:alice", "queue.send", {{"queue", "jobs"}, {"body", "again"}});
  const uint64_t total = lab_.RunLength();
  lab_.RunToEnd();
  EXPECT_EQ(lab_.Delivered(), total);
  const std::string full = core::TraceJsonLines(lab_.Trace());
  EXPECT_NE(full.find("again"), std::string::npos);
  for (uint64_t back : {uint64_t{0}, uint64_t{2}, uint64_t{3}, uint64_t{5}}) {
    ASSERT_TRUE(lab_.Seek(back));
    lab_.RunToEnd();
    EXPECT_EQ(core::TraceJsonLines(lab_.Trace()), full) << "after seeking to " << back;
  }
}

TEST_F(LabSend, AResetForgetsIt) {
  Lab plain;
  testing::LoadAndRun(plain, testing::ReadSourceFile("web/scenarios/hello.json"));
  lab_.Send("client:alice", "queue.send", {{"queue", "jobs"}, {"body", "x"}});
  lab_.Reset();
  lab_.RunToEnd();
  EXPECT_EQ(core::TraceJsonLines(lab_.Trace()), core::TraceJsonLines(plain.Trace()));
}

TEST_F(LabSend, RefusesWhatAClientCannotSend) {
  EXPECT_EQ(lab_.Send("function:echo", "queue.send", {{"queue", "jobs"}})["error"]["code"], "UnknownCaller");
  EXPECT_EQ(lab_.Send("client:bob", "queue.send", {{"queue", "jobs"}})["error"]["code"], "UnknownCaller");
  EXPECT_EQ(lab_.Send("client:alice", "queue.sned", {{"queue", "jobs"}})["error"]["code"], "UnknownAction");
  EXPECT_EQ(lab_.Send("client:alice", "queue.send", Json::array())["error"]["code"], "ValidationException");
  EXPECT_EQ(lab_.Delivered(), 0u);
  EXPECT_EQ(lab_.PendingCount(), 3u);  // only the scripted calls
}


TEST(LabSendOrder, CallsMadeAtOneMomentArriveInTheOrderTheyWereMade) {
  // A marker moved and at once read: the move must reach the stream first, however the network
  // jitter falls. Tried under many seeds, since the jitter is drawn per hop.
  for (uint32_t seed = 1; seed <= 40; ++seed) {
    Lab lab;
    ASSERT_TRUE(lab.Load(testing::ReadSourceFile("web/scenarios/streams.json")).empty());
    lab.Reset(seed);
    lab.Seek(6);
    const Json move = {{"stream", "clicks"}, {"consumer", "replay"}, {"shard_id", "shardId-000000000000"}, {"type", "TRIM_HORIZON"}};
    ASSERT_TRUE(lab.Send("client:page", "kinesis.set_position", move).contains("ok"));
    ASSERT_TRUE(lab.Send("client:page", "kinesis.consumer_read", {{"stream", "clicks"}, {"consumer", "replay"}}).contains("ok"));
    lab.RunToEnd();
    int64_t moved_at = -1;
    for (const auto& r : lab.Trace()) {
      if (r.seq > 6 && r.event.kind == "kinesis.set_position" && r.event.to == "stream:clicks") {
        moved_at = static_cast<int64_t>(r.seq);
        break;
      }
    }
    ASSERT_GT(moved_at, 0) << "seed " << seed;
    // The first read of the replay consumer after the sends comes after the move.
    int64_t first_read = -1;
    for (const auto& r : lab.Trace()) {
      if (r.seq > 6 && r.event.kind == "kinesis.consumer_read" && r.event.payload.value("consumer", "") == "replay") {
        first_read = static_cast<int64_t>(r.seq);
        break;
      }
    }
    ASSERT_GT(first_read, 0) << "seed " << seed;
    EXPECT_LT(moved_at, first_read) << "seed " << seed;
  }
}

}  // namespace
}  // namespace eventlab::api
