// Loads an "endpoint" resource: an external HTTP server with a URL, scripted status codes and
// whether it confirms SNS subscriptions.
#include "cloud/endpoints/endpoint_models.h"
#include "cloud/http/url.h"
#include "scenario/resource_loaders.h"

namespace eventlab::scenario {

std::unique_ptr<cloud::ResourceConfig> LoadEndpoint(const ResourceInput& in, Problems& p) {
  auto e = std::make_unique<cloud::endpoints::EndpointConfig>();
  ReadCommonKeys(in, {"url", "responses", "status", "confirm"}, *e, p);
  if (auto url = ReadString(in.json, "url", in.path, p, "https://" + in.name + ".example.com/")) {
    std::string why;
    auto parsed = cloud::http::ParseUrl(*url, &why);
    if (!parsed || (parsed->scheme != "http" && parsed->scheme != "https")) {
      p.Add(Child(in.path, "url"), "expected an http:// or https:// URL" + (why.empty() ? "" : ": " + why));
    } else {
      e->url = *url;
      e->host_name = parsed->host;
    }
  }
  if (auto it = in.json.find("responses"); it != in.json.end()) {
    const std::string at = Child(in.path, "responses");
    if (!it->is_array()) p.Add(at, "expected an array of HTTP status codes such as [500, 500]");
    else {
      for (size_t i = 0; i < it->size(); ++i) {
        const Json& v = (*it)[i];
        if (!v.is_number_integer() || v.get<int64_t>() < 100 || v.get<int64_t>() > 599) {
          p.Add(Child(at, i), "expected an HTTP status code from 100 to 599");
        } else {
          e->responses.push_back(static_cast<int>(v.get<int64_t>()));
        }
      }
    }
  }
  if (auto v = ReadUnsigned(in.json, "status", in.path, p, 100, 599, 200)) e->status = static_cast<int>(*v);
  if (auto it = in.json.find("confirm"); it != in.json.end()) {
    if (!it->is_boolean()) p.Add(Child(in.path, "confirm"), "expected true or false");
    else e->confirm = it->get<bool>();
  }
  return e;
}

}  // namespace eventlab::scenario
