// The stream service: PutRecord/PutRecords answers and limits, shard iterators at their
// boundaries, GetRecords, expiry, retention and named consumers.
#include <gtest/gtest.h>

#include "cloud/streams/stream_codec.h"
#include "stream_test_support.h"

namespace eventlab::cloud::streams {
namespace {

using eventlab::testing::LoadAndRun;
using testing::All;
using testing::Call;
using testing::Replies;
using testing::StreamScenario;

std::string Put(const std::string& at, const std::string& key, const std::string& data, const std::string& as = "") {
  return Call(at, "kinesis.put_record", R"({"stream": "s", "partition_key": ")" + key + R"(", "data": ")" + data + "\"}", as);
}

std::string Iterator(const std::string& at, const std::string& type, const std::string& extra, const std::string& as) {
  return Call(at, "kinesis.get_shard_iterator", R"({"stream": "s", "shard_id": "shardId-000000000000", "type": ")" + type + "\"" + extra + "}", as);
}

std::string GetRecords(const std::string& at, const std::string& iterator_template) {
  return Call(at, "kinesis.get_records", R"({"iterator": ")" + iterator_template + "\"}");
}

TEST(StreamServiceTest, PutRecordAnswersShardAndIncreasingSequenceNumbers) {
  api::Lab lab;
  LoadAndRun(lab, StreamScenario(Put("0s", "user-1", "a") + "," + Put("0.1s", "user-1", "b") + "," + Put("1s", "user-1", "c"), R"(, "shards": 3)"));
  auto r = Replies(lab, "kinesis.put_record.result");
  ASSERT_EQ(r.size(), 3u);
  for (auto* e : r) {
    ASSERT_FALSE(e->error);
    EXPECT_EQ(e->payload["ShardId"], "shardId-000000000002");  // MD5("user-1") lies in the third range
    EXPECT_EQ(e->payload["SequenceNumber"].get<std::string>().size(), 56u);
  }
  EXPECT_LT(r[0]->payload["SequenceNumber"].get<std::string>(), r[1]->payload["SequenceNumber"].get<std::string>());
  EXPECT_LT(r[1]->payload["SequenceNumber"].get<std::string>(), r[2]->payload["SequenceNumber"].get<std::string>());
  const Json state = lab.State();
  // The run ends after retention trimmed them: three records went through shard 2.
  EXPECT_EQ(state["resources"]["s"]["shards"][2]["next_ordinal"], 4);
  EXPECT_EQ(state["resources"]["s"]["shards"][2]["trimmed"], 3);
}

TEST(StreamServiceTest, ExplicitHashKeyOverridesThePartitionKey) {
  api::Lab lab;
  LoadAndRun(lab, StreamScenario(Call("0s", "kinesis.put_record",
                                      R"({"stream": "s", "partition_key": "user-1", "data": "x", "explicit_hash_key": "113427455640312821154458202477256070485"})") +
                                     "," + Call("0.1s", "kinesis.put_record", R"({"stream": "s", "partition_key": "user-1", "data": "x", "explicit_hash_key": "-1"})"),
                                 R"(, "shards": 3)"));
  auto r = Replies(lab, "kinesis.put_record.result");
  ASSERT_EQ(r.size(), 2u);
  EXPECT_EQ(r[0]->payload["ShardId"], "shardId-000000000001");
  ASSERT_TRUE(r[1]->error);
  EXPECT_EQ(r[1]->error->code, "ValidationException");
}

TEST(StreamServiceTest, AnExplicitHashKeyPastTwoToThe128IsAnInvalidArgumentNamingTheRange) {
  api::Lab lab;
  // 2^128 matches the pattern 0|([1-9]\d{0,38}) but is outside the hash key range; 2^128 - 1 is the last key.
  LoadAndRun(lab, StreamScenario(Call("0s", "kinesis.put_record",
                                      R"({"stream": "s", "partition_key": "k", "data": "x", "explicit_hash_key": "340282366920938463463374607431768211456"})") +
                                 "," + Call("0.1s", "kinesis.put_record",
                                            R"({"stream": "s", "partition_key": "k", "data": "x", "explicit_hash_key": "340282366920938463463374607431768211455"})") +
                                 "," + Call("0.2s", "kinesis.put_record",
                                            R"({"stream": "s", "partition_key": "k", "data": "x", "explicit_hash_key": "0123"})"),
                                 R"(, "shards": 3)"));
  auto r = Replies(lab, "kinesis.put_record.result");
  ASSERT_EQ(r.size(), 3u);
  ASSERT_TRUE(r[0]->error);
  EXPECT_EQ(*r[0]->error, (core::Error{"InvalidArgumentException",
                                       "Invalid ExplicitHashKey. ExplicitHashKey must be in the range: [0, 2^128-1]. "
                                       "Specified value was 340282366920938463463374607431768211456",
                                       400}));
  ASSERT_FALSE(r[1]->error);
  EXPECT_EQ(r[1]->payload["ShardId"], "shardId-000000000002");
  ASSERT_TRUE(r[2]->error);
  EXPECT_EQ(r[2]->error->code, "ValidationException");  // a leading zero fails the pattern
}

