// A client makes its scripted calls and keeps the replies, so that later calls can use earlier
// answers (an upload URL, an id) and a learner can inspect what came back.
#include "cloud/clients/client_service.h"
#include "core/json_bounds.h"

#include "cloud/action_catalog.h"
#include "cloud/functions/template.h"
#include "cloud/clients/websocket_inbox.h"
#include "cloud/http/url.h"
#include "cloud/world_config.h"

namespace eventlab::cloud::clients {

std::unique_ptr<Service> ClientConfig::CreateService() const { return std::make_unique<ClientService>(this); }

void ClientService::Deliver(ServiceContext& ctx, const core::Event& event) {
  store_.now_epoch_s = ctx.NowEpochUs() / 1000000;
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
  if (!args.ok()) outcome.result = args.error();
  else if (IsBrowserAction(call.call) || (call.call == "http.request" && !config_->origin.Empty())) outcome = MakePageCall(ctx, call.call, args.value());
  else outcome = MakeCall(ctx, self, call.call, args.value(), {}, ctx.NowEpochUs());
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

CallOutcome ClientService::MakePageCall(ServiceContext& ctx, const std::string& action, const Json& args) {
  CallOutcome out;
  const std::string self = Address("client", config_->name);
  const int64_t now_s = ctx.NowEpochUs() / 1000000;
  if (config_->origin.Empty()) {
    out.result = core::Error{"ValidationException", action + " runs in a page: give client \"" + config_->name + "\" an \"origin\"", 400};
    return out;
  }
  auto send = [&](const Json& request_args) {
    auto prepared = PrepareHttpRequest(store_.page, config_->origin, request_args, now_s);
    if (!prepared.ok()) return CallOutcome{false, 0, prepared.error()};
    CallOutcome sent = MakeCall(ctx, self, "http.request", prepared.value(), {}, ctx.NowEpochUs());
    const Json& url_arg = prepared.value().contains("url") ? prepared.value()["url"] : Json();
    const auto url = url_arg.is_string() ? http::ParseUrl(url_arg.get<std::string>()) : std::nullopt;
    if (sent.sent && url) store_.page.requests[sent.request_id] = {url->host, url->scheme == "https"};
    return sent;
  };
  if (action == "http.request") return send(args);
  if (action == "browser.inject_script") {
    // The injected script runs with the page's origin: it reads what any script there can read
    // and posts it to the attacker. HttpOnly cookies stay out of its reach.
    ++store_.page.scripts_injected;
    Json read = ReadAsInjectedScript(store_.page, config_->origin, now_s);
    Json result = {{"read", read}, {"hidden_http_only", store_.page.cookies.HiddenFromScripts(config_->origin.host, now_s)}};
    if (args.contains("send_to") && !args["send_to"].is_string()) {
      out.result = core::Error{"ValidationException", "browser.inject_script: \"send_to\" must be a URL string", 400};
      return out;
    }
    if (args.contains("send_to")) {
      Json exfiltrate = {{"method", "POST"}, {"url", args["send_to"]}, {"headers", {{"Content-Type", "text/plain"}}}, {"body", core::DumpText(read)}};
      CallOutcome sent = send(exfiltrate);
      result["sent_to"] = args["send_to"];
      if (!sent.sent && !sent.result.ok()) result["send_error"] = sent.result.error().message;
    }
    out.result = result;
    return out;
  }
  out.result = RunStorageAction(store_.page, action, args);
  return out;
}

void ClientService::Record(const core::Event& event) {
  ++store_.received;
  Json reply = {{"event", event.id}, {"kind", event.kind}, {"from", event.from}};
  reply["reply_to"] = event.reply_to ? Json(*event.reply_to) : Json(nullptr);
  if (event.error) reply["error"] = {{"code", event.error->code}, {"message", event.error->message}, {"status", event.error->status}};
  else reply["payload"] = event.payload;
  store_.replies.push_back(std::move(reply));
  if (store_.replies.size() > kMaxReplies) store_.replies.erase(store_.replies.begin());
  RecordWebSocketEvent(store_.websocket, event);
  // A reply to a named scripted call is kept under its name; a failed call leaves null there.
  if (!event.reply_to) return;
  if (auto sent = store_.page.requests.find(*event.reply_to); sent != store_.page.requests.end()) {
    if (!event.error) StoreSetCookies(store_.page, sent->second, event.payload, store_.now_epoch_s);
    store_.page.requests.erase(sent);
  }
  auto it = store_.awaiting.find(*event.reply_to);
  if (it == store_.awaiting.end()) return;
  if (!it->second.empty()) store_.results[it->second] = event.error ? Json(nullptr) : event.payload;
  store_.awaiting.erase(it);
}

Json ClientService::State() const {
  Json state = {{"kind", "client"}, {"received", store_.received}, {"results", store_.results}, {"replies", store_.replies}};
  if (!config_->origin.Empty()) state["page"] = PageState(store_.page, config_->origin, store_.now_epoch_s);
  if (!store_.websocket.empty()) state["websocket"] = store_.websocket;
  return state;
}

}  // namespace eventlab::cloud::clients
