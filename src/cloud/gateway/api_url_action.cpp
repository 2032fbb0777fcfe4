// Computed in place like an SDK helper: nothing is sent, the URL is known from the configuration.
#include "cloud/gateway/api_url_action.h"

#include "cloud/gateway/gateway_models.h"
#include "cloud/world_config.h"

namespace eventlab::cloud::gateway {

core::Result<Json> ApiUrlAction(LocalCall& call, const Json& args) {
  if (!args.is_object() || !args.contains("api") || !args["api"].is_string()) {
    return core::Error{"ValidationException", "api.url needs \"api\" naming an api", 400};
  }
  const std::string name = args["api"].get<std::string>();
  const ApiConfig* api = call.ctx.config.Find<ApiConfig>(name);
  // API Gateway's answer for a REST API id it does not know (GetRestApi, NotFoundException).
  if (!api) return core::Error{"NotFoundException", "Invalid API identifier specified " + call.ctx.env().account + ":" + name, 404};
  return Json{{"url", api->InvokeUrl(call.ctx.env())}};
}

}  // namespace eventlab::cloud::gateway
