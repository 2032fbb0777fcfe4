// Calls the learner makes from a resource view go out as one of the scenario's clients, through
// the facade (Lab::Send), so they are events of the run like any scripted call.
#include "cloud/clients/client_models.h"
#include "ui/resource_views.h"

namespace eventlab::ui {

namespace {

/// The first client with credentials (private resources refuse the others), else the first one.
std::string PageClient(const api::Lab& lab) {
  std::string first;
  for (const auto& [name, resource] : lab.Scenario()->world->resources) {
    const auto* client = dynamic_cast<const cloud::clients::ClientConfig*>(resource.get());
    if (!client) continue;
    if (first.empty()) first = "client:" + name;
    if (!client->permissions.empty()) return "client:" + name;
  }
  return first;
}

}  // namespace

std::string SendAsPageClient(api::Lab& lab, const std::string& action, const nlohmann::json& args) {
  const std::string client = PageClient(lab);
  if (client.empty()) return "refused: the scenario has no client to send from";
  const nlohmann::json out = lab.Send(client, action, args);
  if (out.contains("error")) return "refused: " + out["error"].value("message", std::string());
  return action + " sent as " + client + ": step to see it";
}

}  // namespace eventlab::ui
