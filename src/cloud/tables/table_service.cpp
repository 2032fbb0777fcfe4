// Operations follow the DynamoDB API reference: argument names are the snake_case forms of the
// request members (ConditionExpression -> condition_expression) and answers use DynamoDB's member
// names (Item, Attributes, Items, Count, ScannedCount, LastEvaluatedKey).
#include "cloud/tables/table_service.h"

#include <algorithm>

#include "cloud/iam/permissions.h"
#include "cloud/tables/attribute_value.h"
#include "cloud/tables/table_requests.h"
#include "cloud/world_config.h"

namespace eventlab::cloud::tables {

std::unique_ptr<Service> TableConfig::CreateService() const { return std::make_unique<TableService>(this); }

int CompareKeyParts(const KeyPart& a, const KeyPart& b) {
  if (a.type != b.type) return a.type < b.type ? -1 : 1;
  return CompareValues(Json{{a.type, a.text}}, Json{{b.type, b.text}}).value_or(0);
}

bool ItemKeyLess::operator()(const ItemKey& a, const ItemKey& b) const {
  if (const int c = CompareKeyParts(a.hash, b.hash); c != 0) return c < 0;
  if (!a.range || !b.range) return !a.range && b.range;
  return CompareKeyParts(*a.range, *b.range) < 0;
}

TableService::TableService(const TableConfig* config) : config_(config) {
  for (const Json& item : config_->items) {
    auto key = KeyOfItem(item);
    if (key.ok()) store_.items[key.value()] = item;
  }
}

std::string TableService::Arn(const Environment& env) const {
  return "arn:aws:dynamodb:" + env.region + ":" + env.account + ":table/" + config_->name;
}

void TableService::Deliver(ServiceContext& ctx, const core::Event& event) {
  static const std::map<std::string, std::string> kOperations = {
      {"table.put_item", "PutItem"}, {"table.get_item", "GetItem"}, {"table.update_item", "UpdateItem"},
      {"table.delete_item", "DeleteItem"}, {"table.query", "Query"}, {"table.scan", "Scan"}};
  if (event.kind == "stream.poll") return PollStream(ctx, event);
  auto op = kOperations.find(event.kind);
  if (op == kOperations.end()) return;
  const std::string action = "dynamodb:" + op->second;
  const std::string arn = Arn(ctx.env());
  if (!iam::GrantsOf(ctx.config, event.from).Allows(action, arn)) {
    // DynamoDB's wording (seen in SDK error reports): "User: <arn> is not authorized to perform:
    // dynamodb:PutItem on resource: <table arn> because no identity-based policy allows the
    // dynamodb:PutItem action".
    Reply(ctx, event,
          core::Error{"AccessDeniedException",
                      "User: " + iam::PrincipalArn(ctx.config, event.from) + " is not authorized to perform: " + action +
                          " on resource: " + arn + " because no identity-based policy allows the " + action + " action",
                      400});
    return;
  }
  const Json args = event.payload.is_object() ? event.payload : Json::object();
  core::Result<Json> result = Json::object();
  if (op->second == "PutItem") result = PutItem(ctx, args);
  else if (op->second == "GetItem") result = GetItem(args);
  else if (op->second == "UpdateItem") result = UpdateItem(ctx, args);
  else if (op->second == "DeleteItem") result = DeleteItem(ctx, args);
  else if (op->second == "Query") result = Query(args);
  else result = Scan(args);
  Reply(ctx, event, result);
}

core::Result<ItemKey> TableService::KeyOfItem(const Json& item) const {
  ItemKey key;
  auto part = [&](const KeyAttribute& attr) -> core::Result<KeyPart> {
    auto it = item.find(attr.name);
    if (it == item.end()) return Validation("One or more parameter values were invalid: Missing the key " + attr.name + " in the item");
    const std::string type = TypeOf(*it);
    if (type != attr.type) {
      return Validation("One or more parameter values were invalid: Type mismatch for key " + attr.name + " expected: " +
                        attr.type + " actual: " + type);
    }
    const std::string text = it->begin()->get<std::string>();
    if (text.empty()) {
      return Validation("One or more parameter values are not valid. The AttributeValue for a key attribute cannot contain an empty " +
                        std::string(type == "S" ? "string" : "binary") + " value. Key: " + attr.name);
    }
    return KeyPart{type, text};
  };
  auto hash = part(config_->hash_key);
  if (!hash.ok()) return hash.error();
  key.hash = hash.value();
  if (config_->range_key) {
    auto range = part(*config_->range_key);
    if (!range.ok()) return range.error();
    key.range = range.value();
  }
  return key;
}

core::Result<ItemKey> TableService::KeyFromArgument(const Json& key, const char* error_message) const {
  Json copy = key;
  if (!copy.is_object()) return Validation(error_message);
  if (auto problem = ValidateItem(copy)) return Validation(*problem);
  const size_t expected = config_->range_key ? 2 : 1;
  if (copy.size() != expected) return Validation(error_message);
  auto k = KeyOfItem(copy);
  if (!k.ok() && k.error().message.find("cannot contain an empty") != std::string::npos) return k.error();
  if (!k.ok()) return Validation(error_message);
  return k;
}

Json TableService::KeyAttributes(const ItemKey& key) const {
  Json out = {{config_->hash_key.name, {{key.hash.type, key.hash.text}}}};
  if (key.range) out[config_->range_key->name] = {{key.range->type, key.range->text}};
  return out;
}

void TableService::Record(ServiceContext& ctx, const ItemKey& key, const Json* old_item, const Json* new_item) {
  if (old_item && new_item && SameItem(*old_item, *new_item)) return;
  ChangeRecord r;
  r.event_name = !old_item ? "INSERT" : !new_item ? "REMOVE" : "MODIFY";
  r.keys = KeyAttributes(key);
  r.old_image = old_item ? *old_item : Json(nullptr);
  r.new_image = new_item ? *new_item : Json(nullptr);
  r.sequence_number = std::to_string(store_.next_sequence++);
  r.approximate_epoch_s = ctx.NowEpochUs() / 1000000;
  store_.changes.push_back(std::move(r));
  while (store_.changes.size() > kMaxChangeRecords) store_.changes.pop_front();
  if (!config_->stream_view_type.empty()) StreamChanged(ctx);
}

core::Result<Json> TableService::PutItem(ServiceContext& ctx, const Json& args) {
  if (!args.contains("item")) return Validation("1 validation error detected: Value null at 'item' failed to satisfy constraint: Member must not be null");
  Json item = args["item"];
  if (auto problem = ValidateItem(item)) return Validation(*problem);
  auto key = KeyOfItem(item);
  if (!key.ok()) return key.error();
  if (auto e = CheckReturnValues(args, false)) return *e;
  auto ex = ReadPlaceholders(args);
  if (!ex.ok()) return ex.error();
  auto condition = ReadCondition(args, "condition_expression", "ConditionExpression", *ex.value());
  if (!condition.ok()) return condition.error();
  if (auto e = CheckAllUsed(*ex.value())) return *e;
  // Item size limit: DynamoDB developer guide, "Service, account, and table quotas": the maximum
  // item size is 400 KB, attribute names and values together.
  if (ItemSize(item) > ctx.env().limits.table_item_max_bytes) return Validation("Item size has exceeded the maximum allowed size");
  auto existing = store_.items.find(key.value());
  const Json* old_item = existing == store_.items.end() ? nullptr : &existing->second;
  if (condition.value() && !Evaluate(*condition.value(), old_item ? *old_item : Json::object())) {
    return core::Error{"ConditionalCheckFailedException", "The conditional request failed", 400};
  }
  Json answer = Json::object();
  if (old_item && ReturnValues(args) == "ALL_OLD") answer["Attributes"] = *old_item;
  const Json old_copy = old_item ? *old_item : Json();
  store_.items[key.value()] = item;
  Record(ctx, key.value(), old_copy.is_null() ? nullptr : &old_copy, &item);
  return answer;
}

core::Result<Json> TableService::GetItem(const Json& args) {
  auto key = KeyFromArgument(args.value("key", Json()), "The provided key element does not match the schema");
  if (!key.ok()) return key.error();
  if (args.contains("consistent_read") && !args["consistent_read"].is_boolean()) {
    return Validation("1 validation error detected: Value at 'consistentRead' failed to satisfy constraint: Member must be a boolean");
  }
  auto it = store_.items.find(key.value());
  if (it == store_.items.end()) return Json::object();
  return Json{{"Item", it->second}};
}

core::Result<Json> TableService::UpdateItem(ServiceContext& ctx, const Json& args) {
  auto key = KeyFromArgument(args.value("key", Json()), "The provided key element does not match the schema");
  if (!key.ok()) return key.error();
  if (auto e = CheckReturnValues(args, true)) return *e;
  auto ex = ReadPlaceholders(args);
  if (!ex.ok()) return ex.error();
  Expressions& e = *ex.value();
  if (!args.contains("update_expression") || !args["update_expression"].is_string()) {
    return Validation("Invalid UpdateExpression: The expression can not be empty;");
  }
  e.any_expression = true;
  auto update = ParseUpdate(args["update_expression"].get<std::string>(), e.ph);
  if (!update.ok()) return update.error();
  auto condition = ReadCondition(args, "condition_expression", "ConditionExpression", e);
  if (!condition.ok()) return condition.error();
  if (auto problem = CheckAllUsed(e)) return *problem;
  for (const std::string& name : UpdatedAttributes(update.value())) {
    if (name == config_->hash_key.name || (config_->range_key && name == config_->range_key->name)) {
      return Validation("One or more parameter values were invalid: Cannot update attribute " + name +
                        ". This attribute is part of the key");
    }
  }
  auto existing = store_.items.find(key.value());
  const bool existed = existing != store_.items.end();
  const Json old_item = existed ? existing->second : Json::object();
  if (condition.value() && !Evaluate(*condition.value(), old_item)) {
    return core::Error{"ConditionalCheckFailedException", "The conditional request failed", 400};
  }
  // UpdateItem creates the item when it does not exist (an upsert), starting from its key.
  Json new_item = existed ? old_item : KeyAttributes(key.value());
  if (auto problem = ApplyUpdate(update.value(), new_item)) return Validation(*problem);
  if (ItemSize(new_item) > ctx.env().limits.table_item_max_bytes) {
    return Validation("Item size to update has exceeded the maximum allowed size");
  }
  store_.items[key.value()] = new_item;
  Record(ctx, key.value(), existed ? &old_item : nullptr, &new_item);
  const std::string rv = ReturnValues(args);
  if (rv == "NONE") return Json::object();
  if (rv == "ALL_NEW") return Json{{"Attributes", new_item}};
  if (rv == "ALL_OLD") return existed ? Json{{"Attributes", old_item}} : Json::object();
  const Json& source = rv == "UPDATED_NEW" ? new_item : old_item;
  Json attrs = Json::object();
  for (const std::string& name : UpdatedAttributes(update.value())) {
    if (source.contains(name)) attrs[name] = source[name];
  }
  return attrs.empty() ? Json::object() : Json{{"Attributes", attrs}};
}

core::Result<Json> TableService::DeleteItem(ServiceContext& ctx, const Json& args) {
  auto key = KeyFromArgument(args.value("key", Json()), "The provided key element does not match the schema");
  if (!key.ok()) return key.error();
  if (auto e = CheckReturnValues(args, false)) return *e;
  auto ex = ReadPlaceholders(args);
  if (!ex.ok()) return ex.error();
  auto condition = ReadCondition(args, "condition_expression", "ConditionExpression", *ex.value());
  if (!condition.ok()) return condition.error();
  if (auto e = CheckAllUsed(*ex.value())) return *e;
  auto existing = store_.items.find(key.value());
  const bool existed = existing != store_.items.end();
  const Json old_item = existed ? existing->second : Json::object();
  if (condition.value() && !Evaluate(*condition.value(), old_item)) {
    return core::Error{"ConditionalCheckFailedException", "The conditional request failed", 400};
  }
  if (!existed) return Json::object();
  store_.items.erase(existing);
  Record(ctx, key.value(), &old_item, nullptr);
  return ReturnValues(args) == "ALL_OLD" ? Json{{"Attributes", old_item}} : Json::object();
}

}  // namespace eventlab::cloud::tables