TEST(StreamServiceTest, DataOverOneMebibyteIsRefused) {
  api::Lab lab;
  LoadAndRun(lab, StreamScenario(Call("0s", "kinesis.put_record", R"({"stream": "s", "partition_key": "k", "data": {"$body": {"size": 1048576}}})")));
  auto r = Replies(lab, "kinesis.put_record.result");
  ASSERT_EQ(r.size(), 1u);
  ASSERT_TRUE(r[0]->error);
  EXPECT_EQ(r[0]->error->code, "ValidationException");
  EXPECT_NE(r[0]->error->message.find("less than or equal to 1048576"), std::string::npos);
}

TEST(StreamServiceTest, PutRecordsFailsOnlyTheRecordsOverTheShardRate) {
  api::Lab lab;
  // Three 400 KB records to one shard in one second: the third would pass 1 MiB/s.
  const std::string rec = R"({"partition_key": "k", "data": {"$body": {"size": 400000}}})";
  LoadAndRun(lab, StreamScenario(Call("0s", "kinesis.put_records", R"({"stream": "s", "records": [)" + rec + "," + rec + "," + rec + "]}")));
  auto r = Replies(lab, "kinesis.put_records.result");
  ASSERT_EQ(r.size(), 1u);
  ASSERT_FALSE(r[0]->error);
  const Json& p = r[0]->payload;
  EXPECT_EQ(p["FailedRecordCount"], 1);
  ASSERT_EQ(p["Records"].size(), 3u);
  EXPECT_TRUE(p["Records"][0].contains("SequenceNumber"));
  EXPECT_TRUE(p["Records"][1].contains("ShardId"));
  EXPECT_EQ(p["Records"][2]["ErrorCode"], "ProvisionedThroughputExceededException");
  EXPECT_EQ(p["Records"][2]["ErrorMessage"], "Rate exceeded for shard shardId-000000000000 in stream s under account 123456789012.");
  EXPECT_FALSE(p["Records"][2].contains("SequenceNumber"));
}

TEST(StreamServiceTest, PutRecordOverThousandRecordsPerSecondIsThrottledThenRecovers) {
  std::string recs;
  for (int i = 0; i < 500; ++i) recs += std::string(i ? "," : "") + R"({"partition_key": "k", "data": "x"})";
  const std::string batch = R"({"stream": "s", "records": [)" + recs + "]}";
  api::Lab lab;
  LoadAndRun(lab, StreamScenario(Call("0s", "kinesis.put_records", batch) + "," + Call("0s", "kinesis.put_records", batch) + "," +
                                 Put("0.5s", "k", "one-too-many") + "," + Put("1.5s", "k", "next-second")));
  auto r = Replies(lab, "kinesis.put_record.result");
  ASSERT_EQ(r.size(), 2u);
  ASSERT_TRUE(r[0]->error);
  EXPECT_EQ(r[0]->error->code, "ProvisionedThroughputExceededException");
  EXPECT_FALSE(r[1]->error);
}

