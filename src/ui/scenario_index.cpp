// index.json parsing without exceptions: parse with allow_exceptions off, check every type.
#include "ui/scenario_index.h"

#include <nlohmann/json.hpp>

namespace eventlab::ui {

std::optional<std::vector<ScenarioEntry>> ParseScenarioIndex(std::string_view text) {
  const nlohmann::json doc = nlohmann::json::parse(text, nullptr, false);
  if (!doc.is_object() || !doc.contains("scenarios") || !doc["scenarios"].is_array()) return std::nullopt;
  std::vector<ScenarioEntry> entries;
  for (const auto& item : doc["scenarios"]) {
    if (!item.is_object() || !item.contains("file") || !item["file"].is_string()) return std::nullopt;
    ScenarioEntry e;
    e.file = item["file"].get<std::string>();
    e.title = item.contains("title") && item["title"].is_string() ? item["title"].get<std::string>() : e.file;
    entries.push_back(std::move(e));
  }
  return entries;
}

}  // namespace eventlab::ui
