// Table streams: INSERT, MODIFY and REMOVE records in the DynamoDB Streams Lambda event format,
// per stream view type, delivered through an event-source mapping.
#include <gtest/gtest.h>

#include "support/run_scenario.h"

namespace eventlab::cloud::tables {
namespace {

using core::Json;
using eventlab::testing::LoadAndRun;

std::string Scenario(const std::string& view) {
  return R"({"version": 1, "resources": {
    "c": {"kind": "client", "permissions": [{"action": "dynamodb:*", "resource": "*"}]},
    "t": {"kind": "table", "hash_key": {"name": "id", "type": "S"}, "stream": ")" + view + R"("},
    "f": {"kind": "function", "handler": [{"return": "${len(event.Records)}"}]},
    "m": {"kind": "mapping", "source": "t", "function": "f", "starting_position": "TRIM_HORIZON", "batch_size": 1}},
   "script": [
    {"at": "0s", "client": "c", "call": "table.put_item", "with": {"table": "t", "item": {"id": {"S": "a"}, "n": {"N": "1"}}}},
    {"at": "2s", "client": "c", "call": "table.update_item", "with": {"table": "t", "key": {"id": {"S": "a"}},
       "update_expression": "SET n = :v", "expression_attribute_values": {":v": {"N": "2"}}}},
    {"at": "4s", "client": "c", "call": "table.delete_item", "with": {"table": "t", "key": {"id": {"S": "a"}}}}]})";
}

std::vector<Json> StreamRecords(const api::Lab& lab) {
  std::vector<Json> out;
  for (const auto& r : lab.Trace()) {
    if (r.event.kind == "function.invoke" && r.event.to == "function:f") {
      for (const Json& rec : r.event.payload["Records"]) out.push_back(rec);
    }
  }
  return out;
}

TEST(TableStreamTest, NewAndOldImagesGiveInsertModifyRemove) {
  api::Lab lab;
  LoadAndRun(lab, Scenario("NEW_AND_OLD_IMAGES"));
  auto recs = StreamRecords(lab);
  ASSERT_EQ(recs.size(), 3u);
  EXPECT_EQ(recs[0]["eventName"], "INSERT");
  EXPECT_EQ(recs[1]["eventName"], "MODIFY");
  EXPECT_EQ(recs[2]["eventName"], "REMOVE");
  const Json& r = recs[1];
  EXPECT_EQ(r["eventVersion"], "1.1");
  EXPECT_EQ(r["eventSource"], "aws:dynamodb");
  EXPECT_EQ(r["awsRegion"], "us-east-1");
  EXPECT_EQ(r["eventID"].get<std::string>().size(), 32u);
  EXPECT_EQ(r["eventSourceARN"], "arn:aws:dynamodb:us-east-1:123456789012:table/t/stream/2026-01-01T00:00:00.000");
  const Json& d = r["dynamodb"];
  EXPECT_EQ(d["ApproximateCreationDateTime"], 1767225602);
  EXPECT_EQ(d["Keys"], (Json{{"id", {{"S", "a"}}}}));
  EXPECT_EQ(d["NewImage"]["n"], (Json{{"N", "2"}}));
  EXPECT_EQ(d["OldImage"]["n"], (Json{{"N", "1"}}));
  EXPECT_EQ(d["SequenceNumber"], "100000000000000000002");
  EXPECT_EQ(d["StreamViewType"], "NEW_AND_OLD_IMAGES");
  EXPECT_TRUE(d["SizeBytes"].is_number_unsigned());
  EXPECT_EQ(d.size(), 7u);
  EXPECT_EQ(r.size(), 7u);
  EXPECT_FALSE(recs[0]["dynamodb"].contains("OldImage"));  // INSERT: nothing before
  EXPECT_FALSE(recs[2]["dynamodb"].contains("NewImage"));  // REMOVE: nothing after
  EXPECT_LT(recs[0]["dynamodb"]["SequenceNumber"].get<std::string>(), recs[2]["dynamodb"]["SequenceNumber"].get<std::string>());
}

TEST(TableStreamTest, ViewTypesChooseTheImages) {
  for (const std::string view : {"KEYS_ONLY", "NEW_IMAGE", "OLD_IMAGE"}) {
    api::Lab lab;
    LoadAndRun(lab, Scenario(view));
    auto recs = StreamRecords(lab);
    ASSERT_EQ(recs.size(), 3u) << view;
    const Json& d = recs[1]["dynamodb"];
    EXPECT_EQ(d["StreamViewType"], view);
    EXPECT_EQ(d.contains("NewImage"), view == "NEW_IMAGE") << view;
    EXPECT_EQ(d.contains("OldImage"), view == "OLD_IMAGE") << view;
    EXPECT_TRUE(d.contains("Keys"));
  }
}

TEST(TableStreamTest, ATableWithoutAStreamRefusesTheMapping) {
  api::Lab lab;
  std::string text = Scenario("NEW_IMAGE");
  text.replace(text.find(R"(, "stream": "NEW_IMAGE")"), std::string(R"(, "stream": "NEW_IMAGE")").size(), "");
  LoadAndRun(lab, text);
  EXPECT_TRUE(StreamRecords(lab).empty());
  const Json state = lab.State()["resources"];
  EXPECT_FALSE(state["t"].contains("stream"));
  EXPECT_TRUE(state["m"]["shards"].empty());  // never woken: a table without a stream sends nothing
}

TEST(TableStreamTest, LoaderRejectsUnknownViewTypes) {
  api::Lab lab;
  std::string text = Scenario("ALL");
  auto errors = lab.Load(text);
  ASSERT_FALSE(errors.empty());
  EXPECT_EQ(errors[0].path, "/resources/t/stream");
}

}  // namespace
}  // namespace eventlab::cloud::tables
