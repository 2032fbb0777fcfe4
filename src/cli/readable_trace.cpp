// Fixed-width columns so a trace reads like a log; the JSON Lines file has the full detail.
#include "cli/readable_trace.h"
#include "core/json_bounds.h"

#include <cstdio>

namespace eventlab::cli {

std::string ReadableLine(const core::TraceRecord& r, size_t payload_width) {
  const core::Event& e = r.event;
  char head[96];
  std::snprintf(head, sizeof head, "#%-5llu %4lld.%06llds  ", static_cast<unsigned long long>(r.seq),
                static_cast<long long>(e.time.us / 1000000), static_cast<long long>(e.time.us % 1000000));
  std::string line = head + e.from + " -> " + e.to + "  " + e.kind;
  if (e.error) line += "  ERROR " + e.error->code + " (" + std::to_string(e.error->status) + "): " + e.error->message;
  std::string payload = e.payload.is_null() ? "" : core::DumpText(e.payload);
  if (payload.size() > payload_width) payload = payload.substr(0, payload_width) + "...";
  if (!payload.empty()) line += "  " + payload;
  line += "  [id " + std::to_string(e.id) + (e.parent ? " <- " + std::to_string(*e.parent) : "") + "]";
  return line;
}

}  // namespace eventlab::cli
