// Durations and ISO instants: exact integer parsing and formatting.
#include "core/sim_time.h"

#include <gtest/gtest.h>

namespace eventlab::core {

TEST(SimTimeTest, ParsesDurationsWithUnitsIntoMicroseconds) {
  EXPECT_EQ(ParseDuration("250ms")->us, 250000);
  EXPECT_EQ(ParseDuration("1.5s")->us, 1500000);
  EXPECT_EQ(ParseDuration("2m")->us, 120000000);
  EXPECT_EQ(ParseDuration("1h")->us, 3600000000LL);
  EXPECT_EQ(ParseDuration("10us")->us, 10);
  EXPECT_EQ(ParseDuration("0.001ms")->us, 1);
}

TEST(SimTimeTest, RejectsBadDurationsWithAReason) {
  std::string why;
  EXPECT_FALSE(ParseDuration("250", &why));
  EXPECT_NE(why.find("unit"), std::string::npos);
  EXPECT_FALSE(ParseDuration("ms", &why));
  EXPECT_FALSE(ParseDuration("1.s", &why));
  EXPECT_FALSE(ParseDuration("0.0001ms", &why));
  EXPECT_NE(why.find("microsecond"), std::string::npos);
  EXPECT_FALSE(ParseDuration("-1s", &why));
  EXPECT_FALSE(ParseDuration("1 s", &why));
}

TEST(SimTimeTest, FormatsTheShortestExactDuration) {
  EXPECT_EQ(FormatDuration(SimTime::Millis(250)), "250ms");
  EXPECT_EQ(FormatDuration(SimTime::Millis(1500)), "1500ms");
  EXPECT_EQ(FormatDuration(SimTime::Seconds(120)), "2m");
  EXPECT_EQ(FormatDuration(SimTime{1500001}), "1.500001s");
  EXPECT_EQ(FormatDuration(SimTime{12}), "12us");
}

TEST(SimTimeTest, IsoInstantsRoundTripThroughEpochMicroseconds) {
  EXPECT_EQ(*ParseIsoUtc("1970-01-01T00:00:00Z"), 0);
  EXPECT_EQ(*ParseIsoUtc("2026-01-01T00:00:00Z"), 1767225600000000LL);
  EXPECT_EQ(*ParseIsoUtc("2000-02-29T12:34:56.5Z"), 951827696500000LL);
  EXPECT_EQ(FormatIsoUtc(951827696500000LL), "2000-02-29T12:34:56.500Z");
  EXPECT_FALSE(ParseIsoUtc("2026-02-29T00:00:00Z"));
  EXPECT_FALSE(ParseIsoUtc("2026-01-01T00:00:00+01:00"));
  EXPECT_FALSE(ParseIsoUtc("2026-13-01T00:00:00Z"));
}

}  // namespace eventlab::core
