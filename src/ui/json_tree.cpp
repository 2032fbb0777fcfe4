// JSON tree view. Strings show quoted, like the trace format; keys keep nlohmann's sorted order.
// Integers under keys that name a time unit ("idle_us") show their human reading beside them.
#include "ui/json_tree.h"
#include "core/json_bounds.h"

#include <cstdint>
#include <string>

#include "imgui.h"
#include "ui/style.h"
#include "ui/time_text.h"

namespace eventlab::ui {

namespace {

void DrawScalar(const char* key, const nlohmann::json& value) {
  ImGui::TextColored(kMutedColor, "%s:", key);
  ImGui::SameLine();
  if (value.is_string()) {
    ImGui::PushStyleColor(ImGuiCol_Text, kAccentColor);
    ImGui::TextWrapped("\"%s\"", value.get_ref<const std::string&>().c_str());
    ImGui::PopStyleColor();
  } else {
    // Integers beyond int64 (unsigned) have no time reading; the raw number still shows.
    std::string human;
    if (value.is_number_integer() && (!value.is_number_unsigned() || value.get<uint64_t>() <= INT64_MAX))
      human = KeyedTimeText(key, value.get<int64_t>());
    if (human.empty()) ImGui::TextWrapped("%s", core::DumpText(value).c_str());
    else ImGui::TextWrapped("%s (%s)", core::DumpText(value).c_str(), human.c_str());
  }
}

void DrawNode(const char* key, const nlohmann::json& value, int depth, int open_depth) {
  if (!value.is_structured()) {
    DrawScalar(key, value);
    return;
  }
  const bool is_array = value.is_array();
  char summary[48];
  snprintf(summary, sizeof summary, is_array ? "[%u]" : "{%u}", static_cast<unsigned>(value.size()));
  ImGui::SetNextItemOpen(depth < open_depth, ImGuiCond_Appearing);
  // The label includes the depth so that equal keys at different levels keep their own state.
  if (ImGui::TreeNode((std::string(key) + "##" + std::to_string(depth)).c_str(), "%s %s", key, summary)) {
    int index = 0;
    for (auto it = value.begin(); it != value.end(); ++it, ++index) {
      const std::string child = is_array ? std::to_string(index) : it.key();
      ImGui::PushID(index);
      DrawNode(child.c_str(), *it, depth + 1, open_depth);
      ImGui::PopID();
    }
    ImGui::TreePop();
  }
}

}  // namespace

void DrawJsonTree(const char* key, const nlohmann::json& value, int open_depth) {
  DrawNode(key, value, 0, open_depth);
}

}  // namespace eventlab::ui
