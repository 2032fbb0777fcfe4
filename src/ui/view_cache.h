// What the graph and sequence views keep between frames: the layout and flight paths of the
// loaded scenario (rebuilt when it changes), the resources' state (re-read when the lab moves),
// and the scene the renderer draws at the end of the frame.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>

#include "api/lab.h"
#include "render/graph_renderer.h"
#include "ui/ui_state.h"
#include "view/flight_paths.h"
#include "view/flights.h"
#include "view/graph_layout.h"
#include "view/graph_scene.h"
#include "view/label_layout.h"

namespace eventlab::ui {

class ViewCache {
 public:
  /// Rebuilds what depends on the scenario if the lab holds another one since the last call.
  void Sync(api::Lab& lab);

  const api::Architecture& Arch() const { return *arch_; }
  const view::GraphLayout& Layout() const { return layout_; }
  const view::FlightPaths& Paths() const { return *paths_; }
  view::FlightTracker& Flights() { return flights_; }
  /// Node centres: the automatic layout with the learner's dragged nodes moved.
  std::map<std::string, view::Vec2> Centers(const UiState& state) const;
  /// The lab's State()["resources"], re-read only when the lab has moved.
  const core::Json& Resources(const api::Lab& lab);

  // Set by the platform once its GL context exists; null means the graph draws no shapes.
  render::GraphRenderer* renderer = nullptr;
  // The scene and viewport of this frame, read by the draw callback during rendering.
  view::GraphScene scene;
  render::GraphViewport viewport;
  // The node labels placed this frame, kept so their strings are reused from frame to frame.
  std::vector<view::PlacedLabel> labels;

 private:
  const void* scenario_ = nullptr;
  const api::Architecture* arch_ = nullptr;
  api::Architecture empty_;
  view::GraphLayout layout_;
  std::optional<view::FlightPaths> paths_;
  view::FlightTracker flights_;
  std::string file_;
  uint64_t state_delivered_ = UINT64_MAX;
  int64_t state_time_us_ = -1;
  uint32_t state_seed_ = 0;
  uint64_t state_pending_ = 0;
  core::Json resources_ = core::Json::object();
};

}  // namespace eventlab::ui