TEST(StreamServiceTest, IteratorTypesAtTheirBoundaries) {
  api::Lab lab;
  const std::string s0 = "${r1.SequenceNumber}", s2 = "${r3.SequenceNumber}";
  LoadAndRun(lab, StreamScenario(
                      Put("0s", "k", "one", "r1") + "," + Put("1s", "k", "two", "r2") + "," + Put("2s", "k", "three", "r3") + "," +
                      Iterator("3s", "TRIM_HORIZON", "", "th") + "," + Iterator("3s", "LATEST", "", "la") + "," +
                      Iterator("3s", "AT_SEQUENCE_NUMBER", R"(, "sequence_number": ")" + s2 + "\"", "at_last") + "," +
                      Iterator("3s", "AFTER_SEQUENCE_NUMBER", R"(, "sequence_number": ")" + s2 + "\"", "after_last") + "," +
                      Iterator("3s", "AFTER_SEQUENCE_NUMBER", R"(, "sequence_number": ")" + s0 + "\"", "after_first") + "," +
                      Iterator("3s", "AT_TIMESTAMP", R"(, "timestamp": "2025-12-31T00:00:00Z")", "ts_before") + "," +
                      Iterator("3s", "AT_TIMESTAMP", R"(, "timestamp": "2026-01-01T00:00:01.500Z")", "ts_mid") + "," +
                      Iterator("3s", "AT_TIMESTAMP", R"(, "timestamp": "2026-01-01T00:00:02.900Z")", "ts_after") + "," +
                      GetRecords("4s", "${th.ShardIterator}") + "," + GetRecords("4.1s", "${la.ShardIterator}") + "," +
                      GetRecords("4.2s", "${at_last.ShardIterator}") + "," + GetRecords("4.3s", "${after_last.ShardIterator}") + "," +
                      GetRecords("4.4s", "${after_first.ShardIterator}") + "," + GetRecords("5s", "${ts_before.ShardIterator}") + "," +
                      GetRecords("5.1s", "${ts_mid.ShardIterator}") + "," + GetRecords("5.2s", "${ts_after.ShardIterator}")));
  auto r = Replies(lab, "kinesis.get_records.result");
  ASSERT_EQ(r.size(), 8u);
  auto count = [&](size_t i) { return r[i]->payload["Records"].size(); };
  EXPECT_EQ(count(0), 3u);  // TRIM_HORIZON: all
  EXPECT_EQ(count(1), 0u);  // LATEST: after the last
  EXPECT_EQ(count(2), 1u);  // AT the last record: just it
  EXPECT_EQ(r[2]->payload["Records"][0]["Data"], "dGhyZWU=");  // base64("three")
  EXPECT_EQ(count(3), 0u);  // AFTER the last record: nothing yet
  EXPECT_EQ(count(4), 2u);  // AFTER the first
  EXPECT_EQ(count(5), 3u);  // AT_TIMESTAMP before all
  EXPECT_EQ(count(6), 1u);  // AT_TIMESTAMP between the 2nd and 3rd
  EXPECT_EQ(count(7), 0u);  // AT_TIMESTAMP after all
  const Json& first = r[0]->payload["Records"][0];
  EXPECT_EQ(first["PartitionKey"], "k");
  EXPECT_EQ(first["ApproximateArrivalTimestamp"].dump().substr(0, 10), "1767225600");
  EXPECT_EQ(r[0]->payload["MillisBehindLatest"], 0);
}

TEST(StreamServiceTest, LatestThenNewRecordsAreReadFromTheNextIterator) {
  api::Lab lab;
  LoadAndRun(lab, StreamScenario(Put("0s", "k", "old") + "," + Iterator("1s", "LATEST", "", "it") + "," +
                                 Call("2s", "kinesis.get_records", R"({"iterator": "${it.ShardIterator}"})", "g1") + "," +
                                 Put("3s", "k", "new") + "," + GetRecords("4s", "${g1.NextShardIterator}")));
  auto r = Replies(lab, "kinesis.get_records.result");
  ASSERT_EQ(r.size(), 2u);
  EXPECT_EQ(r[0]->payload["Records"].size(), 0u);
  ASSERT_EQ(r[1]->payload["Records"].size(), 1u);
  EXPECT_EQ(r[1]->payload["Records"][0]["Data"], "bmV3");  // base64("new")
}

