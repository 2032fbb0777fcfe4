// Loads an "api" resource (API Gateway REST API with Lambda proxy integrations): routes, stage
// and id, refusing route templates API Gateway itself would refuse.
#include <cctype>
#include <set>

#include "cloud/gateway/gateway_models.h"
#include "cloud/gateway/route_matcher.h"
#include "scenario/resource_loaders.h"

namespace eventlab::scenario {
namespace {

bool IsLowerAlnum(const std::string& s) {
  for (char c : s) {
    if (!std::islower(static_cast<unsigned char>(c)) && !std::isdigit(static_cast<unsigned char>(c))) return false;
  }
  return true;
}

// Stage names: letters, digits, '-' and '_', up to 128 characters (API Gateway CreateStage).
bool IsStageName(const std::string& s) {
  if (s.empty() || s.size() > 128) return false;
  for (char c : s) {
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-' && c != '_') return false;
  }
  return true;
}

void ReadRoutes(const ResourceInput& in, cloud::gateway::ApiConfig& api, Problems& p) {
  static const std::set<std::string> kMethods = {"GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS", "ANY"};
  const std::string path = Child(in.path, "routes");
  auto it = in.json.find("routes");
  if (it == in.json.end()) return;  // an API without routes answers every request 403
  if (!it->is_object()) return p.Add(path, "expected an object {\"METHOD /path\": \"function\"}, got " + TypeName(*it));
  for (const auto& [key, value] : it->items()) {
    const std::string at = Child(path, key);
    cloud::gateway::Route r;
    r.key = key;
    if (key != "$default") {
      const size_t space = key.find(' ');
      if (space == std::string::npos) {
        p.Add(at, "expected \"METHOD /path\" (such as \"GET /images/{id}\") or \"$default\"");
        continue;
      }
      r.method = key.substr(0, space);
      r.path = key.substr(space + 1);
      if (!kMethods.count(r.method)) {
        p.Add(at, "unknown method \"" + r.method + "\": expected GET, POST, PUT, DELETE, PATCH, HEAD, OPTIONS or ANY");
        continue;
      }
      const std::string why = cloud::gateway::CheckPathTemplate(r.path);
      if (!why.empty()) {
        p.Add(at, "bad path \"" + r.path + "\": " + why);
        continue;
      }
    }
    if (value.is_object()) {
      // {"function": "...", "authorizer": "<name in the API's authorizers>"}
      CheckKeys(value, at, {"function", "authorizer"}, p);
      if (!value.contains("function")) p.Add(at, "missing \"function\"");
      r.function = ReadString(value, "function", at, p, "").value_or("");
      r.authorizer = ReadString(value, "authorizer", at, p, "").value_or("");
      if (!r.authorizer.empty() && !api.authorizers.count(r.authorizer)) {
        p.Add(Child(at, "authorizer"), "no authorizer \"" + r.authorizer + "\" in this API's \"authorizers\"");
      }
    } else if (!value.is_string()) {
      p.Add(at, "expected the name of a function or {\"function\", \"authorizer\"}, got " + TypeName(value));
      continue;
    } else {
      r.function = value.get<std::string>();
    }
    CheckReference(r.function, "function", at, in.kinds, p);
    api.routes.push_back(std::move(r));
  }
  // Resources form one tree: two routes whose paths put different variables under one parent
  // ("/a/{x}" and "/a/{y}") cannot both exist, whatever their methods.
  for (size_t i = 0; i < api.routes.size(); ++i) {
    for (size_t j = i + 1; j < api.routes.size(); ++j) {
      const auto& a = api.routes[i];
      const auto& b = api.routes[j];
      if (a.path.empty() || b.path.empty()) continue;
      const std::string why = cloud::gateway::TemplatesConflict(a.path, b.path);
      if (!why.empty()) p.Add(Child(path, b.key), "conflicts with route \"" + a.key + "\": " + why);
    }
  }
}

void ReadAuthorizers(const ResourceInput& in, cloud::gateway::ApiConfig& api, Problems& p) {
  namespace gw = cloud::gateway;
  auto it = in.json.find("authorizers");
  if (it == in.json.end()) return;
  const std::string path = Child(in.path, "authorizers");
  if (!it->is_object()) return p.Add(path, "expected {\"<name>\": {\"type\", \"function\", \"identity_source\", \"ttl\"}}");
  for (const auto& [name, value] : it->items()) {
    const std::string at = Child(path, name);
    if (!value.is_object()) {
      p.Add(at, "expected an object, got " + TypeName(value));
      continue;
    }
    CheckKeys(value, at, {"type", "function", "identity_source", "ttl"}, p);
    gw::AuthorizerConfig a;
    a.name = name;
    const std::string type = ReadString(value, "type", at, p, "TOKEN").value_or("TOKEN");
    if (type == "REQUEST") a.type = gw::AuthorizerType::kRequest;
    else if (type != "TOKEN") p.Add(Child(at, "type"), "expected \"TOKEN\" or \"REQUEST\"");
    if (!value.contains("function")) p.Add(at, "missing \"function\"");
    a.function = ReadString(value, "function", at, p, "").value_or("");
    if (!a.function.empty()) CheckReference(a.function, "function", Child(at, "function"), in.kinds, p);
    const std::string sp = Child(at, "identity_source");
    const Json source = value.value("identity_source", Json("method.request.header.Authorization"));
    if (source.is_string()) {
      a.identity_sources.push_back(source.get<std::string>());
    } else if (source.is_array() && !source.empty() && a.type == gw::AuthorizerType::kRequest) {
      for (const Json& s : source) {
        if (s.is_string()) a.identity_sources.push_back(s.get<std::string>());
        else p.Add(sp, "expected strings, got " + TypeName(s));
      }
    } else {
      p.Add(sp, a.type == gw::AuthorizerType::kToken ? "a TOKEN authorizer takes one header: \"method.request.header.<Name>\""
                                                     : "expected a non-empty list of identity sources");
    }
    for (const std::string& s : a.identity_sources) {
      std::string why = gw::CheckIdentitySource(s);
      // A TOKEN authorizer's token source is a header (API Gateway, Lambda authorizer "Token source").
      if (why.empty() && a.type == gw::AuthorizerType::kToken && s.rfind("method.request.header.", 0) != 0) {
        why = "a TOKEN authorizer reads a header";
      }
      if (!why.empty()) p.Add(sp, "\"" + s + "\": " + why);
    }
    if (auto ttl = ReadDuration(value, "ttl", at, p, core::SimTime{}, gw::kMaxAuthorizerTtl, gw::kDefaultAuthorizerTtl)) {
      if (ttl->us % 1000000 != 0) p.Add(Child(at, "ttl"), "whole seconds (authorizerResultTtlInSeconds)");
      a.ttl = *ttl;
    }
    api.authorizers[name] = a;
  }
}

}  // namespace

std::unique_ptr<cloud::ResourceConfig> LoadApi(const ResourceInput& in, Problems& p) {
  auto api = std::make_unique<cloud::gateway::ApiConfig>();
  ReadCommonKeys(in, {"routes", "stage", "id", "domain", "authorizers"}, *api, p);
  ReadAuthorizers(in, *api, p);
  ReadRoutes(in, *api, p);
  if (auto s = ReadString(in.json, "stage", in.path, p, api->stage)) {
    if (IsStageName(*s)) api->stage = *s;
    else p.Add(Child(in.path, "stage"), "a stage name has 1 to 128 letters, digits, '-' or '_'");
  }
  if (auto id = ReadString(in.json, "id", in.path, p, "")) {
    // REST API ids are 10 lower-case letters and digits ("a1b2c3d4e5").
    if (id->empty() || (id->size() == 10 && IsLowerAlnum(*id))) api->id = *id;
    else p.Add(Child(in.path, "id"), "an API id is 10 lower-case letters and digits, got \"" + *id + "\"");
  }
  if (auto d = ReadString(in.json, "domain", in.path, p, "")) {
    // A custom domain name ("api.example.com"), lower-case, mapped to the stage at its root.
    const bool ok = !d->empty() && d->find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789.-") == std::string::npos &&
                    d->find('.') != std::string::npos;
    if (ok) api->domain = *d;
    else if (!d->empty()) p.Add(Child(in.path, "domain"), "a domain name is lower-case letters, digits, '.' and '-', such as \"api.example.com\", got \"" + *d + "\"");
  }
  return api;
}

}  // namespace eventlab::scenario
