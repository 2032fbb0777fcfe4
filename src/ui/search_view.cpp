// The search domain view: each index with its documents and term counts, the last search with its
// hits and scores, and a form that runs a match query as the page's client (a search.query call
// in the run: step to see it answered).
#include <cinttypes>
#include <string>

#include "imgui.h"
#include "ui/panels.h"
#include "ui/resource_views.h"
#include "ui/style.h"
#include "ui/text_fit.h"
#include "core/json_bounds.h"

namespace eventlab::ui {

namespace {

void Documents(const std::string& index, const nlohmann::json& ix) {
  const nlohmann::json docs = ix.value("documents", nlohmann::json::object());
  const std::string title = index + ": " + FieldText(ix, "doc_count") + " documents, " + FieldText(ix, "term_count") + " terms###" + index;
  if (!ImGui::CollapsingHeader(title.c_str(), ImGuiTreeNodeFlags_DefaultOpen)) return;
  const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_Borders | ImGuiTableFlags_SizingStretchProp;
  if (docs.empty() || !ImGui::BeginTable(("docs_" + index).c_str(), 3, flags)) return;
  ImGui::TableSetupColumn("_id");
  ImGui::TableSetupColumn("_version");
  ImGui::TableSetupColumn("_source");
  ImGui::TableHeadersRow();
  for (auto it = docs.begin(); it != docs.end(); ++it) {
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    TextWithTooltip(it.key().c_str());
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(FieldText(it.value(), "_version").c_str());
    ImGui::TableNextColumn();
    ImGui::TextWrapped("%s", it.value().contains("_source") ? core::DumpText(it.value().at("_source")).c_str() : "-");
  }
  ImGui::EndTable();
}

}  // namespace

void DrawSearchView(api::Lab& lab, UiState& ui, const std::string& name, const nlohmann::json& s) {
  ImGui::TextColored(kMutedColor, "%s", FieldText(s, "endpoint").c_str());
  ImGui::Text("%" PRId64 " requests, %" PRId64 " searches, %" PRId64 " writes", FieldInt(s, "requests"), FieldInt(s, "searches"),
              FieldInt(s, "writes"));
  const nlohmann::json indexes = s.value("indexes", nlohmann::json::object());
  // The query form: a match query on one field of one index.
  auto& form = ui.search_form;
  const float em = ImGui::GetFontSize();
  ImGui::SetNextItemWidth(em * 6);
  ImGui::InputText("index##search_index", form.index, sizeof form.index);
  ImGui::SameLine();
  ImGui::SetNextItemWidth(em * 6);
  ImGui::InputText("field##search_field", form.field, sizeof form.field);
  ImGui::SetNextItemWidth(em * 12);
  ImGui::InputText("##search_text", form.text, sizeof form.text);
  RecordWidget(ui, "search_text");
  ImGui::SameLine();
  if (ImGui::Button("Search")) {
    const nlohmann::json args = {{"domain", name}, {"index", std::string(form.index)},
                                 {"query", {{"query", {{"match", {{std::string(form.field), std::string(form.text)}}}}}}}};
    form.last = SendAsPageClient(lab, "search.query", args);
  }
  RecordWidget(ui, "search_button");
  if (!form.last.empty()) ImGui::TextColored(kMutedColor, "%s", form.last.c_str());
  if (s.contains("last_search") && !s.at("last_search").is_null()) {
    if (ImGui::CollapsingHeader("Last search", ImGuiTreeNodeFlags_DefaultOpen)) {
      ImGui::PushTextWrapPos(0.0f);
      ImGui::TextUnformatted(core::DumpText(s.at("last_search"), 1).c_str());
      ImGui::PopTextWrapPos();
    }
  }
  for (auto it = indexes.begin(); it != indexes.end(); ++it) Documents(it.key(), it.value());
}

}  // namespace eventlab::ui
