// The interpreter is an explicit stack of frames rather than recursion, so that it can stop at a
// call, be copied into a snapshot, and resume when the reply event arrives.
#include "cloud/functions/step_interpreter.h"
#include "core/json_bounds.h"

#include "cloud/functions/condition.h"

namespace eventlab::cloud::functions {
namespace {

Outcome Failed(core::Error e) {
  Outcome o;
  o.kind = Outcome::Kind::kFailed;
  o.error = std::move(e);
  return o;
}

core::Error FailStepError(const Json& spec) {
  core::Error e{"Error", "", 500};
  if (spec.contains("code") && spec["code"].is_string()) e.code = spec["code"].get<std::string>();
  if (spec.contains("message")) e.message = spec["message"].is_string() ? spec["message"].get<std::string>() : core::DumpText(spec["message"]);
  if (spec.contains("status") && spec["status"].is_number_integer()) e.status = spec["status"].get<int>();
  return e;
}

// Binds `name` to `value` and keeps x.held_bytes in step: the old value's memory is freed, the
// new one's charged. False when the execution then holds more than its function's memory.
bool Bind(Execution& x, Json& scope, const std::string& key, Json value, uint64_t limit) {
  if (!scope.is_object()) scope = Json::object();
  auto old = scope.find(key);
  const uint64_t freed = old == scope.end() ? 0 : core::Measure(*old).bytes;
  x.held_bytes = x.held_bytes - std::min(freed, x.held_bytes) + core::Measure(value).bytes;
  scope[key] = std::move(value);
  return x.held_bytes <= limit;
}

// A set step's name: "container.key" writes the container's cache, anything else a variable.
bool Assign(Execution& x, const std::string& name, Json value, uint64_t limit) {
  static const std::string kContainer = "container.";
  if (name.rfind(kContainer, 0) == 0) return Bind(x, x.vars["container"], name.substr(kContainer.size()), std::move(value), limit);
  return Bind(x, x.vars, name, std::move(value), limit);
}

// A value the step builds but does not keep (a call's arguments, a return value) still has to fit
// beside what the execution holds.
bool Fits(const Execution& x, const Json& value, uint64_t limit) { return x.held_bytes + core::Measure(value).bytes <= limit; }

Outcome OutOfMemory(const Execution& x, uint64_t limit) { return Failed(OutOfMemoryError(x.held_bytes, limit)); }

// Appends a log line, cut at kMaxLogLineBytes, while the invocation's log output stays within
// kMaxLogBytesPerInvocation; the first line past it becomes a note that the rest is dropped.
void AppendLog(Execution& x, std::string line) {
  if (x.log_bytes > kMaxLogBytesPerInvocation) return;
  if (line.size() > kMaxLogLineBytes) line.resize(core::Utf8Boundary(line, kMaxLogLineBytes));
  x.log_bytes += line.size();
  if (x.log_bytes > kMaxLogBytesPerInvocation) {
    line = "[log output past " + std::to_string(kMaxLogBytesPerInvocation >> 20) + " MB in one invocation is dropped]";
  }
  x.logs.push_back(std::move(line));
}

// A work step's duration: the literal, or its template rendered to "80ms" or integer microseconds.
core::Result<core::SimTime> WorkDuration(const Step& s, TemplateScope& scope) {
  if (s.with.is_null()) return s.work;
  auto v = Render(s.with, scope);
  if (!v.ok()) return v.error();
  if (v.value().is_number_integer() && v.value().get<int64_t>() >= 0) return core::SimTime{v.value().get<int64_t>()};
  std::string why = "expected a duration string or non-negative integer microseconds";
  if (v.value().is_string()) {
    if (auto d = core::ParseDuration(v.value().get<std::string>(), &why)) return *d;
  }
  return core::Error{"Runtime.TemplateError", "work at " + s.path + ": " + why + ", got " + core::DumpText(v.value()), 500};
}

Outcome Run(Execution& x, TemplateScope& scope) {
  scope.vars = &x.vars;
  while (!x.frames.empty()) {
    Frame& f = x.frames.back();
    if (f.next >= f.steps->size()) {
      if (f.loop && f.index + 1 < f.items.size()) {
        ++f.index;
        f.next = 0;
        x.vars[f.item_name] = f.items[f.index];
      } else {
        x.held_bytes -= std::min(f.items_bytes, x.held_bytes);
        x.frames.pop_back();
      }
      continue;
    }
    const Step& s = (*f.steps)[f.next++];
    if (++x.steps_run > kMaxStepsPerInvocation) {
      return Failed({"Runtime.StepLimitExceeded", "more than 100000 steps in one invocation", 500});
    }
    switch (s.type) {
      case StepType::kWork: {
        auto work = WorkDuration(s, scope);
        if (!work.ok()) return Failed(work.error());
        x.elapsed += work.value();
        scope.now_epoch_us += work.value().us;
        break;
      }
      case StepType::kLog: {
        auto v = Render(s.with, scope);
        if (!v.ok()) return Failed(v.error());
        AppendLog(x, v.value().is_string() ? v.value().get<std::string>() : core::DumpText(v.value()));
        break;
      }
      case StepType::kSet:
        for (auto it = s.with.begin(); it != s.with.end(); ++it) {
          auto v = Render(it.value(), scope);
          if (!v.ok()) return Failed(v.error());
          if (!Assign(x, it.key(), std::move(v.value()), scope.max_value_bytes)) return OutOfMemory(x, scope.max_value_bytes);
        }
        break;
      case StepType::kIf: {
        auto c = EvaluateCondition(s.condition, scope);
        if (!c.ok()) return Failed(c.error());
        const std::vector<Step>& branch = c.value() ? s.then_steps : s.else_steps;
        if (!branch.empty()) x.frames.push_back(Frame{&branch});
        break;
      }
      case StepType::kForEach: {
        auto items = Render(s.items, scope);
        if (!items.ok()) return Failed(items.error());
        if (!items.value().is_array()) {
          return Failed({"Runtime.TemplateError", "for_each at " + s.path + " needs an array, got " + core::DumpText(items.value()), 500});
        }
        if (items.value().empty() || s.body.empty()) break;
        const uint64_t items_bytes = core::Measure(items.value()).bytes;
        x.held_bytes += items_bytes;
        if (x.held_bytes > scope.max_value_bytes) return OutOfMemory(x, scope.max_value_bytes);
        x.vars[s.as] = items.value()[0];
        x.frames.push_back(Frame{&s.body, 0, true, std::move(items.value()), 0, s.as, items_bytes});
        break;
      }
      case StepType::kReturn: {
        auto v = Render(s.with, scope);
        if (!v.ok()) return Failed(v.error());
        if (!Fits(x, v.value(), scope.max_value_bytes)) return Failed(OutOfMemoryError(x.held_bytes + core::Measure(v.value()).bytes, scope.max_value_bytes));
        x.frames.clear();
        Outcome o;
        o.value = std::move(v.value());
        return o;
      }
      case StepType::kFail: {
        auto v = Render(s.with, scope);
        if (!v.ok()) return Failed(v.error());
        return Failed(FailStepError(v.value()));
      }
      case StepType::kCall: {
        auto args = Render(s.with, scope);
        if (!args.ok()) return Failed(args.error());
        if (!Fits(x, args.value(), scope.max_value_bytes)) return Failed(OutOfMemoryError(x.held_bytes + core::Measure(args.value()).bytes, scope.max_value_bytes));
        x.waiting = &s;
        Outcome o;
        o.kind = Outcome::Kind::kCall;
        o.action = s.call;
        o.args = std::move(args.value());
        o.cache_ttl = s.cache_ttl;
        return o;
      }
    }
  }
  return Outcome{};  // ran off the end: returns null
}

}  // namespace

Outcome StartExecution(Execution& x, const std::vector<Step>& handler, TemplateScope& scope) {
  x.frames.clear();
  x.frames.push_back(Frame{&handler});
  x.held_bytes = core::Measure(x.vars).bytes;  // the event, context, env and container cache
  return Run(x, scope);
}

Outcome ResumeExecution(Execution& x, const core::Result<Json>& reply, TemplateScope& scope) {
  const Step* s = x.waiting;
  x.waiting = nullptr;
  if (!s) return Failed({"Runtime.InternalError", "a reply arrived for no pending call", 500});
  if (reply.ok()) {
    if (!s->as.empty() && !Bind(x, x.vars, s->as, reply.value(), scope.max_value_bytes)) return OutOfMemory(x, scope.max_value_bytes);
    return Run(x, scope);
  }
  const core::Error& e = reply.error();
  auto handler = s->catches.find(e.code);
  if (handler == s->catches.end()) handler = s->catches.find("*");
  if (handler == s->catches.end()) return Failed(e);
  x.vars["error"] = Json{{"code", e.code}, {"message", e.message}, {"status", e.status}};
  if (!s->as.empty()) x.vars[s->as] = nullptr;
  if (!handler->second.empty()) x.frames.push_back(Frame{&handler->second});
  return Run(x, scope);
}

}  // namespace eventlab::cloud::functions
