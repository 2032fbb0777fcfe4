// Grants and credentials are read from the immutable world config, never from a service's store.
#include "cloud/iam/permissions.h"

#include "cloud/clients/client_models.h"
#include "cloud/functions/function_models.h"
#include "cloud/world_config.h"
#include "core/ids.h"

namespace eventlab::cloud::iam {
namespace {

using core::Fnv1a64;

// `n` characters from `alphabet`, drawn from a hash chain of `seed` (not secret: a simulation).
std::string DerivedText(const std::string& seed, const char* alphabet, size_t alphabet_size, size_t n) {
  std::string out;
  uint64_t h = Fnv1a64(seed);
  while (out.size() < n) {
    out += alphabet[h % alphabet_size];
    h = h / alphabet_size;
    if (h < alphabet_size) h = Fnv1a64(seed + std::to_string(out.size()));
  }
  return out;
}

}  // namespace

bool GlobMatch(const std::string& pattern, const std::string& text) {
  size_t p = 0, t = 0, star = std::string::npos, mark = 0;
  while (t < text.size()) {
    if (p < pattern.size() && (pattern[p] == '?' || pattern[p] == text[t])) {
      ++p, ++t;
    } else if (p < pattern.size() && pattern[p] == '*') {
      star = p++;
      mark = t;
    } else if (star != std::string::npos) {
      p = star + 1;
      t = ++mark;
    } else {
      return false;
    }
  }
  while (p < pattern.size() && pattern[p] == '*') ++p;
  return p == pattern.size();
}

bool Grants::Allows(const std::string& action, const std::string& resource_arn) const {
  if (unrestricted) return true;
  for (const Grant& g : list) {
    if (GlobMatch(g.action, action) && GlobMatch(g.resource, resource_arn)) return true;
  }
  return false;
}

Grants GrantsOf(const WorldConfig& config, const std::string& address) {
  const size_t colon = address.find(':');
  const std::string kind = address.substr(0, colon), name = address.substr(colon + 1);
  Grants g;
  if (kind == "function") {
    if (const auto* f = config.Find<functions::FunctionConfig>(name)) {
      g.unrestricted = !f->permissions.has_value();
      if (f->permissions) g.list = *f->permissions;
    }
  } else if (kind == "client") {
    if (const auto* c = config.Find<clients::ClientConfig>(name)) g.list = c->permissions;
  }
  return g;
}

std::string PrincipalArn(const WorldConfig& config, const std::string& address) {
  const size_t colon = address.find(':');
  const std::string kind = address.substr(0, colon), name = address.substr(colon + 1);
  return "arn:aws:iam::" + config.env.account + ":" + (kind == "function" ? "role/" : "user/") + name;
}

Credentials CredentialsOf(const WorldConfig& config, const std::string& address) {
  static constexpr char kUpper[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
  static constexpr char kSecret[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  const std::string seed = config.env.account + "/" + address;
  return {"AKIA" + DerivedText("id:" + seed, kUpper, 32, 16), DerivedText("secret:" + seed, kSecret, 64, 40)};
}

std::optional<std::string> PrincipalForAccessKey(const WorldConfig& config, const std::string& access_key_id) {
  for (const auto& [name, resource] : config.resources) {
    const std::string kind = resource->Kind();
    if (kind != "function" && kind != "client") continue;
    const std::string address = kind + ":" + name;
    if (CredentialsOf(config, address).access_key_id == access_key_id) return address;
  }
  return std::nullopt;
}

}  // namespace eventlab::cloud::iam
