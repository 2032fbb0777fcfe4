// The sequence diagram's lanes and rows.
#include "view/sequence_layout.h"

#include <gtest/gtest.h>

#include "api/lab.h"
#include "support/run_scenario.h"

namespace eventlab::view {
namespace {

class HelloSequence : public ::testing::Test {
 protected:
  void SetUp() override {
    testing::LoadAndRun(lab_, testing::ReadSourceFile("web/scenarios/hello.json"));
    layout_ = LayOut(lab_.Architecture());
  }
  api::Lab lab_;
  GraphLayout layout_;
};

TEST_F(HelloSequence, LanesFollowTheGraphFromLeftToRight) {
  const auto seq = LayOutSequence(lab_.Trace(), layout_, {}, {});
  ASSERT_GE(seq.lanes.size(), 3u);
  EXPECT_EQ(seq.lanes.front(), "client:alice");
  for (size_t i = 1; i < seq.lanes.size(); ++i) {
    EXPECT_LE(layout_.layers.at(seq.lanes[i - 1]), layout_.layers.at(seq.lanes[i]));
  }
}

TEST_F(HelloSequence, ARowPerDeliveryInOrderAndALongQuietStretchIsABreak) {
  const auto seq = LayOutSequence(lab_.Trace(), layout_, {}, {});
  ASSERT_EQ(seq.rows.size(), lab_.Trace().size());
  for (size_t i = 1; i < seq.rows.size(); ++i) EXPECT_GT(seq.rows[i].y, seq.rows[i - 1].y);
  // The last event is the container expiring ten idle minutes after the last invocation.
  EXPECT_TRUE(seq.rows.back().break_before);
  EXPECT_GE(seq.rows.back().gap_before_us, 500'000'000);
  EXPECT_LE(seq.rows.back().y - seq.rows[seq.rows.size() - 2].y, SequenceScale{}.row_px + SequenceScale{}.max_gap_px);
}

TEST_F(HelloSequence, RepliesAndErrorsAreMarked) {
  const auto seq = LayOutSequence(lab_.Trace(), layout_, {}, {});
  bool reply = false, error = false;
  for (const auto& r : seq.rows) {
    reply |= r.reply;
    error |= r.error;
  }
  EXPECT_TRUE(reply);
  EXPECT_TRUE(error);  // the third job is too large for the queue
}

TEST_F(HelloSequence, FiltersHideKindsAndParticipants) {
  SequenceFilter filter;
  filter.hidden_kinds.insert("client.call");
  filter.hidden_participants.insert("queue:results");
  const auto seq = LayOutSequence(lab_.Trace(), layout_, filter, {});
  for (const auto& row : seq.rows) {
    const auto& e = lab_.Trace()[row.seq - 1].event;
    EXPECT_NE(e.kind, "client.call");
    EXPECT_NE(e.to, "queue:results");
    EXPECT_NE(e.from, "queue:results");
  }
  EXPECT_EQ(std::count(seq.lanes.begin(), seq.lanes.end(), "queue:results"), 0);
  EXPECT_LT(seq.rows.size(), lab_.Trace().size());
}

TEST_F(HelloSequence, RowAtFindsTheNearestRow) {
  const auto seq = LayOutSequence(lab_.Trace(), layout_, {}, {});
  EXPECT_EQ(RowAt(seq, seq.rows[2].y + 3, 8), 2);
  EXPECT_EQ(RowAt(seq, -100, 8), -1);
}

}  // namespace
}  // namespace eventlab::view
