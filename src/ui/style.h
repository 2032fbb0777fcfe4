// The UI's look: colours and sizes, scaled for the device pixel ratio.
#pragma once

#include "imgui.h"
#include "view/palette.h"

namespace eventlab::ui {

/// Resets ImGui's style to the eventlab theme (dark or light) with every size times `scale`.
void ApplyStyle(float scale, view::Theme theme);

/// Accent colours shared by panels.
inline const ImVec4 kErrorColor{0.95f, 0.45f, 0.42f, 1.0f};
inline const ImVec4 kMutedColor{0.62f, 0.66f, 0.72f, 1.0f};
inline const ImVec4 kAccentColor{0.45f, 0.75f, 0.98f, 1.0f};

}  // namespace eventlab::ui
