// Flights: what travels between resources and how far along it is.
#include "view/flights.h"

#include <gtest/gtest.h>

#include "support/run_scenario.h"
#include "view/flight_paths.h"

namespace eventlab::view {
namespace {

TEST(Progress, IsTheShareOfTheTripInSimulatedTime) {
  EXPECT_FLOAT_EQ(Progress(1000, 3000, 1000), 0.0f);
  EXPECT_FLOAT_EQ(Progress(1000, 3000, 2000), 0.5f);
  EXPECT_FLOAT_EQ(Progress(1000, 3000, 9000), 1.0f);
  EXPECT_FLOAT_EQ(Progress(1000, 3000, 0), 0.0f);
  EXPECT_FLOAT_EQ(Progress(1000, 1000, 1000), 0.5f);  // sent and due at once: half-way until delivered
}

TEST(FlightTracker, PendingEventsFlyFromTheirSenderAndMoveAsTimePasses) {
  api::Lab lab;
  ASSERT_TRUE(lab.Load(testing::ReadSourceFile("web/scenarios/hello.json")).empty());
  lab.Step();  // alice's first scripted call sends queue.send to the jobs queue
  FlightTracker tracker;
  const auto flights = tracker.Compute(lab, lab.NowUs(), lab.Delivered());
  const Flight* send = nullptr;
  for (const auto& f : flights) {
    if (f.kind == "queue.send" && f.to == "queue:jobs") send = &f;
  }
  ASSERT_NE(send, nullptr);
  EXPECT_EQ(send->from, "client:alice");
  EXPECT_EQ(send->seq, 0u);
  EXPECT_EQ(send->sent_us, lab.NowUs());
  EXPECT_GT(send->due_us, send->sent_us);
  const float at_send = send->progress;
  const auto later = tracker.Compute(lab, (send->sent_us + send->due_us) / 2, lab.Delivered());
  for (const auto& f : later) {
    if (f.event_id == send->event_id) EXPECT_GT(f.progress, at_send);
  }
}

TEST(FlightTracker, ADeliveredEventStillArrivesWhileTheShownClockTrails) {
  api::Lab lab;
  ASSERT_TRUE(lab.Load(testing::ReadSourceFile("web/scenarios/hello.json")).empty());
  lab.Step();
  const int64_t before_us = lab.NowUs();
  const uint64_t before_seq = lab.Delivered();
  lab.Step();  // delivers the queue.send
  FlightTracker tracker;
  bool arriving = false;
  for (const auto& f : tracker.Compute(lab, before_us, before_seq)) {
    if (f.seq == before_seq + 1) arriving = f.progress < 1.0f;
  }
  EXPECT_TRUE(arriving);
  for (const auto& f : tracker.Compute(lab, lab.NowUs(), before_seq)) EXPECT_EQ(f.seq, 0u);  // it has landed
}

TEST(FlightTracker, ANewRunIsIndexedAfresh) {
  api::Lab lab;
  ASSERT_TRUE(lab.Load(testing::ReadSourceFile("web/scenarios/image-upload.json")).empty());
  FlightTracker tracker;
  lab.Seek(20);
  tracker.Compute(lab, lab.NowUs(), lab.Delivered());
  lab.Reset(99);
  lab.Seek(25);
  for (const auto& f : tracker.Compute(lab, lab.NowUs(), lab.Delivered())) {
    EXPECT_LE(f.sent_us, f.due_us) << f.kind;
    EXPECT_LE(f.sent_us, lab.NowUs()) << f.kind;
  }
}

TEST(FlightPaths, RepliesRetraceRequestsAndFunctionsMeetTheirApiAtTheRoute) {
  api::Architecture a;
  a.nodes = {{"client:c", "client", "c", ""}, {"api:a", "api", "a", ""},
             {"route:a/GET /x", "route", "GET /x", "api:a"}, {"function:f", "function", "f", ""}};
  a.edges = {{"client:c", "api:a", ""}, {"api:a", "route:a/GET /x", ""}, {"route:a/GET /x", "function:f", ""}};
  const FlightPaths paths(a);
  EXPECT_EQ(paths.Route("client:c", "api:a"), (std::vector<std::string>{"client:c", "api:a"}));
  EXPECT_EQ(paths.Route("api:a", "client:c"), (std::vector<std::string>{"api:a", "client:c"}));
  EXPECT_EQ(paths.Route("api:a", "function:f"), (std::vector<std::string>{"api:a", "route:a/GET /x", "function:f"}));
  EXPECT_EQ(paths.Route("function:f", "api:a"), (std::vector<std::string>{"function:f", "route:a/GET /x", "api:a"}));
  EXPECT_TRUE(paths.Route("client:c", "queue:gone").empty());
}

TEST(FlightPaths, PolylinesStartAtTheNodeBorderAndPointsFollowTheLength) {
  api::Architecture a;
  a.nodes = {{"client:c", "client", "c", ""}, {"api:a", "api", "a", ""}};
  a.edges = {{"client:c", "api:a", ""}};
  const FlightPaths paths(a);
  const auto line = paths.Polyline("client:c", "api:a", {{"client:c", {0, 0}}, {"api:a", {400, 0}}});
  ASSERT_EQ(line.size(), 2u);
  EXPECT_FLOAT_EQ(line[0].x, kNodeWidth / 2);
  EXPECT_FLOAT_EQ(line[1].x, 400 - kNodeWidth / 2);
  EXPECT_FLOAT_EQ(PointAlong(line, 0.5f).x, 200.0f);
  EXPECT_FLOAT_EQ(PointAlong({{0, 0}, {100, 0}, {100, 100}}, 0.75f).y, 50.0f);
}

}  // namespace
}  // namespace eventlab::view
