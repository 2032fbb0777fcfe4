// Parts are coloured as token debuggers colour them (header, claims, signature). Checks come from
// the event itself when it is a jwt.verify outcome, or from verifying the token now, through the
// facade, against one of the scenario's identity providers.
#include "ui/jwt_inspector.h"

#include <algorithm>
#include <cinttypes>
#include <optional>
#include <string>

#include "cloud/auth/base64url.h"
#include "core/sim_time.h"
#include "imgui.h"
#include "ui/json_tree.h"
#include "ui/panels.h"
#include "ui/resource_views.h"
#include "ui/style.h"
#include "ui/time_text.h"

namespace eventlab::ui {

namespace {

const ImVec4 kHeaderColor{0.98f, 0.40f, 0.48f, 1.0f};
const ImVec4 kClaimsColor{0.80f, 0.50f, 0.98f, 1.0f};
const ImVec4 kSignatureColor{0.30f, 0.78f, 0.95f, 1.0f};
const ImVec4 kOkColor{0.45f, 0.85f, 0.50f, 1.0f};

bool IsBase64Url(const std::string& s) {
  return !s.empty() && s.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_") == std::string::npos;
}

// The token inside `text` ("Bearer <jwt>", "session=<jwt>; ...", or the JWT alone), or "".
std::string TokenIn(const std::string& text) {
  const size_t start = text.find("eyJ");
  if (start == std::string::npos) return "";
  size_t end = start;
  while (end < text.size() && (IsBase64Url(std::string(1, text[end])) || text[end] == '.')) ++end;
  const std::string candidate = text.substr(start, end - start);
  const size_t a = candidate.find('.'), b = candidate.find('.', a + 1);
  if (a == std::string::npos || b == std::string::npos || candidate.find('.', b + 1) != std::string::npos) return "";
  auto header = cloud::auth::Base64UrlDecode(candidate.substr(0, a));
  if (!header.ok()) return "";
  const nlohmann::json h = nlohmann::json::parse(header.value(), nullptr, false);
  return h.is_object() && h.contains("alg") && h["alg"].is_string() ? candidate : "";
}

void Collect(const nlohmann::json& v, size_t limit, std::vector<std::string>& out) {
  if (out.size() >= limit) return;
  if (v.is_string()) {
    const std::string t = TokenIn(v.get_ref<const std::string&>());
    if (!t.empty() && std::find(out.begin(), out.end(), t) == out.end()) out.push_back(t);
  } else if (v.is_structured()) {
    for (const auto& item : v) Collect(item, limit, out);
  }
}

nlohmann::json DecodePart(const std::string& part) {
  auto text = cloud::auth::Base64UrlDecode(part);
  if (!text.ok()) return nlohmann::json();
  return nlohmann::json::parse(text.value(), nullptr, false);
}

// "2026-03-02T10:00:00.000Z (in 59 min 58 s)" for an epoch-seconds claim, relative to the simulated now.
std::string ClaimTime(int64_t epoch_s, int64_t now_epoch_s) {
  epoch_s = std::clamp<int64_t>(epoch_s, -100000000000LL, 100000000000LL);  // claims are untrusted
  const int64_t delta = epoch_s - now_epoch_s;
  const int64_t abs = delta < 0 ? -delta : delta;
  // The clamp keeps abs * 1e6 far inside int64.
  const std::string span = DurationText(abs * 1000000);
  const std::string rel = delta < 0 ? span + " ago" : "in " + span;
  return core::FormatIsoUtc(epoch_s * 1000000) + " (" + rel + ")";
}

void Checks(const nlohmann::json& checks) {
  for (const auto& c : checks) {
    const bool ok = c.value("ok", false);
    ImGui::TextColored(ok ? kOkColor : kErrorColor, "%s %s", ok ? "pass" : "FAIL", c.value("check", std::string()).c_str());
    ImGui::SameLine();
    ImGui::TextColored(kMutedColor, "%s", c.contains("detail") ? ScalarText(c.at("detail")).c_str() : "");
  }
}

std::vector<std::string> IdentityProviders(const api::Lab& lab) {
  std::vector<std::string> names;
  if (!lab.Loaded()) return names;
  for (const auto& [name, resource] : lab.Scenario()->world->resources)
    if (resource->Kind() == "identity_provider") names.push_back(name);
  return names;
}

// A caller CallLocal accepts: the scenario's first function, else its first client.
std::string LocalCaller(const api::Lab& lab) {
  std::string client;
  for (const auto& [name, resource] : lab.Scenario()->world->resources) {
    if (resource->Kind() == "function") return "function:" + name;
    if (client.empty() && resource->Kind() == "client") client = "client:" + name;
  }
  return client;
}

void Token(api::Lab& lab, UiState& state, const core::Event& e, const std::string& token, size_t index) {
  const size_t a = token.find('.'), b = token.find('.', a + 1);
  const std::string parts[3] = {token.substr(0, a), token.substr(a + 1, b - a - 1), token.substr(b + 1)};
  ImGui::PushID(static_cast<int>(index));
  ImGui::PushTextWrapPos(0.0f);
  ImGui::TextColored(kHeaderColor, "%s.", parts[0].c_str());
  ImGui::TextColored(kClaimsColor, "%s.", parts[1].c_str());
  ImGui::TextColored(kSignatureColor, "%s", parts[2].c_str());
  ImGui::PopTextWrapPos();
  RecordWidget(state, ("jwt_token:" + std::to_string(index)).c_str());
  if (ImGui::SmallButton("Copy token")) ImGui::SetClipboardText(token.c_str());
  RecordWidget(state, ("jwt_copy:" + std::to_string(index)).c_str());
  const nlohmann::json header = DecodePart(parts[0]), claims = DecodePart(parts[1]);
  ImGui::TextColored(kHeaderColor, "header");
  DrawJsonTree("header", header, 1);
  ImGui::TextColored(kClaimsColor, "claims");
  DrawJsonTree("claims", claims, 1);
  const int64_t now_s = lab.Loaded() ? lab.Scenario()->world->env.start_epoch_us / 1000000 + lab.NowUs() / 1000000 : 0;
  for (const char* claim : {"iat", "nbf", "exp"}) {
    if (claims.is_object() && claims.contains(claim) && claims.at(claim).is_number_integer())
      ImGui::TextColored(kMutedColor, "%s  %s", claim, ClaimTime(claims.at(claim).get<int64_t>(), now_s).c_str());
  }
  ImGui::TextColored(kSignatureColor, "signature: %zu bytes", cloud::auth::Base64UrlDecode(parts[2]).ok() ? cloud::auth::Base64UrlDecode(parts[2]).value().size() : 0);

  // Checks: the event's own verification, else verify now against an identity provider.
  if (e.kind == "jwt.verify.result") {
    ImGui::Text("Checks, as this verification ran:");
    if (e.error) ImGui::TextColored(kErrorColor, "FAIL %s: %s", e.error->code.c_str(), e.error->message.c_str());
    else Checks(e.payload.value("checks", nlohmann::json::array()));
  }
  const std::string alg = header.is_object() && header.contains("alg") && header["alg"].is_string() ? header["alg"].get<std::string>() : "";
  for (const std::string& idp : IdentityProviders(lab)) {
    if (ImGui::SmallButton(("Verify now with " + idp).c_str())) {
      const nlohmann::json args = {{"token", token}, {"algorithms", nlohmann::json::array({alg})}, {"identity", idp}};
      state.jwt_check = {token, idp, lab.NowUs(), lab.CallLocal(LocalCaller(lab), "jwt.verify", args)};
    }
    RecordWidget(state, ("jwt_verify:" + idp).c_str());
    ImGui::SameLine();
  }
  ImGui::NewLine();
  if (state.jwt_check.token == token) {
    const nlohmann::json& out = state.jwt_check.outcome;
    ImGui::Text("Verified with %s at the simulated now:", state.jwt_check.identity.c_str());
    if (out.contains("ok")) Checks(out["ok"].value("checks", nlohmann::json::array()));
    else if (out.contains("error")) ImGui::TextColored(kErrorColor, "FAIL %s: %s", out["error"].value("code", std::string()).c_str(), out["error"].value("message", std::string()).c_str());
  }
  ImGui::PopID();
}

}  // namespace

std::vector<std::string> FindTokens(const nlohmann::json& value, size_t limit) {
  std::vector<std::string> out;
  Collect(value, limit, out);
  return out;
}

void DrawJwtInspector(api::Lab& lab, UiState& state, const core::Event& e) {
  std::vector<std::string> tokens = FindTokens(e.payload);
  // A verification's outcome does not repeat the token: it is in the request being handled.
  // Walk up the causes (a cold start's init, then the invoke) for a few levels.
  std::optional<uint64_t> cause = e.kind == "jwt.verify.result" ? e.parent : std::nullopt;
  for (int level = 0; tokens.empty() && cause && level < 4; ++level) {
    const core::Event* found = nullptr;
    for (const auto& r : lab.Trace())
      if (r.event.id == *cause) found = &r.event;
    if (!found) break;
    tokens = FindTokens(found->payload, 1);
    cause = found->parent;
  }
  if (tokens.empty()) return;
  if (!ImGui::CollapsingHeader(tokens.size() == 1 ? "JWT###jwt" : "JWTs###jwt", ImGuiTreeNodeFlags_DefaultOpen)) return;
  RecordWidget(state, "jwt_inspector");
  for (size_t i = 0; i < tokens.size(); ++i) {
    if (i > 0) ImGui::Separator();
    Token(lab, state, e, tokens[i], i);
  }
}

}  // namespace eventlab::ui
