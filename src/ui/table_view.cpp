// The table view: the key schema and the items as a grid, key attributes first and then every
// other attribute name seen, with DynamoDB's typed values ({"S": "x"}, {"N": "1"}) shown compactly.
#include <cinttypes>
#include <string>
#include <vector>

#include "imgui.h"
#include "ui/resource_views.h"
#include "ui/style.h"
#include "core/json_bounds.h"

namespace eventlab::ui {

namespace {

/// A typed attribute value as short text: "x" for S, 12 for N, true, null, [..] and {..} for the rest.
std::string TypedText(const nlohmann::json& v) {
  if (!v.is_object() || v.size() != 1) return core::DumpText(v);
  const std::string& type = v.begin().key();
  const nlohmann::json& x = v.begin().value();
  if (type == "S") return "\"" + ScalarText(x) + "\"";
  if (type == "N" || type == "BOOL") return ScalarText(x);
  if (type == "NULL") return "null";
  if (type == "B") return "<binary " + ScalarText(x) + ">";
  if (type == "L" && x.is_array()) {
    std::string out = "[";
    for (const auto& e : x) out += (out.size() > 1 ? ", " : "") + TypedText(e);
    return out + "]";
  }
  if (type == "M" && x.is_object()) {
    std::string out = "{";
    for (auto it = x.begin(); it != x.end(); ++it) out += (out.size() > 1 ? ", " : "") + it.key() + ": " + TypedText(it.value());
    return out + "}";
  }
  return type + " " + core::DumpText(x);  // SS, NS, BS
}

void AddColumn(std::vector<std::string>& columns, const std::string& name) {
  for (const std::string& c : columns)
    if (c == name) return;
  columns.push_back(name);
}

}  // namespace

namespace {

/// The table's stream: its view type and the newest INSERT / MODIFY / REMOVE records.
void DrawStreamRecords(const nlohmann::json& s) {
  if (!s.contains("stream") || !s.at("stream").is_object()) return;
  const nlohmann::json& stream = s.at("stream");
  const nlohmann::json& records = FieldArray(stream, "records");
  const std::string title = "Stream (" + FieldText(stream, "view_type") + "): " + std::to_string(records.size()) + " records###stream";
  if (!ImGui::CollapsingHeader(title.c_str(), ImGuiTreeNodeFlags_DefaultOpen)) return;
  const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_Borders | ImGuiTableFlags_SizingStretchProp;
  if (records.empty() || !ImGui::BeginTable("stream_records", 3, flags)) return;
  ImGui::TableSetupColumn("sequence");
  ImGui::TableSetupColumn("event");
  ImGui::TableSetupColumn("keys / new image");
  ImGui::TableHeadersRow();
  for (const auto& r : records) {
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(FieldText(r, "sequence_number").c_str());
    ImGui::TableNextColumn();
    const std::string name = FieldText(r, "event_name");
    ImGui::TextColored(name == "REMOVE" ? kErrorColor : name == "INSERT" ? kAccentColor : ImGui::GetStyleColorVec4(ImGuiCol_Text), "%s", name.c_str());
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(r.contains("keys") ? core::DumpText(r.at("keys")).c_str() : "-");
    if (r.contains("new_image") && !r.at("new_image").is_null()) {
      const std::string image = core::DumpText(r.at("new_image"));
      ImGui::TextColored(kMutedColor, "%s", image.size() > 80 ? (image.substr(0, 80) + "...").c_str() : image.c_str());
      if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", image.c_str());
    }
  }
  ImGui::EndTable();
}

}  // namespace

void DrawTableView(const nlohmann::json& s) {
  const nlohmann::json schema = s.contains("key_schema") ? s.at("key_schema") : nlohmann::json::object();
  const nlohmann::json hash = schema.contains("hash_key") ? schema.at("hash_key") : nlohmann::json::object();
  const nlohmann::json range = schema.contains("range_key") ? schema.at("range_key") : nlohmann::json();
  ImGui::Text("key %s (%s)", FieldText(hash, "name").c_str(), FieldText(hash, "type").c_str());
  if (range.is_object()) {
    ImGui::SameLine();
    ImGui::Text("+ %s (%s)", FieldText(range, "name").c_str(), FieldText(range, "type").c_str());
  }
  const nlohmann::json& items = FieldArray(s, "items");
  ImGui::TextColored(kMutedColor, "%" PRId64 " items%s   %" PRId64 " changes", FieldInt(s, "item_count"),
                     static_cast<int64_t>(items.size()) < FieldInt(s, "item_count") ? " (first 200 shown)" : "",
                     FieldInt(s, "changes"));
  DrawStreamRecords(s);
  if (items.empty()) {
    ImGui::TextColored(kMutedColor, "No items.");
    return;
  }
  std::vector<std::string> columns;
  if (hash.contains("name")) AddColumn(columns, FieldText(hash, "name"));
  if (range.is_object() && range.contains("name")) AddColumn(columns, FieldText(range, "name"));
  for (const auto& item : items)
    if (item.is_object())
      for (auto it = item.begin(); it != item.end(); ++it) AddColumn(columns, it.key());
  if (columns.size() > 63) columns.resize(63);  // ImGui tables hold at most 64 columns
  const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_Borders | ImGuiTableFlags_SizingFixedFit |
                                ImGuiTableFlags_ScrollX | ImGuiTableFlags_ScrollY;
  if (!ImGui::BeginTable("items", static_cast<int>(columns.size()), flags)) return;
  ImGui::TableSetupScrollFreeze(1, 1);
  for (const std::string& c : columns) ImGui::TableSetupColumn(c.c_str());
  ImGui::TableHeadersRow();
  for (const auto& item : items) {
    ImGui::TableNextRow();
    for (const std::string& c : columns) {
      ImGui::TableNextColumn();
      if (item.is_object() && item.contains(c)) {
        const std::string text = TypedText(item.at(c));
        ImGui::TextUnformatted(text.c_str());
        if (text.size() > 40 && ImGui::IsItemHovered()) ImGui::SetTooltip("%s", text.c_str());
      } else {
        ImGui::TextColored(kMutedColor, "-");
      }
    }
  }
  ImGui::EndTable();
}

}  // namespace eventlab::ui
