// The catalog is data: the loader validates calls against it, and MakeCall turns calls into
// request events or local results with it.
#include "cloud/action_catalog.h"
#include "cloud/argument_types.h"

#include <algorithm>

#include "cloud/auth/jwt_actions.h"
#include "cloud/gateway/api_url_action.h"
#include "cloud/http/http_request.h"
#include "core/digest.h"
#include "cloud/storage/presign_action.h"
#include "cloud/search/search_url_action.h"
#include "cloud/secrets/secret_actions.h"
#include "cloud/streams/stream_actions.h"

namespace eventlab::cloud {
namespace {

// browser.* actions run in a client's page (ClientService); anywhere else they are refused.
core::Result<Json> PageOnlyAction(LocalCall& call, const Json&) {
  return core::Error{"ValidationException", "browser actions run in a browser client's page, not in " + call.caller, 400};
}

}  // namespace

const std::vector<ActionSpec>& ActionCatalog() {
  static const std::vector<ActionSpec> kActions = [] {
    std::vector<ActionSpec> a = {
        {"function.invoke", "function", "function", "payload", {"payload"}, {}},
        {"function.invoke_async", "function", "function", "payload", {"payload"}, {}},
        {"queue.send", "queue", "queue", "", {"body"}, {"attributes"}},
        {"queue.receive", "queue", "queue", "", {}, {"max_number_of_messages", "visibility_timeout", "attribute_names", "message_attribute_names"}},
        {"queue.delete", "queue", "queue", "", {"receipt_handle"}, {}},
        {"sns.publish", "topic", "topic", "", {"message"}, {"subject", "message_attributes"}},
        {"sns.subscribe", "topic", "topic", "", {"protocol", "endpoint"}, {"filter_policy", "filter_policy_scope", "raw_message_delivery", "redrive_policy", "delivery_policy"}},
        {"sns.confirm_subscription", "topic", "topic", "", {"token"}, {}},
        {"table.put_item", "table", "table", "", {"item"}, {"condition_expression", "expression_attribute_names", "expression_attribute_values", "return_values"}},
        {"table.get_item", "table", "table", "", {"key"}, {"consistent_read"}},
        {"table.update_item", "table", "table", "", {"key", "update_expression"}, {"condition_expression", "expression_attribute_names", "expression_attribute_values", "return_values"}},
        {"table.delete_item", "table", "table", "", {"key"}, {"condition_expression", "expression_attribute_names", "expression_attribute_values", "return_values"}},
        {"table.query", "table", "table", "", {"key_condition_expression", "expression_attribute_values"}, {"expression_attribute_names", "filter_expression", "limit", "scan_index_forward", "exclusive_start_key"}},
        {"table.scan", "table", "table", "", {}, {"limit", "exclusive_start_key", "filter_expression", "expression_attribute_names", "expression_attribute_values"}},
        {"api.url", "api", "api", "", {}, {}, gateway::ApiUrlAction},
        {"search.index", "search", "domain", "", {"index", "id", "document"}, {}},
        {"search.update", "search", "domain", "", {"index", "id", "doc"}, {"doc_as_upsert"}},
        {"search.delete", "search", "domain", "", {"index", "id"}, {}},
        {"search.get", "search", "domain", "", {"index", "id"}, {}},
        {"search.query", "search", "domain", "", {"index"}, {"query", "from", "size"}},
        {"search.url", "search", "domain", "", {}, {}, search::SearchUrlAction},
        {"storage.put_object", "bucket", "bucket", "", {"key", "body"}, {"content_type"}},
        {"storage.get_object", "bucket", "bucket", "", {"key"}, {}},
        {"storage.head_object", "bucket", "bucket", "", {"key"}, {}},
        {"storage.delete_object", "bucket", "bucket", "", {"key"}, {}},
        {"storage.list_objects_v2", "bucket", "bucket", "", {}, {"prefix", "max_keys", "continuation_token"}},
        {"storage.presign", "bucket", "bucket", "", {"key", "method", "expires"}, {}, storage::PresignAction},
        {"http.request", "", "", "", {"method", "url"}, {"headers", "body", "from_site", "navigation"}, nullptr, http::BuildHttpRequest},
        {"browser.local_storage_set", "", "", "", {"key", "value"}, {}, PageOnlyAction},
        {"browser.local_storage_get", "", "", "", {"key"}, {}, PageOnlyAction},
        {"browser.local_storage_remove", "", "", "", {"key"}, {}, PageOnlyAction},
        {"browser.inject_script", "", "", "", {}, {"send_to"}, PageOnlyAction},
        {"kinesis.put_record", "stream", "stream", "", {"partition_key", "data"}, {"explicit_hash_key"}},
        {"kinesis.put_records", "stream", "stream", "", {"records"}, {}},
        {"kinesis.get_shard_iterator", "stream", "stream", "", {"shard_id", "type"}, {"sequence_number", "timestamp"}},
        {"kinesis.get_records", "stream", "", "", {"iterator"}, {"limit"}, nullptr, streams::BuildGetRecordsRequest},
        {"kinesis.set_position", "stream", "stream", "", {"consumer", "shard_id", "type"}, {"sequence_number", "timestamp"}},
        {"secrets.get_secret_value", "secret", "secret", "", {}, {"version_id", "version_stage"}, nullptr, secrets::BuildGetSecretValue},
        {"secrets.put_secret_value", "secret", "secret", "", {"secret_string"}, {}, nullptr, secrets::BuildPutSecretValue},
        {"secrets.rotate_secret", "secret", "secret", "", {}, {}, nullptr, secrets::BuildRotateSecret},
        {"ssm.get_parameter", "parameter", "", "", {"name"}, {"with_decryption"}, nullptr, secrets::BuildGetParameter},
        {"ssm.put_parameter", "parameter", "", "", {"name", "value"}, {"overwrite", "type"}, nullptr, secrets::BuildPutParameter},
        {"kinesis.consumer_read", "stream", "stream", "", {"consumer"}, {"shard_id", "limit"}},
        {"websocket.connect", "websocket_api", "api", "", {}, {"headers", "query"}},
        {"websocket.send", "websocket_api", "api", "", {"data"}, {}},
        {"websocket.disconnect", "websocket_api", "api", "", {}, {}},
        {"websocket.drop", "websocket_api", "api", "", {}, {}},
        {"websocket.post_to_connection", "websocket_api", "api", "", {"connection_id", "data"}, {}},
        {"websocket.get_connection", "websocket_api", "api", "", {"connection_id"}, {}},
        {"websocket.delete_connection", "websocket_api", "api", "", {"connection_id"}, {}},
        {"jwt.verify", "", "", "", {"token", "algorithms"}, {"secret", "jwk", "jwks", "identity", "issuer", "audience", "leeway"}, auth::JwtVerifyAction, nullptr, true},
        {"jwt.sign", "", "", "", {"algorithm", "claims"}, {"secret", "jwk", "identity", "kid"}, auth::JwtSignAction},
        {"jwt.decode", "", "", "", {"token"}, {}, auth::JwtDecodeAction},
        {"idp.login", "identity_provider", "identity", "", {"username", "password"}, {}},
        {"idp.jwks", "identity_provider", "identity", "", {}, {}},
    };
    std::sort(a.begin(), a.end(), [](const ActionSpec& x, const ActionSpec& y) { return x.name < y.name; });
    return a;
  }();
  return kActions;
}

const ActionSpec* FindAction(const std::string& name) {
  for (const ActionSpec& a : ActionCatalog()) {
    if (a.name == name) return &a;
  }
  return nullptr;
}

CallOutcome MakeCall(ServiceContext& ctx, const std::string& caller, const std::string& action, const Json& args,
                     core::SimTime delay, int64_t now_epoch_us) {
  CallOutcome out;
  Json complete_args = args;
  if (!core::CompleteSyntheticBodies(complete_args)) {
    out.result = core::Error{"ValidationException", core::kSyntheticBodySizeError, 400};
    return out;
  }
  if (auto wrong = CheckArgumentTypes(action, complete_args)) {
    out.result = *wrong;
    return out;
  }
  const ActionSpec* spec = FindAction(action);
  if (spec && spec->local) {
    LocalCall call{ctx, caller, now_epoch_us};
    out.result = spec->local(call, complete_args);
    out.recorded = spec->recorded;
    return out;
  }
  auto request = BuildRequest(ctx, caller, action, complete_args);
  if (!request.ok()) {
    out.result = request.error();
    return out;
  }
  request.value().delay += delay;
  out.sent = true;
  out.request_id = ctx.kernel.Schedule(std::move(request.value()));
  return out;
}

core::EventSpec LocalResultRecord(const std::string& caller, const std::string& action, const core::Result<Json>& result,
                                  core::SimTime delay) {
  core::EventSpec e{delay, core::kPriorityMessage, std::nullopt, caller, caller, action + ".result", nullptr, std::nullopt};
  if (result.ok()) e.payload = result.value();
  else e.error = result.error();
  return e;
}

}  // namespace eventlab::cloud
