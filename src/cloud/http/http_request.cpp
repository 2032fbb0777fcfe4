// Routing by host mirrors DNS: each resource config says which hosts it answers for.
#include "cloud/http/http_request.h"

#include <set>

#include "cloud/http/url.h"
#include "cloud/world_config.h"

namespace eventlab::cloud::http {

core::Result<core::EventSpec> BuildHttpRequest(ServiceContext& ctx, const std::string& caller, const Json& args) {
  static const std::set<std::string> kMethods = {"GET", "HEAD", "PUT", "POST", "DELETE", "PATCH", "OPTIONS"};
  const Json method = args.value("method", Json());
  if (!method.is_string() || !kMethods.count(method.get<std::string>())) {
    return core::Error{"ValidationException", "http.request needs \"method\": GET, HEAD, PUT, POST, DELETE, PATCH or OPTIONS", 400};
  }
  const Json url_text = args.value("url", Json());
  std::string why;
  std::optional<Url> url = url_text.is_string() ? ParseUrl(url_text.get<std::string>(), &why) : std::nullopt;
  if (!url) return core::Error{"ValidationException", "http.request: bad \"url\": " + (why.empty() ? "expected a string" : why), 400};
  std::string target;
  for (const auto& [name, resource] : ctx.config.resources) {
    if (resource->ServesHost(url->host, ctx.env())) {
      target = Address(resource->Kind(), name);
      break;
    }
  }
  if (target.empty()) return core::Error{"UnknownHost", "no simulated endpoint answers for " + url->host, 0};
  Json query = Json::object();
  for (const auto& [k, v] : url->query) query[k] = v;
  core::EventSpec e;
  e.from = caller;
  e.to = target;
  e.kind = "http.request";
  e.payload = {{"method", method}, {"url", url_text}, {"host", url->host}, {"path", url->path}, {"query", query},
               {"headers", args.value("headers", Json::object())}, {"body", args.value("body", Json())}};
  return e;
}

}  // namespace eventlab::cloud::http
