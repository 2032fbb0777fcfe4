// The catalog is data: the loader validates calls against it, and MakeCall turns calls into
// request events or local results with it.
#include "cloud/action_catalog.h"

#include <algorithm>

#include "cloud/http/http_request.h"

namespace eventlab::cloud {

const std::vector<ActionSpec>& ActionCatalog() {
  static const std::vector<ActionSpec> kActions = [] {
    std::vector<ActionSpec> a = {
        {"function.invoke", "function", "function", "payload", {"payload"}, {}},
        {"queue.send", "queue", "queue", "", {"body"}, {"attributes"}},
        {"http.request", "", "", "", {"method", "url"}, {"headers", "body"}, nullptr, http::BuildHttpRequest},
    };
    std::sort(a.begin(), a.end(), [](const ActionSpec& x, const ActionSpec& y) { return x.name < y.name; });
    return a;
  }();
  return kActions;
}

const ActionSpec* FindAction(const std::string& name) {
  for (const ActionSpec& a : ActionCatalog()) {
    if (a.name == name) return &a;
  }
  return nullptr;
}

CallOutcome MakeCall(ServiceContext& ctx, const std::string& caller, const std::string& action, const Json& args,
                     core::SimTime delay, int64_t now_epoch_us) {
  CallOutcome out;
  const ActionSpec* spec = FindAction(action);
  if (spec && spec->local) {
    LocalCall call{ctx, caller, now_epoch_us};
    out.result = spec->local(call, args);
    return out;
  }
  auto request = BuildRequest(ctx, caller, action, args);
  if (!request.ok()) {
    out.result = request.error();
    return out;
  }
  request.value().delay += delay;
  out.sent = true;
  out.request_id = ctx.kernel.Schedule(std::move(request.value()));
  return out;
}

}  // namespace eventlab::cloud
