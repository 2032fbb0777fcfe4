// One function per panel (each in its own file). Panels read the lab and issue commands.
#pragma once

#include "api/lab.h"
#include "ui/layout.h"
#include "ui/ui_state.h"

namespace eventlab::ui {

void DrawControlsPanel(api::Lab& lab, UiState& state, const PanelRect& where);
void DrawScenarioPicker(const api::Lab& lab, UiState& state, const PanelRect& where);
void DrawPendingPanel(const api::Lab& lab, const PanelRect& where);
void DrawTracePanel(const api::Lab& lab, UiState& state, const PanelRect& where);
void DrawInspectorPanel(const api::Lab& lab, UiState& state, const PanelRect& where);
/// Every resource grouped by kind, and a readable view of the selected one.
void DrawResourcesPanel(api::Lab& lab, UiState& state, const PanelRect& where);
void DrawErrorBanner(UiState& state, const PanelRect& where);
void DrawHelpOverlay(UiState& state);

/// Space steps, Shift+Space steps back, R runs/pauses, ? or H toggles help, Esc closes help.
void HandleShortcuts(api::Lab& lab, UiState& state);

/// Records the last drawn item's rectangle under `name` (for the page's tests).
void RecordWidget(UiState& state, const char* name);

}  // namespace eventlab::ui
