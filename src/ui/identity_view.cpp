// The identity provider view: issuer and audience, its signing keys (which one signs now, which
// the JWKS still publishes: a rotation shows as two published keys), logins and the recent tokens.
#include <cinttypes>
#include <string>

#include "core/sim_time.h"
#include "imgui.h"
#include "ui/resource_views.h"
#include "ui/style.h"

namespace eventlab::ui {

void DrawIdentityView(const nlohmann::json& s) {
  ImGui::Text("issuer %s   audience %s   %s", FieldText(s, "issuer").c_str(), FieldText(s, "audience").c_str(), FieldText(s, "algorithm").c_str());
  ImGui::Text("%" PRId64 " logins, %" PRId64 " failed, %" PRId64 " JWKS requests", FieldInt(s, "logins"), FieldInt(s, "failed_logins"),
              FieldInt(s, "jwks_requests"));
  const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_Borders | ImGuiTableFlags_SizingStretchProp;
  const nlohmann::json& keys = FieldArray(s, "keys");
  if (!keys.empty() && ImGui::BeginTable("idp_keys", 4, flags)) {
    ImGui::TableSetupColumn("kid");
    ImGui::TableSetupColumn("now");
    ImGui::TableSetupColumn("signs");
    ImGui::TableSetupColumn("published until");
    ImGui::TableHeadersRow();
    for (const auto& k : keys) {
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(FieldText(k, "kid").c_str());
      ImGui::TableNextColumn();
      const bool signing = k.value("signing", false), published = k.value("published", false);
      if (signing) ImGui::TextColored(kAccentColor, "signing, in JWKS");
      else if (published) ImGui::Text("in JWKS (verifies old tokens)");
      else ImGui::TextColored(kMutedColor, "retired");
      ImGui::TableNextColumn();
      ImGui::Text("from %s%s", FieldText(k, "sign_from").c_str(), k.contains("sign_until") ? (" to " + FieldText(k, "sign_until")).c_str() : "");
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(k.contains("publish_until") ? FieldText(k, "publish_until").c_str() : "-");
    }
    ImGui::EndTable();
  }
  const nlohmann::json& tokens = FieldArray(s, "tokens");
  if (tokens.empty()) return;
  ImGui::TextColored(kMutedColor, "Recent tokens");
  if (!ImGui::BeginTable("idp_tokens", 3, flags)) return;
  ImGui::TableSetupColumn("sub");
  ImGui::TableSetupColumn("kid");
  ImGui::TableSetupColumn("expires");
  ImGui::TableHeadersRow();
  for (const auto& t : tokens) {
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(FieldText(t, "sub").c_str());
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(FieldText(t, "kid").c_str());
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(core::FormatIsoUtc(FieldInt(t, "exp") * 1000000).c_str());
  }
  ImGui::EndTable();
}

}  // namespace eventlab::ui
