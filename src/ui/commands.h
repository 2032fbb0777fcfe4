// The UI's commands. Buttons and shortcuts both call these, and each is a plain api::Lab call
// plus the UI bookkeeping (selection, run mode) that goes with it.
#pragma once

#include "api/lab.h"
#include "ui/ui_state.h"

namespace eventlab::ui {

void CommandStep(api::Lab& lab, UiState& state);
void CommandStepBack(api::Lab& lab, UiState& state);
void CommandToggleRun(api::Lab& lab, UiState& state);
void CommandReset(api::Lab& lab, UiState& state);
void CommandSelect(UiState& state, uint64_t seq);

}  // namespace eventlab::ui
