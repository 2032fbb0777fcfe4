// Loads a "client" resource: a simulated browser or script that makes the scenario's calls.
#include "cloud/clients/client_models.h"
#include "scenario/resource_loaders.h"

namespace eventlab::scenario {

std::unique_ptr<cloud::ResourceConfig> LoadClient(const ResourceInput& in, Problems& p) {
  auto config = std::make_unique<cloud::clients::ClientConfig>();
  ReadCommonKeys(in, {"permissions"}, *config, p);
  if (in.json.contains("permissions")) config->permissions = ReadPermissions(in.json["permissions"], Child(in.path, "permissions"), p);
  return config;
}

}  // namespace eventlab::scenario
