// The loader reads top to bottom: top-level keys, timings and limits, resources (names and kinds
// first, so references can be checked in any order), then the script.
#include "scenario/loader.h"

#include "core/json_bounds.h"

#include "scenario/json_fields.h"
#include "scenario/resource_loaders.h"
#include "scenario/step_loader.h"
#include "scenario/synthetic_bodies.h"

namespace eventlab::scenario {
namespace {

using cloud::WorldConfig;
using core::SimTime;

// Records the first syntax error of a SAX parse (its message names the line and column).
struct SyntaxErrorFinder : nlohmann::json_sax<Json> {
  std::string message = "unexpected end of input";
  bool null() override { return true; }
  bool boolean(bool) override { return true; }
  bool number_integer(number_integer_t) override { return true; }
  bool number_unsigned(number_unsigned_t) override { return true; }
  bool number_float(number_float_t, const string_t&) override { return true; }
  bool string(string_t&) override { return true; }
  bool binary(binary_t&) override { return true; }
  bool start_object(std::size_t) override { return true; }
  bool key(string_t&) override { return true; }
  bool end_object() override { return true; }
  bool start_array(std::size_t) override { return true; }
  bool end_array() override { return true; }
  bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception& ex) override {
    message = ex.what();
    const std::string prefix = "[json.exception.parse_error.101] parse error ";
    if (message.rfind(prefix, 0) == 0) message = message.substr(prefix.size());
    return false;
  }
};

void LoadTimings(const Json& doc, WorldConfig& w, Problems& p) {
  auto it = doc.find("timings");
  if (it == doc.end()) return;
  const std::string path = "/timings";
  if (!it->is_object()) return p.Add(path, "expected an object, got " + TypeName(*it));
  CheckKeys(*it, path, {"network_latency", "network_jitter", "cold_start", "warm_start", "container_idle"}, p);
  cloud::Timings& t = w.env.timings;
  const SimTime zero{}, hour = SimTime::Seconds(3600);
  if (auto v = ReadDuration(*it, "network_latency", path, p, zero, hour, t.network_latency)) t.network_latency = *v;
  if (auto v = ReadDuration(*it, "network_jitter", path, p, zero, hour, t.network_jitter)) t.network_jitter = *v;
  if (auto v = ReadDuration(*it, "cold_start", path, p, zero, hour, t.cold_start)) t.cold_start = *v;
  if (auto v = ReadDuration(*it, "warm_start", path, p, zero, hour, t.warm_start)) t.warm_start = *v;
  if (auto v = ReadDuration(*it, "container_idle", path, p, SimTime::Seconds(1), SimTime::Seconds(86400), t.container_idle)) {
    t.container_idle = *v;
  }
}

void LoadLimits(const Json& doc, WorldConfig& w, Problems& p) {
  auto it = doc.find("limits");
  if (it == doc.end()) return;
  const std::string path = "/limits";
  if (!it->is_object()) return p.Add(path, "expected an object, got " + TypeName(*it));
  CheckKeys(*it, path,
            {"function_sync_payload_bytes", "function_async_payload_bytes", "queue_message_bytes", "secret_string_bytes", "parameter_value_bytes", "search_request_bytes", "topic_message_bytes", "stream_record_bytes", "gateway_payload_bytes", "storage_put_object_max_bytes", "function_concurrency",
             "max_events", "max_run_bytes", "table_item_max_bytes"},
            p);
  cloud::Limits& l = w.env.limits;
  const uint64_t gib = 1ULL << 30;
  if (auto v = ReadUnsigned(*it, "function_sync_payload_bytes", path, p, 1, gib, l.function_sync_payload_bytes)) l.function_sync_payload_bytes = *v;
  if (auto v = ReadUnsigned(*it, "queue_message_bytes", path, p, 1, gib, l.queue_message_bytes)) l.queue_message_bytes = *v;
  if (auto v = ReadUnsigned(*it, "secret_string_bytes", path, p, 1, gib, l.secret_string_bytes)) l.secret_string_bytes = *v;
  if (auto v = ReadUnsigned(*it, "parameter_value_bytes", path, p, 1, gib, l.parameter_value_bytes)) l.parameter_value_bytes = *v;
  if (auto v = ReadUnsigned(*it, "search_request_bytes", path, p, 1, gib, l.search_request_bytes)) l.search_request_bytes = *v;
  if (auto v = ReadUnsigned(*it, "topic_message_bytes", path, p, 1, gib, l.topic_message_bytes)) l.topic_message_bytes = *v;
  if (auto v = ReadUnsigned(*it, "stream_record_bytes", path, p, 1, gib, l.stream_record_bytes)) l.stream_record_bytes = *v;
  if (auto v = ReadUnsigned(*it, "table_item_max_bytes", path, p, 1, gib, l.table_item_max_bytes)) l.table_item_max_bytes = *v;
  if (auto v = ReadUnsigned(*it, "gateway_payload_bytes", path, p, 1, gib, l.gateway_payload_bytes)) l.gateway_payload_bytes = *v;
  if (auto v = ReadUnsigned(*it, "storage_put_object_max_bytes", path, p, 1, 5 * gib, l.storage_put_object_max_bytes)) l.storage_put_object_max_bytes = *v;
  if (auto v = ReadUnsigned(*it, "function_async_payload_bytes", path, p, 1, gib, l.function_async_payload_bytes)) l.function_async_payload_bytes = *v;
  if (auto v = ReadUnsigned(*it, "function_concurrency", path, p, 1, 100000, l.function_concurrency)) l.function_concurrency = *v;
  if (auto v = ReadUnsigned(*it, "max_events", path, p, 1, 10000000, l.max_events)) l.max_events = *v;
  if (auto v = ReadUnsigned(*it, "max_run_bytes", path, p, 1 << 20, gib, l.max_run_bytes)) l.max_run_bytes = *v;
}

ResourceKinds CollectKinds(const Json& resources, Problems& p) {
  ResourceKinds kinds;
  for (auto it = resources.begin(); it != resources.end(); ++it) {
    const std::string path = Child("/resources", it.key());
    if (!IsResourceName(it.key())) p.Add(path, "resource names use letters, digits, '_' and '-' (1 to 64 characters)");
    if (!it->is_object()) {
      p.Add(path, "expected a resource object with a \"kind\", got " + TypeName(*it));
      continue;
    }
    auto kind = it->find("kind");
    if (kind == it->end()) {
      p.Add(path, "missing \"kind\" (" + KnownKinds() + ")");
    } else if (!kind->is_string()) {
      p.Add(Child(path, "kind"), "expected a string, got " + TypeName(*kind));
    } else if (const std::string k = kind->get<std::string>(); !ResourceLoaders().count(k)) {
      p.Add(Child(path, "kind"), "unknown kind \"" + k + "\" (" + KnownKinds() + ")");
    } else {
      kinds[it.key()] = k;
    }
  }
  return kinds;
}

void LoadResources(const Json& doc, WorldConfig& w, ResourceKinds& kinds, Problems& p) {
  auto it = doc.find("resources");
  if (it == doc.end()) return p.Add("/resources", "missing: a scenario needs at least one resource");
  if (!it->is_object()) return p.Add("/resources", "expected an object of name -> resource, got " + TypeName(*it));
  if (it->empty()) return p.Add("/resources", "a scenario needs at least one resource");
  kinds = CollectKinds(*it, p);
  for (const auto& [name, kind] : kinds) {
    const std::string path = Child("/resources", name);
    const ResourceInput in{name, (*it)[name], path, kinds};
    w.resources.emplace(name, ResourceLoaders().at(kind)(in, p));
  }
}

// Characters as a reader counts them: UTF-8 continuation bytes do not start a new one.
size_t CodePoints(const std::string& s) {
  size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

void LoadNote(const Json& entry, const std::string& path, uint32_t index, Scenario& s, Problems& p) {
  auto note = ReadString(entry, "note", path, p);
  if (!note) return;  // absent, or not a string (already reported)
  const std::string at = Child(path, "note");
  if (note->find_first_not_of(" \t\r\n") == std::string::npos) return p.Add(at, "a note needs some text (or leave it out)");
  if (const size_t n = CodePoints(*note); n > kMaxNoteChars) {
    return p.Add(at, "a note is at most " + std::to_string(kMaxNoteChars) + " characters, got " + std::to_string(n));
  }
  s.notes.push_back({index, *note});
}

void LoadScript(const Json& doc, WorldConfig& w, Scenario& s, const ResourceKinds& kinds, Problems& p) {
  auto it = doc.find("script");
  if (it == doc.end()) return;
  if (!it->is_array()) return p.Add("/script", "expected an array of scripted calls, got " + TypeName(*it));
  for (size_t i = 0; i < it->size(); ++i) {
    const Json& a = (*it)[i];
    const std::string path = Child("/script", i);
    if (!a.is_object()) {
      p.Add(path, "expected {\"at\", \"client\", \"call\", \"with\"}, got " + TypeName(a));
      continue;
    }
    CheckKeys(a, path, {"at", "client", "call", "with", "as", "note"}, p);
    LoadNote(a, path, static_cast<uint32_t>(i), s, p);
    cloud::ScriptedCall call;
    if (!a.contains("at")) p.Add(path, "missing \"at\": when the call is made, such as \"0s\"");
    else if (auto at = ParseDurationAt(a["at"], Child(path, "at"), p)) {
      if (at->us < 0) p.Add(Child(path, "at"), "must not be negative");
      call.at = *at;
    }
    if (auto client = ReadString(a, "client", path, p, "")) {
      if (client->empty()) p.Add(path, "missing \"client\": which client makes the call");
      else CheckReference(*client, "client", Child(path, "client"), kinds, p);
      call.client = *client;
    }
    if (!a.contains("call")) {
      p.Add(path, "missing \"call\": the action, such as \"queue.send\"");
    } else {
      CheckCall(a["call"], a.contains("with") ? &a["with"] : nullptr, Child(path, "call"), Child(path, "with"), kinds, p);
      if (a["call"].is_string()) call.call = a["call"].get<std::string>();
    }
    call.with = a.value("with", Json::object());
    if (auto as = ReadString(a, "as", path, p, "")) {
      if (!as->empty() && !IsVariableName(*as)) p.Add(Child(path, "as"), "expected a name made of letters, digits and '_'");
      call.as = *as;
    }
    NormalizeSyntheticBodies(call.with, Child(path, "with"), p);
    w.script.push_back(std::move(call));
  }
}

}  // namespace

LoadResult LoadScenarioJson(const Json& doc) {
  Problems p;
  LoadResult result;
  if (!doc.is_object()) {
    p.Add("", "a scenario is a JSON object, got " + TypeName(doc));
    result.errors = p.Take();
    return result;
  }
  CheckKeys(doc, "", {"$schema", "version", "seed", "start", "title", "description", "region", "account", "timings",
                      "limits", "resources", "script"},
            p);
  // "$schema" names the JSON Schema an editor validates the file with (web/schema/); the loader
  // only checks that it is a string.
  ReadString(doc, "$schema", "", p, "");
  auto scenario = std::make_shared<Scenario>();
  auto world = std::make_shared<WorldConfig>();
  if (!doc.contains("version")) p.Add("/version", "missing: this loader reads version 1");
  else if (doc["version"] != 1) p.Add("/version", "unsupported version " + core::DumpText(doc["version"]) + " (this loader reads 1)");
  if (auto seed = ReadUnsigned(doc, "seed", "", p, 0, 4294967295ULL, 0)) scenario->seed = static_cast<uint32_t>(*seed);
  if (auto start = ReadString(doc, "start", "", p, "2026-01-01T00:00:00Z")) {
    if (auto epoch = core::ParseIsoUtc(*start)) world->env.start_epoch_us = *epoch;
    else p.Add("/start", "expected an ISO-8601 UTC instant such as \"2026-01-01T00:00:00Z\", got \"" + *start + "\"");
  }
  if (auto v = ReadString(doc, "title", "", p, "")) scenario->title = *v;
  if (auto v = ReadString(doc, "description", "", p, "")) scenario->description = *v;
  if (auto v = ReadString(doc, "region", "", p, world->env.region)) world->env.region = *v;
  if (auto v = ReadString(doc, "account", "", p, world->env.account)) {
    if (v->size() != 12 || v->find_first_not_of("0123456789") != std::string::npos) p.Add("/account", "expected 12 digits");
    world->env.account = *v;
  }
  LoadTimings(doc, *world, p);
  LoadLimits(doc, *world, p);
  ResourceKinds kinds;
  LoadResources(doc, *world, kinds, p);
  LoadScript(doc, *world, *scenario, kinds, p);
  if (!p.Empty()) {
    result.errors = p.Take();
    return result;
  }
  scenario->world = std::move(world);
  result.scenario = std::move(scenario);
  return result;
}

LoadResult LoadScenario(std::string_view text) {
  Json doc = Json::parse(text.begin(), text.end(), nullptr, false);
  if (doc.is_discarded()) {
    // The non-throwing parse gives no position; a SAX pass reports it without exceptions.
    SyntaxErrorFinder finder;
    Json::sax_parse(text.begin(), text.end(), &finder);
    LoadResult r;
    r.errors.push_back({"", "not valid JSON: " + finder.message});
    return r;
  }
  // Later steps copy, print and compare the document recursively: refuse a too-deep one first.
  const core::JsonMeasure m = core::Measure(doc);
  if (!m.too_deep_at.empty()) {
    LoadResult r;
    r.errors.push_back({m.too_deep_at, "nested deeper than " + std::to_string(core::kMaxJsonDepth) +
                                          " levels of arrays and objects, the most a scenario may use"});
    return r;
  }
  return LoadScenarioJson(doc);
}

}  // namespace eventlab::scenario
