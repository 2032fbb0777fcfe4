// A read-only tree view of a JSON value: objects and arrays fold, scalars print inline.
#pragma once

#include <nlohmann/json.hpp>

namespace eventlab::ui {

/// Draws `value` under the label `key`. Containers open by default down to `open_depth` levels.
void DrawJsonTree(const char* key, const nlohmann::json& value, int open_depth = 2);

}  // namespace eventlab::ui
