// A whole run of an arbitrary scenario: load, step to a cap, seek to the middle, step back, run
// ahead, reset. Limits are lowered so that one input stays fast; a run may stop, never crash.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "api/lab.h"
#include "core/json_bounds.h"

using eventlab::core::Json;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  Json doc = eventlab::core::ParseBounded(std::string_view(reinterpret_cast<const char*>(data), size));
  if (doc.is_discarded() || !doc.is_object()) return 0;
  // At most 2000 deliveries and 16 MiB of trace per input (the loader checks the types).
  Json& limits = doc["limits"];
  if (!limits.is_object()) limits = Json::object();
  limits["max_events"] = 2000;
  limits["max_run_bytes"] = 16 << 20;
  eventlab::api::Lab lab;
  if (!lab.Load(eventlab::core::DumpText(doc)).empty()) return 0;
  lab.RunToEnd();
  const uint64_t end = lab.Delivered();
  (void)lab.Seek(end / 2);
  (void)lab.StepBack();
  (void)lab.RunLength();
  (void)lab.State();
  lab.Reset(7);
  lab.RunToEnd();
  return 0;
}
