// A WebSocket API's addresses (its id, host, wss:// URL and @connections callback URL), its
// routes for the architecture graph, and the names of connection states.
#include "cloud/gateway/gateway_models.h"
#include "cloud/websocket/websocket_service.h"

namespace eventlab::cloud::websocket {

std::unique_ptr<Service> WebSocketApiConfig::CreateService() const { return std::make_unique<WebSocketService>(this); }

std::vector<Wire> WebSocketApiConfig::Wires() const {
  std::vector<Wire> wires;
  for (const auto& [key, route] : routes) wires.push_back({Address("function", route.function), key});
  if (connect_authorizer) wires.push_back({Address("function", connect_authorizer->function), "authorizer"});
  return wires;
}

std::string WebSocketApiConfig::IdIn(const Environment& env) const { return gateway::ApiId(env.account, name); }

std::string WebSocketApiConfig::Host(const Environment& env) const {
  return IdIn(env) + ".execute-api." + env.region + ".amazonaws.com";
}

std::string WebSocketApiConfig::Url(const Environment& env) const { return "wss://" + Host(env) + "/" + stage; }

std::string WebSocketApiConfig::CallbackUrl(const Environment& env) const {
  return "https://" + Host(env) + "/" + stage + "/@connections";
}

const WsRoute* WebSocketApiConfig::Route(const std::string& key) const {
  auto it = routes.find(key);
  return it == routes.end() ? nullptr : &it->second;
}

const char* StateName(ConnectionState s) {
  switch (s) {
    case ConnectionState::kConnecting: return "connecting";
    case ConnectionState::kOpen: return "open";
    case ConnectionState::kClosed: return "closed";
    case ConnectionState::kRefused: return "refused";
  }
  return "?";
}

uint64_t FramesFor(uint64_t bytes) { return bytes == 0 ? 1 : (bytes + kFrameBytes - 1) / kFrameBytes; }

}  // namespace eventlab::cloud::websocket
