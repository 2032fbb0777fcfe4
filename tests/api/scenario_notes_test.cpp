// The shipped scenarios tell their story in notes: each has at least three, and every note shows
// as the caption at some step of the scenario's run (a note on an entry that is never delivered
// would never be seen).
#include <gtest/gtest.h>

#include <set>
#include <string>
#include <vector>

#include "api/lab.h"
#include "support/run_scenario.h"

namespace eventlab::api {
namespace {

/// The scenarios listed in tests/golden/SCENARIOS: every file of web/scenarios/.
std::vector<std::string> ShippedScenarios() {
  const std::string index = testing::ReadSourceFile("tests/golden/SCENARIOS");
  std::vector<std::string> names;
  size_t start = 0;
  while (start < index.size()) {
    size_t end = index.find('\n', start);
    if (end == std::string::npos) end = index.size();
    if (end > start) names.push_back(index.substr(start, end - start));
    start = end + 1;
  }
  return names;
}

TEST(ScenarioNotes, EveryShippedScenarioHasAtLeastThree) {
  const std::vector<std::string> names = ShippedScenarios();
  ASSERT_GE(names.size(), 10u);
  for (const std::string& name : names) {
    Lab lab;
    ASSERT_TRUE(lab.Load(testing::ReadSourceFile("web/scenarios/" + name + ".json")).empty()) << name;
    EXPECT_GE(lab.Scenario()->notes.size(), 3u) << name;
  }
}

TEST(ScenarioNotes, EveryNoteShowsAtSomeStepOfTheRun) {
  for (const std::string& name : ShippedScenarios()) {
    Lab lab;
    ASSERT_TRUE(lab.Load(testing::ReadSourceFile("web/scenarios/" + name + ".json")).empty()) << name;
    std::set<uint32_t> shown;
    while (lab.CanStep()) {
      const auto record = lab.Step();
      ASSERT_TRUE(record) << name;
      if (const auto c = lab.CurrentCaption(); c && c->seq == record->seq) {
        // It appears exactly at the delivery of its entry's client.call.
        EXPECT_EQ(record->event.kind, "client.call") << name;
        EXPECT_EQ(record->event.payload.value("step", uint32_t{9999}), c->script) << name;
        shown.insert(c->script);
      }
    }
    for (const scenario::ScriptNote& note : lab.Scenario()->notes) {
      EXPECT_TRUE(shown.count(note.script)) << name << ": the note of /script/" << note.script << " never shows";
    }
    for (const Caption& c : lab.Notes()) EXPECT_GT(c.seq, 0u) << name << ": /script/" << c.script;
  }
}

}  // namespace
}  // namespace eventlab::api
