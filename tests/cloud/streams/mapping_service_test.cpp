// Event-source mappings over a stream: batching, the Kinesis Lambda event, a failing batch that
// blocks its shard until it expires, the retry quota, and bisecting.
#include <gtest/gtest.h>

#include "stream_test_support.h"

namespace eventlab::cloud::streams {
namespace {

using eventlab::testing::LoadAndRun;
using testing::All;
using testing::Call;
using testing::StreamScenario;

// A function that fails a batch holding a record whose partition key is "poison".
constexpr char kPoisonAware[] = R"("f": {"kind": "function", "handler": [
    {"for_each": "${event.Records}", "as": "r", "do": [
      {"if": {"eq": ["${r.kinesis.partitionKey}", "poison"]}, "then": [{"fail": {"code": "PoisonRecord", "message": "cannot parse"}}]}]},
    {"return": "${len(event.Records)}"}]})";

std::string Mapping(const std::string& extra) {
  return R"("m": {"kind": "mapping", "source": "s", "function": "f", "starting_position": "TRIM_HORIZON")" + extra + "}";
}

std::string Put(const std::string& at, const std::string& key, const std::string& data) {
  return Call(at, "kinesis.put_record", R"({"stream": "s", "partition_key": ")" + key + R"(", "data": ")" + data + "\"}");
}

std::vector<size_t> BatchSizes(const api::Lab& lab) {
  std::vector<size_t> out;
  for (auto* e : All(lab, "function.invoke", "function:f")) out.push_back(e->payload["Records"].size());
  return out;
}

TEST(MappingServiceTest, RecordsArriveInBatchesOfAtMostBatchSize) {
  api::Lab lab;
  LoadAndRun(lab, StreamScenario(Put("0s", "k", "1") + "," + Put("0s", "k", "2") + "," + Put("0s", "k", "3"), "",
                                 std::string(kPoisonAware) + "," + Mapping(R"(, "batch_size": 2)")));
  // The wake-up finds three records: a batch of two, then the third on the next poll.
  EXPECT_EQ(BatchSizes(lab), (std::vector<size_t>{2, 1}));
  const Json shard_state_all = lab.State();
  const Json shard = shard_state_all["resources"]["m"]["shards"]["shardId-000000000000"];
  EXPECT_EQ(shard["processed"], 3);
  EXPECT_EQ(shard["blocked"], false);
  EXPECT_EQ(shard["phase"], "polling");  // the last poll waits at the stream for new records
  EXPECT_EQ(shard_state_all["resources"]["s"]["shards"][0]["waiting_polls"].size(), 1u);
}

TEST(MappingServiceTest, TheFunctionGetsTheKinesisEventShape) {
  api::Lab lab;
  LoadAndRun(lab, StreamScenario(Put("0s", "user-1", "click-1"), R"(, "shards": 3)", std::string(kPoisonAware) + "," + Mapping("")));
  auto invokes = All(lab, "function.invoke", "function:f");
  ASSERT_EQ(invokes.size(), 1u);
  EXPECT_EQ(invokes[0]->from, "mapping:m");
  const Json& r = invokes[0]->payload["Records"][0];
  const std::string seq = r["kinesis"]["sequenceNumber"];
  EXPECT_EQ(r["kinesis"]["kinesisSchemaVersion"], "1.0");
  EXPECT_EQ(r["kinesis"]["partitionKey"], "user-1");
  EXPECT_EQ(r["kinesis"]["data"], "Y2xpY2stMQ==");  // python: base64.b64encode(b"click-1")
  EXPECT_TRUE(r["kinesis"]["approximateArrivalTimestamp"].is_number());
  EXPECT_EQ(r["eventSource"], "aws:kinesis");
  EXPECT_EQ(r["eventVersion"], "1.0");
  EXPECT_EQ(r["eventID"], "shardId-000000000002:" + seq);
  EXPECT_EQ(r["eventName"], "aws:kinesis:record");
  EXPECT_EQ(r["invokeIdentityArn"], "arn:aws:iam::123456789012:role/f");
  EXPECT_EQ(r["awsRegion"], "us-east-1");
  EXPECT_EQ(r["eventSourceARN"], "arn:aws:kinesis:us-east-1:123456789012:stream/s");
  EXPECT_EQ(r.size(), 8u);
  EXPECT_EQ(r["kinesis"].size(), 5u);
}

TEST(MappingServiceTest, APoisonRecordBlocksItsShardUntilItExpires) {
  api::Lab lab;
  LoadAndRun(lab, StreamScenario(Put("0s", "poison", "bad") + "," + Put("5s", "poison", "good") + "," + Put("5s", "user-1", "other"),
                                 R"(, "shards": 3)", std::string(kPoisonAware) + "," + Mapping(R"(, "maximum_record_age": "60s")")));
  // Shard 0 holds both "poison"-keyed records; the good one waits behind the bad one.
  std::vector<int64_t> retries;
  for (auto* e : All(lab, "mapping.retry", "mapping:m")) retries.push_back(e->time.us);
  ASSERT_GE(retries.size(), 5u);
  EXPECT_LT(retries.back(), core::SimTime::Seconds(70).us);
  const core::Event* good = nullptr;
  for (auto* e : All(lab, "function.invoke", "function:f")) {
    for (const Json& r : e->payload["Records"]) {
      if (r["kinesis"]["data"] == "Z29vZA==") good = good ? good : e;  // base64("good")
    }
  }
  ASSERT_NE(good, nullptr);
  EXPECT_GT(good->time.us, core::SimTime::Seconds(60).us);  // only after the poison record aged out
  // The other shard was never held up.
  const Json m = lab.State()["resources"]["m"]["shards"];
  EXPECT_EQ(m["shardId-000000000002"]["processed"], 1);
  EXPECT_EQ(m["shardId-000000000002"]["failures"], 0);
  EXPECT_GE(m["shardId-000000000000"]["discarded"], 1);
  EXPECT_EQ(m["shardId-000000000000"]["blocked"], false);
  EXPECT_EQ(m["shardId-000000000000"]["last_error"]["code"], "PoisonRecord");
}

