// The bucket view: its objects as a table, its counters, a form that presigns a new URL for it
// (storage.presign through Lab::CallLocal, which changes nothing in the simulation), and the
// presigned URLs for it that appeared in the trace, each with its expiry counted down on the
// simulated clock.
#include <algorithm>
#include <cinttypes>
#include <cstdio>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/sim_time.h"
#include "imgui.h"
#include "ui/commands.h"
#include "ui/panels.h"
#include "ui/resource_views.h"
#include "ui/style.h"
#include "ui/time_text.h"

namespace eventlab::ui {

namespace {

constexpr int64_t kUsPerSecond = 1000000;

/// "2026-03-02T10:00:05.000Z" for epoch microseconds.
std::string EpochText(int64_t epoch_us) { return core::FormatIsoUtc(epoch_us); }

/// X-Amz-Date ("20260302T100000Z") as epoch microseconds; nullopt if malformed.
std::optional<int64_t> ParseAmzDate(const std::string& t) {
  if (t.size() != 16) return std::nullopt;
  return core::ParseIsoUtc(t.substr(0, 4) + "-" + t.substr(4, 2) + "-" + t.substr(6, 5) + ":" + t.substr(11, 2) + ":" +
                           t.substr(13, 3));
}

/// The value of query parameter `name` in `url`, undecoded; empty if absent.
std::string QueryParam(const std::string& url, const std::string& name) {
  const size_t q = url.find('?');
  if (q == std::string::npos) return "";
  size_t at = q + 1;
  while (at <= url.size()) {
    size_t end = url.find('&', at);
    if (end == std::string::npos) end = url.size();
    const std::string pair = url.substr(at, end - at);
    const size_t eq = pair.find('=');
    if (pair.substr(0, eq) == name) return eq == std::string::npos ? "" : pair.substr(eq + 1);
    at = end + 1;
  }
  return "";
}

/// The key part of a presigned URL: the path without its leading '/', still URI-encoded.
std::string UrlKey(const std::string& url) {
  const size_t scheme = url.find("://");
  const size_t path = url.find('/', scheme == std::string::npos ? 0 : scheme + 3);
  if (path == std::string::npos) return "";
  return url.substr(path + 1, url.find('?', path) - path - 1);
}

/// Collects every string in `value` that is a presigned URL for `bucket`.
void FindUrls(const nlohmann::json& value, const std::string& prefix, std::set<std::string>& out) {
  if (value.is_string()) {
    const std::string& s = value.get_ref<const std::string&>();
    if (s.rfind(prefix, 0) == 0 && s.find("X-Amz-Signature=") != std::string::npos) out.insert(s);
  } else if (value.is_structured()) {
    for (const auto& child : value) FindUrls(child, prefix, out);
  }
}

void DrawObjects(const nlohmann::json& objects) {
  if (objects.empty()) {
    ImGui::TextColored(kMutedColor, "No objects.");
    return;
  }
  const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_Borders | ImGuiTableFlags_SizingFixedFit |
                                ImGuiTableFlags_ScrollX | ImGuiTableFlags_ScrollY;
  const float rows = static_cast<float>(std::min<size_t>(objects.size(), 6) + 1);
  const ImVec2 size{0, ImGui::GetTextLineHeightWithSpacing() * rows + ImGui::GetStyle().ScrollbarSize + 4};
  if (!ImGui::BeginTable("objects", 5, flags, size)) return;
  ImGui::TableSetupScrollFreeze(1, 1);
  for (const char* name : {"key", "size", "ETag", "content type", "last modified"}) ImGui::TableSetupColumn(name);
  ImGui::TableHeadersRow();
  for (const auto& o : objects) {
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(FieldText(o, "key").c_str());
    ImGui::TableNextColumn();
    ImGui::Text("%" PRId64, FieldInt(o, "size"));
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(FieldText(o, "etag").c_str());
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(FieldText(o, "content_type").c_str());
    ImGui::TableNextColumn();
    const int64_t modified = FieldInt(o, "last_modified_us");
    ImGui::TextUnformatted(modified ? EpochText(modified).c_str() : "scenario start");
  }
  ImGui::EndTable();
}

/// The simulated now as epoch microseconds.
int64_t NowEpochUs(const api::Lab& lab) {
  const int64_t start = lab.Scenario() && lab.Scenario()->world ? lab.Scenario()->world->env.start_epoch_us : 0;
  return start + lab.NowUs();
}

/// "expires in Ns" / "expired Ns ago" for a presigned URL, read from its X-Amz-Date and
/// X-Amz-Expires, against the simulated now.
void DrawExpiry(const std::string& url, int64_t now) {
  const std::string date = QueryParam(url, "X-Amz-Date");
  const std::string expires = QueryParam(url, "X-Amz-Expires");
  const std::optional<int64_t> signed_at = ParseAmzDate(date);
  bool digits = !expires.empty() && expires.size() < 12;
  for (char c : expires) digits = digits && c >= '0' && c <= '9';
  if (signed_at && digits) {
    const int64_t end = *signed_at + std::stoll(expires) * kUsPerSecond;
    const int64_t left_s = (end - now) / kUsPerSecond;
    // Whole seconds, as X-Amz-Expires counts them: the time left rounds up, the time past down.
    if (end > now) ImGui::TextColored(kAccentColor, "expires in %s", DurationText((left_s + ((end - now) % kUsPerSecond ? 1 : 0)) * kUsPerSecond).c_str());
    else ImGui::TextColored(kErrorColor, "expired %s ago", DurationText((now - end) / kUsPerSecond * kUsPerSecond).c_str());
  } else {
    ImGui::TextColored(kErrorColor, "unreadable X-Amz-Date or X-Amz-Expires");
  }
}

/// The scenario's functions then clients, as caller addresses ("function:upload").
std::vector<std::string> Principals(const api::Lab& lab) {
  std::vector<std::string> out;
  if (!lab.Scenario() || !lab.Scenario()->world) return out;
  for (const char* kind : {"function", "client"}) {
    for (const auto& [name, resource] : lab.Scenario()->world->resources)
      if (resource && resource->Kind() == kind) out.push_back(std::string(kind) + ":" + name);
  }
  return out;
}

void DrawPresignForm(api::Lab& lab, UiState& ui, const std::string& bucket) {
  UiState::PresignForm& form = ui.presign;
  const std::vector<std::string> principals = Principals(lab);
  if (principals.empty()) {
    ImGui::TextColored(kMutedColor, "No function or client to sign as.");
    return;
  }
  if (std::find(principals.begin(), principals.end(), form.principal) == principals.end()) form.principal = principals[0];
  ImGui::PushID("presign");
  const float em = ImGui::GetFontSize();
  ImGui::SetNextItemWidth(em * 11);
  if (ImGui::BeginCombo("as", form.principal.c_str())) {
    for (const std::string& p : principals) {
      if (ImGui::Selectable(p.c_str(), p == form.principal)) form.principal = p;
    }
    ImGui::EndCombo();
  }
  ImGui::SameLine();
  if (ImGui::RadioButton("GET", !form.put)) form.put = false;
  ImGui::SameLine();
  if (ImGui::RadioButton("PUT", form.put)) form.put = true;
  ImGui::SameLine();
  ImGui::SetNextItemWidth(em * 3.5f);
  ImGui::InputInt("s", &form.expires_s, 0, 0);
  form.expires_s = std::clamp(form.expires_s, 1, 604800);
  ImGui::SetNextItemWidth(em * 16);
  ImGui::InputText("key", form.key, sizeof form.key);
  ImGui::SameLine();
  if (ImGui::Button("Presign")) CommandPresign(lab, ui, bucket);
  RecordWidget(ui, "presign:button");
  if (form.bucket == bucket) {
    if (!form.error.empty()) {
      ImGui::PushStyleColor(ImGuiCol_Text, kErrorColor);
      ImGui::PushTextWrapPos(0.0f);
      ImGui::TextUnformatted(form.error.c_str());
      ImGui::PopTextWrapPos();
      ImGui::PopStyleColor();
    } else if (!form.url.empty()) {
      DrawExpiry(form.url, NowEpochUs(lab));
      ImGui::SameLine();
      if (ImGui::SmallButton("copy")) ImGui::SetClipboardText(form.url.c_str());
      ImGui::PushTextWrapPos(0.0f);
      ImGui::TextUnformatted(form.url.c_str());
      ImGui::PopTextWrapPos();
    }
  }
  ImGui::PopID();
}

void DrawPresignedUrls(const api::Lab& lab, const std::string& name) {
  std::set<std::string> urls;
  // Both host forms start so: "<bucket>.s3.amazonaws.com" and "<bucket>.s3.<region>.amazonaws.com".
  const std::string prefix = "https://" + name + ".s3.";
  for (const auto& r : lab.Trace()) FindUrls(r.event.payload, prefix, urls);
  if (urls.empty()) {
    ImGui::TextColored(kMutedColor, "No presigned URL for this bucket in the trace yet.");
    return;
  }
  const int64_t now = NowEpochUs(lab);
  ImGui::TextColored(kMutedColor, "simulated now %s", EpochText(now).c_str());
  int index = 0;
  for (const std::string& url : urls) {
    ImGui::PushID(index++);
    const std::string date = QueryParam(url, "X-Amz-Date");
    const std::string expires = QueryParam(url, "X-Amz-Expires");
    ImGui::Bullet();
    ImGui::TextUnformatted(UrlKey(url).c_str());
    ImGui::Indent();
    ImGui::TextColored(kMutedColor, "X-Amz-Date %s  X-Amz-Expires %s", date.c_str(), expires.c_str());
    DrawExpiry(url, now);
    if (ImGui::TreeNode("url", "full URL")) {
      ImGui::PushTextWrapPos(0.0f);
      ImGui::TextUnformatted(url.c_str());
      ImGui::PopTextWrapPos();
      ImGui::TreePop();
    }
    ImGui::Unindent();
    ImGui::PopID();
  }
}

}  // namespace

void DrawBucketView(api::Lab& lab, UiState& ui, const std::string& name, const nlohmann::json& s) {
  const nlohmann::json& objects = FieldArray(s, "objects");
  ImGui::Text("%u objects   %" PRId64 " puts   %" PRId64 " deletes   %" PRId64 " notifications",
              static_cast<unsigned>(objects.size()), FieldInt(s, "puts"), FieldInt(s, "deletes"),
              FieldInt(s, "notifications"));
  DrawObjects(objects);
  ImGui::Spacing();
  ImGui::Separator();
  ImGui::TextUnformatted("Presign a URL (computed now; nothing is sent)");
  DrawPresignForm(lab, ui, name);
  ImGui::Spacing();
  ImGui::Separator();
  ImGui::TextUnformatted("Presigned URLs in the trace");
  DrawPresignedUrls(lab, name);
}

}  // namespace eventlab::ui
