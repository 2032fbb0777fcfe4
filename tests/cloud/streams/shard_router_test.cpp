// Partition keys to shards: MD5 hash keys against independently computed values, and the even
// split of the 128-bit hash key space.
#include "cloud/streams/shard_router.h"

#include <gtest/gtest.h>

namespace eventlab::cloud::streams {
namespace {

// Expected hash keys computed independently with Python:
//   int.from_bytes(hashlib.md5(key.encode()).digest(), "big")
TEST(ShardRouterTest, HashKeyIsTheMd5AsABigEndianInteger) {
  EXPECT_EQ(ToDecimal(HashKeyOf("a")), "16955237001963240173058271559858726497");
  EXPECT_EQ(ToDecimal(HashKeyOf("user-1")), "285573413173782752570879317399258818820");
  EXPECT_EQ(ToDecimal(HashKeyOf("user-2")), "81544010656874607678696621737415172275");
  EXPECT_EQ(ToDecimal(HashKeyOf("user-3")), "25643827420764883787405505484921093982");
  EXPECT_EQ(ToDecimal(HashKeyOf("poison")), "70746264511749570097315605833274083060");
  EXPECT_EQ(ToDecimal(HashKeyOf("")), "281949768489412648962353822266799178366");
}

// Starting keys computed with Python as (i << 128) // n; they match the ranges CreateStream
// gives a 3-shard stream (e.g. shard 1 starts at 113427455640312821154458202477256070485).
TEST(ShardRouterTest, ThreeShardsSplitTheSpaceEvenly) {
  auto r = EvenHashKeyRanges(3);
  ASSERT_EQ(r.size(), 3u);
  EXPECT_EQ(ToDecimal(r[0].starting), "0");
  EXPECT_EQ(ToDecimal(r[0].ending), "113427455640312821154458202477256070484");
  EXPECT_EQ(ToDecimal(r[1].starting), "113427455640312821154458202477256070485");
  EXPECT_EQ(ToDecimal(r[1].ending), "226854911280625642308916404954512140969");
  EXPECT_EQ(ToDecimal(r[2].starting), "226854911280625642308916404954512140970");
  EXPECT_EQ(ToDecimal(r[2].ending), "340282366920938463463374607431768211455");
}

TEST(ShardRouterTest, TwoShardsSplitAtTwoToThe127) {
  auto r = EvenHashKeyRanges(2);
  EXPECT_EQ(ToDecimal(r[0].ending), "170141183460469231731687303715884105727");
  EXPECT_EQ(ToDecimal(r[1].starting), "170141183460469231731687303715884105728");
}

TEST(ShardRouterTest, KeysLandInTheShardOwningTheirHash) {
  auto r = EvenHashKeyRanges(3);
  EXPECT_EQ(ShardIndexFor(r, HashKeyOf("a")), 0u);       // 1.69e37 < 1.13e38
  EXPECT_EQ(ShardIndexFor(r, HashKeyOf("user-1")), 2u);  // 2.86e38 >= 2.27e38
  EXPECT_EQ(ShardIndexFor(r, HashKeyOf("user-2")), 0u);  // 8.15e37
  EXPECT_EQ(ShardIndexFor(r, HashKeyOf("poison")), 0u);  // 7.07e37
  EXPECT_EQ(ShardIndexFor(r, *ParseDecimal("113427455640312821154458202477256070485")), 1u);
  EXPECT_EQ(ShardIndexFor(r, *ParseDecimal("113427455640312821154458202477256070484")), 0u);
  EXPECT_EQ(ShardIndexFor(r, kMaxHashKey), 2u);
}

TEST(ShardRouterTest, DecimalTextRoundTripsAndRejectsOverflow) {
  EXPECT_EQ(ToDecimal(*ParseDecimal("340282366920938463463374607431768211455")), "340282366920938463463374607431768211455");
  EXPECT_FALSE(ParseDecimal("340282366920938463463374607431768211456"));
  EXPECT_FALSE(ParseDecimal("12a"));
  EXPECT_FALSE(ParseDecimal(""));
  EXPECT_EQ(ToDecimal(*ParseDecimal("0")), "0");
}

TEST(ShardRouterTest, ShardIdsAreTwelveDigitIndexes) {
  EXPECT_EQ(ShardIdOf(0), "shardId-000000000000");
  EXPECT_EQ(ShardIdOf(17), "shardId-000000000017");
  EXPECT_EQ(ShardIndexOf("shardId-000000000017"), 17u);
  EXPECT_FALSE(ShardIndexOf("shardId-17"));
}

}  // namespace
}  // namespace eventlab::cloud::streams
