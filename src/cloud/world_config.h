// The immutable description of a world, built by the scenario loader: environment, resources and
// the scripted client calls. Services keep pointers into it, so it is shared, never copied.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "cloud/clients/client_models.h"
#include "cloud/environment.h"
#include "cloud/functions/function_models.h"
#include "cloud/queues/queue_models.h"

namespace eventlab::cloud {

/// A call a client makes at a scripted time.
struct ScriptedCall {
  core::SimTime at;
  std::string client;
  std::string call;
  core::Json with;
};

struct WorldConfig {
  Environment env;
  std::map<std::string, clients::ClientConfig> clients;        ///< by resource name
  std::map<std::string, functions::FunctionConfig> functions;  ///< by resource name
  std::map<std::string, queues::QueueConfig> queues;           ///< by resource name
  std::vector<ScriptedCall> script;                            ///< in scenario order

  /// True if a resource of `kind` called `name` exists.
  bool Has(const std::string& kind, const std::string& name) const;
};

}  // namespace eventlab::cloud
