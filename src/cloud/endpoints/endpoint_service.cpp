// A scripted web server: the n-th ordinary request gets responses[n] (then `status`), which is how
// a scenario shows retries against a failing webhook. Subscription confirmations always get 200.
#include "cloud/endpoints/endpoint_service.h"
#include "core/json_bounds.h"

#include <cctype>

#include "cloud/http/url.h"

namespace eventlab::cloud::endpoints {
namespace {

std::string Header(const Json& headers, const std::string& name) {
  if (!headers.is_object()) return "";
  for (auto it = headers.begin(); it != headers.end(); ++it) {
    std::string key = it.key();
    for (char& c : key) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (key == name && it.value().is_string()) return it.value().get<std::string>();
  }
  return "";
}

}  // namespace

std::unique_ptr<Service> EndpointConfig::CreateService() const { return std::make_unique<EndpointService>(this); }

void EndpointService::Deliver(ServiceContext& ctx, const core::Event& event) {
  if (event.kind == "http.request") {
    Request(ctx, event);
  } else if (event.kind == "http.request.result") {
    Json r = {{"time_us", ctx.kernel.Now().us}};
    if (event.error) r["error"] = event.error->code;
    else r["statusCode"] = event.payload.value("statusCode", 0);
    store_.confirm_results.push_back(std::move(r));
  }
}

void EndpointService::Request(ServiceContext& ctx, const core::Event& event) {
  const Json& p = event.payload;
  ReceivedRequest r;
  r.time_us = ctx.kernel.Now().us;
  r.method = p.value("method", "");
  r.path = p.value("path", "");
  r.message_type = Header(p.value("headers", Json::object()), "x-amz-sns-message-type");
  r.message_id = Header(p.value("headers", Json::object()), "x-amz-sns-message-id");
  const Json body = p.value("body", Json(""));
  r.body = body.is_string() ? body.get<std::string>() : core::DumpText(body);
  const bool confirmation = r.message_type == "SubscriptionConfirmation";
  if (confirmation) {
    r.status = 200;
  } else {
    r.status = store_.answered < config_->responses.size() ? config_->responses[store_.answered] : config_->status;
    ++store_.answered;
  }
  const int status = r.status;
  const std::string text = r.body;
  store_.requests.push_back(std::move(r));
  Reply(ctx, event, Json{{"statusCode", status}, {"headers", {{"Content-Type", "text/plain"}}}, {"body", ""}});
  if (!confirmation || !config_->confirm) return;
  const Json doc = core::ParseBounded(text);
  if (doc.is_object() && doc.contains("SubscribeURL") && doc["SubscribeURL"].is_string() && doc.contains("TopicArn") &&
      doc["TopicArn"].is_string()) {
    VisitSubscribeUrl(ctx, doc["SubscribeURL"].get<std::string>(), doc["TopicArn"].get<std::string>());
  }
}

void EndpointService::VisitSubscribeUrl(ServiceContext& ctx, const std::string& url, const std::string& topic_arn) {
  auto parsed = http::ParseUrl(url);
  if (!parsed) return;
  Json query = Json::object();
  for (const auto& [k, v] : parsed->query) query[k] = v;
  core::EventSpec e;
  e.delay = HopDelay(ctx, Self());
  e.from = Self();
  // sns.<region>.amazonaws.com routes the request to the topic its TopicArn names.
  e.to = Address("topic", topic_arn.substr(topic_arn.rfind(':') + 1));
  e.kind = "http.request";
  e.payload = {{"method", "GET"}, {"url", url}, {"host", parsed->host}, {"path", parsed->path}, {"query", query},
               {"headers", Json::object()}, {"body", nullptr}};
  ++store_.confirmations_sent;
  ctx.kernel.Schedule(std::move(e));
}

Json EndpointService::State() const {
  Json requests = Json::array();
  for (const ReceivedRequest& r : store_.requests) {
    requests.push_back({{"time_us", r.time_us}, {"method", r.method}, {"path", r.path}, {"message_type", r.message_type},
                        {"message_id", r.message_id}, {"status", r.status}, {"body", r.body}});
  }
  Json responses = Json::array();
  for (int s : config_->responses) responses.push_back(s);
  return {{"kind", "endpoint"},           {"url", config_->url},
          {"responses", responses},       {"status", config_->status},
          {"confirm", config_->confirm},  {"requests", requests},
          {"answered", store_.answered},  {"confirmations_sent", store_.confirmations_sent},
          {"confirm_results", store_.confirm_results}};
}

}  // namespace eventlab::cloud::endpoints
