// A client makes its scripted calls and keeps the replies, so that later calls can use earlier
// answers (an upload URL, an id) and a learner can inspect what came back.
#include "cloud/clients/client_service.h"

#include "cloud/action_catalog.h"
#include "cloud/functions/template.h"
#include "cloud/world_config.h"

namespace eventlab::cloud::clients {

std::unique_ptr<Service> ClientConfig::CreateService() const { return std::make_unique<ClientService>(this); }

void ClientService::Deliver(ServiceContext& ctx, const core::Event& event) {
  if (event.kind == "client.call") MakeScriptedCall(ctx, event);
  else Record(event);
}

void ClientService::MakeScriptedCall(ServiceContext& ctx, const core::Event& event) {
  // A call the learner makes from the page carries its action and arguments; a scripted one
  // names its step of the scenario's script.
  ScriptedCall sent_from_page;
  if (event.payload.value("from_page", false) && event.payload.contains("call") && event.payload["call"].is_string()) {
    sent_from_page.call = event.payload["call"].get<std::string>();
    sent_from_page.with = event.payload.value("with", Json::object());
  }
  const size_t step = event.payload.value("step", size_t{0});
  if (sent_from_page.call.empty() && step >= ctx.config.script.size()) return;
  const ScriptedCall& call = sent_from_page.call.empty() ? ctx.config.script[step] : sent_from_page;
  const std::string self = Address("client", config_->name);
  functions::TemplateScope scope;
  scope.vars = &store_.results;
  scope.rng = &ctx.kernel.RngFor(self);
  scope.now_epoch_us = ctx.NowEpochUs();
  auto args = functions::Render(call.with, scope);
  CallOutcome outcome;
  if (args.ok()) outcome = MakeCall(ctx, self, call.call, args.value(), {}, ctx.NowEpochUs());
  else outcome.result = args.error();
  if (outcome.sent) {
    store_.awaiting[outcome.request_id] = call.as;
    return;
  }
  // Finished at once (a local action, or refused before sending): the answer is the client's own
  // event, so it shows in the trace like any reply.
  core::EventSpec e{{}, core::kPriorityMessage, event.id, self, self, call.call + ".result", nullptr, std::nullopt};
  if (outcome.result.ok()) e.payload = outcome.result.value();
  else e.error = outcome.result.error();
  ctx.kernel.Schedule(std::move(e));
  store_.awaiting[event.id] = call.as;  // that event replies to this client.call
}

void ClientService::Record(const core::Event& event) {
  ++store_.received;
  Json reply = {{"event", event.id}, {"kind", event.kind}, {"from", event.from}};
  reply["reply_to"] = event.reply_to ? Json(*event.reply_to) : Json(nullptr);
  if (event.error) reply["error"] = {{"code", event.error->code}, {"message", event.error->message}, {"status", event.error->status}};
  else reply["payload"] = event.payload;
  store_.replies.push_back(std::move(reply));
  if (store_.replies.size() > kMaxReplies) store_.replies.erase(store_.replies.begin());
  // A reply to a named scripted call is kept under its name; a failed call leaves null there.
  if (!event.reply_to) return;
  auto it = store_.awaiting.find(*event.reply_to);
  if (it == store_.awaiting.end()) return;
  if (!it->second.empty()) store_.results[it->second] = event.error ? Json(nullptr) : event.payload;
  store_.awaiting.erase(it);
}

Json ClientService::State() const {
  return {{"kind", "client"}, {"received", store_.received}, {"results", store_.results}, {"replies", store_.replies}};
}

}  // namespace eventlab::cloud::clients