TEST(StreamServiceTest, EmptyShardReadsNothingAndBadSequenceNumbersAreRefused) {
  api::Lab lab;
  LoadAndRun(lab, StreamScenario(Iterator("0s", "TRIM_HORIZON", "", "th") + "," + GetRecords("1s", "${th.ShardIterator}") + "," +
                                 Iterator("1.1s", "AT_SEQUENCE_NUMBER", R"(, "sequence_number": "123")", "") + "," +
                                 Iterator("1.2s", "AT_TIMESTAMP", "", "") + "," + Iterator("1.3s", "SOMEWHERE", "", "") + "," +
                                 Iterator("1.4s", "AT_TIMESTAMP", R"(, "timestamp": "2027-01-01T00:00:00Z")", ""),
                                 R"(, "shards": 2)"));
  auto g = Replies(lab, "kinesis.get_records.result");
  ASSERT_EQ(g.size(), 1u);
  EXPECT_EQ(g[0]->payload["Records"].size(), 0u);
  EXPECT_EQ(g[0]->payload["MillisBehindLatest"], 0);
  auto it = Replies(lab, "kinesis.get_shard_iterator.result");
  ASSERT_EQ(it.size(), 5u);
  EXPECT_EQ(it[1]->error->code, "InvalidArgumentException");
  EXPECT_EQ(it[2]->error->code, "InvalidArgumentException");
  EXPECT_EQ(it[2]->error->message,
            "Must specify timestampInMillis parameter for iterator of type AT_TIMESTAMP. Current request has no timestamp parameter.");
  EXPECT_EQ(it[3]->error->code, "ValidationException");
  EXPECT_EQ(it[4]->error->code, "InvalidArgumentException");
}

TEST(StreamServiceTest, ASequenceNumberOfAnotherShardIsRefused) {
  api::Lab lab;
  LoadAndRun(lab, StreamScenario(Put("0s", "user-1", "x", "r") + "," +
                                     Iterator("1s", "AT_SEQUENCE_NUMBER", R"(, "sequence_number": "${r.SequenceNumber}")", ""),
                                 R"(, "shards": 3)"));
  auto it = Replies(lab, "kinesis.get_shard_iterator.result");
  ASSERT_EQ(it.size(), 1u);
  ASSERT_TRUE(it[0]->error);
  EXPECT_EQ(it[0]->error->message, "Invalid StartingSequenceNumber. It encodes shardId-000000000002, while it was used in a call to shardId-000000000000");
}

TEST(StreamServiceTest, IteratorsExpireAfterFiveMinutes) {
  api::Lab lab;
  LoadAndRun(lab, StreamScenario(Put("0s", "k", "x") + "," + Iterator("0s", "TRIM_HORIZON", "", "it") + "," +
                                 GetRecords("299s", "${it.ShardIterator}") + "," + GetRecords("301s", "${it.ShardIterator}")));
  auto r = Replies(lab, "kinesis.get_records.result");
  ASSERT_EQ(r.size(), 2u);
  EXPECT_FALSE(r[0]->error);
  ASSERT_TRUE(r[1]->error);
  EXPECT_EQ(r[1]->error->code, "ExpiredIteratorException");
  EXPECT_EQ(r[1]->error->status, 400);
}

TEST(StreamServiceTest, GetRecordsOverFivePerSecondIsThrottled) {
  std::string script = Iterator("0s", "TRIM_HORIZON", "", "it");
  for (int i = 0; i < 6; ++i) script += "," + GetRecords("1." + std::to_string(i) + "s", "${it.ShardIterator}");
  api::Lab lab;
  LoadAndRun(lab, StreamScenario(script));
  auto r = Replies(lab, "kinesis.get_records.result");
  ASSERT_EQ(r.size(), 6u);
  for (int i = 0; i < 5; ++i) EXPECT_FALSE(r[i]->error) << i;
  ASSERT_TRUE(r[5]->error);
  EXPECT_EQ(r[5]->error->code, "ProvisionedThroughputExceededException");
}

