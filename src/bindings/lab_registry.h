// The labs of one WebAssembly module instance, addressed by integer ids, so that JS holds plain
// numbers instead of C++ handles it would have to .delete().
#pragma once

#include <cstdint>
#include <map>
#include <memory>

#include "api/lab.h"

namespace eventlab::bindings {

class LabRegistry {
 public:
  /// A new empty lab; ids start at 1 and are never reused within a module instance.
  uint32_t Create();
  /// The lab with this id, or nullptr once disposed (or never created).
  api::Lab* Find(uint32_t id);
  /// Frees the lab; false if there was none.
  bool Dispose(uint32_t id);
  size_t Size() const { return labs_.size(); }

 private:
  std::map<uint32_t, std::unique_ptr<api::Lab>> labs_;
  uint32_t next_id_ = 1;
};

/// The module instance's registry. It is the one piece of state outside a Lab: Embind free
/// functions have no `this`, so the module instance itself is the owner. Every WebAssembly
/// instance has its own linear memory, so two modules (two pages, two workers, or the page's app
/// module beside eventlab-core) never share labs, and one module holds any number of labs.
LabRegistry& ModuleLabs();

}  // namespace eventlab::bindings
