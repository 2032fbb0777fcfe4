// A domain's names as Amazon OpenSearch Service shapes them (endpoint, ARN), and the naming rules
// for domains and indexes.
#include "cloud/search/search_models.h"
#include "cloud/search/search_service.h"
#include "core/ids.h"

namespace eventlab::cloud::search {

std::unique_ptr<Service> SearchDomainConfig::CreateService() const { return std::make_unique<SearchService>(this); }

std::string SearchDomainConfig::Host(const Environment& env) const {
  // The endpoint carries 26 lower-case letters and digits after the name
  // ("search-my-domain-gudntas4y3f2ut4xbdl7opf4aq.us-east-1.es.amazonaws.com"); here they come
  // from the account and the name, so they are stable across runs.
  static const char kAlphabet[] = "abcdefghijklmnopqrstuvwxyz0123456789";
  std::string id;
  uint64_t h = core::Fnv1a64(env.account + ":search:" + name);
  for (int i = 0; id.size() < 26; ++i) {
    id += kAlphabet[h % 36];
    h /= 36;
    if (h < 36) h = core::Fnv1a64(env.account + ":search:" + name + ":" + std::to_string(i));
  }
  return "search-" + name + "-" + id + "." + env.region + ".es.amazonaws.com";
}

std::string SearchDomainConfig::Arn(const Environment& env) const {
  return "arn:aws:es:" + env.region + ":" + env.account + ":domain/" + name;
}

bool SearchDomainConfig::ServesHost(const std::string& host, const Environment& env) const { return host == Host(env); }

std::optional<std::string> IndexNameProblem(const std::string& name) {
  // Elasticsearch's messages (MetadataCreateIndexService.validateIndexOrAliasName).
  const std::string prefix = "Invalid index name [" + name + "], ";
  if (name.empty()) return prefix + "must not be empty";
  for (char c : name) {
    if (c >= 'A' && c <= 'Z') return prefix + "must be lowercase";
  }
  if (name.find(':') != std::string::npos) return prefix + "must not contain ':'";
  for (char c : name) {
    if (std::string("\\/*?\"<>| ,#").find(c) != std::string::npos) {
      return prefix + "must not contain the following characters [ , \", *, \\, <, |, ,, >, /, ?]";
    }
  }
  if (name[0] == '_' || name[0] == '-' || name[0] == '+') return prefix + "must not start with '_', '-', or '+'";
  if (name == "." || name == "..") return prefix + "must not be '.' or '..'";
  if (name.size() > 255) return prefix + "index name is too long, (" + std::to_string(name.size()) + " > 255)";
  return std::nullopt;
}

std::optional<std::string> DomainNameProblem(const std::string& name) {
  bool ok = name.size() >= kMinDomainName && name.size() <= kMaxDomainName && name[0] >= 'a' && name[0] <= 'z';
  for (char c : name) ok = ok && ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-');
  if (ok) return std::nullopt;
  return "a search domain name must start with a lowercase letter and be 3 to 28 characters of a-z, 0-9 and '-'";
}

}  // namespace eventlab::cloud::search
