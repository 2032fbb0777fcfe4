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

void Assign(Json& vars, const std::string& name, Json value) {
  static const std::string kContainer = "container.";
  if (name.rfind(kContainer, 0) == 0) {
    vars["container"][name.substr(kContainer.size())] = std::move(value);
  } else {
    vars[name] = std::move(value);
  }
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
        x.logs.push_back(v.value().is_string() ? v.value().get<std::string>() : core::DumpText(v.value()));
        break;
      }
      case StepType::kSet:
        for (auto it = s.with.begin(); it != s.with.end(); ++it) {
          auto v = Render(it.value(), scope);
          if (!v.ok()) return Failed(v.error());
          Assign(x.vars, it.key(), std::move(v.value()));
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
        x.vars[s.as] = items.value()[0];
        x.frames.push_back(Frame{&s.body, 0, true, std::move(items.value()), 0, s.as});
        break;
      }
      case StepType::kReturn: {
        auto v = Render(s.with, scope);
        if (!v.ok()) return Failed(v.error());
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
  return Run(x, scope);
}

Outcome ResumeExecution(Execution& x, const core::Result<Json>& reply, TemplateScope& scope) {
  const Step* s = x.waiting;
  x.waiting = nullptr;
  if (!s) return Failed({"Runtime.InternalError", "a reply arrived for no pending call", 500});
  if (reply.ok()) {
    if (!s->as.empty()) x.vars[s->as] = reply.value();
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
