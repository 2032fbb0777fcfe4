// The calls a handler step or a scripted client action can make ("queue.send", ...): which
// resource kind each targets and which argument names the target. Each service adds its own.
#pragma once

#include <string>
#include <vector>

namespace eventlab::cloud {

struct ActionSpec {
  std::string name;           ///< "<service>.<operation>", also the request event's kind
  std::string target_kind;    ///< kind of resource it goes to ("queue")
  std::string target_arg;     ///< argument holding the target's name ("queue")
  std::string payload_arg;    ///< if set, the event payload is this argument alone; else all but target_arg
  std::vector<std::string> required;  ///< other arguments that must be present
  std::vector<std::string> optional;  ///< further arguments allowed
};

/// Every known action, sorted by name.
const std::vector<ActionSpec>& ActionCatalog();

/// The action called `name`, or nullptr.
const ActionSpec* FindAction(const std::string& name);

}  // namespace eventlab::cloud
