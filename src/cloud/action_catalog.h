// The calls a handler step or a scripted client action can make ("queue.send", ...). A remote
// action becomes a request event to a resource and a reply event back; a local action (presign,
// token checks) is computed where it is called, as an SDK would, and sends nothing.
// Each service adds its own actions to action_catalog.cpp.
#pragma once

#include <string>
#include <vector>

#include "cloud/messaging.h"

namespace eventlab::cloud {

/// What a local action can use: the world, who calls, and the caller's clock (with its work).
struct LocalCall {
  ServiceContext& ctx;
  std::string caller;      ///< "function:upload"
  int64_t now_epoch_us;    ///< the caller's "now", which includes work done so far
};

using LocalAction = core::Result<Json> (*)(LocalCall& call, const Json& args);

/// Builds the request event itself, for actions whose target is not a named argument (an HTTP
/// request goes wherever its URL's host points).
using RequestBuilder = core::Result<core::EventSpec> (*)(ServiceContext& ctx, const std::string& caller, const Json& args);

struct ActionSpec {
  std::string name;           ///< "<service>.<operation>", also the request event's kind
  std::string target_kind;    ///< kind of resource it goes to ("queue"); empty for local actions without one
  std::string target_arg;     ///< argument holding the target's name ("queue")
  std::string payload_arg;    ///< if set, the event payload is this argument alone; else all but target_arg
  std::vector<std::string> required;  ///< other arguments that must be present
  std::vector<std::string> optional;  ///< further arguments allowed
  LocalAction local = nullptr;        ///< set for actions computed in place: no event is sent
  RequestBuilder build = nullptr;     ///< set when the target comes from elsewhere than target_arg
  /// A local action whose outcome the caller also records as an event addressed to itself
  /// ("<name>.result"), so that the trace shows it (a token verification, a cache lookup).
  bool recorded = false;
};

/// Every known action, sorted by name.
const std::vector<ActionSpec>& ActionCatalog();

/// The action called `name`, or nullptr.
const ActionSpec* FindAction(const std::string& name);

/// The result of making a call: either a request was sent (await the reply event with
/// `request_id`), or the call finished at once with `result` (a local action, or a refusal
/// before sending).
struct CallOutcome {
  bool sent = false;
  uint64_t request_id = 0;
  core::Result<Json> result = Json();
  bool recorded = false;  ///< a local action of a `recorded` spec: the caller schedules its record
};

/// The event that records a local call's outcome in the trace: "<action>.result" from `caller` to
/// itself, `delay` from now. The caller handles it by ignoring it.
core::EventSpec LocalResultRecord(const std::string& caller, const std::string& action, const core::Result<Json>& result,
                                  core::SimTime delay);

/// Makes a call from `caller`: a local action runs now; a remote one is scheduled as a request
/// event `delay` from now (plus one hop).
CallOutcome MakeCall(ServiceContext& ctx, const std::string& caller, const std::string& action, const Json& args,
                     core::SimTime delay, int64_t now_epoch_us);

}  // namespace eventlab::cloud
