// Loads a "mapping" resource (a Lambda event-source mapping): its stream or table source, the
// function, and the batching and error-handling settings with CreateEventSourceMapping's ranges.
#include "cloud/streams/mapping_models.h"
#include "core/sim_time.h"
#include "scenario/resource_loaders.h"

namespace eventlab::scenario {
namespace {

std::optional<bool> ReadBool(const Json& obj, const char* key, const std::string& path, Problems& p, bool fallback) {
  auto it = obj.find(key);
  if (it == obj.end()) return fallback;
  if (!it->is_boolean()) {
    p.Add(Child(path, key), "expected true or false, got " + TypeName(*it));
    return std::nullopt;
  }
  return it->get<bool>();
}

}  // namespace

std::unique_ptr<cloud::ResourceConfig> LoadMapping(const ResourceInput& in, Problems& p) {
  namespace streams = cloud::streams;
  auto m = std::make_unique<streams::MappingConfig>();
  ReadCommonKeys(in,
                 {"source", "function", "batch_size", "maximum_batching_window", "starting_position", "starting_position_timestamp",
                  "bisect_batch_on_function_error", "maximum_retry_attempts", "maximum_record_age", "enabled"},
                 *m, p);
  if (auto src = ReadString(in.json, "source", in.path, p, "")) {
    const std::string at = Child(in.path, "source");
    auto k = in.kinds.find(*src);
    if (src->empty()) p.Add(in.path, "missing \"source\": the stream or table (with a \"stream\") to read");
    else if (k == in.kinds.end()) p.Add(at, "no resource named \"" + *src + "\"");
    else if (k->second != "stream" && k->second != "table") p.Add(at, "\"" + *src + "\" is a " + k->second + ", not a stream or a table");
    else m->source_kind = k->second;
    m->source = *src;
  }
  if (auto f = ReadString(in.json, "function", in.path, p, "")) {
    if (f->empty()) p.Add(in.path, "missing \"function\": the function invoked with each batch");
    else CheckReference(*f, "function", Child(in.path, "function"), in.kinds, p);
    m->function = *f;
  }
  if (auto v = ReadUnsigned(in.json, "batch_size", in.path, p, 1, streams::kMaxBatchSize, m->batch_size)) m->batch_size = *v;
  if (auto v = ReadDuration(in.json, "maximum_batching_window", in.path, p, core::SimTime{}, streams::kMaxBatchingWindow, {})) {
    m->batching_window = *v;
  }
  if (auto v = ReadString(in.json, "starting_position", in.path, p, "LATEST")) {
    if (*v != "TRIM_HORIZON" && *v != "LATEST" && *v != "AT_TIMESTAMP") {
      p.Add(Child(in.path, "starting_position"), "expected \"TRIM_HORIZON\", \"LATEST\" or \"AT_TIMESTAMP\", got \"" + *v + "\"");
    }
    m->starting_position = *v;
  }
  if (auto ts = ReadString(in.json, "starting_position_timestamp", in.path, p, "")) {
    if (m->starting_position == "AT_TIMESTAMP") {
      auto us = core::ParseIsoUtc(*ts);
      if (!us) p.Add(Child(in.path, "starting_position_timestamp"), "expected an ISO-8601 UTC instant for AT_TIMESTAMP");
      else m->starting_timestamp_ms = *us / 1000;
    } else if (!ts->empty()) {
      p.Add(Child(in.path, "starting_position_timestamp"), "only used with \"starting_position\": \"AT_TIMESTAMP\"");
    }
  }
  if (auto b = ReadBool(in.json, "bisect_batch_on_function_error", in.path, p, false)) m->bisect_on_error = *b;
  if (auto b = ReadBool(in.json, "enabled", in.path, p, true)) m->enabled = *b;
  if (auto it = in.json.find("maximum_retry_attempts"); it != in.json.end()) {
    if (!it->is_number_integer() || it->get<int64_t>() < -1 || it->get<int64_t>() > streams::kMaxRetryAttempts) {
      p.Add(Child(in.path, "maximum_retry_attempts"), "expected -1 (until the records expire) or an integer from 0 to 10000");
    } else {
      m->maximum_retry_attempts = it->get<int64_t>();
    }
  }
  if (auto it = in.json.find("maximum_record_age"); it != in.json.end()) {
    // -1 is infinite, as in the API; otherwise a duration of 60 s to 7 days.
    if (!(it->is_number_integer() && it->get<int64_t>() == -1)) {
      if (auto v = ReadDuration(in.json, "maximum_record_age", in.path, p, streams::kMinRecordAge, streams::kMaxRecordAge, {})) {
        m->maximum_record_age = *v;
      }
    }
  }
  return m;
}

}  // namespace eventlab::scenario
