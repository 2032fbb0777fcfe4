// Serialises trace records byte for byte the same on every platform: integers only, fixed key
// order, and nlohmann's own (locale-free) number and string formatting.
#include "core/trace.h"
#include "core/json_bounds.h"

namespace eventlab::core {
namespace {

std::string OptionalId(const std::optional<uint64_t>& id) { return id ? std::to_string(*id) : "null"; }

}  // namespace

std::string ErrorJson(const Error& e) {
  return "{\"code\":" + core::DumpText(Json(e.code)) + ",\"message\":" + core::DumpText(Json(e.message)) +
         ",\"status\":" + std::to_string(e.status) + "}";
}

std::string TraceLine(const TraceRecord& r) {
  const Event& e = r.event;
  std::string out;
  out.reserve(256);
  out += "{\"seq\":" + std::to_string(r.seq);
  out += ",\"time_us\":" + std::to_string(e.time.us);
  out += ",\"id\":" + std::to_string(e.id);
  out += ",\"parent\":" + OptionalId(e.parent);
  out += ",\"reply_to\":" + OptionalId(e.reply_to);
  out += ",\"from\":" + core::DumpText(Json(e.from));
  out += ",\"to\":" + core::DumpText(Json(e.to));
  out += ",\"kind\":" + core::DumpText(Json(e.kind));
  out += ",\"payload\":" + e.payload.dump(-1, ' ', false, Json::error_handler_t::replace);
  out += ",\"error\":" + (e.error ? ErrorJson(*e.error) : std::string("null"));
  out += "}";
  return out;
}

Json TraceJson(const TraceRecord& r) {
  const Event& e = r.event;
  Json j = {{"seq", r.seq}, {"time_us", e.time.us}, {"id", e.id}, {"from", e.from}, {"to", e.to},
            {"kind", e.kind}, {"payload", e.payload}};
  j["parent"] = e.parent ? Json(*e.parent) : Json(nullptr);
  j["reply_to"] = e.reply_to ? Json(*e.reply_to) : Json(nullptr);
  j["error"] = e.error ? Json{{"code", e.error->code}, {"message", e.error->message}, {"status", e.error->status}}
                       : Json(nullptr);
  return j;
}

std::string TraceJsonLines(const std::vector<TraceRecord>& records) {
  std::string out;
  for (const TraceRecord& r : records) out += TraceLine(r) + "\n";
  return out;
}

}  // namespace eventlab::core
