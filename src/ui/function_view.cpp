// The function view: its containers (warm, busy or still initialising), counters, recent
// invocations with their init and run durations, and the log lines its handlers wrote.
#include <cinttypes>
#include <string>

#include "imgui.h"
#include "ui/resource_views.h"
#include "ui/style.h"
#include "ui/time_text.h"

namespace eventlab::ui {

namespace {

constexpr ImGuiTableFlags kTableFlags =
    ImGuiTableFlags_RowBg | ImGuiTableFlags_Borders | ImGuiTableFlags_SizingFixedFit | ImGuiTableFlags_ScrollY;

/// A table's height for up to `max_rows` rows plus the header.
ImVec2 TableSize(size_t rows, size_t max_rows) {
  const size_t shown = (rows < max_rows ? rows : max_rows) + 1;
  return {0, ImGui::GetTextLineHeightWithSpacing() * static_cast<float>(shown) + 6};
}

ImVec4 StateColor(const std::string& state) {
  if (state == "warm") return ImVec4{0.50f, 0.85f, 0.55f, 1.0f};
  if (state == "busy") return ImVec4{0.98f, 0.78f, 0.35f, 1.0f};
  return kAccentColor;  // initialising: a cold start in progress
}

/// What a container keeps between invocations: cached call results with their expiry (call steps
/// with "cache") and the handler's own container.* values.
void DrawContainerCache(const nlohmann::json& c) {
  const nlohmann::json& calls = FieldArray(c, "call_cache");
  const nlohmann::json values = c.value("cache", nlohmann::json::object());
  if (calls.empty() && (!values.is_object() || values.empty())) {
    ImGui::TextColored(kMutedColor, "empty");
    return;
  }
  for (const auto& e : calls)
    ImGui::Text("%s until %s", FieldText(e, "action").c_str(), ClockText(FieldInt(e, "expires_us")).c_str());
  if (values.is_object())
    for (auto it = values.begin(); it != values.end(); ++it) ImGui::TextColored(kMutedColor, "container.%s", it.key().c_str());
}

void DrawContainers(const nlohmann::json& containers) {
  if (containers.empty()) {
    ImGui::TextColored(kMutedColor, "No containers (every container is cold).");
    return;
  }
  if (!ImGui::BeginTable("containers", 4, kTableFlags, TableSize(containers.size(), 4))) return;
  ImGui::TableSetupScrollFreeze(0, 1);
  ImGui::TableSetupColumn("container");
  ImGui::TableSetupColumn("state");
  ImGui::TableSetupColumn("invocations");
  ImGui::TableSetupColumn("cache (lost on a cold start)");
  ImGui::TableHeadersRow();
  for (const auto& c : containers) {
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::Text("#%" PRId64, FieldInt(c, "id"));
    ImGui::TableNextColumn();
    const std::string state = FieldText(c, "state");
    ImGui::TextColored(StateColor(state), "%s", state.c_str());
    ImGui::TableNextColumn();
    ImGui::Text("%" PRId64, FieldInt(c, "invocations"));
    ImGui::TableNextColumn();
    DrawContainerCache(c);
  }
  ImGui::EndTable();
}

void DrawRecent(const nlohmann::json& recent) {
  if (recent.empty()) {
    ImGui::TextColored(kMutedColor, "No finished invocations yet.");
    return;
  }
  if (!ImGui::BeginTable("recent", 5, kTableFlags, TableSize(recent.size(), 6))) return;
  ImGui::TableSetupScrollFreeze(0, 1);
  for (const char* name : {"request", "start", "init", "run", "result"}) ImGui::TableSetupColumn(name);
  ImGui::TableHeadersRow();
  for (auto it = recent.rbegin(); it != recent.rend(); ++it) {  // newest first
    const nlohmann::json& r = *it;
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    const std::string id = FieldText(r, "request_id");
    ImGui::TextUnformatted(id.substr(0, 8).c_str());
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s (container #%" PRId64 ")", id.c_str(), FieldInt(r, "container"));
    ImGui::TableNextColumn();
    const bool cold = r.is_object() && r.value("cold", false);
    if (cold) ImGui::TextColored(kAccentColor, "cold");
    else ImGui::TextUnformatted("warm");
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(DurationText(FieldInt(r, "init_us")).c_str());
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(DurationText(FieldInt(r, "run_us")).c_str());
    ImGui::TableNextColumn();
    if (r.is_object() && r.contains("error") && !r.at("error").is_null())
      ImGui::TextColored(kErrorColor, "%s", FieldText(r, "error").c_str());
    else ImGui::TextUnformatted("ok");
  }
  ImGui::EndTable();
}

void DrawLogs(const nlohmann::json& logs) {
  if (logs.empty()) {
    ImGui::TextColored(kMutedColor, "No log lines.");
    return;
  }
  const int decimals = FieldTimeDecimals(logs, "time_us");
  for (const auto& l : logs) {
    ImGui::TextColored(kMutedColor, "%s %s", FixedSecondsText(FieldInt(l, "time_us"), decimals).c_str(),
                       FieldText(l, "request_id").substr(0, 8).c_str());
    ImGui::SameLine();
    ImGui::TextWrapped("%s", FieldText(l, "line").c_str());
  }
}

}  // namespace

void DrawFunctionView(const nlohmann::json& s) {
  ImGui::Text("%" PRId64 " invocations  %" PRId64 " cold starts  %" PRId64 " errors  %" PRId64 " throttles",
              FieldInt(s, "invocations"), FieldInt(s, "cold_starts"), FieldInt(s, "errors"), FieldInt(s, "throttles"));
  ImGui::TextColored(kMutedColor, "%u running   %" PRId64 " containers expired   timeout %s",
                     static_cast<unsigned>(FieldArray(s, "running").size()), FieldInt(s, "expired"),
                     DurationText(FieldInt(s, "timeout_us")).c_str());
  ImGui::TextUnformatted("Containers");
  DrawContainers(FieldArray(s, "containers"));
  ImGui::TextUnformatted("Recent invocations");
  DrawRecent(FieldArray(s, "recent"));
  if (ImGui::CollapsingHeader("Logs", ImGuiTreeNodeFlags_DefaultOpen)) DrawLogs(FieldArray(s, "logs"));
}

}  // namespace eventlab::ui
