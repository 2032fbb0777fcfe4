// Embind over the api::Lab facade: free functions on integer lab ids (bindings/lab_registry.h).
// Every function returns JSON text, {"ok": value} or {"error": {"code", "path", "message",
// "problems"}}, and catches everything: no C++ exception crosses into JS, and a failed call leaves
// the lab as it was. web/eventlab.mjs turns this into the documented API (web/docs/js-api.md).
#include <emscripten/bind.h>
#include <emscripten/val.h>

#include <algorithm>
#include <cmath>
#include <exception>
#include <optional>
#include <string>

#include "api/lab.h"
#include "bindings/lab_registry.h"
#include "core/trace.h"
#include "core/json_bounds.h"
#include "grading/formats.h"
#include "grading/grader.h"

namespace eventlab::bindings {
namespace {

using core::Json;
using emscripten::val;

// Number.MAX_SAFE_INTEGER: the largest integer a JS number holds exactly.
constexpr double kMaxSafeInteger = 9007199254740991.0;
constexpr double kMaxSeed = 4294967295.0;

/// An error as JS receives it. `path` names the argument ("seed") or, for a scenario, the JSON
/// pointer of the first problem; `problems` lists every scenario problem.
struct ApiError {
  std::string code;
  std::string path;
  std::string message;
  Json problems = Json::array();
};

// Output strings may hold bytes from the scenario: never throw on invalid UTF-8, replace it.
std::string Dump(const Json& j) { return j.dump(-1, ' ', false, Json::error_handler_t::replace); }

std::string Ok(const std::string& json_value) { return "{\"ok\":" + json_value + "}"; }

std::string Fail(const ApiError& e) {
  Json err = {{"code", e.code}, {"path", e.path}, {"message", e.message}, {"problems", e.problems}};
  return Dump(Json{{"error", std::move(err)}});
}

// How JS would print `v`, for messages ("got -1", "got NaN", "got \"abc\""): at most 200 bytes of
// a string, and nothing of an object is called (its toString() may throw).
std::string JsText(const val& v) {
  if (v.isString()) return "\"" + core::SnippetText(v.as<std::string>(), 200) + "\"";
  if (v.isNumber() || v.isTrue() || v.isFalse() || v.isNull() || v.isUndefined()) return val::global("String")(v).as<std::string>();
  return "a(n) " + v.typeOf().as<std::string>();
}

/// Reads a JS integer argument in [lo, hi]. Returns nullopt with `*err` set when `v` is not one.
std::optional<double> IntegerArg(const val& v, const char* name, double lo, double hi, ApiError* err) {
  const std::string field = name;
  if (!v.isNumber()) {
    *err = {"InvalidArgument", field,
            field + " must be a number, got " + v.typeOf().as<std::string>() +
                (v.isString() || v.isTrue() || v.isFalse() ? " " + JsText(v) : "")};
    return std::nullopt;
  }
  const double d = v.as<double>();
  if (!std::isfinite(d) || std::floor(d) != d || d < lo || d > hi) {
    *err = {"InvalidArgument", field,
            field + " must be an integer from " + JsText(val(lo)) + " to " + JsText(val(hi)) + ", got " + JsText(v)};
    return std::nullopt;
  }
  return d;
}

/// Runs `body` on the lab `id`, turning a missing lab or any exception into an error value.
template <typename Body>
std::string WithLab(uint32_t id, Body&& body) {
  try {
    api::Lab* lab = ModuleLabs().Find(id);
    if (!lab) return Fail({"UnknownLab", "id", "no lab with id " + std::to_string(id) + " (disposed?)"});
    return body(*lab);
  } catch (const std::exception& e) {
    return Fail({"Internal", "", std::string("internal error: ") + e.what()});
  } catch (...) {
    return Fail({"Internal", "", "internal error"});
  }
}

std::string NotLoaded(const char* call) {
  return Fail({"NotLoaded", "", std::string(call) + "() needs a scenario: call load() first"});
}

/// The scenario's limits.max_events: the end of a run, as `eventlab run` stops there too.
uint64_t EventLimit(const api::Lab& lab) { return lab.Scenario()->world->env.limits.max_events; }

uint64_t RemainingEvents(const api::Lab& lab) {
  const uint64_t limit = EventLimit(lab);
  return lab.Delivered() < limit ? limit - lab.Delivered() : 0;
}

// --- the exported functions, in web/docs/js-api.md order --------------------------------------

uint32_t LabCreate() { return ModuleLabs().Create(); }

std::string LabDispose(uint32_t id) {
  return WithLab(id, [&](api::Lab&) { return Ok(ModuleLabs().Dispose(id) ? "true" : "false"); });
}

std::string LabLoad(uint32_t id, val text) {
  return WithLab(id, [&](api::Lab& lab) {
    if (!text.isString()) {
      return Fail({"InvalidArgument", "scenario",
                   "scenario must be JSON text or an object, got " + text.typeOf().as<std::string>()});
    }
    const std::string json_text = text.as<std::string>();
    // Tell "not JSON at all" apart from "JSON, but not a valid scenario" (parse is non-throwing).
    const bool is_json = !core::ParseBounded(json_text).is_discarded();
    const std::vector<scenario::LoadError> errors = lab.Load(json_text);
    if (!errors.empty()) {
      ApiError e{is_json ? "InvalidScenario" : "InvalidJson", errors.front().path, ""};
      for (const auto& p : errors) e.problems.push_back({{"path", p.path}, {"message", p.message}});
      // "not valid JSON: at line L, column C: ..." needs no path; scenario problems do.
      e.message = !is_json             ? errors.front().message
                  : errors.size() == 1 ? errors.front().Text()
                                       : std::to_string(errors.size()) + " problems, first: " + errors.front().Text();
      return Fail(e);
    }
    const auto& s = *lab.Scenario();
    return Ok(Dump({{"title", s.title}, {"description", s.description}, {"seed", s.seed}}));
  });
}

std::string LabReset(uint32_t id, val seed) {
  return WithLab(id, [&](api::Lab& lab) {
    if (!lab.Loaded()) return NotLoaded("reset");
    std::optional<uint32_t> new_seed;
    if (!seed.isUndefined()) {
      ApiError err;
      auto v = IntegerArg(seed, "seed", 0, kMaxSeed, &err);
      if (!v) return Fail(err);
      new_seed = static_cast<uint32_t>(*v);
    }
    lab.Reset(new_seed);
    return Ok(Dump({{"seed", lab.Seed()}, {"time_us", lab.NowUs()}}));
  });
}

std::string LabStep(uint32_t id) {
  return WithLab(id, [&](api::Lab& lab) {
    // A run ends at limits.max_events even with events pending, exactly as `eventlab run` does.
    if (!lab.Loaded()) return Ok("null");
    auto record = lab.CanStep() ? lab.Step() : std::nullopt;
    if (record) return Ok(core::TraceLine(*record));
    // A delivery that failed inside the simulator is an error, every time it is asked for; the
    // other ends of a run (nothing pending, a limit) are null, with state().stopped saying which.
    auto stop = lab.Stopped();
    if (stop && stop->code == "InternalFailure") return Fail({"InternalFailure", "", stop->message});
    return Ok("null");
  });
}

std::string LabStepBack(uint32_t id) {
  return WithLab(id, [&](api::Lab& lab) { return Ok(lab.StepBack() ? "true" : "false"); });
}

std::string LabSeek(uint32_t id, val seq) {
  return WithLab(id, [&](api::Lab& lab) {
    ApiError err;
    auto v = IntegerArg(seq, "seq", 0, kMaxSafeInteger, &err);
    if (!v) return Fail(err);
    if (!lab.Loaded()) return NotLoaded("seek");
    const auto target = static_cast<uint64_t>(*v);
    if (target > EventLimit(lab)) {
      return Fail({"SeekBeyondEnd", "seq",
                   "seq " + std::to_string(target) + " is beyond the run: it stops at limits.max_events (" +
                       std::to_string(EventLimit(lab)) + ")"});
    }
    if (!lab.Seek(target)) {
      return Fail({"SeekBeyondEnd", "seq",
                   "seq " + std::to_string(target) + " is beyond the run: it ends before that delivery"});
    }
    return Ok(std::to_string(lab.Delivered()));
  });
}

std::string LabRunUntil(uint32_t id, val time_us, val max_events) {
  return WithLab(id, [&](api::Lab& lab) {
    ApiError err;
    auto until = IntegerArg(time_us, "timeUs", 0, kMaxSafeInteger, &err);
    if (!until) return Fail(err);
    std::optional<double> cap;
    if (!max_events.isUndefined()) {
      cap = IntegerArg(max_events, "maxEvents", 0, kMaxSafeInteger, &err);
      if (!cap) return Fail(err);
    }
    if (!lab.Loaded()) return Ok("0");
    uint64_t n = RemainingEvents(lab);
    if (cap) n = std::min(n, static_cast<uint64_t>(*cap));
    return Ok(std::to_string(lab.RunUntil(static_cast<int64_t>(*until), n)));
  });
}

std::string LabSeed(uint32_t id) {
  return WithLab(id, [&](api::Lab& lab) { return Ok(std::to_string(lab.Seed())); });
}

std::string LabRunLength(uint32_t id) {
  return WithLab(id, [&](api::Lab& lab) { return Ok(std::to_string(lab.RunLength())); });
}

std::string LabWhy(uint32_t id, val seq) {
  return WithLab(id, [&](api::Lab& lab) {
    ApiError err;
    auto v = IntegerArg(seq, "seq", 1, kMaxSafeInteger, &err);
    if (!v) return Fail(err);
    if (!lab.Loaded()) return NotLoaded("why");
    const auto target = static_cast<uint64_t>(*v);
    if (target > lab.Delivered()) {
      return Fail({"NotDelivered", "seq", "seq " + std::to_string(target) + " has not been delivered (delivered: " +
                                              std::to_string(lab.Delivered()) + ")"});
    }
    return Ok(Dump(Json(lab.Why(target))));
  });
}

std::string LabSend(uint32_t id, val client, val action, val args_text) {
  return WithLab(id, [&](api::Lab& lab) {
    if (!client.isString()) return Fail({"InvalidArgument", "client", "client must be an address such as \"client:page\""});
    if (!action.isString()) return Fail({"InvalidArgument", "action", "action must be a string such as \"queue.send\""});
    if (!args_text.isString()) return Fail({"InvalidArgument", "args", "args must be an object"});
    const Json args = core::ParseBounded(args_text.as<std::string>());
    if (args.is_discarded() || !args.is_object()) return Fail({"InvalidArgument", "args", "args must be an object"});
    if (!lab.Loaded()) return NotLoaded("send");
    const Json out = lab.Send(client.as<std::string>(), action.as<std::string>(), args);
    if (out.contains("error")) {
      return Fail({out["error"].value("code", std::string("Error")), "", out["error"].value("message", std::string())});
    }
    return Ok(Dump(out["ok"]));
  });
}

Json CaptionJson(const api::Caption& c) { return {{"seq", c.seq}, {"script", c.script}, {"text", c.text}}; }

std::string LabCaption(uint32_t id) {
  // Asked every frame: null, like the other reads, when nothing is loaded or no note shows yet.
  return WithLab(id, [&](api::Lab& lab) {
    const std::optional<api::Caption> caption = lab.CurrentCaption();
    return Ok(caption ? Dump(CaptionJson(*caption)) : "null");
  });
}

std::string LabNotes(uint32_t id) {
  return WithLab(id, [&](api::Lab& lab) {
    Json notes = Json::array();
    for (const api::Caption& c : lab.Notes()) notes.push_back(CaptionJson(c));
    return Ok(Dump(notes));
  });
}

std::string LabArchitecture(uint32_t id) {
  return WithLab(id, [&](api::Lab& lab) {
    if (!lab.Loaded()) return NotLoaded("architecture");
    return Ok(Dump(lab.Architecture().ToJson()));
  });
}

std::string LabNow(uint32_t id) {
  return WithLab(id, [&](api::Lab& lab) { return Ok(std::to_string(lab.NowUs())); });
}

std::string LabDelivered(uint32_t id) {
  return WithLab(id, [&](api::Lab& lab) { return Ok(std::to_string(lab.Delivered())); });
}

std::string LabPending(uint32_t id) {
  return WithLab(id, [&](api::Lab& lab) {
    std::string out = "[";
    for (const core::Event& e : lab.Pending()) {
      if (out.size() > 1) out += ",";
      out += Dump(api::PendingJson(e));
    }
    return Ok(out + "]");
  });
}

std::string LabTrace(uint32_t id, val from_seq, val to_seq) {
  return WithLab(id, [&](api::Lab& lab) {
    ApiError err;
    double from = 1, to = kMaxSafeInteger;
    if (!from_seq.isUndefined()) {
      auto v = IntegerArg(from_seq, "fromSeq", 0, kMaxSafeInteger, &err);
      if (!v) return Fail(err);
      from = *v;
    }
    if (!to_seq.isUndefined()) {
      auto v = IntegerArg(to_seq, "toSeq", 0, kMaxSafeInteger, &err);
      if (!v) return Fail(err);
      to = *v;
    }
    // The same bytes per record as the JSON Lines trace, so JS objects have the same fields.
    std::string out = "[";
    for (const core::TraceRecord& r : lab.Trace()) {
      if (r.seq < from) continue;
      if (r.seq > to) break;
      if (out.size() > 1) out += ",";
      out += core::TraceLine(r);
    }
    return Ok(out + "]");
  });
}

std::string LabTraceJsonl(uint32_t id) {
  return WithLab(id, [&](api::Lab& lab) { return Ok(Dump(core::TraceJsonLines(lab.Trace()))); });
}

std::string LabState(uint32_t id) {
  return WithLab(id, [&](api::Lab& lab) {
    Json s = lab.State();
    s["hit_event_limit"] = lab.HitEventLimit();
    const auto stop = lab.Stopped();
    s["stopped"] = stop ? Json{{"code", stop->code}, {"message", stop->message}} : Json(nullptr);
    return Ok(Dump(s));
  });
}

/// lab.grade(): the grade record in `format` ("json": the bytes `eventlab grade --format json`
/// prints). `submission`, `learner` and `scenario` (the text of a scenario the exercise names by
/// file) may be null. Grading runs labs of its own; the lab `id` is left as it was.
std::string LabGrade(uint32_t id, val exercise, val submission, val learner, val scenario, val format) {
  return WithLab(id, [&](api::Lab&) {
    struct Arg {
      const val* value;
      const char* name;
      bool nullable;
    };
    const Arg args[] = {{&exercise, "exercise", false}, {&submission, "submission", true}, {&learner, "learner", true},
                        {&scenario, "scenario", true}, {&format, "format", false}};
    for (const Arg& a : args) {
      if (a.value->isString() || (a.nullable && a.value->isNull())) continue;
      return Fail({"InvalidArgument", a.name, std::string(a.name) + " must be a string" + (a.nullable ? " or null" : "") +
                                                  ", got " + JsText(*a.value)});
    }
    auto out_format = grading::ParseOutputFormat(format.as<std::string>());
    if (!out_format)
      return Fail({"InvalidArgument", "format", "format must be one of " + grading::OutputFormatNames() + ", got " + JsText(format)});
    const std::string exercise_text = exercise.as<std::string>();
    std::optional<std::string> submission_text, learner_id, scenario_text;
    if (submission.isString()) submission_text = submission.as<std::string>();
    if (learner.isString()) learner_id = learner.as<std::string>();
    if (scenario.isString()) scenario_text = scenario.as<std::string>();
    grading::GradeRequest request{exercise_text, std::nullopt, learner_id,
                                  [&](const std::string&) { return scenario_text; }};
    if (submission_text) request.submission_text = *submission_text;
    Json record = grading::Grade(request);
    return Ok(Dump(grading::FormatRecord(record, *out_format)));
  });
}

}  // namespace
}  // namespace eventlab::bindings

