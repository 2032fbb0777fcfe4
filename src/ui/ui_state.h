// What the UI remembers between frames (selection, run mode, banner, help) and what it reports
// back to the page (widget rectangles for tests, scenario requests). No lab state lives here:
// the panels read the lab every frame, so changes made from JS show up on the next frame.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <set>
#include <vector>

#include <nlohmann/json.hpp>

#include "view/graph_layout.h"
#include "view/node_counters.h"
#include "view/palette.h"
#include "view/sequence_layout.h"

namespace eventlab::ui {

/// One entry of web/scenarios/index.json.
struct ScenarioEntry {
  std::string file;   ///< "hello.json", relative to scenarios/
  std::string title;  ///< the scenario's own title
};

/// A widget's rectangle in framebuffer pixels, as drawn last frame.
struct WidgetRect {
  float x = 0, y = 0, w = 0, h = 0;
};

struct UiState {
  // Selection in the trace: the delivery seq (1-based); 0 means none.
  uint64_t selected_seq = 0;
  bool follow_latest = true;  ///< the selection tracks the newest delivery
  bool scroll_to_selected = false;

  // A pending event picked on the graph (its id); 0 means none. Cleared when a delivery is selected.
  uint64_t selected_pending_id = 0;
  // The "why?" chain shown on the graph: the delivery whose causes are highlighted; 0 means none.
  uint64_t why_seq = 0;

  // Run mode: deliveries per second of wall time, or simulated seconds per second of wall time.
  bool running = false;
  bool rate_in_sim_time = false;
  float rate_events_per_s = 5.0f;
  float rate_sim_s_per_s = 1.0f;
  double run_budget = 0.0;  ///< fractional events (or simulated µs) carried to the next frame

  view::Theme theme = view::Theme::kDark;
  uint32_t theme_toggles = 0;  ///< times the reader switched the theme in the app (the page remembers it)

  // The graph: world-to-panel mapping (pixel = world * zoom + pan) and the nodes the learner
  // dragged, per scenario file, so a reset or a seek keeps them where they were put.
  struct GraphCamera {
    float zoom = 1.0f;
    float pan_x = 0.0f, pan_y = 0.0f;
    bool fit_pending = true;  ///< fit to the panel on the next frame (new scenario, F key, Fit button)
  } camera;
  std::map<std::string, std::map<std::string, view::Vec2>> dragged_nodes;  ///< file -> address -> centre
  std::string selected_node;  ///< address of the node last clicked on the graph
  std::string dragging_node;  ///< address being dragged, or empty

  // The simulated time the graph shows: it trails the lab's clock for a moment after each step so
  // that events visibly travel; deliveries after `arrivals_after` are drawn arriving meanwhile.
  int64_t shown_us = 0;
  int64_t anim_from_us = 0;
  double anim_progress = 1.0;  ///< 0..1 through the catch-up
  uint64_t arrivals_after = 0;
  uint64_t shown_for_delivered = 0;  ///< the lab's delivery count `shown_us` is catching up with

  // The sequence diagram's filters and vertical zoom.
  view::SequenceFilter sequence_filter;
  float sequence_zoom = 1.0f;
  uint64_t sequence_followed_seq = 0;  ///< the selection the diagram last scrolled to
  bool centre_shows_trace = false;  ///< the tab below the graph: sequence diagram (false) or trace

  // Embed mode (embed.html): one view with minimal controls; empty for the full app.
  std::string embed_view;

  // The seed the Reset button uses; re-read from the lab when the scenario changes. The field's
  // text is kept apart so a value outside 0..4294967295 is refused (seed_error) instead of wrapped.
  uint32_t seed_input = 0;
  char seed_text[24] = "0";
  std::string seed_error;

  // Narrow screens (below kNarrowCssWidth): one view at a time behind tabs.
  std::string narrow_view = "graph";
  bool narrow = false;  ///< the last frame was laid out narrow
  float controls_height = 0;  ///< what the controls window's content needed last frame (wrapped rows)

