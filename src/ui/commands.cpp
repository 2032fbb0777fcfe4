// UI commands over api::Lab: the same calls the JS bindings make, plus selection bookkeeping.
#include "ui/commands.h"
#include "core/json_bounds.h"

namespace eventlab::ui {

void CommandStep(api::Lab& lab, UiState& state) {
  if (lab.CanStep() && lab.Step()) {
    state.follow_latest = true;
    state.scroll_to_selected = true;
  }
}

void CommandStepBack(api::Lab& lab, UiState& state) {
  state.running = false;
  if (lab.StepBack()) {
    state.follow_latest = true;
    state.scroll_to_selected = true;
  }
}

void CommandToggleRun(api::Lab& lab, UiState& state) {
  // Play at the end of a run replays it from the start, as a media player does.
  if (!state.running && lab.Loaded() && !lab.CanStep() && lab.Delivered() > 0) lab.Seek(0);
  state.running = !state.running && lab.Loaded() && lab.CanStep();
  state.run_budget = 0.0;
  if (state.running) state.follow_latest = true;
}

void CommandReset(api::Lab& lab, UiState& state) {
  state.running = false;
  lab.Reset(state.seed_input);
  state.follow_latest = true;
  state.selected_seq = 0;
  state.selected_pending_id = 0;
  state.why_seq = 0;
}

void CommandSelect(UiState& state, uint64_t seq) {
  state.selected_seq = seq;
  state.selected_pending_id = 0;
  state.follow_latest = false;
  state.scroll_to_selected = true;
}

void CommandSelectEvent(const api::Lab& lab, UiState& state, uint64_t event_id, uint64_t seq) {
  if (seq > 0) {
    CommandSelect(state, seq);
    return;
  }
  state.selected_pending_id = event_id;
  state.follow_latest = false;
}

void CommandSeek(api::Lab& lab, UiState& state, uint64_t seq) {
  state.running = false;
  if (lab.Seek(seq)) {
    state.follow_latest = true;
    state.scroll_to_selected = true;
    state.selected_pending_id = 0;
  }
}

void CommandToggleWhy(UiState& state) {
  state.why_seq = state.why_seq == state.selected_seq ? 0 : state.selected_seq;
}

void CommandToggleTheme(UiState& state) {
  state.theme = state.theme == view::Theme::kDark ? view::Theme::kLight : view::Theme::kDark;
  ++state.theme_toggles;
}

void CommandPresign(api::Lab& lab, UiState& state, const std::string& bucket) {
  UiState::PresignForm& form = state.presign;
  form.bucket = bucket;
  form.url.clear();
  form.error.clear();
  const api::Json args = {{"bucket", bucket},
                          {"key", std::string(form.key)},
                          {"method", form.put ? "PUT" : "GET"},
                          {"expires", form.expires_s}};
  const api::Json out = lab.CallLocal(form.principal, "storage.presign", args);
  if (out.contains("ok") && out["ok"].contains("url") && out["ok"]["url"].is_string()) {
    form.url = out["ok"]["url"].get<std::string>();
  } else if (out.contains("error")) {
    form.error = out["error"].value("code", std::string("Error")) + ": " + out["error"].value("message", std::string());
  } else {
    form.error = "unexpected result: " + core::DumpText(out);
  }
}

}  // namespace eventlab::ui
