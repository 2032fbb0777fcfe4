// The catalog is data: the loader validates calls against it, and the router turns calls into
// request events with it.
#include "cloud/action_catalog.h"

namespace eventlab::cloud {

const std::vector<ActionSpec>& ActionCatalog() {
  static const std::vector<ActionSpec> kActions = {
      {"function.invoke", "function", "function", "payload", {"payload"}, {}},
      {"queue.send", "queue", "queue", "", {"body"}, {"attributes"}},
  };
  return kActions;
}

const ActionSpec* FindAction(const std::string& name) {
  for (const ActionSpec& a : ActionCatalog()) {
    if (a.name == name) return &a;
  }
  return nullptr;
}

}  // namespace eventlab::cloud
