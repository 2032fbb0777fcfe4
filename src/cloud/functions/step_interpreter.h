// Runs handler steps until the handler returns, fails, or makes a call that must wait for a reply.
// The execution is plain data, so a snapshot of the simulation copies it mid-handler.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "cloud/functions/step.h"
#include "cloud/functions/template.h"
#include "core/result.h"

namespace eventlab::cloud::functions {

/// One level of nested steps: the handler, an if branch, a loop body or a catch block.
struct Frame {
  const std::vector<Step>* steps = nullptr;  ///< points into the loaded scenario, which outlives runs
  size_t next = 0;                           ///< index of the next step to run
  bool loop = false;                         ///< a for_each body: repeats for each item
  Json items;                                ///< for_each: the array being walked
  size_t index = 0;                          ///< for_each: current item
  std::string item_name;                     ///< for_each: variable bound to the item
  uint64_t items_bytes = 0;                  ///< for_each: memory the items hold, freed with the frame
};

/// A handler run in progress.
struct Execution {
  std::vector<Frame> frames;
  Json vars = Json::object();   ///< event, context, env, container, step results, loop items, error
  const Step* waiting = nullptr;  ///< the call step whose reply is awaited
  core::SimTime elapsed;          ///< CPU time spent since the handler last resumed ("work" steps)
  uint64_t steps_run = 0;
  std::vector<std::string> logs;  ///< lines written by "log" steps, oldest first
  uint64_t held_bytes = 0;        ///< memory the values in `vars` and loop frames hold (core::Measure)
  uint64_t log_bytes = 0;         ///< bytes of `logs`
};

/// Why the interpreter stopped.
struct Outcome {
  enum class Kind { kCall, kReturned, kFailed } kind = Kind::kReturned;
  std::string action;  ///< kCall: action name
  Json args;           ///< kCall: rendered arguments
  core::SimTime cache_ttl;  ///< kCall: the step's "cache" TTL, zero when the result is not cached
  Json value;          ///< kReturned: the handler's result (null if it ran off the end)
  core::Error error;   ///< kFailed
};

/// A bound on steps per invocation: for_each over big arrays is fine, runaway is not.
inline constexpr uint64_t kMaxStepsPerInvocation = 100000;
/// The largest log line: CloudWatch Logs' largest log event, 1 MB (PutLogEvents API reference,
/// "Each log event can be no larger than 1 MB"). A longer line is cut there.
inline constexpr uint64_t kMaxLogLineBytes = 1ULL << 20;
/// Log output one invocation keeps; the simulator holds logs in memory, so lines past this are
/// dropped with a note (a simulator limit: Lambda itself streams logs out).
inline constexpr uint64_t kMaxLogBytesPerInvocation = 8ULL << 20;

/// Starts `handler` with `vars` (event, context, env, container already set).
Outcome StartExecution(Execution& x, const std::vector<Step>& handler, TemplateScope& scope);

/// Feeds the awaited call's reply into the execution and runs on. The caller resets `elapsed`
/// when the reply arrives as a later event; a refusal before sending keeps the work done so far.
Outcome ResumeExecution(Execution& x, const core::Result<Json>& reply, TemplateScope& scope);

}  // namespace eventlab::cloud::functions
