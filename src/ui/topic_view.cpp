// The topic view: each subscription with its state and how its copies fared (delivered, retrying,
// dead-lettered, filtered out), every copy's delivery state, the published messages, and the
// simulated email and SMS inboxes.
#include <cinttypes>
#include <string>

#include "imgui.h"
#include "ui/resource_views.h"
#include "ui/style.h"
#include "ui/text_fit.h"
#include "ui/time_text.h"
#include "core/json_bounds.h"

namespace eventlab::ui {

namespace {

constexpr ImGuiTableFlags kTableFlags = ImGuiTableFlags_RowBg | ImGuiTableFlags_Borders | ImGuiTableFlags_SizingStretchProp;

ImVec4 StatusColour(const std::string& status) {
  if (status == "delivered" || status == "Confirmed") return kAccentColor;
  if (status == "dead_lettered" || status == "discarded") return kErrorColor;
  return kMutedColor;
}

void Subscriptions(const nlohmann::json& s) {
  const nlohmann::json& subs = FieldArray(s, "subscriptions");
  ImGui::TextColored(kMutedColor, "%zu subscriptions: every one gets its own copy", subs.size());
  if (subs.empty() || !ImGui::BeginTable("subscriptions", 5, kTableFlags)) return;
  for (const char* h : {"protocol", "endpoint", "status", "copies", "filter"}) ImGui::TableSetupColumn(h);
  ImGui::TableHeadersRow();
  for (const auto& sub : subs) {
    const nlohmann::json counts = sub.value("counts", nlohmann::json::object());
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(FieldText(sub, "protocol").c_str());
    ImGui::TableNextColumn();
    TextWithTooltip(FieldText(sub, "endpoint").c_str());
    if (sub.contains("dead_letter_queue") && sub["dead_letter_queue"].is_string()) {
      ImGui::TextColored(kMutedColor, "DLQ %s", FieldText(sub, "dead_letter_queue").c_str());
    }
    ImGui::TableNextColumn();
    ImGui::TextColored(StatusColour(FieldText(sub, "status")), "%s", FieldText(sub, "status").c_str());
    ImGui::TableNextColumn();
    ImGui::Text("%" PRId64 " delivered", FieldInt(counts, "delivered"));
    for (const char* k : {"in_flight", "retrying", "dead_lettered", "discarded"}) {
      if (FieldInt(counts, k) > 0) ImGui::TextColored(StatusColour(k), "%" PRId64 " %s", FieldInt(counts, k), k);
    }
    ImGui::TableNextColumn();
    const nlohmann::json& policy = sub.contains("filter_policy") ? sub["filter_policy"] : nlohmann::json();
    if (policy.is_null()) ImGui::TextColored(kMutedColor, "none");
    else {
      ImGui::TextWrapped("%s", core::DumpText(policy).c_str());
      ImGui::TextColored(kMutedColor, "%" PRId64 " matched, %" PRId64 " filtered out", FieldInt(sub, "matched"), FieldInt(sub, "filtered"));
    }
  }
  ImGui::EndTable();
}

void Deliveries(const nlohmann::json& s) {
  const nlohmann::json& deliveries = FieldArray(s, "deliveries");
  if (!ImGui::CollapsingHeader(("Copies (" + std::to_string(deliveries.size()) + ")###copies").c_str(), ImGuiTreeNodeFlags_DefaultOpen)) return;
  if (deliveries.empty() || !ImGui::BeginTable("copies", 5, kTableFlags)) return;
  for (const char* h : {"message", "subscription", "state", "attempts", "next / last error"}) ImGui::TableSetupColumn(h);
  ImGui::TableHeadersRow();
  const nlohmann::json& subs = FieldArray(s, "subscriptions");
  for (const auto& d : deliveries) {
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(FieldText(d, "message_id").substr(0, 8).c_str());
    ImGui::TableNextColumn();
    const int64_t i = FieldInt(d, "subscription", -1);
    TextWithTooltip(i >= 0 && static_cast<size_t>(i) < subs.size()
                        ? (FieldText(subs[i], "protocol") + " " + FieldText(subs[i], "endpoint")).c_str() : "-");
    ImGui::TableNextColumn();
    ImGui::TextColored(StatusColour(FieldText(d, "status")), "%s", FieldText(d, "status").c_str());
    ImGui::TableNextColumn();
    ImGui::Text("%" PRId64, FieldInt(d, "attempts"));
    ImGui::TableNextColumn();
    if (d.contains("next_attempt_us") && d["next_attempt_us"].is_number()) ImGui::Text("retry at %s", ClockText(FieldInt(d, "next_attempt_us")).c_str());
    if (d.contains("last_error") && d["last_error"].is_string()) TextColoredWithTooltip(kErrorColor, FieldText(d, "last_error").c_str());
  }
  ImGui::EndTable();
}

void Inboxes(const nlohmann::json& s) {
  for (const char* box : {"email", "sms"}) {
    const nlohmann::json inbox = s.value(box, nlohmann::json::object());
    if (!inbox.is_object() || inbox.empty()) continue;
    if (!ImGui::CollapsingHeader(box == std::string("email") ? "Email inboxes" : "SMS inboxes", ImGuiTreeNodeFlags_DefaultOpen)) continue;
    for (auto it = inbox.begin(); it != inbox.end(); ++it) {
      ImGui::TextColored(kAccentColor, "%s  (%zu)", it.key().c_str(), it.value().size());
      const int decimals = FieldTimeDecimals(it.value(), "time_us");
      for (const auto& m : it.value()) {
        ImGui::BulletText("%s  %s", FixedSecondsText(FieldInt(m, "time_us"), decimals).c_str(),
                          m.contains("subject") ? FieldText(m, "subject").c_str() : "");
        ImGui::Indent();
        ImGui::PushTextWrapPos(0.0f);
        const std::string body = FieldText(m, "body");
        ImGui::TextColored(kMutedColor, "%s", body.size() > 300 ? (body.substr(0, 300) + "...").c_str() : body.c_str());
        ImGui::PopTextWrapPos();
        ImGui::Unindent();
      }
    }
  }
}

}  // namespace

void DrawTopicView(const nlohmann::json& s) {
  ImGui::TextColored(kMutedColor, "%s", FieldText(s, "arn").c_str());
  ImGui::Text("%" PRId64 " published   %" PRId64 " rejected", FieldInt(s, "published"), FieldInt(s, "rejected"));
  Subscriptions(s);
  Deliveries(s);
  Inboxes(s);
}

}  // namespace eventlab::ui