  // Scenario picker.
  std::vector<ScenarioEntry> scenarios;
  std::string current_file;                    ///< the file the page last loaded
  std::optional<std::string> requested_file;   ///< picked in the UI, for the page to fetch

  // The banner for a failed load or a bad link: a headline and every problem ("path: message");
  // the previous scenario stays loaded.
  std::string load_error;
  std::vector<std::string> load_problems;
  bool show_all_problems = false;

  // Requests for the page, forwarded once per frame by the platform (like requested_file).
  bool copy_link_requested = false;  ///< "Copy link": the page knows the URL of this moment

  bool show_help = false;

  // The story strip above the graph: whether the whole of a long description or note is shown.
  bool story_expanded = false;

  // The Resources panel's selection (a resource name); empty or stale means the first one.
  std::string selected_resource;

  // The bucket view's presign form (the principal is an address, "function:upload"; empty means
  // the scenario's first function) and the last result of its Presign button.
  struct PresignForm {
    std::string principal;
    char key[256] = "images/example.jpg";
    bool put = true;  ///< PUT, else GET
    int expires_s = 300;
    std::string bucket;  ///< the bucket the result is for
    std::string url;     ///< the presigned URL, or empty
    std::string error;   ///< "Code: message" when the facade refused, or empty
  } presign;

  // What the graph drew last frame, for the page's tests: particle event ids and their panel
  // positions (CSS-independent framebuffer pixels), and the number of nodes.
  struct DrawnParticle {
    uint64_t event_id = 0, seq = 0;
    float x = 0, y = 0;
  };
  std::vector<DrawnParticle> drawn_particles;
  int drawn_nodes = 0;
  // Each node's label as drawn last frame (framebuffer pixels): the name and counter as shown,
  // shortened ("creat...") or hidden when there was no room, and the counter's number with the
  // key of the resource's state it was read from (view::NodeCount).
  struct DrawnLabel {
    std::string address;
    WidgetRect rect;      ///< empty when hidden
    std::string text;     ///< the name as drawn
    std::string counter;  ///< the counter as drawn, or empty
    int64_t count = 0;    ///< the counter's first number
    std::string count_key;  ///< JSON Pointer into the resource's state, or empty without a counter
    std::vector<view::CountTerm> terms;  ///< every number the counter shows, with its key
    bool elided = false;  ///< shortened or counter dropped: the full text shows on hover
    bool hidden = false;  ///< no room: the name shows only in the node's tooltip
  };
  std::vector<DrawnLabel> drawn_labels;
  std::string render_error;  ///< the graph renderer's shader log, if it failed

  // The stream view: the marker being dragged, the iterator form, and the last call's outcome.
  struct StreamForm {
    std::string dragging;  ///< widget name of the marker being dragged, or empty
    int consumer = 0, shard = 0, type = 0;
    std::string last;
  } stream_form;

  // The search view's query form (a match query) and the last call's outcome.
  struct SearchForm {
    char index[64] = "images";
    char field[64] = "title";
    char text[128] = "";
    std::string last;
  } search_form;

  // The WebSocket form of the client view: the message typed for each client, and the outcome of
  // the last connect, send or disconnect.
  struct WebSocketForm {
    std::map<std::string, std::string> drafts;  ///< client name -> message being typed
    std::string last;
  } websocket_form;

  // The JWT inspector's last "Verify now": which token, against which identity provider, when
  // (simulated µs), and what Lab::CallLocal answered ({"ok": ...} or {"error": ...}).
  struct JwtCheck {
    std::string token, identity;
    int64_t at_us = 0;
    nlohmann::json outcome;
  } jwt_check;

  // Rectangles of named widgets ("step", "scenario:hello.json", ...), rebuilt every frame.
  std::map<std::string, WidgetRect> widget_rects;
};

}  // namespace eventlab::ui
