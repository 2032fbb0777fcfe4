// Each step is an object with exactly one operation key; the other keys it may carry depend on
// the operation. Nesting is bounded so a hostile scenario cannot exhaust the stack.
#include "scenario/step_loader.h"

#include <algorithm>

#include "cloud/action_catalog.h"
#include "cloud/functions/condition.h"
#include "cloud/functions/template.h"
#include "scenario/resource_loaders.h"
#include "scenario/synthetic_bodies.h"

namespace eventlab::scenario {
namespace {

using cloud::functions::Step;
using cloud::functions::StepType;

constexpr int kMaxDepth = 16;

struct Operation {
  const char* key;
  StepType type;
  std::vector<std::string> allowed;  // every key the step may have, the operation's own included
};

const std::vector<Operation>& Operations() {
  static const std::vector<Operation> kOps = {
      {"call", StepType::kCall, {"call", "with", "as", "catch", "cache"}},
      {"set", StepType::kSet, {"set"}},
      {"if", StepType::kIf, {"if", "then", "else"}},
      {"for_each", StepType::kForEach, {"for_each", "as", "do"}},
      {"return", StepType::kReturn, {"return"}},
      {"fail", StepType::kFail, {"fail"}},
      {"work", StepType::kWork, {"work"}},
      {"log", StepType::kLog, {"log"}},
  };
  return kOps;
}

void CheckTemplatesAt(const Json& v, const std::string& path, Problems& p) {
  const std::string e = cloud::functions::CheckTemplates(v);
  if (!e.empty()) p.Add(path, "bad template: " + e);
}

std::string ReadResultName(const Json& step, const std::string& path, Problems& p) {
  auto it = step.find("as");
  if (it == step.end()) return "";
  const std::string at = Child(path, "as");
  if (!it->is_string() || !IsVariableName(it->get<std::string>())) {
    p.Add(at, "expected a name made of letters, digits and '_', not starting with a digit");
    return "";
  }
  const std::string name = it->get<std::string>();
  if (cloud::functions::IsReservedName(name)) p.Add(at, "\"" + name + "\" is reserved (event, context, env, container, error)");
  return name;
}

std::vector<Step> SubSteps(const Json& step, const char* key, const std::string& path, const ResourceKinds& kinds,
                           Problems& p, int depth, bool required) {
  auto it = step.find(key);
  if (it == step.end()) {
    if (required) p.Add(path, std::string("missing \"") + key + "\"");
    return {};
  }
  return LoadSteps(*it, Child(path, key), kinds, p, depth + 1);
}

void LoadCall(const Json& j, Step& s, const std::string& path, const ResourceKinds& kinds, Problems& p, int depth) {
  const Json* with = j.contains("with") ? &j["with"] : nullptr;
  CheckCall(j["call"], with, Child(path, "call"), Child(path, "with"), kinds, p);
  if (j["call"].is_string()) s.call = j["call"].get<std::string>();
  s.with = with ? *with : Json::object();
  NormalizeSyntheticBodies(s.with, Child(path, "with"), p);
  s.as = ReadResultName(j, path, p);
  // "cache": a TTL from 1 µs to 24 h (a container lives at most as long as container_idle allows).
  if (j.contains("cache")) {
    if (auto ttl = ReadDuration(j, "cache", path, p, core::SimTime{1}, core::SimTime::Seconds(86400), core::SimTime{})) {
      s.cache_ttl = *ttl;
    }
  }
  if (!j.contains("catch")) return;
  const Json& c = j["catch"];
  const std::string cpath = Child(path, "catch");
  if (!c.is_object() || c.empty()) {
    p.Add(cpath, "expected an object of error code -> steps, such as {\"GoneException\": [...]}");
    return;
  }
  for (auto it = c.begin(); it != c.end(); ++it) {
    s.catches[it.key()] = LoadSteps(it.value(), Child(cpath, it.key()), kinds, p, depth + 1);
  }
}

void LoadFail(const Json& v, Step& s, const std::string& path, Problems& p) {
  if (!v.is_object()) {
    p.Add(path, "expected {\"code\": \"...\", \"message\": \"...\"}");
    return;
  }
  CheckKeys(v, path, {"code", "message", "status"}, p);
  if (!v.contains("code") || !v["code"].is_string() || v["code"].get<std::string>().empty()) {
    p.Add(Child(path, "code"), "a fail step needs an error code string");
  }
  if (v.contains("status") && (!v["status"].is_number_integer() || v["status"] < 100 || v["status"] > 599)) {
    p.Add(Child(path, "status"), "expected an HTTP status from 100 to 599");
  }
  CheckTemplatesAt(v, path, p);
  s.with = v;
}

Step LoadStep(const Json& j, const std::string& path, const ResourceKinds& kinds, Problems& p, int depth) {
  Step s;
  s.path = path;
  if (!j.is_object()) {
    p.Add(path, "expected a step object, got " + TypeName(j));
    return s;
  }
  std::vector<const Operation*> found;
  for (const Operation& op : Operations()) {
    if (j.contains(op.key)) found.push_back(&op);
  }
  if (found.size() != 1) {
    p.Add(path, found.empty() ? "a step needs one of: call, set, if, for_each, return, fail, work, log"
                              : std::string("a step has one operation, found \"") + found[0]->key + "\" and \"" +
                                    found[1]->key + "\"");
    return s;
  }
  const Operation& op = *found[0];
  s.type = op.type;
  CheckKeys(j, path, op.allowed, p);
  const Json& v = j[op.key];
  const std::string vpath = Child(path, op.key);
  switch (op.type) {
    case StepType::kCall: LoadCall(j, s, path, kinds, p, depth); break;
    case StepType::kSet:
      if (!v.is_object() || v.empty()) {
        p.Add(vpath, "expected an object of name -> value");
        break;
      }
      for (auto it = v.begin(); it != v.end(); ++it) {
        const std::string& name = it.key();
        const std::string bare = name.rfind("container.", 0) == 0 ? name.substr(10) : name;
        if (!IsVariableName(bare) || (bare == name && cloud::functions::IsReservedName(name))) {
          p.Add(Child(vpath, name), "set a plain name or \"container.<name>\"; event, context, env and error are read-only");
        }
        CheckTemplatesAt(it.value(), Child(vpath, name), p);
      }
      s.with = v;
      NormalizeSyntheticBodies(s.with, vpath, p);
      break;
    case StepType::kIf: {
      const std::string e = cloud::functions::CheckCondition(v);
      if (!e.empty()) p.Add(vpath, e);
      s.condition = v;
      s.then_steps = SubSteps(j, "then", path, kinds, p, depth, true);
      s.else_steps = SubSteps(j, "else", path, kinds, p, depth, false);
      break;
    }
    case StepType::kForEach:
      if (!v.is_string() && !v.is_array()) p.Add(vpath, "expected a template such as \"${event.Records}\" or an array");
      CheckTemplatesAt(v, vpath, p);
      s.items = v;
      s.as = ReadResultName(j, path, p);
      if (s.as.empty() && !j.contains("as")) p.Add(path, "missing \"as\": the name each item is bound to");
      s.body = SubSteps(j, "do", path, kinds, p, depth, true);
      break;
    case StepType::kLog:
      CheckTemplatesAt(v, vpath, p);
      s.with = v;
      break;
    case StepType::kReturn:
      CheckTemplatesAt(v, vpath, p);
      s.with = v;
      NormalizeSyntheticBodies(s.with, vpath, p);
      break;
    case StepType::kFail: LoadFail(v, s, vpath, p); break;
    case StepType::kWork:
      if (v.is_string() && v.get_ref<const std::string&>().find("${") != std::string::npos) {
        CheckTemplatesAt(v, vpath, p);  // a duration computed at run time, e.g. from the image size
        s.with = v;
      } else if (auto d = ParseDurationAt(v, vpath, p)) {
        if (d->us < 0) p.Add(vpath, "work cannot be negative");
        s.work = *d;
      }
      break;
  }
  return s;
}

}  // namespace

void CheckCall(const Json& call, const Json* with, const std::string& call_path, const std::string& with_path,
               const ResourceKinds& kinds, Problems& p) {
  if (!call.is_string()) {
    p.Add(call_path, "expected an action name such as \"queue.send\", got " + TypeName(call));
    return;
  }
  const cloud::ActionSpec* spec = cloud::FindAction(call.get<std::string>());
  if (!spec) {
    std::string known;
    for (const cloud::ActionSpec& a : cloud::ActionCatalog()) known += (known.empty() ? "" : ", ") + a.name;
    p.Add(call_path, "unknown action \"" + call.get<std::string>() + "\" (known: " + known + ")");
    return;
  }
  if (!with || !with->is_object()) {
    p.Add(with_path, with ? "expected an object of arguments" : "missing arguments for " + spec->name);
    return;
  }
  std::vector<std::string> allowed;
  if (!spec->target_arg.empty()) allowed.push_back(spec->target_arg);
  allowed.insert(allowed.end(), spec->required.begin(), spec->required.end());
  allowed.insert(allowed.end(), spec->optional.begin(), spec->optional.end());
  CheckKeys(*with, with_path, allowed, p);
  std::vector<std::string> required = spec->required;
  if (!spec->target_arg.empty()) required.insert(required.begin(), spec->target_arg);
  for (const std::string& r : required) {
    if (!with->contains(r)) p.Add(Child(with_path, r), "missing (" + spec->name + " needs it)");
  }
  CheckTemplatesAt(*with, with_path, p);
  if (spec->target_arg.empty()) return;
  auto target = with->find(spec->target_arg);
  if (target == with->end()) return;
  const std::string tpath = Child(with_path, spec->target_arg);
  if (!target->is_string()) {
    p.Add(tpath, "expected the name of a " + spec->target_kind + ", got " + TypeName(*target));
    return;
  }
  const std::string name = target->get<std::string>();
  if (name.find("${") != std::string::npos) return;  // resolved at run time
  // A secret may also be named by its ARN, whose suffix is known only with the environment: resolved
  // when the request is built, and an unknown one is answered ResourceNotFoundException.
  if (spec->target_kind == "secret" && name.rfind("arn:", 0) == 0) return;
  CheckReference(name, spec->target_kind, tpath, kinds, p);
}

std::vector<Step> LoadSteps(const Json& steps, const std::string& path, const ResourceKinds& kinds, Problems& p,
                            int depth) {
  std::vector<Step> out;
  if (depth > kMaxDepth) {
    p.Add(path, "steps are nested more than " + std::to_string(kMaxDepth) + " deep");
    return out;
  }
  if (!steps.is_array()) {
    p.Add(path, "expected an array of steps, got " + TypeName(steps));
    return out;
  }
  for (size_t i = 0; i < steps.size(); ++i) out.push_back(LoadStep(steps[i], Child(path, i), kinds, p, depth));
  return out;
}

}  // namespace eventlab::scenario
