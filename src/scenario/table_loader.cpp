// Loads a "table" resource (DynamoDB-style): its key schema and initial items, checked as typed
// attribute values against the schema.
#include "cloud/tables/attribute_value.h"
#include "cloud/tables/table_models.h"
#include "scenario/resource_loaders.h"
#include "core/json_bounds.h"

namespace eventlab::scenario {
namespace {

std::optional<cloud::tables::KeyAttribute> ReadKeyAttribute(const Json& obj, const char* key, const std::string& path,
                                                            Problems& p) {
  const std::string at = Child(path, key);
  const Json& v = obj[key];
  if (!v.is_object()) {
    p.Add(at, "expected {\"name\": \"id\", \"type\": \"S\"}, got " + TypeName(v));
    return std::nullopt;
  }
  CheckKeys(v, at, {"name", "type"}, p);
  auto name = ReadString(v, "name", at, p);
  auto type = ReadString(v, "type", at, p, "S");
  if (!name) {
    if (!v.contains("name")) p.Add(Child(at, "name"), "required: the key attribute's name");
    return std::nullopt;
  }
  if (name->empty()) p.Add(Child(at, "name"), "a key attribute name cannot be empty");
  // Key attributes are scalars: S, N or B (DynamoDB AttributeDefinition.AttributeType).
  if (type && *type != "S" && *type != "N" && *type != "B") {
    p.Add(Child(at, "type"), "expected \"S\", \"N\" or \"B\", got \"" + *type + "\"");
    return std::nullopt;
  }
  if (!type) return std::nullopt;
  return cloud::tables::KeyAttribute{*name, *type};
}

}  // namespace

std::unique_ptr<cloud::ResourceConfig> LoadTable(const ResourceInput& in, Problems& p) {
  auto t = std::make_unique<cloud::tables::TableConfig>();
  ReadCommonKeys(in, {"hash_key", "range_key", "items", "stream"}, *t, p);
  // StreamSpecification.StreamViewType (DynamoDB API reference).
  if (auto v = ReadString(in.json, "stream", in.path, p, "")) {
    if (!v->empty() && *v != "KEYS_ONLY" && *v != "NEW_IMAGE" && *v != "OLD_IMAGE" && *v != "NEW_AND_OLD_IMAGES") {
      p.Add(Child(in.path, "stream"), "expected \"KEYS_ONLY\", \"NEW_IMAGE\", \"OLD_IMAGE\" or \"NEW_AND_OLD_IMAGES\", got \"" + *v + "\"");
    } else {
      t->stream_view_type = *v;
    }
  }
  if (!in.json.contains("hash_key")) {
    p.Add(Child(in.path, "hash_key"), "required: the partition key, {\"name\": \"id\", \"type\": \"S\"}");
  } else if (auto k = ReadKeyAttribute(in.json, "hash_key", in.path, p)) {
    t->hash_key = *k;
  }
  if (in.json.contains("range_key")) {
    if (auto k = ReadKeyAttribute(in.json, "range_key", in.path, p)) {
      if (k->name == t->hash_key.name) p.Add(Child(Child(in.path, "range_key"), "name"), "the range key must differ from the hash key");
      t->range_key = *k;
    }
  }
  if (!in.json.contains("items")) return t;
  const std::string items_path = Child(in.path, "items");
  const Json& items = in.json["items"];
  if (!items.is_array()) {
    p.Add(items_path, "expected an array of items, got " + TypeName(items));
    return t;
  }
  std::vector<Json> keys_seen;
  for (size_t i = 0; i < items.size(); ++i) {
    const std::string at = Child(items_path, i);
    Json item = items[i];
    if (!item.is_object()) {
      p.Add(at, "expected an item {\"id\": {\"S\": \"a\"}, ...}, got " + TypeName(item));
      continue;
    }
    bool ok = true;
    for (auto& [name, value] : item.items()) {
      if (auto problem = cloud::tables::ValidateAttributeValue(value)) {
        p.Add(Child(at, name), *problem);
        ok = false;
      }
    }
    if (!ok) continue;
    std::vector<cloud::tables::KeyAttribute> key_attrs = {t->hash_key};
    if (t->range_key) key_attrs.push_back(*t->range_key);
    Json key = Json::object();
    for (const auto& attr : key_attrs) {
      if (attr.name.empty()) continue;
      if (!item.contains(attr.name)) {
        p.Add(at, "missing the key attribute \"" + attr.name + "\"");
        ok = false;
      } else if (cloud::tables::TypeOf(item[attr.name]) != attr.type) {
        p.Add(Child(at, attr.name), "the key attribute \"" + attr.name + "\" must be of type " + attr.type + ", got " +
                                        cloud::tables::TypeOf(item[attr.name]));
        ok = false;
      } else {
        key[attr.name] = item[attr.name];
      }
    }
    if (!ok) continue;
    for (const Json& seen : keys_seen) {
      if (seen == key) {
        p.Add(at, "another item has the same key " + core::DumpText(key));
        ok = false;
      }
    }
    keys_seen.push_back(key);
    if (ok) t->items.push_back(item);
  }
  return t;
}

}  // namespace eventlab::scenario