EMSCRIPTEN_BINDINGS(eventlab) {
  using namespace eventlab::bindings;
  emscripten::function("labCreate", &LabCreate);
  emscripten::function("labDispose", &LabDispose);
  emscripten::function("labGrade", &LabGrade);
  emscripten::function("labLoad", &LabLoad);
  emscripten::function("labReset", &LabReset);
  emscripten::function("labStep", &LabStep);
  emscripten::function("labStepBack", &LabStepBack);
  emscripten::function("labSeek", &LabSeek);
  emscripten::function("labRunUntil", &LabRunUntil);
  emscripten::function("labNow", &LabNow);
  emscripten::function("labSeed", &LabSeed);
  emscripten::function("labRunLength", &LabRunLength);
  emscripten::function("labWhy", &LabWhy);
  emscripten::function("labCaption", &LabCaption);
  emscripten::function("labNotes", &LabNotes);
  emscripten::function("labArchitecture", &LabArchitecture);
  emscripten::function("labSend", &LabSend);
  emscripten::function("labDelivered", &LabDelivered);
  emscripten::function("labPending", &LabPending);
  emscripten::function("labTrace", &LabTrace);
  emscripten::function("labTraceJsonl", &LabTraceJsonl);
  emscripten::function("labState", &LabState);
}
