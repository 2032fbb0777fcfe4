// Loads exercise format v1, naming every problem by its JSON pointer in the exercise.
#include <set>

#include "cloud/functions/template.h"
#include "core/json_bounds.h"
#include "grading/exercise.h"
#include "grading/submission.h"
#include "grading/variants.h"
#include "scenario/loader.h"

namespace eventlab::grading {
namespace {

using scenario::CheckKeys;
using scenario::Child;
using scenario::LoadError;
using scenario::Problems;
using scenario::TypeName;

std::string ReadText(const Json& doc, const char* key, const std::string& path, Problems& p, bool required,
                     size_t max_bytes) {
  auto it = doc.find(key);
  if (it == doc.end()) {
    if (required) p.Add(path, std::string("missing \"") + key + "\"");
    return "";
  }
  if (!it->is_string()) {
    p.Add(Child(path, key), "expected a string, got " + TypeName(*it));
    return "";
  }
  const auto& s = it->get_ref<const std::string&>();
  if (required && s.empty()) p.Add(Child(path, key), "must not be empty");
  if (s.size() > max_bytes) p.Add(Child(path, key), "longer than " + std::to_string(max_bytes) + " bytes");
  return s;
}

void ReadSeeds(const Json& doc, uint32_t scenario_seed, Exercise& ex, Problems& p) {
  auto it = doc.find("seeds");
  if (it == doc.end()) {
    ex.seeds = {scenario_seed};
    return;
  }
  const std::string path = "/seeds";
  if (it->is_number_unsigned()) {
    uint64_t n = it->get<uint64_t>();
    if (n < 1 || n > kMaxSeeds) {
      p.Add(path, "from 1 to " + std::to_string(kMaxSeeds) + " seeds, got " + std::to_string(n));
      return;
    }
    for (uint64_t i = 0; i < n; ++i) ex.seeds.push_back(static_cast<uint32_t>(scenario_seed + i));
    return;
  }
  if (!it->is_array() || it->empty() || it->size() > kMaxSeeds) {
    p.Add(path, "expected a number of seeds (1 to " + std::to_string(kMaxSeeds) +
                    ") or a list of 1 to " + std::to_string(kMaxSeeds) + " seeds, got " + TypeName(*it));
    return;
  }
  std::set<uint32_t> seen;
  for (size_t i = 0; i < it->size(); ++i) {
    const Json& s = (*it)[i];
    if (!s.is_number_unsigned() || s.get<uint64_t>() > 4294967295ULL) {
      p.Add(Child(path, i), "a seed is an integer from 0 to 4294967295, got " + core::Snippet(s, 40));
      continue;
    }
    auto seed = static_cast<uint32_t>(s.get<uint64_t>());
    if (!seen.insert(seed).second) p.Add(Child(path, i), "seed " + std::to_string(seed) + " is listed twice");
    ex.seeds.push_back(seed);
  }
}

void ReadVariants(const Json& doc, Problems& p) {
  auto it = doc.find("variants");
  if (it == doc.end()) return;
  if (!it->is_object()) {
    p.Add("/variants", "expected an object of parameter names to lists of values, got " + TypeName(*it));
    return;
  }
  for (const auto& [name, values] : it->items()) {
    std::string path = Child("/variants", name);
    if (!scenario::IsVariableName(name)) p.Add(path, "a parameter name is a letter or '_' then letters, digits or '_'");
    if (!values.is_array() || values.empty()) p.Add(path, "expected a non-empty list of values, got " + TypeName(values));
  }
}

void ReadEditable(const Json& doc, const Json& scenario_doc, Exercise& ex, Problems& p) {
  auto it = doc.find("editable");
  if (it == doc.end()) {
    p.Add("", "missing \"editable\": the JSON pointers of the scenario the learner may change");
    return;
  }
  if (!it->is_array()) {
    p.Add("/editable", "expected an array of JSON pointers such as \"/resources/upload/handler\", got " + TypeName(*it));
    return;
  }
  for (size_t i = 0; i < it->size(); ++i) {
    const Json& e = (*it)[i];
    std::string path = Child("/editable", i);
    if (!e.is_string() || (!e.get_ref<const std::string&>().empty() && e.get_ref<const std::string&>()[0] != '/')) {
      p.Add(path, "expected a JSON pointer (RFC 6901) such as \"/resources/upload/handler\", got " + core::Snippet(e, 60));
      continue;
    }
    // The parent of an editable place must exist in the start, so a typo is caught here.
    std::string ptr = e.get<std::string>();
    std::string parent = ptr.substr(0, ptr.rfind('/') == std::string::npos ? 0 : ptr.rfind('/'));
    bool exists = false;
    try {
      exists = scenario_doc.contains(Json::json_pointer(parent));
    } catch (const Json::exception&) {
      p.Add(path, "not a valid JSON pointer: " + core::SnippetText(ptr, 80));
      continue;
    }
    if (!exists) p.Add(path, "the start scenario has nothing at " + (parent.empty() ? "/" : parent) + " to hold " + ptr);
    ex.editable.push_back(ptr);
  }
}

void ReadTasks(const Json& doc, Exercise& ex, Problems& p) {
  auto it = doc.find("tasks");
  if (it == doc.end()) return;
  if (!it->is_array()) {
    p.Add("/tasks", "expected an array of {id, title}, got " + TypeName(*it));
    return;
  }
  std::set<std::string> ids;
  for (size_t i = 0; i < it->size(); ++i) {
    const Json& t = (*it)[i];
    std::string path = Child("/tasks", i);
    if (!t.is_object()) {
      p.Add(path, "expected {id, title}, got " + TypeName(t));
      continue;
    }
    CheckKeys(t, path, {"id", "title"}, p);
    Task task{ReadText(t, "id", path, p, true, 64), ReadText(t, "title", path, p, true, 200)};
    if (!task.id.empty() && !scenario::IsResourceName(task.id)) p.Add(Child(path, "id"), "an id is 1 to 64 letters, digits, '_' or '-'");
    if (!ids.insert(task.id).second) p.Add(Child(path, "id"), "task \"" + task.id + "\" is listed twice");
    ex.tasks.push_back(task);
  }
}

void ReadObjective(const Json& o, const std::string& path, Exercise& ex, std::set<std::string>& ids, Problems& p) {
  if (!o.is_object()) {
    p.Add(path, "expected an objective object, got " + TypeName(o));
    return;
  }
  CheckKeys(o, path, {"id", "title", "task", "points", "check", "failure", "success", "hints"}, p);
  Objective obj;
  obj.id = ReadText(o, "id", path, p, true, 64);
  if (!obj.id.empty() && !scenario::IsResourceName(obj.id)) p.Add(Child(path, "id"), "an id is 1 to 64 letters, digits, '_' or '-'");
  if (!obj.id.empty() && !ids.insert(obj.id).second) p.Add(Child(path, "id"), "objective \"" + obj.id + "\" is listed twice");
  obj.title = ReadText(o, "title", path, p, true, 200);
  obj.task = ReadText(o, "task", path, p, false, 64);
  if (o.contains("task")) {
    bool known = false;
    for (const auto& t : ex.tasks) known = known || t.id == obj.task;
    if (!known) p.Add(Child(path, "task"), "no task \"" + obj.task + "\" in /tasks");
  }
  if (auto pts = scenario::ReadUnsigned(o, "points", path, p, 0, 1000, 1)) obj.points = static_cast<int64_t>(*pts);
  obj.failure = ReadText(o, "failure", path, p, false, 2000);
  obj.success = ReadText(o, "success", path, p, false, 2000);
  for (const char* key : {"failure", "success"}) {
    auto it = o.find(key);
    if (it == o.end() || !it->is_string()) continue;
    std::string why = cloud::functions::CheckTemplates(*it);
    if (!why.empty()) p.Add(Child(path, key), why);
  }
  if (auto h = o.find("hints"); h != o.end()) {
    if (!h->is_array() || h->size() > kMaxHints) p.Add(Child(path, "hints"), "expected an array of at most " + std::to_string(kMaxHints) + " strings");
    else
      for (size_t i = 0; i < h->size(); ++i) {
        if ((*h)[i].is_string() && !(*h)[i].get_ref<const std::string&>().empty()) obj.hints.push_back((*h)[i].get<std::string>());
        else p.Add(Child(Child(path, "hints"), i), "expected a non-empty string, got " + TypeName((*h)[i]));
      }
  }
  if (!o.contains("check")) p.Add(path, "missing \"check\"");
  else if (auto c = ParseCheck(o["check"], Child(path, "check"), p)) obj.check = std::move(*c);
  ex.objectives.push_back(std::move(obj));
}

void ReadObjectives(const Json& doc, Exercise& ex, Problems& p) {
  auto it = doc.find("objectives");
  if (it == doc.end() || !it->is_array() || it->empty() || it->size() > kMaxObjectives) {
    p.Add(it == doc.end() ? "" : "/objectives",
          "expected \"objectives\": an array of 1 to " + std::to_string(kMaxObjectives) + " objectives");
    return;
  }
  std::set<std::string> ids;
  for (size_t i = 0; i < it->size(); ++i) ReadObjective((*it)[i], Child("/objectives", i), ex, ids, p);
}

void Prefix(const std::vector<LoadError>& errors, const std::string& prefix, Problems& p, const std::string& what) {
  for (const auto& e : errors) p.Add(prefix + e.path, what + e.message);
}

// The start scenario: inline, or a file named relative to the exercise.
std::optional<Json> ReadScenario(const Json& doc, const FileReader& read_file, Problems& p) {
  auto it = doc.find("scenario");
  if (it == doc.end()) {
    p.Add("", "missing \"scenario\": the start scenario, inline or a file name");
    return std::nullopt;
  }
  if (it->is_object()) return *it;
  if (!it->is_string()) {
    p.Add("/scenario", "expected a scenario object or a file name, got " + TypeName(*it));
    return std::nullopt;
  }
  std::optional<std::string> text = read_file ? read_file(it->get<std::string>()) : std::nullopt;
  if (!text) {
    p.Add("/scenario", "cannot read \"" + core::SnippetText(it->get<std::string>(), 200) + "\"");
    return std::nullopt;
  }
  Json parsed = core::ParseBounded(*text);
  if (parsed.is_discarded()) {
    p.Add("/scenario", core::WhyNotJson(*text, "the scenario file"));
    return std::nullopt;
  }
  return parsed;
}

}  // namespace

bool LooksLikeExercise(const Json& doc) { return doc.is_object() && doc.contains("objectives"); }

ExerciseLoad LoadExercise(std::string_view text, const std::optional<std::string>& learner, const FileReader& read_file) {
  ExerciseLoad out;
  Problems p;
  Json doc = core::ParseBounded(text);
  if (doc.is_discarded()) {
    out.errors.push_back({"", core::WhyNotJson(text, "the exercise")});
    return out;
  }
  if (!doc.is_object()) {
    out.errors.push_back({"", "an exercise is a JSON object, got " + TypeName(doc)});
    return out;
  }
  CheckKeys(doc, "", {"$schema", "version", "id", "title", "brief", "scenario", "editable", "seeds", "variants",
                      "tasks", "objectives", "solution"},
            p);
  if (auto it = doc.find("$schema"); it != doc.end() && !it->is_string())
    p.Add("/$schema", "expected a string (the JSON Schema an editor uses), got " + TypeName(*it));
  if (!doc.contains("version")) p.Add("/version", "missing: this grader reads exercise version 1");
  else if (doc["version"] != 1) p.Add("/version", "unsupported version " + core::DumpText(doc["version"]) + " (this grader reads 1)");
  ReadVariants(doc, p);
  Exercise ex;
  ex.variant = DrawVariant(doc.value("variants", Json::object()), learner);
  doc.erase("variants");  // the lists themselves are not substituted
  Substitute(doc, ex.variant, "", p);

  ex.id = ReadText(doc, "id", "", p, true, 64);
  if (!ex.id.empty() && !scenario::IsResourceName(ex.id)) p.Add("/id", "an id is 1 to 64 letters, digits, '_' or '-'");
  ex.title = ReadText(doc, "title", "", p, true, 200);
  ex.brief = ReadText(doc, "brief", "", p, false, 64 * 1024);

  std::optional<Json> start = ReadScenario(doc, read_file, p);
  if (start && doc["scenario"].is_string()) Substitute(*start, ex.variant, "/scenario", p);
  if (start) {
    ex.scenario = *start;
    auto loaded = scenario::LoadScenarioJson(*start);
    Prefix(loaded.errors, "/scenario", p, "");
    uint32_t seed = loaded.ok() ? loaded.scenario->seed : 0;
    ReadSeeds(doc, seed, ex, p);
    ReadEditable(doc, *start, ex, p);
  }
  ReadTasks(doc, ex, p);
  ReadObjectives(doc, ex, p);
  if (auto it = doc.find("solution"); it != doc.end() && start) {
    if (!it->is_object()) {
      p.Add("/solution", "expected a merge patch (RFC 7386) on the scenario, an object; got " + TypeName(*it));
    } else {
      AppliedSubmission applied = ApplySubmission(*start, *it, ex.editable);
      Prefix(applied.errors, "/solution", p, "");
      if (applied.errors.empty()) {
        auto loaded = scenario::LoadScenarioJson(applied.scenario);
        Prefix(loaded.errors, "/solution", p, "the solution's scenario: ");
      }
      ex.solution = *it;
    }
  }
  out.errors = p.Take();
  if (out.errors.empty()) out.exercise = std::move(ex);
  return out;
}

}  // namespace eventlab::grading
