// The stream view: each shard as a tape of records (oldest left, trimmed ones counted), a marker
// per consumer at the next record it will read, and the event-source mappings' positions (red when
// a failing batch blocks the shard). Dragging a consumer's marker, or picking an iterator type,
// sends kinesis.set_position as the scenario's client; "Read" sends kinesis.consumer_read. Both
// are events of the run: step to see them happen.
#include <algorithm>
#include <cstdio>
#include <string>

#include "imgui.h"
#include "ui/panels.h"
#include "ui/resource_views.h"
#include "ui/style.h"
#include "ui/time_text.h"

namespace eventlab::ui {

namespace {

constexpr const char* kIteratorTypes[] = {"TRIM_HORIZON", "LATEST", "AT_SEQUENCE_NUMBER", "AFTER_SEQUENCE_NUMBER"};

struct Tape {
  ImVec2 origin;
  float cell = 0;
  int64_t first = 0;  // ordinal of the first record kept
  int64_t count = 0;
};

float XOf(const Tape& t, int64_t ordinal) { return t.origin.x + static_cast<float>(ordinal - t.first) * t.cell; }

void DrawRecords(UiState& ui, ImDrawList* dl, const Tape& t, const nlohmann::json& records, const std::string& shard_id) {
  const float em = ImGui::GetFontSize();
  for (const auto& r : records) {
    const int64_t ordinal = FieldInt(r, "ordinal");
    const ImVec2 a(XOf(t, ordinal) + 1, t.origin.y), b(XOf(t, ordinal) + t.cell - 1, t.origin.y + em * 1.6f);
    const bool poison = FieldText(r, "partition_key").rfind("poison", 0) == 0;
    dl->AddRectFilled(a, b, ImGui::GetColorU32(poison ? ImVec4(0.55f, 0.2f, 0.2f, 1) : ImVec4(0.55f, 0.48f, 0.15f, 1)), 3.0f);
    char label[24];
    snprintf(label, sizeof label, "%lld", static_cast<long long>(ordinal));
    dl->AddText(ImVec2(a.x + 3, a.y + em * 0.2f), IM_COL32(255, 255, 255, 230), label);
    ui.widget_rects["stream_record:" + shard_id + ":" + label] = WidgetRect{a.x, a.y, b.x - a.x, b.y - a.y};
    if (ImGui::IsMouseHoveringRect(a, b)) {
      ImGui::BeginTooltip();
      ImGui::Text("%s  #%s", shard_id.c_str(), label);
      ImGui::TextColored(kMutedColor, "partition key %s", FieldText(r, "partition_key").c_str());
      ImGui::TextColored(kMutedColor, "sequence %s", FieldText(r, "sequence_number").c_str());
      ImGui::TextWrapped("%s", FieldText(r, "data").c_str());
      ImGui::EndTooltip();
    }
  }
}

/// A consumer's marker under the tape; dragging it and letting go moves the consumer there.
void ConsumerMarker(api::Lab& lab, UiState& ui, const Tape& t, const std::string& stream, const std::string& consumer,
                    const std::string& shard_id, int64_t position, const nlohmann::json& records, int row) {
  const float em = ImGui::GetFontSize();
  const float y = t.origin.y + em * 1.7f + static_cast<float>(row) * em * 1.2f;
  const std::string id = "stream_marker:" + consumer + ":" + shard_id;
  const bool dragging = ui.stream_form.dragging == id;
  int64_t shown = position;
  if (dragging) {
    const float fx = (ImGui::GetIO().MousePos.x - t.origin.x) / t.cell + 0.5f;
    shown = std::clamp<int64_t>(t.first + static_cast<int64_t>(std::floor(fx)), t.first, t.first + t.count);
  }
  const float x = XOf(t, shown);
  ImGui::SetCursorScreenPos(ImVec2(x - em * 0.5f, y));
  ImGui::InvisibleButton(id.c_str(), ImVec2(em, em));
  ui.widget_rects[id] = WidgetRect{x - em * 0.5f, y, em, em};
  if (ImGui::IsItemActivated()) ui.stream_form.dragging = id;
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImU32 col = ImGui::GetColorU32(dragging ? kAccentColor : ImVec4(0.85f, 0.88f, 0.95f, 1));
  dl->AddTriangleFilled(ImVec2(x, y), ImVec2(x - em * 0.4f, y + em * 0.7f), ImVec2(x + em * 0.4f, y + em * 0.7f), col);
  dl->AddText(ImVec2(x + em * 0.5f, y - em * 0.1f), col, consumer.c_str());
  if (dragging && ImGui::IsItemDeactivated()) {
    ui.stream_form.dragging.clear();
    nlohmann::json args = {{"stream", stream}, {"consumer", consumer}, {"shard_id", shard_id}};
    const int64_t index = shown - t.first;
    if (index >= t.count) args["type"] = "LATEST";
    else {
      args["type"] = "AT_SEQUENCE_NUMBER";
      args["sequence_number"] = records[static_cast<size_t>(index)].value("sequence_number", std::string());
    }
    ui.stream_form.last = SendAsPageClient(lab, "kinesis.set_position", args);
  }
}

void MappingMarkers(ImDrawList* dl, const Tape& t, const nlohmann::json& resources, const std::string& stream,
                    const std::string& shard_id, const nlohmann::json& records) {
  const float em = ImGui::GetFontSize();
  for (auto it = resources.begin(); it != resources.end(); ++it) {
    const nlohmann::json& m = it.value();
    if (FieldText(m, "kind") != "mapping" || FieldText(m, "source") != "stream:" + stream) continue;
    const nlohmann::json shard = m.value("shards", nlohmann::json::object()).value(shard_id, nlohmann::json::object());
    const std::string checkpoint = FieldText(shard, "checkpoint");
    int64_t next = t.first;  // after the checkpointed record
    for (const auto& r : records) {
      if (FieldText(r, "sequence_number") == checkpoint) next = FieldInt(r, "ordinal") + 1;
    }
    const bool blocked = shard.value("blocked", false);
    const float x = XOf(t, next), y = t.origin.y - em * 0.45f;
    const ImU32 col = ImGui::GetColorU32(blocked ? kErrorColor : kAccentColor);
    dl->AddTriangleFilled(ImVec2(x, y + em * 0.4f), ImVec2(x - em * 0.35f, y - em * 0.2f), ImVec2(x + em * 0.35f, y - em * 0.2f), col);
    dl->AddText(ImGui::GetFont(), em * 0.8f, ImVec2(x + em * 0.45f, y - em * 0.45f), col,
                (it.key() + (blocked ? "  BLOCKED, attempt " + FieldText(shard, "attempts") : "")).c_str());
  }
}

void ConsumerControls(api::Lab& lab, UiState& ui, const std::string& stream, const nlohmann::json& consumers,
                      const nlohmann::json& shards) {
  auto& form = ui.stream_form;
  for (auto it = consumers.begin(); it != consumers.end(); ++it) {
    ImGui::PushID(it.key().c_str());
    ImGui::Text("%s", it.key().c_str());
    ImGui::SameLine();
    ImGui::TextColored(kMutedColor, "starts at %s, %s read", FieldText(it.value(), "start").c_str(), FieldText(it.value(), "read").c_str());
    ImGui::SameLine();
    if (ImGui::SmallButton("Read 10")) {
      form.last = SendAsPageClient(lab, "kinesis.consumer_read", {{"stream", stream}, {"consumer", it.key()}, {"limit", 10}});
    }
    RecordWidget(ui, ("stream_read:" + it.key()).c_str());
    ImGui::PopID();
  }
  if (consumers.empty()) return;
  // Move one consumer on one shard to an iterator type.
  std::vector<std::string> names;
  for (auto it = consumers.begin(); it != consumers.end(); ++it) names.push_back(it.key());
  form.consumer = std::clamp(form.consumer, 0, static_cast<int>(names.size()) - 1);
  form.shard = std::clamp(form.shard, 0, std::max(0, static_cast<int>(shards.size()) - 1));
  const float em = ImGui::GetFontSize();
  ImGui::SetNextItemWidth(em * 6);
  ImGui::Combo("##consumer", &form.consumer, [](void* d, int i, const char** out) {
    *out = (*static_cast<std::vector<std::string>*>(d))[static_cast<size_t>(i)].c_str();
    return true;
  }, &names, static_cast<int>(names.size()));
  ImGui::SameLine();
  ImGui::SetNextItemWidth(em * 3.5f);
  ImGui::SliderInt("shard##shard", &form.shard, 0, std::max(0, static_cast<int>(shards.size()) - 1));
  ImGui::SameLine();
  ImGui::SetNextItemWidth(em * 10);
  ImGui::Combo("##type", &form.type, kIteratorTypes, IM_ARRAYSIZE(kIteratorTypes));
  ImGui::SameLine();
  if (ImGui::SmallButton("Move")) {
    const nlohmann::json& shard = shards[static_cast<size_t>(form.shard)];
    nlohmann::json args = {{"stream", stream}, {"consumer", names[static_cast<size_t>(form.consumer)]},
                           {"shard_id", FieldText(shard, "shard_id")}, {"type", kIteratorTypes[form.type]}};
    if (form.type >= 2) {  // AT/AFTER a sequence number: the shard's oldest record kept
      const nlohmann::json& records = FieldArray(shard, "records");
      args["sequence_number"] = records.empty() ? "0" : FieldText(records[0], "sequence_number");
    }
    form.last = SendAsPageClient(lab, "kinesis.set_position", args);
  }
  RecordWidget(ui, "stream_move");
  if (!form.last.empty()) ImGui::TextColored(form.last.rfind("refused", 0) == 0 ? kErrorColor : kMutedColor, "%s", form.last.c_str());
}

}  // namespace

void DrawStreamView(api::Lab& lab, UiState& ui, const std::string& name, const nlohmann::json& s,
                    const nlohmann::json& resources) {
  const float em = ImGui::GetFontSize();
  const nlohmann::json& shards = FieldArray(s, "shards");
  const nlohmann::json consumers = s.value("consumers", nlohmann::json::object());
  ImGui::TextColored(kMutedColor, "%zu shards, retention %s, %s put, %s throttled", shards.size(),
                     DurationText(FieldInt(s, "retention_us")).c_str(), FieldText(s, "put").c_str(), FieldText(s, "throttled").c_str());
  ImGui::TextColored(kMutedColor, "drag a consumer's marker to move it, then Read: step to see the reads");
  ConsumerControls(lab, ui, name, consumers, shards);
  ImGui::Separator();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  for (const auto& shard : shards) {
    const std::string shard_id = FieldText(shard, "shard_id");
    const nlohmann::json& records = FieldArray(shard, "records");
    ImGui::Text("%s", shard_id.c_str());
    ImGui::SameLine();
    ImGui::TextColored(kMutedColor, "%s trimmed", FieldText(shard, "trimmed").c_str());
    Tape t;
    t.cell = em * 2.2f;
    t.first = FieldInt(shard, "first_ordinal");
    t.count = static_cast<int64_t>(records.size());
    t.origin = ImVec2(ImGui::GetCursorScreenPos().x + em * 0.5f, ImGui::GetCursorScreenPos().y + em * 0.9f);
    // The tape's end: where new records are appended.
    dl->AddLine(ImVec2(XOf(t, t.first + t.count), t.origin.y - 2), ImVec2(XOf(t, t.first + t.count), t.origin.y + em * 1.8f),
                ImGui::GetColorU32(ImGuiCol_TextDisabled), 2.0f);
    DrawRecords(ui, dl, t, records, shard_id);
    MappingMarkers(dl, t, resources, name, shard_id, records);
    int row = 0;
    for (auto it = consumers.begin(); it != consumers.end(); ++it, ++row) {
      const nlohmann::json positions = it.value().value("positions", nlohmann::json::object());
      const nlohmann::json p = positions.value(shard_id, nlohmann::json());
      // A consumer that has not read yet starts at its start position.
      const int64_t position = p.is_number() ? p.get<int64_t>()
                               : FieldText(it.value(), "start") == "TRIM_HORIZON" ? t.first : t.first + t.count;
      ConsumerMarker(lab, ui, t, name, it.key(), shard_id, position, records, row);
    }
    ImGui::SetCursorScreenPos(ImVec2(t.origin.x - em * 0.5f, t.origin.y + em * 1.9f + static_cast<float>(row) * em * 1.2f));
    ImGui::Dummy(ImVec2(XOf(t, t.first + t.count) - t.origin.x + em * 6, em * 0.2f));
  }
}

}  // namespace eventlab::ui
