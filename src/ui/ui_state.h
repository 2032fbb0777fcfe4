// What the UI remembers between frames (selection, run mode, banner, help) and what it reports
// back to the page (widget rectangles for tests, scenario requests). No lab state lives here:
// the panels read the lab every frame, so changes made from JS show up on the next frame.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

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

  // Run mode: deliveries per second of wall time while running.
  bool running = false;
  float rate_events_per_s = 5.0f;
  double run_budget = 0.0;  ///< fractional events carried to the next frame

  // The seed the Reset button uses; re-read from the lab when the scenario changes.
  uint32_t seed_input = 0;

  // Scenario picker.
  std::vector<ScenarioEntry> scenarios;
  std::string current_file;                    ///< the file the page last loaded
  std::optional<std::string> requested_file;   ///< picked in the UI, for the page to fetch

  // The banner for a failed load; the previous scenario stays loaded.
  std::string load_error;

  bool show_help = false;

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

  // Rectangles of named widgets ("step", "scenario:hello.json", ...), rebuilt every frame.
  std::map<std::string, WidgetRect> widget_rects;
};

}  // namespace eventlab::ui
