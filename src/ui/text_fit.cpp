// The cut is searched by bisection over UTF-8 character starts, so a cell costs a few
// CalcTextSize calls and never splits a multi-byte character.
#include "ui/text_fit.h"

#include <cstring>
#include <string>

namespace eventlab::ui {

namespace {

/// `n` moved back to the start of the UTF-8 character it falls in.
size_t CharacterStart(const char* text, size_t n) {
  while (n > 0 && (static_cast<unsigned char>(text[n]) & 0xC0) == 0x80) --n;
  return n;
}

/// The longest prefix of `text` (its byte count, on a character start) whose width plus
/// `suffix_w` fits in `width`. Widths grow with the prefix, so bisection finds it.
size_t FittingPrefix(const char* text, size_t size, float width, float suffix_w) {
  size_t lo = 0, hi = size;  // the prefix up to lo fits; none past hi does
  while (lo < hi) {
    const size_t mid = lo + (hi - lo + 1) / 2;
    const size_t end = CharacterStart(text, mid);
    if (ImGui::CalcTextSize(text, text + end).x + suffix_w <= width) lo = mid;
    else hi = mid - 1;
  }
  return CharacterStart(text, lo);
}

}  // namespace

void TextWithTooltip(const char* text) {
  const size_t size = strlen(text);
  const float width = ImGui::GetContentRegionAvail().x;
  if (ImGui::CalcTextSize(text, text + size).x <= width) {
    ImGui::TextUnformatted(text, text + size);
    return;
  }
  const char* kEllipsis = "...";
  const size_t keep = FittingPrefix(text, size, width, ImGui::CalcTextSize(kEllipsis).x);
  const std::string cut = std::string(text, keep) + kEllipsis;
  ImGui::TextUnformatted(cut.c_str());
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", text);
}

void TextColoredWithTooltip(const ImVec4& color, const char* text) {
  ImGui::PushStyleColor(ImGuiCol_Text, color);
  TextWithTooltip(text);
  ImGui::PopStyleColor();
}

}  // namespace eventlab::ui
