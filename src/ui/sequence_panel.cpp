// The sequence diagram: a lifeline per participant, an arrow per delivery (dashed for replies,
// red for errors) placed in simulated time, with breaks over long quiet stretches. It follows
// the current step, scrolls and zooms, filters by participant and kind, and a click on an arrow
// selects that delivery everywhere.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <set>
#include <string>
#include <vector>

#include "imgui.h"
#include "ui/commands.h"
#include "ui/panels.h"
#include "ui/style.h"
#include "ui/time_text.h"
#include "view/palette.h"

namespace eventlab::ui {

namespace {

constexpr float kLaneWidthEm = 8.0f;
constexpr float kMinLaneWidthEm = 5.5f;
constexpr float kTimeColumnEm = 6.0f;

void FilterPopup(const api::Lab& lab, UiState& state) {
  if (ImGui::SmallButton("Filter...")) ImGui::OpenPopup("sequence_filter");
  RecordWidget(state, "sequence_filter");
  if (!ImGui::BeginPopup("sequence_filter")) return;
  std::set<std::string> participants, kinds;
  for (const auto& r : lab.Trace()) {
    participants.insert(r.event.from);
    participants.insert(r.event.to);
    kinds.insert(r.event.kind);
  }
  auto toggles = [](const char* title, const std::set<std::string>& all, std::set<std::string>& hidden) {
    ImGui::TextColored(kMutedColor, "%s", title);
    for (const auto& name : all) {
      bool shown = !hidden.count(name);
      if (ImGui::Checkbox(name.c_str(), &shown)) {
        if (shown) hidden.erase(name);
        else hidden.insert(name);
      }
    }
  };
  toggles("participants", participants, state.sequence_filter.hidden_participants);
  ImGui::Separator();
  toggles("event kinds", kinds, state.sequence_filter.hidden_kinds);
  if (ImGui::Button("Show all")) state.sequence_filter = {};
  ImGui::EndPopup();
}

void DashedLine(ImDrawList* dl, ImVec2 a, ImVec2 b, ImU32 col, float thickness, float dash) {
  const float len = std::hypot(b.x - a.x, b.y - a.y);
  if (len <= 0) return;
  const float ux = (b.x - a.x) / len, uy = (b.y - a.y) / len;
  for (float t = 0; t < len; t += dash * 2) {
    const float e = std::min(t + dash, len);
    dl->AddLine(ImVec2(a.x + ux * t, a.y + uy * t), ImVec2(a.x + ux * e, a.y + uy * e), col, thickness);
  }
}

void Arrow(ImDrawList* dl, const view::SequenceRow& row, float x_from, float x_to, float y, ImU32 col, float thick, float em) {
  if (row.from_lane == row.to_lane) {  // a self event: a small loop to the right
    const float w = em * 1.6f, h = em * 0.5f;
    dl->AddLine(ImVec2(x_from, y - h), ImVec2(x_from + w, y - h), col, thick);
    dl->AddLine(ImVec2(x_from + w, y - h), ImVec2(x_from + w, y), col, thick);
    dl->AddLine(ImVec2(x_from + w, y), ImVec2(x_from + 3, y), col, thick);
    dl->AddTriangleFilled(ImVec2(x_from + 1, y), ImVec2(x_from + 7, y - 4), ImVec2(x_from + 7, y + 4), col);
    return;
  }
  if (row.reply) DashedLine(dl, ImVec2(x_from, y), ImVec2(x_to, y), col, thick, em * 0.35f);
  else dl->AddLine(ImVec2(x_from, y), ImVec2(x_to, y), col, thick);
  const float dir = x_to > x_from ? 1.0f : -1.0f, s = em * 0.45f;
  dl->AddTriangleFilled(ImVec2(x_to, y), ImVec2(x_to - dir * s, y - s * 0.6f), ImVec2(x_to - dir * s, y + s * 0.6f), col);
}

}  // namespace

void DrawSequenceView(api::Lab& lab, UiState& state, ViewCache& cache) {
  cache.Sync(lab);
  const float em = ImGui::GetFontSize();
  FilterPopup(lab, state);
  ImGui::SameLine();
  ImGui::SetNextItemWidth(em * 7);
  ImGui::SliderFloat("zoom###sequence_zoom", &state.sequence_zoom, 0.5f, 4.0f, "%.1fx", ImGuiSliderFlags_Logarithmic);
  const bool filtered = !state.sequence_filter.hidden_kinds.empty() || !state.sequence_filter.hidden_participants.empty();
  if (filtered) {
    ImGui::SameLine();
    ImGui::TextColored(kAccentColor, "filtered");
  }

  view::SequenceScale scale;
  scale.row_px = em * 1.45f * state.sequence_zoom;
  scale.px_per_ms = 0.25f * state.sequence_zoom;
  scale.max_gap_px = em * 3.0f * state.sequence_zoom;
  const view::SequenceLayout seq = view::LayOutSequence(lab.Trace(), cache.Layout(), state.sequence_filter, scale);

  // Lanes shrink (down to kMinLaneWidthEm) so more lifelines fit before the diagram scrolls.
  const float time_w = em * kTimeColumnEm, header_h = em * 1.8f;
  const float fit_w = (ImGui::GetContentRegionAvail().x - time_w) / static_cast<float>(std::max<size_t>(seq.lanes.size(), 1));
  const float lane_w = std::clamp(fit_w, em * kMinLaneWidthEm, em * kLaneWidthEm);
  const float content_w = time_w + lane_w * static_cast<float>(seq.lanes.size());
  ImGui::BeginChild("sequence_scroll", ImVec2(0, 0), false, ImGuiWindowFlags_HorizontalScrollbar);
  ImGui::Dummy(ImVec2(content_w, header_h + seq.height));
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImVec2 origin(ImGui::GetWindowPos().x - ImGui::GetScrollX(), ImGui::GetWindowPos().y - ImGui::GetScrollY());
  const float view_top = ImGui::GetScrollY(), view_h = ImGui::GetWindowHeight();
  auto lane_x = [&](int lane) { return origin.x + time_w + lane_w * (static_cast<float>(lane) + 0.5f); };
  const ImU32 line_col = ImGui::GetColorU32(ImGuiCol_Border);
  const ImU32 muted = ImGui::GetColorU32(ImGuiCol_TextDisabled);

  // Follow the current step (or the selected row) when it changes, down and sideways, so the
  // selected arrow is in view and not an empty band off to the right.
  // Only when the selection changed: a reader's own scrolling is left alone.
  if (state.sequence_followed_seq != state.selected_seq) {
    state.sequence_followed_seq = state.selected_seq;
    const float view_left = ImGui::GetScrollX(), view_w = ImGui::GetWindowWidth() - ImGui::GetStyle().ScrollbarSize;
    for (const auto& row : seq.rows) {
      if (row.seq != state.selected_seq) continue;
      const float y = header_h + row.y;
      if (y < view_top + header_h || y > view_top + view_h - em) ImGui::SetScrollY(y - view_h * 0.6f);
      const float lo = time_w + lane_w * static_cast<float>(std::min(row.from_lane, row.to_lane));
      const float hi = time_w + lane_w * static_cast<float>(std::max(row.from_lane, row.to_lane) + 1);
      if (lo < view_left + time_w || hi > view_left + view_w) {
        // Centre the arrow; one wider than the view shows its start (the sender).
        const float target = hi - lo <= view_w - time_w ? (lo + hi) / 2 - (view_w + time_w) / 2 : lo - time_w;
        ImGui::SetScrollX(std::max(0.0f, target));
      }
    }
  }
  // Lifelines, then the visible rows only.
  for (size_t i = 0; i < seq.lanes.size(); ++i) {
    const float x = lane_x(static_cast<int>(i));
    dl->AddLine(ImVec2(x, origin.y + header_h), ImVec2(x, origin.y + header_h + seq.height), line_col, 1.0f);
  }
  const ImVec2 mouse = ImGui::GetIO().MousePos;
  const bool hovered = ImGui::IsWindowHovered();
  struct TimeLabel {
    float y;
    std::string text;
    float size;
  };
  std::vector<TimeLabel> times;  // drawn after the rows, over any arrow scrolled under the column
  auto first = std::lower_bound(seq.rows.begin(), seq.rows.end(), view_top - em * 2,
                                [](const view::SequenceRow& r, float v) { return r.y < v; });
  for (auto it = first; it != seq.rows.end() && it->y < view_top + view_h; ++it) {
    const view::SequenceRow& row = *it;
    const core::Event& e = lab.Trace()[row.seq - 1].event;
    const float y = origin.y + header_h + row.y;
    const float x_from = lane_x(row.from_lane), x_to = lane_x(row.to_lane);
    const float left = std::min(x_from, x_to) - em * 0.3f, right = std::max(x_from, x_to) + em * (row.from_lane == row.to_lane ? 2.0f : 0.3f);
    const bool selected = row.seq == state.selected_seq;
    const bool over = hovered && mouse.y >= y - em * 0.7f && mouse.y <= y + em * 0.3f && mouse.x >= left && mouse.x <= right;
    if (row.break_before) {
      const float by = y - std::min(scale.max_gap_px, em * 1.5f) * 0.5f - scale.row_px * 0.5f;
      times.push_back({by - em * 0.5f, "~ +" + DurationText(row.gap_before_us), em});
    }
    if (selected || over) {
      dl->AddRectFilled(ImVec2(origin.x, y - em * 0.75f), ImVec2(origin.x + content_w, y + em * 0.35f),
                        ImGui::GetColorU32(selected ? ImGuiCol_Header : ImGuiCol_FrameBgHovered));
    }
    const ImU32 col = view::PackRgba(view::EventColour(e.kind, row.error, state.theme));
    Arrow(dl, row, x_from, x_to, y, col, selected ? 2.5f : 1.5f, em);
    const std::string label = row.error ? e.kind + "  " + e.error->code : e.kind;
    const float label_x = row.from_lane == row.to_lane ? x_from + em * 2.0f : std::min(x_from, x_to) + em * 0.4f;
    dl->AddText(ImGui::GetFont(), em * 0.8f, ImVec2(label_x, y - em * 0.95f),
                row.error ? view::PackRgba(view::EventColour("", true, state.theme)) : ImGui::GetColorU32(ImGuiCol_Text),
                label.c_str());
    times.push_back({y - em * 0.6f, ClockText(row.time_us), em * 0.75f});
    char name[40];
    snprintf(name, sizeof name, "sequence_row:%llu", static_cast<unsigned long long>(row.seq));
    state.widget_rects[name] = WidgetRect{left, y - em * 0.7f, right - left, em};
    if (over) {
      ImGui::BeginTooltip();
      ImGui::Text("#%llu %s", static_cast<unsigned long long>(row.seq), e.kind.c_str());
      ImGui::TextColored(kMutedColor, "%s -> %s at %s", e.from.c_str(), e.to.c_str(), ClockText(row.time_us).c_str());
      ImGui::EndTooltip();
      if (ImGui::IsMouseClicked(ImGuiMouseButton_Left)) CommandSelect(state, row.seq);
    }
  }
  // The time column stays at the left while the diagram scrolls sideways (to follow an arrow).
  const float left = ImGui::GetWindowPos().x;
  if (ImGui::GetScrollX() > 0) {
    dl->AddRectFilled(ImVec2(left, origin.y + view_top), ImVec2(left + time_w, origin.y + view_top + view_h),
                      ImGui::GetColorU32(ImGuiCol_WindowBg));
  }
  for (const TimeLabel& t : times) dl->AddText(ImGui::GetFont(), t.size, ImVec2(left + 4, t.y), muted, t.text.c_str());
  // The participants' names stay at the top while the diagram scrolls.
  const float header_y = origin.y + view_top;
  dl->AddRectFilled(ImVec2(origin.x, header_y), ImVec2(origin.x + content_w, header_y + header_h), ImGui::GetColorU32(ImGuiCol_WindowBg));
  for (size_t i = 0; i < seq.lanes.size(); ++i) {
    const std::string& lane = seq.lanes[i];
    const float x = lane_x(static_cast<int>(i));
    const ImVec2 size = ImGui::CalcTextSize(lane.c_str());
    const float w = std::min(size.x, lane_w - 6);
    const ImVec4 clip(x - lane_w / 2 + 3, header_y, x + lane_w / 2 - 3, header_y + header_h);
    const std::string kind = lane.substr(0, lane.find(':'));
    dl->AddText(ImGui::GetFont(), em, ImVec2(x - w / 2, header_y + em * 0.35f), view::PackRgba(view::StyleOfKind(kind, state.theme).colour),
                lane.c_str(), nullptr, 0, &clip);
    const bool over_header = hovered && mouse.y >= header_y && mouse.y < header_y + header_h && mouse.x >= clip.x &&
                             mouse.x < clip.z;
    if (over_header) ImGui::SetTooltip("%s", lane.c_str());  // the full name, which the lane may cut
    state.widget_rects["sequence_lane:" + lane] = WidgetRect{clip.x, header_y, clip.z - clip.x, header_h};
  }
  if (seq.rows.empty()) dl->AddText(ImVec2(origin.x + 8, origin.y + header_h), muted, lab.Loaded() ? "No deliveries yet: press Space or Step." : "No scenario.");
  ImGui::EndChild();
}

void DrawSequencePanel(api::Lab& lab, UiState& state, ViewCache& cache, const PanelRect& where) {
  PlaceNextWindow(where);
  if (ImGui::Begin("Sequence###sequence", nullptr, kPanelFlags)) DrawSequenceView(lab, state, cache);
  ImGui::End();
}

}  // namespace eventlab::ui
