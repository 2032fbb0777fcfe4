// Captions: the note of the latest delivered noted script entry follows the run's position through
// stepping, time travel across checkpoints, resets, loads and calls sent from the page.
#include <gtest/gtest.h>

#include <string>

#include "api/lab.h"

namespace eventlab::api {
namespace {

// 40 jobs 100 ms apart, so a run crosses several checkpoints; entries 3, 20 and 35 carry notes.
std::string NotedScenario() {
  std::string script;
  for (int i = 0; i < 40; ++i) {
    std::string note;
    if (i == 3 || i == 20 || i == 35) note = R"(, "note": "note of )" + std::to_string(i) + "\"";
    script += std::string(i ? "," : "") + R"({"at": ")" + std::to_string(i * 100) +
              R"(ms", "client": "c", "call": "queue.send", "with": {"queue": "jobs", "body": "job )" +
              std::to_string(i) + "\"}" + note + "}";
  }
  return R"({"version": 1, "seed": 5, "resources": {"c": {"kind": "client"},
    "jobs": {"kind": "queue", "consumer": "f"}, "out": {"kind": "queue"},
    "f": {"kind": "function", "handler": [{"work": "30ms"},
      {"call": "queue.send", "as": "r", "with": {"queue": "out", "body": "${event.Records[0].body}"}},
      {"return": "${r.MessageId}"}]}}, "script": [)" + script + "]}";
}

/// The seq of script entry `step`'s client.call in the lab's trace, or 0.
uint64_t CallSeq(const Lab& lab, uint32_t step) {
  for (const core::TraceRecord& r : lab.Trace()) {
    if (r.event.kind == "client.call" && r.event.payload.value("step", uint32_t{999}) == step &&
        !r.event.payload.contains("from_page")) {
      return r.seq;
    }
  }
  return 0;
}

class LabCaption : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(lab_.Load(NotedScenario()).empty());
    lab_.RunToEnd();
    at3_ = CallSeq(lab_, 3);
    at20_ = CallSeq(lab_, 20);
    at35_ = CallSeq(lab_, 35);
    ASSERT_TRUE(at3_ > 0 && at3_ < at20_ && at20_ < at35_);
    ASSERT_GT(at20_, 2 * kCheckpointEvery) << "the notes should lie checkpoints apart";
    lab_.Reset();
  }
  /// The caption's script index, or -1 when none shows.
  int Showing() const {
    const auto c = lab_.CurrentCaption();
    return c ? static_cast<int>(c->script) : -1;
  }
  Lab lab_;
  uint64_t at3_ = 0, at20_ = 0, at35_ = 0;
};

TEST_F(LabCaption, NoneAtTheStartOrWithoutAScenario) {
  EXPECT_FALSE(lab_.CurrentCaption());
  EXPECT_FALSE(Lab().CurrentCaption());
  EXPECT_TRUE(Lab().Notes().empty());
}

TEST_F(LabCaption, AppearsAtTheDeliveryOfTheNotedEntry) {
  ASSERT_TRUE(lab_.Seek(at3_ - 1));
  EXPECT_FALSE(lab_.CurrentCaption());
  lab_.Step();
  const auto c = lab_.CurrentCaption();
  ASSERT_TRUE(c);
  EXPECT_EQ(c->seq, at3_);
  EXPECT_EQ(c->script, 3u);
  EXPECT_EQ(c->text, "note of 3");
}

TEST_F(LabCaption, StaysUntilTheNextNotedEntryReplacesIt) {
  for (uint64_t seq = 1; seq <= at35_ + 5; ++seq) {
    ASSERT_TRUE(lab_.Step());
    const int expected = seq < at3_ ? -1 : seq < at20_ ? 3 : seq < at35_ ? 20 : 35;
    ASSERT_EQ(Showing(), expected) << "after delivery " << seq;
  }
  lab_.RunToEnd();
  EXPECT_EQ(lab_.CurrentCaption()->seq, at35_);
}

