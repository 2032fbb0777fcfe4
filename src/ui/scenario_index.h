// Reads web/scenarios/index.json (written by scripts/gen-scenario-index.sh):
// {"scenarios": [{"file": "hello.json", "title": "Hello, events"}, ...]}.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "ui/ui_state.h"

namespace eventlab::ui {

/// The entries in file order; nullopt if the text is not such a document. Never throws.
std::optional<std::vector<ScenarioEntry>> ParseScenarioIndex(std::string_view text);

}  // namespace eventlab::ui
