// The UI's commands. Buttons and shortcuts both call these, and each is a plain api::Lab call
// plus the UI bookkeeping (selection, run mode) that goes with it.
#pragma once

#include <string>

#include "api/lab.h"
#include "ui/ui_state.h"

namespace eventlab::ui {

void CommandStep(api::Lab& lab, UiState& state);
void CommandStepBack(api::Lab& lab, UiState& state);
void CommandToggleRun(api::Lab& lab, UiState& state);
void CommandReset(api::Lab& lab, UiState& state);
void CommandSelect(UiState& state, uint64_t seq);
/// Selects an event picked on the graph: a delivery by its seq, or a pending event by its id.
void CommandSelectEvent(const api::Lab& lab, UiState& state, uint64_t event_id, uint64_t seq);
/// Moves the lab to the state after delivery `seq` (the timeline); pauses a run.
void CommandSeek(api::Lab& lab, UiState& state, uint64_t seq);
/// Highlights the causes of the selected delivery on the graph (again: clears them).
void CommandToggleWhy(UiState& state);
void CommandToggleTheme(UiState& state);
/// Presigns state.presign's key in `bucket` as its principal through Lab::CallLocal, at the
/// simulated now; the URL or the error goes to state.presign. The simulation is not changed.
void CommandPresign(api::Lab& lab, UiState& state, const std::string& bucket);

}  // namespace eventlab::ui
