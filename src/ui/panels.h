// One function per panel (each in its own file). Panels read the lab and issue commands.
#pragma once

#include "api/lab.h"
#include "ui/layout.h"
#include "ui/view_cache.h"
#include "ui/ui_state.h"

namespace eventlab::ui {

void DrawControlsPanel(api::Lab& lab, UiState& state, const PanelRect& where);
void DrawScenarioPicker(const api::Lab& lab, UiState& state, const PanelRect& where);
void DrawPendingPanel(const api::Lab& lab, const PanelRect& where);
void DrawTracePanel(const api::Lab& lab, UiState& state, const PanelRect& where);
void DrawTraceView(const api::Lab& lab, UiState& state);
void DrawInspectorPanel(api::Lab& lab, UiState& state, const PanelRect& where);
/// Every resource grouped by kind, and a readable view of the selected one.
void DrawResourcesPanel(api::Lab& lab, UiState& state, ViewCache& cache, const PanelRect& where);
void DrawErrorBanner(UiState& state, const PanelRect& where);
/// The architecture graph with moving events (its own window / only its content).
void DrawGraphPanel(api::Lab& lab, UiState& state, ViewCache& cache, const PanelRect& where, double dt_s);
void DrawGraphView(api::Lab& lab, UiState& state, ViewCache& cache, double dt_s);
/// The sequence diagram (its own window / only its content).
void DrawSequencePanel(api::Lab& lab, UiState& state, ViewCache& cache, const PanelRect& where);
void DrawSequenceView(api::Lab& lab, UiState& state, ViewCache& cache);
/// Below the graph: the sequence diagram and the trace list as two tabs.
void DrawTimelineTabs(api::Lab& lab, UiState& state, ViewCache& cache, const PanelRect& where);
/// The timeline scrubber over the whole run (one row, full width of the window).
void DrawTimeline(api::Lab& lab, UiState& state);
/// embed.html's strip: step back, run, step and the timeline.
void DrawEmbedControls(api::Lab& lab, UiState& state, const PanelRect& where);
void DrawHelpOverlay(UiState& state);
/// The scenario's description, or the caption of the last noted scripted step delivered.
void DrawStoryStrip(const api::Lab& lab, UiState& state);
/// Narrow screens: the tabs that pick the one view shown (UiState::narrow_view).
void DrawNarrowTabs(UiState& state, const PanelRect& where);
/// How many rows the narrow tabs wrap onto in a window `width` wide.
int NarrowTabRows(float width);

/// SameLine() if an item `width` wide still fits on the current row, else nothing (a new row):
/// rows of buttons wrap on narrow screens instead of running off the edge.
void SameLineIfFits(float width);
/// The seed field shows `seed` (a reset, a new scenario, a link) and drops any refused text.
void SetSeedField(UiState& state, uint32_t seed);

/// Space or Right steps, Shift+Space or Left steps back, Home/End go to the start/end, R runs or
/// pauses, F fits the graph, W shows why, T switches the theme, ? or H toggles help, Esc closes it.
void HandleShortcuts(api::Lab& lab, UiState& state);

/// Records the last drawn item's rectangle under `name` (for the page's tests).
void RecordWidget(UiState& state, const char* name);

}  // namespace eventlab::ui
