// Id-to-lab map for the bindings. Ordered map: nothing here depends on hash order.
#include "bindings/lab_registry.h"

namespace eventlab::bindings {

uint32_t LabRegistry::Create() {
  const uint32_t id = next_id_++;
  labs_.emplace(id, std::make_unique<api::Lab>());
  return id;
}

api::Lab* LabRegistry::Find(uint32_t id) {
  auto it = labs_.find(id);
  return it == labs_.end() ? nullptr : it->second.get();
}

bool LabRegistry::Dispose(uint32_t id) { return labs_.erase(id) > 0; }

LabRegistry& ModuleLabs() {
  // A function-local static rather than a namespace-scope one: built on first use, so nothing
  // depends on the order of static initialisers (the Embind registrations run in one).
  static LabRegistry labs;
  return labs;
}

}  // namespace eventlab::bindings
