// `eventlab grade EXERCISE.json [SUBMISSION.json | DIR]`: grades a submission (or every .json in
// a folder) into one of the result formats course platforms read. Exit 0 all objectives pass,
// 1 some fail, 2 the exercise or a submission is invalid (or a usage error).
#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <iostream>

#include "cli/args.h"
#include "cli/commands.h"
#include "cli/exercise_files.h"
#include "grading/formats.h"
#include "grading/grader.h"

namespace eventlab::cli {
namespace {

namespace fs = std::filesystem;

constexpr const char* kUsage =
    "usage: eventlab grade EXERCISE.json [SUBMISSION.json | DIR] [--learner ID]\n"
    "                      [--format text|json|junit|gradescope|classroom|exercism|xapi] [--out FILE|DIR]\n"
    "\n"
    "Grades SUBMISSION (the learner's whole scenario, or a JSON merge patch on the exercise's\n"
    "start); without one, grades the start. DIR grades every *.json in it, each with its file name\n"
    "(without .json) as the learner id unless --learner is given, writing one result per file\n"
    "into --out DIR. Exit codes: 0 every objective passes, 1 some fail, 2 invalid exercise or\n"
    "submission (each problem named by its JSON pointer) or a usage error.\n";

constexpr int kExitInvalid = 2;

std::string Extension(grading::OutputFormat f) {
  switch (f) {
    case grading::OutputFormat::kText: return ".txt";
    case grading::OutputFormat::kJunit: return ".xml";
    case grading::OutputFormat::kClassroom: return ".env";
    default: return ".json";
  }
}

bool WriteFile(const std::string& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary);
  out << text;
  return static_cast<bool>(out);
}

struct Graded {
  std::string output;
  int exit_code;
};

Graded GradeOne(const std::string& exercise_text, const grading::FileReader& reader,
                const std::optional<std::string>& submission, const std::optional<std::string>& learner,
                grading::OutputFormat format) {
  auto start = std::chrono::steady_clock::now();
  grading::GradeRequest request{exercise_text, std::nullopt, learner, reader};
  if (submission) request.submission_text = *submission;
  grading::Json record = grading::Grade(request);
  grading::FormatOptions options;
  options.execution_time_s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return {grading::FormatRecord(record, format, options), grading::ExitCode(record)};
}

}  // namespace

int GradeCommand(const std::vector<std::string>& args) {
  ParsedArgs a = ParseArgs(args, {"--learner", "--format", "--out"});
  if (a.help) {
    std::cout << kUsage;
    return kExitOk;
  }
  if (a.error.empty() && (a.positional.empty() || a.positional.size() > 2)) a.error = "expected an exercise and at most one submission";
  auto format = grading::ParseOutputFormat(a.flags.count("--format") ? a.flags["--format"] : "text");
  if (a.error.empty() && !format) a.error = "unknown --format '" + a.flags["--format"] + "' (" + grading::OutputFormatNames() + ")";
  if (!a.error.empty()) {
    std::cerr << "eventlab grade: " << a.error << "\n\n" << kUsage;
    return kExitUsage;
  }
  const std::string exercise_path = a.positional[0];
  std::string exercise_text;
  if (!ReadFile(exercise_path, &exercise_text)) {
    std::cerr << "eventlab grade: cannot read " << exercise_path << "\n";
    return kExitInvalid;
  }
  grading::FileReader reader = ReaderBeside(exercise_path);
  std::optional<std::string> learner;
  if (a.flags.count("--learner")) learner = a.flags["--learner"];
  std::optional<std::string> out = a.flags.count("--out") ? std::optional(a.flags["--out"]) : std::nullopt;

  if (a.positional.size() == 2 && fs::is_directory(a.positional[1])) {
    if (!out && *format != grading::OutputFormat::kText) {
      std::cerr << "eventlab grade: a folder of submissions needs --out DIR for --format " << a.flags["--format"] << "\n";
      return kExitUsage;
    }
    std::vector<fs::path> files;
    for (const auto& entry : fs::directory_iterator(a.positional[1]))
      if (entry.is_regular_file() && entry.path().extension() == ".json") files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    if (out) fs::create_directories(*out);
    int worst = kExitOk;
    for (const fs::path& file : files) {
      std::string text;
      Graded g{"", kExitInvalid};
      if (ReadFile(file.string(), &text)) g = GradeOne(exercise_text, reader, text, learner ? learner : file.stem().string(), *format);
      else g.output = "cannot read " + file.string() + "\n";
      worst = std::max(worst, g.exit_code);
      if (out) {
        std::string target = (fs::path(*out) / (file.stem().string() + Extension(*format))).string();
        if (!WriteFile(target, g.output)) {
          std::cerr << "eventlab grade: cannot write " << target << "\n";
          return kExitInvalid;
        }
        std::cout << file.filename().string() << ": " << (g.exit_code == 0 ? "passed" : g.exit_code == 1 ? "failed" : "invalid")
                  << " -> " << target << "\n";
      } else {
        std::cout << "== " << file.filename().string() << "\n" << g.output;
      }
    }
    return worst;
  }

  std::optional<std::string> submission;
  if (a.positional.size() == 2) {
    std::string text;
    if (!ReadFile(a.positional[1], &text)) {
      std::cerr << "eventlab grade: cannot read " << a.positional[1] << "\n";
      return kExitInvalid;
    }
    submission = text;
  }
  Graded g = GradeOne(exercise_text, reader, submission, learner, *format);
  if (out) {
    if (!WriteFile(*out, g.output)) {
      std::cerr << "eventlab grade: cannot write " << *out << "\n";
      return kExitInvalid;
    }
  } else {
    std::cout << g.output;
  }
  return g.exit_code;
}

}  // namespace eventlab::cli