TEST(StreamServiceTest, RetentionTrimsOldRecordsAndTrimHorizonStartsAtTheOldestLeft) {
  api::Lab lab;
  LoadAndRun(lab, StreamScenario(Put("0s", "k", "old", "r1") + "," + Put("12h", "k", "young") + "," +
                                 Iterator("86400.5s", "TRIM_HORIZON", "", "th") + "," +
                                 Iterator("86400.5s", "AT_SEQUENCE_NUMBER", R"(, "sequence_number": "${r1.SequenceNumber}")", "trimmed") + "," +
                                 GetRecords("86401s", "${th.ShardIterator}") + "," + GetRecords("86401.1s", "${trimmed.ShardIterator}")));
  auto trims = All(lab, "stream.trim", "stream:s");
  ASSERT_GE(trims.size(), 1u);
  EXPECT_EQ(trims[0]->time.us, core::SimTime::Seconds(86401).us);  // 24 h after the put, on a whole second
  auto r = Replies(lab, "kinesis.get_records.result");
  ASSERT_EQ(r.size(), 2u);
  ASSERT_EQ(r[0]->payload["Records"].size(), 1u);
  EXPECT_EQ(r[0]->payload["Records"][0]["Data"], "eW91bmc=");  // base64("young")
  ASSERT_EQ(r[1]->payload["Records"].size(), 1u);            // a trimmed position reads from the oldest left
  const Json state = lab.State();
  EXPECT_EQ(state["resources"]["s"]["shards"][0]["trimmed"], 2);  // both gone by the end of the run
}

TEST(StreamServiceTest, ConsumersKeepTheirOwnPositions) {
  api::Lab lab;
  LoadAndRun(lab, StreamScenario(Put("0s", "k", "a", "first") + "," + Put("0.1s", "k", "b") + "," +
                                     Call("1s", "kinesis.consumer_read", R"({"stream": "s", "consumer": "all"})") + "," +
                                     Call("1.1s", "kinesis.consumer_read", R"({"stream": "s", "consumer": "live"})") + "," +
                                     Put("2s", "k", "c") + "," +
                                     Call("3s", "kinesis.consumer_read", R"({"stream": "s", "consumer": "live"})") + "," +
                                     Call("3s", "kinesis.set_position",
                                          R"({"stream": "s", "consumer": "replay", "shard_id": "shardId-000000000000", "type": "AT_SEQUENCE_NUMBER", "sequence_number": "${first.SequenceNumber}"})") +
                                     "," + Call("4s", "kinesis.consumer_read", R"({"stream": "s", "consumer": "replay", "limit": 2})"),
                                 R"(, "consumers": {"all": "TRIM_HORIZON", "live": "LATEST", "replay": "LATEST"})"));
  auto r = Replies(lab, "kinesis.consumer_read.result");
  ASSERT_EQ(r.size(), 4u);
  EXPECT_EQ(r[0]->payload["Records"].size(), 2u);  // TRIM_HORIZON: everything
  EXPECT_EQ(r[1]->payload["Records"].size(), 0u);  // LATEST: starts at the tip
  ASSERT_EQ(r[2]->payload["Records"].size(), 1u);
  EXPECT_EQ(r[2]->payload["Records"][0]["Data"], "Yw==");
  ASSERT_EQ(r[3]->payload["Records"].size(), 2u);  // from the given sequence number, two at a time
  EXPECT_EQ(r[3]->payload["Records"][0]["Data"], "YQ==");
  const Json consumers = lab.State()["resources"]["s"]["consumers"];
  EXPECT_EQ(consumers["all"]["positions"]["shardId-000000000000"], 3);
  EXPECT_EQ(consumers["live"]["positions"]["shardId-000000000000"], 4);
  EXPECT_EQ(consumers["replay"]["positions"]["shardId-000000000000"], 3);
}

TEST(StreamServiceTest, CodecRoundTrips) {
  const std::string seq = SequenceNumberOf(2, 1767225600123, 7);
  ASSERT_EQ(seq.size(), 56u);
  auto parts = ParseSequenceNumber(seq);
  ASSERT_TRUE(parts);
  EXPECT_EQ(parts->shard_index, 2u);
  EXPECT_EQ(parts->ordinal, 7u);
  auto it = DecodeIterator(EncodeIterator({"clicks", 1, 42, 1767225600123}));
  ASSERT_TRUE(it);
  EXPECT_EQ(it->stream, "clicks");
  EXPECT_EQ(it->position, 42u);
  EXPECT_FALSE(DecodeIterator("not-an-iterator"));
  EXPECT_EQ(Base64Encode("poison"), "cG9pc29u");  // python: base64.b64encode(b"poison")
  EXPECT_EQ(*Base64Decode("Y2xpY2stMQ=="), "click-1");
  EXPECT_EQ(EpochSecondsNumber(1545084650987).dump(), "1545084650.987");
  EXPECT_EQ(EpochSecondsNumber(1767225600000).dump(), "1767225600");
}

}  // namespace
}  // namespace eventlab::cloud::streams
