// The secrets views: a Secrets Manager secret with its versions and staging labels (who read it
// last, its rotations), and a Parameter Store parameter. Values are shown masked, as State() keeps
// them; each function's containers show what they cache (function view).
#include <cinttypes>
#include <string>

#include "imgui.h"
#include "ui/json_tree.h"
#include "ui/resource_views.h"
#include "ui/style.h"
#include "ui/text_fit.h"
#include "ui/time_text.h"

namespace eventlab::ui {

namespace {

constexpr ImGuiTableFlags kTableFlags = ImGuiTableFlags_RowBg | ImGuiTableFlags_Borders | ImGuiTableFlags_SizingStretchProp;

std::string Stages(const nlohmann::json& stages) {
  std::string out;
  if (!stages.is_array()) return out;
  for (const auto& s : stages) out += (out.empty() ? "" : ", ") + ScalarText(s);
  return out;
}

}  // namespace

void DrawSecretView(const nlohmann::json& s) {
  ImGui::TextColored(kMutedColor, "ARN");
  ImGui::SameLine();
  ImGui::TextWrapped("%s", FieldText(s, "arn").c_str());
  ImGui::Text("%" PRId64 " reads, %" PRId64 " writes, %" PRId64 " rotations   last reader %s", FieldInt(s, "reads"), FieldInt(s, "writes"),
              FieldInt(s, "rotations"), FieldText(s, "last_reader").c_str());
  if (FieldInt(s, "rotation_every_us") > 0) ImGui::TextColored(kMutedColor, "rotates every %s", DurationText(FieldInt(s, "rotation_every_us")).c_str());
  const nlohmann::json& versions = FieldArray(s, "versions");
  if (!versions.empty() && ImGui::BeginTable("secret_versions", 4, kTableFlags)) {
    ImGui::TableSetupColumn("version id");
    ImGui::TableSetupColumn("stages");
    ImGui::TableSetupColumn("created");
    ImGui::TableSetupColumn("value");
    ImGui::TableHeadersRow();
    for (const auto& v : versions) {
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      TextWithTooltip(FieldText(v, "version_id").c_str());
      ImGui::TableNextColumn();
      const std::string stages = Stages(v.value("stages", nlohmann::json::array()));
      if (stages.find("AWSCURRENT") != std::string::npos) ImGui::TextColored(kAccentColor, "%s", stages.c_str());
      else ImGui::TextUnformatted(stages.c_str());
      ImGui::TableNextColumn();
      TextWithTooltip(FieldText(v, "created").c_str());
      ImGui::TableNextColumn();
      TextWithTooltip(FieldText(v, "value").c_str());
    }
    ImGui::EndTable();
  }
  if (!FieldArray(s, "rotation_log").empty()) DrawJsonTree("rotation_log", s.at("rotation_log"), 0);
}

void DrawParameterView(const nlohmann::json& s) {
  ImGui::TextColored(kMutedColor, "ARN");
  ImGui::SameLine();
  ImGui::TextWrapped("%s", FieldText(s, "arn").c_str());
  ImGui::Text("%s  %s  version %" PRId64, FieldText(s, "name").c_str(), FieldText(s, "type").c_str(), FieldInt(s, "version"));
  ImGui::Text("value %s", FieldText(s, "value").c_str());
  ImGui::TextColored(kMutedColor, "last modified %s   %" PRId64 " reads, %" PRId64 " writes   last reader %s", FieldText(s, "last_modified").c_str(),
                     FieldInt(s, "reads"), FieldInt(s, "writes"), FieldText(s, "last_reader").c_str());
}

}  // namespace eventlab::ui
