// The token debugger inside the inspector: every JWT found in an event's payload, its three parts
// coloured, header and claims decoded (times as dates, relative to the simulated now), and each
// verification check with its outcome.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "api/lab.h"
#include "core/event.h"
#include "ui/ui_state.h"

namespace eventlab::ui {

/// The JWTs (compact JWS whose header decodes to a JSON object with "alg") among the strings of
/// `value`, at most `limit`, with a "Bearer " prefix or a "name=" cookie prefix removed.
std::vector<std::string> FindTokens(const nlohmann::json& value, size_t limit = 3);

/// Draws the token section for `e` when its payload holds JWTs.
void DrawJwtInspector(api::Lab& lab, UiState& state, const core::Event& e);

}  // namespace eventlab::ui