TEST_F(LabCaption, StepBackAndSeekBeforeItHideIt) {
  ASSERT_TRUE(lab_.Seek(at20_));
  EXPECT_EQ(Showing(), 20);
  ASSERT_TRUE(lab_.StepBack());
  EXPECT_EQ(Showing(), 3);
  EXPECT_EQ(lab_.CurrentCaption()->seq, at3_);
  ASSERT_TRUE(lab_.Seek(at3_ - 1));  // back across checkpoints
  EXPECT_FALSE(lab_.CurrentCaption());
  ASSERT_TRUE(lab_.Seek(at35_ + 1));  // forward again
  EXPECT_EQ(Showing(), 35);
  ASSERT_TRUE(lab_.Seek(at20_ + 1));
  EXPECT_EQ(Showing(), 20);
  ASSERT_TRUE(lab_.Seek(0));
  EXPECT_FALSE(lab_.CurrentCaption());
}

TEST_F(LabCaption, FollowsAResetWithAnotherSeed) {
  lab_.RunToEnd();
  lab_.Reset(77);
  EXPECT_FALSE(lab_.CurrentCaption());
  lab_.RunToEnd();
  const auto c = lab_.CurrentCaption();
  ASSERT_TRUE(c);
  EXPECT_EQ(c->script, 35u);
  EXPECT_EQ(c->seq, CallSeq(lab_, 35));  // the seq of this run, not of the first one
}

TEST_F(LabCaption, FollowsALoad) {
  ASSERT_TRUE(lab_.Seek(at20_));
  ASSERT_TRUE(lab_.Load(R"({"version": 1, "resources": {"c": {"kind": "client"}, "q": {"kind": "queue"}},
    "script": [{"at": "1s", "client": "c", "call": "queue.send", "with": {"queue": "q", "body": "x"}, "note": "other"}]})")
                  .empty());
  EXPECT_FALSE(lab_.CurrentCaption());
  lab_.Step();
  ASSERT_TRUE(lab_.CurrentCaption());
  EXPECT_EQ(lab_.CurrentCaption()->text, "other");
  EXPECT_EQ(lab_.CurrentCaption()->seq, 1u);
}

TEST_F(LabCaption, ACallSentFromThePageIsNoNotedEntry) {
  // Its client.call carries no "step"; the client reads that as entry 0, but no caption may.
  ASSERT_TRUE(lab_.Load(R"({"version": 1, "resources": {"c": {"kind": "client"}, "q": {"kind": "queue"}},
    "script": [{"at": "5s", "client": "c", "call": "queue.send", "with": {"queue": "q", "body": "x"}, "note": "at 5 s"}]})")
                  .empty());
  ASSERT_TRUE(lab_.Send("client:c", "queue.send", {{"queue", "q"}, {"body", "from the page"}}).contains("ok"));
  const auto first = lab_.Step();
  ASSERT_TRUE(first && first->event.kind == "client.call");
  EXPECT_FALSE(lab_.CurrentCaption());
  lab_.RunToEnd();
  ASSERT_TRUE(lab_.CurrentCaption());
  EXPECT_EQ(lab_.CurrentCaption()->text, "at 5 s");
}

TEST_F(LabCaption, NotesListsEverySeqOfTheWholeRunAndKeepsThePosition) {
  ASSERT_TRUE(lab_.Seek(at3_));
  const auto state = lab_.State();
  const std::vector<Caption> notes = lab_.Notes();
  EXPECT_EQ(lab_.State(), state);
  EXPECT_EQ(Showing(), 3);
  ASSERT_EQ(notes.size(), 3u);
  EXPECT_EQ(notes[0].script, 3u);
  EXPECT_EQ(notes[0].seq, at3_);
  EXPECT_EQ(notes[1].seq, at20_);
  EXPECT_EQ(notes[2].seq, at35_);
  EXPECT_EQ(notes[2].text, "note of 35");
}

TEST_F(LabCaption, NotesOfEntriesPastTheEventLimitHaveSeqZero) {
  std::string text = NotedScenario();
  text.insert(text.find("\"resources\""), "\"limits\": {\"max_events\": " + std::to_string(at20_) + "}, ");
  ASSERT_TRUE(lab_.Load(text).empty());
  const std::vector<Caption> notes = lab_.Notes();
  ASSERT_EQ(notes.size(), 3u);
  EXPECT_EQ(notes[0].seq, at3_);
  EXPECT_EQ(notes[1].seq, at20_);
  EXPECT_EQ(notes[2].seq, 0u);
}

}  // namespace
}  // namespace eventlab::api
