// What the page says about the run in words, for the DOM (a live region for screen readers, the
// document title): the step reached and the delivery it made, and a delivery as one line.
#pragma once

#include <cstdint>
#include <string>

#include "core/trace.h"

namespace eventlab::view {

/// "bucket:uploads → topic:new-uploads, sns.publish" (", failed: NoSuchKey" when it carries an error).
std::string DeliverySummary(const core::TraceRecord& record);

/// "Step 12 of 56: <DeliverySummary of step 12>", or "Step 0 of 56: nothing delivered yet".
/// `total` is the run's length; `last` the delivery at `step` (null at step 0).
std::string StepAnnouncement(uint64_t step, uint64_t total, const core::TraceRecord* last);

/// The document title: "<scenario title> · step 12 of 56 · eventlab", or "eventlab" without one.
std::string PageTitle(const std::string& scenario_title, uint64_t step, uint64_t total);

}  // namespace eventlab::view
