// Plain sentences about the run; the page puts them in the DOM where assistive technology and
// the browser's tab strip read them.
#include "view/step_text.h"

namespace eventlab::view {

std::string DeliverySummary(const core::TraceRecord& record) {
  const core::Event& e = record.event;
  std::string text = e.from + " \u2192 " + e.to + ", " + e.kind;
  if (e.error) text += ", failed: " + e.error->code;
  return text;
}

std::string StepAnnouncement(uint64_t step, uint64_t total, const core::TraceRecord* last) {
  std::string text = "Step " + std::to_string(step) + " of " + std::to_string(total) + ": ";
  text += last ? DeliverySummary(*last) : "nothing delivered yet";
  return text;
}

std::string PageTitle(const std::string& scenario_title, uint64_t step, uint64_t total) {
  if (scenario_title.empty()) return "eventlab";
  return scenario_title + " \u00b7 step " + std::to_string(step) + " of " + std::to_string(total) + " \u00b7 eventlab";
}

}  // namespace eventlab::view
