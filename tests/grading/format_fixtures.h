// Test support for the grader's result formats: reads the records and the expected outputs in
// tests/grading/fixtures/, which were written by hand from each platform's documentation.
#pragma once

#include <gtest/gtest.h>

#include <cstdio>
#include <string>

#include "grading/formats.h"

#ifndef EVENTLAB_SOURCE_DIR
#define EVENTLAB_SOURCE_DIR "."  // standalone builds run from the repository root
#endif

namespace eventlab::grading::testing {

inline std::string ReadFixture(const std::string& name) {
  const std::string path = std::string(EVENTLAB_SOURCE_DIR) + "/tests/grading/fixtures/" + name;
  std::string text;
  if (FILE* f = std::fopen(path.c_str(), "rb")) {
    char buf[4096];
    size_t n;
    while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) text.append(buf, n);
    std::fclose(f);
  } else {
    ADD_FAILURE() << "cannot read " << path;
  }
  return text;
}

inline Json ReadJsonFixture(const std::string& name) {
  Json j = Json::parse(ReadFixture(name), nullptr, false);
  EXPECT_FALSE(j.is_discarded()) << name << " is not JSON";
  return j;
}

inline Json GradedRecord() { return ReadJsonFixture("record-graded.json"); }
inline Json ErrorRecord() { return ReadJsonFixture("record-error.json"); }

/// Parses a JSON format's output, failing the test if it is not JSON or lacks the final newline.
inline Json ParseOutput(const std::string& out) {
  EXPECT_FALSE(out.empty());
  if (!out.empty()) {
    EXPECT_EQ(out.back(), '\n');
  }
  Json j = Json::parse(out, nullptr, false);
  EXPECT_FALSE(j.is_discarded()) << "not JSON:\n" << out;
  return j;
}

}  // namespace eventlab::grading::testing
