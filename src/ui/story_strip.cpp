// The scenario's story, where a newcomer looks first (the top of the graph): its description
// until the run reaches a scripted step with a note, then that note as a caption ("guided tour").
// Stepping back before a note's delivery brings back the note before it, or the description.
// Long text shows its first lines with "more" to read the rest.
#include <algorithm>
#include <optional>
#include <string>

#include "imgui.h"
#include "ui/panels.h"
#include "ui/style.h"

namespace eventlab::ui {

namespace {

// Lines of the story shown before "more" (one in an embed, whose frame is small).
constexpr float kCollapsedLines = 2.0f;
constexpr float kCollapsedLinesEmbed = 1.0f;

}  // namespace

void DrawStoryStrip(const api::Lab& lab, UiState& state) {
  const auto* scenario = lab.Scenario();
  if (!scenario) return;
  const std::optional<api::Caption> caption = lab.CurrentCaption();
  const bool is_caption = caption && !caption->text.empty();
  const std::string& text = is_caption ? caption->text : scenario->description;
  if (text.empty()) return;
  const std::string lead = is_caption ? "Step " + std::to_string(caption->seq) + ":" : "About:";

  // "About:" (or "Step N:") and, for a long text, "more", then the text wrapped beside them.
  const ImGuiStyle& style = ImGui::GetStyle();
  const float avail_w = ImGui::GetContentRegionAvail().x;
  const float line_h = ImGui::GetTextLineHeight();
  const char* more = state.story_expanded ? "less###story_more" : "more###story_more";
  const float more_w = ImGui::CalcTextSize("more").x + style.FramePadding.x * 2 + style.ItemSpacing.x;
  const float lead_w = ImGui::CalcTextSize(lead.c_str()).x + style.ItemSpacing.x;
  const float collapsed_h = line_h * (state.embed_view.empty() ? kCollapsedLines : kCollapsedLinesEmbed);
  const bool long_text = ImGui::CalcTextSize(text.c_str(), nullptr, false, avail_w - lead_w).y > collapsed_h + 1;
  const float text_w = std::max(avail_w - lead_w - (long_text ? more_w : 0.0f), ImGui::GetFontSize() * 4);
  const float full_h = ImGui::CalcTextSize(text.c_str(), nullptr, false, text_w).y;
  const float shown_h = long_text && !state.story_expanded ? collapsed_h : full_h;

  ImGui::TextColored(is_caption ? kAccentColor : kMutedColor, "%s", lead.c_str());
  RecordWidget(state, is_caption ? "story_caption" : "story_description");
  if (long_text) {
    ImGui::SameLine();
    if (ImGui::SmallButton(more)) state.story_expanded = !state.story_expanded;
    RecordWidget(state, "story_more");
  }
  ImGui::SameLine();
  const ImVec2 at = ImGui::GetCursorScreenPos();
  ImGui::BeginChild("story_text", ImVec2(text_w, shown_h), false, ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse);
  ImGui::PushTextWrapPos(0.0f);
  ImGui::TextUnformatted(text.c_str());
  ImGui::PopTextWrapPos();
  ImGui::EndChild();
  state.widget_rects["story_text"] = WidgetRect{at.x, at.y, text_w, shown_h};
  if (long_text && !state.story_expanded && ImGui::IsItemHovered()) {
    ImGui::BeginTooltip();
    ImGui::PushTextWrapPos(ImGui::GetFontSize() * 30);
    ImGui::TextUnformatted(text.c_str());
    ImGui::PopTextWrapPos();
    ImGui::EndTooltip();
  }
}

}  // namespace eventlab::ui
