// The kind registry and the helpers every resource loader shares.
#include "scenario/resource_loaders.h"

#include <vector>

namespace eventlab::scenario {

const std::map<std::string, ResourceLoader>& ResourceLoaders() {
  static const std::map<std::string, ResourceLoader> kLoaders = {
      {"client", LoadClient},
      {"function", LoadFunction},
      {"queue", LoadQueue},
      {"identity_provider", LoadIdentityProvider},
      {"search", LoadSearch},
      {"table", LoadTable},
      {"api", LoadApi},
      {"bucket", LoadBucket},
      {"topic", LoadTopic},
      {"endpoint", LoadEndpoint},
      {"stream", LoadStream},
      {"mapping", LoadMapping},
      {"secret", LoadSecret},
      {"parameter", LoadParameter},
      {"websocket_api", LoadWebSocketApi},
  };
  return kLoaders;
}

std::string KnownKinds() {
  std::string out;
  for (const auto& [kind, loader] : ResourceLoaders()) out += (out.empty() ? "" : ", ") + kind;
  return out;
}

void ReadCommonKeys(const ResourceInput& in, std::initializer_list<const char*> keys, cloud::ResourceConfig& config,
                    Problems& p) {
  std::vector<std::string> allowed = {"kind", "description"};
  allowed.insert(allowed.end(), keys.begin(), keys.end());
  CheckKeys(in.json, in.path, allowed, p);
  config.name = in.name;
  if (auto d = ReadString(in.json, "description", in.path, p, "")) config.description = *d;
}

std::vector<cloud::iam::Grant> ReadPermissions(const Json& list, const std::string& path, Problems& p) {
  std::vector<cloud::iam::Grant> grants;
  if (!list.is_array()) {
    p.Add(path, "expected an array of {\"action\", \"resource\"} grants");
    return grants;
  }
  for (size_t i = 0; i < list.size(); ++i) {
    const std::string at = Child(path, i);
    if (!list[i].is_object()) {
      p.Add(at, "expected {\"action\": \"s3:PutObject\", \"resource\": \"arn:aws:s3:::bucket/*\"}");
      continue;
    }
    CheckKeys(list[i], at, {"action", "resource"}, p);
    auto action = ReadString(list[i], "action", at, p, "");
    auto resource = ReadString(list[i], "resource", at, p, "*");
    if (action && (action->empty() || (action->find(':') == std::string::npos && *action != "*"))) {
      p.Add(Child(at, "action"), "expected \"service:Operation\" such as \"s3:PutObject\" (wildcards allowed)");
    }
    if (action && resource) grants.push_back({*action, *resource});
  }
  return grants;
}

void CheckReference(const std::string& name, const std::string& kind, const std::string& path,
                    const ResourceKinds& kinds, Problems& p) {
  auto k = kinds.find(name);
  if (k == kinds.end()) p.Add(path, "no resource named \"" + name + "\"");
  else if (k->second != kind) p.Add(path, "\"" + name + "\" is a " + k->second + ", not a " + kind);
}

}  // namespace eventlab::scenario
