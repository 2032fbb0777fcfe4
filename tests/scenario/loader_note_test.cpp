// Script notes: the loader keeps a valid note beside the world (never in it) and refuses a bad one
// with its JSON path.
#include <gtest/gtest.h>

#include <string>

#include "scenario/loader.h"

namespace eventlab::scenario {
namespace {

using core::Json;

Json WithScript(const Json& script) {
  return Json{{"version", 1},
              {"resources", {{"alice", {{"kind", "client"}}}, {"jobs", {{"kind", "queue"}}}}},
              {"script", script}};
}

Json Send(const char* at) {
  return Json{{"at", at}, {"client", "alice"}, {"call", "queue.send"}, {"with", {{"queue", "jobs"}, {"body", "hi"}}}};
}

/// The errors of loading `doc`, one "path: message" per line.
std::string Errors(const Json& doc) {
  std::string all;
  for (const LoadError& e : LoadScenarioJson(doc).errors) all += e.Text() + "\n";
  return all;
}

TEST(LoaderNote, KeepsNotesInScriptOrderWithTheirIndex) {
  Json script = Json::array({Send("0s"), Send("1s"), Send("2s")});
  script[0]["note"] = "first";
  script[2]["note"] = "third";
  LoadResult r = LoadScenarioJson(WithScript(script));
  ASSERT_TRUE(r.ok()) << Errors(WithScript(script));
  ASSERT_EQ(r.scenario->notes.size(), 2u);
  EXPECT_EQ(r.scenario->notes[0].script, 0u);
  EXPECT_EQ(r.scenario->notes[0].text, "first");
  EXPECT_EQ(r.scenario->notes[1].script, 2u);
  EXPECT_EQ(r.scenario->notes[1].text, "third");
  EXPECT_EQ(r.scenario->world->script.size(), 3u);
}

TEST(LoaderNote, WithoutNotesThereAreNone) {
  LoadResult r = LoadScenarioJson(WithScript(Json::array({Send("0s")})));
  ASSERT_TRUE(r.ok());
  EXPECT_TRUE(r.scenario->notes.empty());
}

TEST(LoaderNote, RefusesAWrongTypeWithItsPath) {
  for (const Json& bad : {Json(7), Json(nullptr), Json::array({"a"}), Json{{"text", "a"}}, Json(true)}) {
    Json script = Json::array({Send("0s"), Send("1s"), Send("2s")});
    script[2]["note"] = bad;
    const std::string errors = Errors(WithScript(script));
    EXPECT_NE(errors.find("/script/2/note: expected a string"), std::string::npos) << bad.dump() << "\n" << errors;
  }
}

TEST(LoaderNote, RefusesAnEmptyOrBlankNote) {
  for (const char* bad : {"", "   ", "\n\t"}) {
    Json script = Json::array({Send("0s"), Send("1s")});
    script[1]["note"] = bad;
    const std::string errors = Errors(WithScript(script));
    EXPECT_NE(errors.find("/script/1/note: a note needs some text"), std::string::npos) << errors;
  }
}

TEST(LoaderNote, CapsTheLengthInCharactersNotBytes) {
  Json script = Json::array({Send("0s")});
  script[0]["note"] = std::string(kMaxNoteChars, 'x');
  EXPECT_TRUE(LoadScenarioJson(WithScript(script)).ok());
  std::string accents;
  for (size_t i = 0; i < kMaxNoteChars; ++i) accents += "\xC3\xA9";  // é: two bytes, one character
  script[0]["note"] = accents;
  EXPECT_TRUE(LoadScenarioJson(WithScript(script)).ok()) << Errors(WithScript(script));
  script[0]["note"] = std::string(kMaxNoteChars + 1, 'x');
  const std::string errors = Errors(WithScript(script));
  EXPECT_NE(errors.find("/script/0/note: a note is at most 600 characters, got 601"), std::string::npos) << errors;
}

TEST(LoaderNote, UnknownKeysListNote) {
  Json script = Json::array({Send("0s")});
  script[0]["notes"] = "typo";
  const std::string errors = Errors(WithScript(script));
  EXPECT_NE(errors.find("/script/0/notes: unknown key (expected one of: as, at, call, client, note, with)"),
            std::string::npos)
      << errors;
}

TEST(LoaderNote, ABadNoteLoadsNothing) {
  Json script = Json::array({Send("0s")});
  script[0]["note"] = 1;
  EXPECT_FALSE(LoadScenarioJson(WithScript(script)).ok());
}

}  // namespace
}  // namespace eventlab::scenario
