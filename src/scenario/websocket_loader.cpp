// Loads a "websocket_api" resource (API Gateway WebSocket API with Lambda proxy integrations):
// stage, route selection expression and routes, refusing what API Gateway itself would refuse.
#include <cctype>

#include "cloud/websocket/websocket_models.h"
#include "scenario/resource_loaders.h"

namespace eventlab::scenario {
namespace {

// Stage names: letters, digits, '-' and '_', up to 128 characters (API Gateway CreateStage).
bool IsStageName(const std::string& s) {
  if (s.empty() || s.size() > 128) return false;
  for (char c : s) {
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-' && c != '_') return false;
  }
  return true;
}

// "$request.body.action" or "${request.body.action}" (both spellings are accepted by API
// Gateway's route selection expressions) into {"action"}; empty when it is neither.
std::vector<std::string> SelectionPath(const std::string& expr) {
  std::string rest;
  if (expr.rfind("$request.body.", 0) == 0) rest = expr.substr(14);
  else if (expr.rfind("${request.body.", 0) == 0 && expr.size() > 16 && expr.back() == '}') rest = expr.substr(15, expr.size() - 16);
  else return {};
  std::vector<std::string> parts;
  std::string part;
  for (size_t i = 0; i <= rest.size(); ++i) {
    if (i == rest.size() || rest[i] == '.') {
      if (part.empty()) return {};
      parts.push_back(part);
      part.clear();
      continue;
    }
    const char c = rest[i];
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '_' && c != '-') return {};
    part += c;
  }
  return parts;
}

void ReadRoute(const ResourceInput& in, const std::string& key, const Json& value, const std::string& at,
               cloud::websocket::WebSocketApiConfig& api, Problems& p) {
  cloud::websocket::WsRoute r;
  r.key = key;
  if (value.is_string()) {
    r.function = value.get<std::string>();
  } else if (value.is_object()) {
    CheckKeys(value, at, {"function", "route_response"}, p);
    auto f = value.find("function");
    if (f == value.end() || !f->is_string()) {
      p.Add(Child(at, "function"), f == value.end() ? "missing: the name of the route's function" : "expected the name of a function, got " + TypeName(*f));
      return;
    }
    r.function = f->get<std::string>();
    if (auto rr = value.find("route_response"); rr != value.end()) {
      if (!rr->is_boolean()) p.Add(Child(at, "route_response"), "expected true or false, got " + TypeName(*rr));
      else r.route_response = rr->get<bool>();
      // API Gateway sends route responses for message routes; $connect and $disconnect have none.
      if (r.route_response && (key == "$connect" || key == "$disconnect")) {
        p.Add(Child(at, "route_response"), "only message routes (\"$default\" and custom keys) have route responses");
      }
    }
  } else {
    p.Add(at, "expected the name of a function or {\"function\": ..., \"route_response\": true}, got " + TypeName(value));
    return;
  }
  CheckReference(r.function, "function", value.is_object() ? Child(at, "function") : at, in.kinds, p);
  api.routes[key] = std::move(r);
}

// "authorizer": {"function": "...", "identity_source": ["route.request.querystring.token", ...]}: a
// REQUEST authorizer on $connect, the only kind and route a WebSocket API allows.
void ReadConnectAuthorizer(const ResourceInput& in, cloud::websocket::WebSocketApiConfig& api, Problems& p) {
  auto it = in.json.find("authorizer");
  if (it == in.json.end()) return;
  const std::string at = Child(in.path, "authorizer");
  if (!it->is_object()) return p.Add(at, "expected {\"function\": ..., \"identity_source\": [...]}, got " + TypeName(*it));
  if (!CheckKeys(*it, at, {"function", "identity_source"}, p)) return;
  cloud::gateway::AuthorizerConfig a;
  a.name = "$connect";
  a.type = cloud::gateway::AuthorizerType::kRequest;
  a.ttl = {};  // results of $connect authorizers are not cached here
  if (auto f = ReadString(*it, "function", at, p)) {
    a.function = *f;
    CheckReference(a.function, "function", Child(at, "function"), in.kinds, p);
  } else if (!it->contains("function")) {
    p.Add(Child(at, "function"), "missing: the authorizer function's name");
  }
  const Json sources = it->value("identity_source", Json());
  if (!sources.is_array() || sources.empty()) {
    p.Add(Child(at, "identity_source"), "expected a non-empty list such as [\"route.request.querystring.token\"]");
  } else {
    for (size_t i = 0; i < sources.size(); ++i) {
      static const std::string kRoute = "route.request.";
      const std::string text = sources[i].is_string() ? sources[i].get<std::string>() : "";
      const std::string method_form = text.rfind(kRoute, 0) == 0 ? "method.request." + text.substr(kRoute.size()) : "";
      if (method_form.empty() || !cloud::gateway::CheckIdentitySource(method_form).empty()) {
        p.Add(Child(Child(at, "identity_source"), i), "expected \"route.request.header.<Name>\" or \"route.request.querystring.<name>\"");
        continue;
      }
      a.identity_sources.push_back(method_form);
    }
  }
  api.connect_authorizer = a;
}

}  // namespace

std::unique_ptr<cloud::ResourceConfig> LoadWebSocketApi(const ResourceInput& in, Problems& p) {
  auto api = std::make_unique<cloud::websocket::WebSocketApiConfig>();
  ReadCommonKeys(in, {"stage", "route_selection_expression", "routes", "authorizer"}, *api, p);
  ReadConnectAuthorizer(in, *api, p);
  if (auto s = ReadString(in.json, "stage", in.path, p, api->stage)) {
    if (!IsStageName(*s)) p.Add(Child(in.path, "stage"), "expected 1 to 128 letters, digits, '-' or '_', got \"" + *s + "\"");
    api->stage = *s;
  }
  if (auto e = ReadString(in.json, "route_selection_expression", in.path, p, api->route_selection_expression)) {
    api->route_selection_expression = *e;
    api->selection_path = SelectionPath(*e);
    if (api->selection_path.empty()) {
      p.Add(Child(in.path, "route_selection_expression"),
            "expected \"$request.body.<name>\" (dotted names of letters, digits, '_' or '-'), got \"" + *e + "\"");
    }
  }
  const std::string path = Child(in.path, "routes");
  auto it = in.json.find("routes");
  if (it == in.json.end()) return api;  // no routes: every message gets the Forbidden answer
  if (!it->is_object()) {
    p.Add(path, "expected an object {\"$connect\": \"function\", \"<route key>\": ...}, got " + TypeName(*it));
    return api;
  }
  for (const auto& [key, value] : it->items()) {
    const std::string at = Child(path, key);
    if (key.empty() || (key[0] == '$' && key != "$connect" && key != "$disconnect" && key != "$default")) {
      p.Add(at, "unknown route key: expected \"$connect\", \"$disconnect\", \"$default\" or a selection value not starting with '$'");
      continue;
    }
    ReadRoute(in, key, value, at, *api, p);
  }
  return api;
}

}  // namespace eventlab::scenario
