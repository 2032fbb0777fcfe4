// Loads scenario format v1 (web/docs/scenario-format.md) from JSON text.
#pragma once

#include <string_view>

#include "core/event.h"
#include "scenario/scenario.h"

namespace eventlab::scenario {

/// Parses and checks `text`. Every problem is reported with its JSON pointer; on any problem no
/// scenario is returned. Never throws.
LoadResult LoadScenario(std::string_view text);

/// The same, for an already parsed document.
LoadResult LoadScenarioJson(const core::Json& doc);

}  // namespace eventlab::scenario
