// Loads a "client" resource: a simulated browser or script that makes the scenario's calls.
#include "cloud/clients/client_models.h"
#include "cloud/http/url.h"
#include "scenario/resource_loaders.h"

namespace eventlab::scenario {

std::unique_ptr<cloud::ResourceConfig> LoadClient(const ResourceInput& in, Problems& p) {
  auto config = std::make_unique<cloud::clients::ClientConfig>();
  ReadCommonKeys(in, {"permissions", "origin"}, *config, p);
  if (auto origin = ReadString(in.json, "origin", in.path, p, "")) {
    // A browser page's origin: scheme and host, nothing after them.
    const auto url = origin->empty() ? std::nullopt : cloud::http::ParseUrl(*origin);
    if (url && (url->scheme == "https" || url->scheme == "http") && (url->path == "/" || url->path.empty()) && url->query.empty() && origin->back() != '/') {
      config->origin = {url->scheme, url->host};
    } else if (!origin->empty()) {
      p.Add(Child(in.path, "origin"), "expected an origin such as \"https://app.example.com\" (scheme and host only), got \"" + *origin + "\"");
    }
  }
  if (in.json.contains("permissions")) config->permissions = ReadPermissions(in.json["permissions"], Child(in.path, "permissions"), p);
  return config;
}

}  // namespace eventlab::scenario