TEST(MappingServiceTest, StateShowsTheBlockedShardWhileItRetries) {
  api::Lab lab;
  auto errors = lab.Load(StreamScenario(Put("0s", "poison", "bad"), "", std::string(kPoisonAware) + "," + Mapping("")));
  ASSERT_TRUE(errors.empty());
  lab.RunUntil(core::SimTime::Seconds(10).us, 100000);
  const Json shard = lab.State()["resources"]["m"]["shards"]["shardId-000000000000"];
  EXPECT_EQ(shard["blocked"], true);
  EXPECT_GE(shard["attempts"], 3);
  EXPECT_EQ(shard["batch"].size(), 1u);
  EXPECT_TRUE(shard["checkpoint"].is_null());
}

TEST(MappingServiceTest, MaximumRetryAttemptsDiscardsTheBatchAndMovesOn) {
  api::Lab lab;
  LoadAndRun(lab, StreamScenario(Put("0s", "poison", "bad") + "," + Put("0.5s", "poison", "later"), "",
                                 std::string(kPoisonAware) + "," + Mapping(R"(, "maximum_retry_attempts": 2)")));
  auto sizes = BatchSizes(lab);
  // The first poll reads only the bad record: it is tried 3 times (1 + 2 retries), then the
  // shard moves on to the second batch, which (also "poison") gets the same treatment.
  ASSERT_EQ(sizes.size(), 6u);
  auto retries = All(lab, "mapping.retry", "mapping:m");
  ASSERT_EQ(retries.size(), 4u);
  EXPECT_EQ(retries[1]->time.us - retries[0]->time.us > core::SimTime::Seconds(1).us, true);  // backoff grows
  const Json shard = lab.State()["resources"]["m"]["shards"]["shardId-000000000000"];
  EXPECT_EQ(shard["discarded"], 2);
  EXPECT_EQ(shard["processed"], 0);
}

TEST(MappingServiceTest, BisectIsolatesTheBadRecord) {
  api::Lab lab;
  LoadAndRun(lab, StreamScenario(Put("0s", "k", "1") + "," + Put("0s", "k", "2") + "," + Put("0s", "poison", "3") + "," + Put("0s", "k", "4"),
                                 "", std::string(kPoisonAware) + "," +
                                         Mapping(R"(, "bisect_batch_on_function_error": true, "maximum_retry_attempts": 0)")));
  // [1 2 P 4] fails -> [1 2] ok, [P 4] fails -> [P] fails, discarded -> [4] ok.
  EXPECT_EQ(BatchSizes(lab), (std::vector<size_t>{4, 2, 2, 1, 1}));
  const Json shard = lab.State()["resources"]["m"]["shards"]["shardId-000000000000"];
  EXPECT_EQ(shard["processed"], 3);
  EXPECT_EQ(shard["discarded"], 1);
}

TEST(MappingServiceTest, ABatchingWindowGathersRecordsBeforeInvoking) {
  api::Lab lab;
  LoadAndRun(lab, StreamScenario(Put("0s", "k", "1") + "," + Put("1s", "k", "2") + "," + Put("2s", "k", "3"), "",
                                 std::string(kPoisonAware) + "," + Mapping(R"(, "maximum_batching_window": "5s")")));
  EXPECT_EQ(BatchSizes(lab), (std::vector<size_t>{3}));
  EXPECT_EQ(All(lab, "mapping.window", "mapping:m").size(), 1u);
}

TEST(MappingServiceTest, LoaderChecksSourceAndRanges) {
  api::Lab lab;
  auto errors = lab.Load(R"({"version": 1, "resources": {"f": {"kind": "function", "handler": []},
      "m": {"kind": "mapping", "source": "f", "function": "f", "batch_size": 0, "maximum_record_age": "10s",
            "starting_position": "NOW", "maximum_retry_attempts": -2, "extra": 1}}})");
  std::string all;
  for (const auto& e : errors) all += e.Text() + "\n";
  EXPECT_NE(all.find("/resources/m/source: \"f\" is a function, not a stream or a table"), std::string::npos) << all;
  EXPECT_NE(all.find("/resources/m/batch_size"), std::string::npos) << all;
  EXPECT_NE(all.find("/resources/m/maximum_record_age"), std::string::npos) << all;
  EXPECT_NE(all.find("/resources/m/starting_position"), std::string::npos) << all;
  EXPECT_NE(all.find("/resources/m/maximum_retry_attempts"), std::string::npos) << all;
  EXPECT_NE(all.find("/resources/m/extra"), std::string::npos) << all;
}

}  // namespace
}  // namespace eventlab::cloud::streams
