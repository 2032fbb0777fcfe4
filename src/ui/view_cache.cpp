// The architecture comes from the lab (computed once per load), so the layout is too.
#include "ui/view_cache.h"

namespace eventlab::ui {

void ViewCache::Sync(api::Lab& lab) {
  const void* scenario = lab.Scenario();
  if (scenario == scenario_ && arch_) return;
  scenario_ = scenario;
  arch_ = lab.Loaded() ? &lab.Architecture() : &empty_;
  layout_ = view::LayOut(*arch_);
  paths_.emplace(*arch_);
  flights_ = view::FlightTracker();
  state_delivered_ = UINT64_MAX;
}

std::map<std::string, view::Vec2> ViewCache::Centers(const UiState& state) const {
  std::map<std::string, view::Vec2> centers = layout_.centers;
  auto dragged = state.dragged_nodes.find(state.current_file);
  if (dragged != state.dragged_nodes.end()) {
    for (const auto& [id, at] : dragged->second) {
      if (centers.count(id)) centers[id] = at;
    }
  }
  return centers;
}

const core::Json& ViewCache::Resources(const api::Lab& lab) {
  // A call sent from the page changes the pending events but not the clock: count them too.
  if (lab.Delivered() != state_delivered_ || lab.NowUs() != state_time_us_ || lab.Seed() != state_seed_ ||
      lab.PendingCount() != state_pending_) {
    state_delivered_ = lab.Delivered();
    state_pending_ = lab.PendingCount();
    state_time_us_ = lab.NowUs();
    state_seed_ = lab.Seed();
    resources_ = lab.Loaded() ? lab.State()["resources"] : core::Json::object();
  }
  return resources_;
}

}  // namespace eventlab::ui
