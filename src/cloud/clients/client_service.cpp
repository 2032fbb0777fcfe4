// A client keeps its most recent replies so that a learner can inspect what came back.
#include "cloud/clients/client_service.h"

namespace eventlab::cloud::clients {

std::unique_ptr<Service> ClientConfig::CreateService() const { return std::make_unique<ClientService>(this); }

void ClientService::Deliver(ServiceContext&, const core::Event& event) {
  ++store_.received;
  Json reply = {{"event", event.id}, {"kind", event.kind}, {"from", event.from}};
  reply["reply_to"] = event.reply_to ? Json(*event.reply_to) : Json(nullptr);
  if (event.error) reply["error"] = {{"code", event.error->code}, {"message", event.error->message}, {"status", event.error->status}};
  else reply["payload"] = event.payload;
  store_.replies.push_back(std::move(reply));
  if (store_.replies.size() > kMaxReplies) store_.replies.erase(store_.replies.begin());
}

Json ClientService::State() const {
  return {{"kind", "client"}, {"received", store_.received}, {"replies", store_.replies}};
}

}  // namespace eventlab::cloud::clients
