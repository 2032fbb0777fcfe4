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
/// Presigns state.presign's key in `bucket` as its principal through Lab::CallLocal, at the
/// simulated now; the URL or the error goes to state.presign. The simulation is not changed.
void CommandPresign(api::Lab& lab, UiState& state, const std::string& bucket);

}  // namespace eventlab::ui
