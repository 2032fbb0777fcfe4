// Flights are recomputed each frame from the lab; only the map from event ids to delivery times
// is kept, and it is rebuilt when the trace changes (a step adds to it, a seek back shrinks it).
#include "view/flights.h"

#include <algorithm>

namespace eventlab::view {

float Progress(int64_t sent_us, int64_t due_us, int64_t shown_us) {
  if (due_us <= sent_us) return shown_us >= due_us && shown_us > sent_us ? 1.0f : 0.5f;
  const double t = static_cast<double>(shown_us - sent_us) / static_cast<double>(due_us - sent_us);
  return static_cast<float>(std::clamp(t, 0.0, 1.0));
}

void FlightTracker::Index(const api::Lab& lab) {
  const auto& trace = lab.Trace();
  // Extend the index only if the trace still starts with what was indexed (a reset or a seek back
  // and forward again replaces records: the last indexed one then differs or is gone).
  const bool grew = indexed_trace_ == &trace && trace.size() >= indexed_size_ &&
                    (indexed_size_ == 0 || (trace[indexed_size_ - 1].event.id == last_id_ &&
                                            trace[indexed_size_ - 1].event.time.us == last_time_us_));
  if (!grew) {
    delivered_at_.clear();
    indexed_size_ = 0;
  }
  for (size_t i = indexed_size_; i < trace.size(); ++i) delivered_at_[trace[i].event.id] = trace[i].event.time.us;
  indexed_trace_ = &trace;
  indexed_size_ = trace.size();
  if (!trace.empty()) {
    last_id_ = trace.back().event.id;
    last_time_us_ = trace.back().event.time.us;
  }
}

int64_t FlightTracker::SentUs(const core::Event& e) const {
  if (!e.parent) return 0;  // scheduled at the start (a scripted call)
  auto it = delivered_at_.find(*e.parent);
  return it == delivered_at_.end() ? 0 : it->second;
}

std::vector<Flight> FlightTracker::Compute(const api::Lab& lab, int64_t shown_us, uint64_t arrivals_after) {
  Index(lab);
  std::vector<Flight> out;
  auto add = [&](const core::Event& e, uint64_t seq) {
    Flight f;
    f.event_id = e.id;
    f.seq = seq;
    f.from = e.from;
    f.to = e.to;
    f.kind = e.kind;
    f.error = e.error.has_value();
    f.reply = e.reply_to.has_value();
    f.sent_us = SentUs(e);
    f.due_us = e.time.us;
    f.progress = Progress(f.sent_us, f.due_us, shown_us);
    out.push_back(std::move(f));
  };
  for (const core::Event* e : lab.PendingView()) add(*e, 0);
  const auto& trace = lab.Trace();
  for (size_t i = std::min<size_t>(arrivals_after, trace.size()); i < trace.size(); ++i) {
    if (trace[i].event.time.us > shown_us) add(trace[i].event, trace[i].seq);
  }
  return out;
}

}  // namespace eventlab::view
