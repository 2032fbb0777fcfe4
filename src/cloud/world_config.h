// The immutable description of a world, built by the scenario loader: environment, resources and
// the scripted client calls. Services keep pointers into it, so it is shared, never copied.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "cloud/environment.h"
#include "cloud/service.h"

namespace eventlab::cloud {

/// A call a client makes at a scripted time.
struct ScriptedCall {
  core::SimTime at;
  std::string client;
  std::string call;
  core::Json with;   ///< arguments; templates see the client's earlier results by name
  std::string as;    ///< name the reply's payload is kept under, or empty
};

struct WorldConfig {
  Environment env;
  std::map<std::string, std::unique_ptr<const ResourceConfig>> resources;  ///< by resource name
  std::vector<ScriptedCall> script;                                        ///< in scenario order

  /// True if a resource of `kind` called `name` exists.
  bool Has(const std::string& kind, const std::string& name) const;

  /// The resource `name` if it is a T, else nullptr.
  template <typename T>
  const T* Find(const std::string& name) const {
    auto it = resources.find(name);
    return it == resources.end() ? nullptr : dynamic_cast<const T*>(it->second.get());
  }
};

}  // namespace eventlab::cloud
