// The kind registry and the helpers every resource loader shares.
#include "scenario/resource_loaders.h"

#include <vector>

namespace eventlab::scenario {

const std::map<std::string, ResourceLoader>& ResourceLoaders() {
  static const std::map<std::string, ResourceLoader> kLoaders = {
      {"client", LoadClient},
      {"function", LoadFunction},
      {"queue", LoadQueue},
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

void CheckReference(const std::string& name, const std::string& kind, const std::string& path,
                    const ResourceKinds& kinds, Problems& p) {
  auto k = kinds.find(name);
  if (k == kinds.end()) p.Add(path, "no resource named \"" + name + "\"");
  else if (k->second != kind) p.Add(path, "\"" + name + "\" is a " + k->second + ", not a " + kind);
}

}  // namespace eventlab::scenario
