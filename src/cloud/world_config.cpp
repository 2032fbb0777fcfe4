// Resource lookup by kind and name.
#include "cloud/world_config.h"

namespace eventlab::cloud {

bool WorldConfig::Has(const std::string& kind, const std::string& name) const {
  if (kind == "client") return clients.count(name) > 0;
  if (kind == "function") return functions.count(name) > 0;
  if (kind == "queue") return queues.count(name) > 0;
  return false;
}

}  // namespace eventlab::cloud
