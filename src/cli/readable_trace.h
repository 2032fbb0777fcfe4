// The human-readable trace that `eventlab run` prints: one line per delivered event.
#pragma once

#include <string>

#include "core/trace.h"

namespace eventlab::cli {

/// "#3     0.012345s  queue:jobs -> function:echo  function.invoke  {...}" with the payload cut
/// to `payload_width` characters, and the error code if there is one.
std::string ReadableLine(const core::TraceRecord& r, size_t payload_width = 100);

}  // namespace eventlab::cli
