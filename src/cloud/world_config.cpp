// Resource lookup by kind and name.
#include "cloud/world_config.h"

namespace eventlab::cloud {

bool WorldConfig::Has(const std::string& kind, const std::string& name) const {
  auto it = resources.find(name);
  return it != resources.end() && it->second->Kind() == kind;
}

}  // namespace eventlab::cloud
