#include "grading/run_facts.h"

namespace eventlab::grading {

RunFacts::RunFacts(uint32_t seed, const std::vector<core::TraceRecord>& trace, Json state)
    : seed_(seed), trace_(trace), state_(std::move(state)), fields_(trace.size()) {
  for (size_t i = 0; i < trace.size(); ++i) index_by_id_[trace[i].event.id] = i;
}

const Json& RunFacts::Fields(size_t index) const {
  if (!fields_[index]) fields_[index] = core::TraceJson(trace_[index]);
  return *fields_[index];
}

std::optional<size_t> RunFacts::ParentIndex(size_t index) const {
  const auto& parent = trace_[index].event.parent;
  if (!parent) return std::nullopt;
  auto it = index_by_id_.find(*parent);
  // A parent is always delivered before its children; the check keeps a bad trace from looping.
  if (it == index_by_id_.end() || it->second >= index) return std::nullopt;
  return it->second;
}

Json RunFacts::Evidence(size_t index) const {
  const core::Event& e = trace_[index].event;
  Json out = {{"seed", seed_}, {"seq", trace_[index].seq}, {"time_us", e.time.us},
              {"from", e.from}, {"to", e.to}, {"kind", e.kind}};
  if (e.error) out["error"] = e.error->code;
  return out;
}

}  // namespace eventlab::grading
