// The scenario loader on arbitrary bytes: it must give a scenario or problems, never crash.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "scenario/loader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  (void)eventlab::scenario::LoadScenario(std::string_view(reinterpret_cast<const char*>(data), size));
  return 0;
}
