// Call arguments of the wrong JSON type are refused before any service reads them, naming the
// argument: a stream read given an object as its consumer once aborted the whole run.
#include "cloud/argument_types.h"

#include <gtest/gtest.h>

#include "api/lab.h"
#include "support/run_scenario.h"

namespace eventlab::cloud {
namespace {

using core::Json;

TEST(ArgumentTypesTest, NamesTheFirstArgumentOfTheWrongType) {
  EXPECT_FALSE(CheckArgumentTypes("kinesis.consumer_read", {{"stream", "s"}, {"consumer", "archive"}, {"limit", 10}}));
  const auto wrong = CheckArgumentTypes("kinesis.consumer_read", {{"stream", "s"}, {"consumer", Json::object()}});
  ASSERT_TRUE(wrong);
  EXPECT_EQ(wrong->code, "SerializationException");
  EXPECT_EQ(wrong->status, 400);
  EXPECT_EQ(wrong->message, "kinesis.consumer_read: argument \"consumer\" must be a string, got an object");
  EXPECT_EQ(CheckArgumentTypes("table.query", {{"limit", -1}})->message,
            "table.query: argument \"limit\" must be a non-negative integer, got a number");
  EXPECT_EQ(CheckArgumentTypes("table.get_item", {{"consistent_read", "yes"}})->message,
            "table.get_item: argument \"consistent_read\" must be true or false, got a string");
  EXPECT_FALSE(CheckArgumentTypes("table.scan", {{"limit", nullptr}}));  // null: not given
}

TEST(ArgumentTypesTest, AWrongTypeIsAnErrorInTheTraceAndTheRunGoesOn) {
  api::Lab lab;
  ASSERT_TRUE(lab.Load(testing::ReadSourceFile("web/scenarios/streams.json")).empty());
  lab.Send("client:page", "kinesis.consumer_read", {{"stream", "clicks"}, {"consumer", {{"name", "archive"}}}});
  lab.Send("client:page", "kinesis.get_records", {{"iterator", "x"}, {"limit", "many"}});
  lab.RunToEnd();
  EXPECT_FALSE(lab.Stopped());
  int refused = 0;
  for (const auto& r : lab.Trace()) {
    if (r.event.to == "client:page" && r.event.error && r.event.error->code == "SerializationException") ++refused;
  }
  EXPECT_EQ(refused, 2);
}

}  // namespace
}  // namespace eventlab::cloud
