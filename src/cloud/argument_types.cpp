// One table of argument names and types for the whole catalog (src/cloud/action_catalog.cpp).
// Arguments whose action answers a wrong type in its own service's words (the search domain's
// size, from and document; the page's http.request and script arguments) are left out.
#include "cloud/argument_types.h"

#include <map>
#include <string>

namespace eventlab::cloud {
namespace {

enum class ArgType { kString, kCount, kBoolean, kObject, kArray };

const std::map<std::string, ArgType>& ArgumentTypes() {
  using T = ArgType;
  static const std::map<std::string, ArgType> kTypes = {
      // names, ids, expressions, tokens
      {"receipt_handle", T::kString}, {"subject", T::kString}, {"protocol", T::kString}, {"endpoint", T::kString},
      {"filter_policy_scope", T::kString}, {"token", T::kString}, {"condition_expression", T::kString},
      {"update_expression", T::kString}, {"key_condition_expression", T::kString}, {"filter_expression", T::kString},
      {"return_values", T::kString}, {"index", T::kString}, {"id", T::kString}, {"content_type", T::kString},
      {"prefix", T::kString}, {"continuation_token", T::kString},
      {"partition_key", T::kString}, {"explicit_hash_key", T::kString}, {"shard_id", T::kString},
      {"sequence_number", T::kString}, {"iterator", T::kString}, {"consumer", T::kString}, {"type", T::kString},
      {"version_id", T::kString}, {"version_stage", T::kString}, {"secret_string", T::kString}, {"name", T::kString},
      {"connection_id", T::kString}, {"identity", T::kString}, {"algorithm", T::kString}, {"kid", T::kString},
      {"username", T::kString}, {"password", T::kString}, {"secret", T::kString},
      // counts
      {"limit", T::kCount}, {"max_number_of_messages", T::kCount}, {"max_keys", T::kCount}, {"leeway", T::kCount},
      // switches
      {"consistent_read", T::kBoolean}, {"scan_index_forward", T::kBoolean}, {"doc_as_upsert", T::kBoolean},
      {"with_decryption", T::kBoolean}, {"overwrite", T::kBoolean},
      // structures
      {"item", T::kObject}, {"expression_attribute_names", T::kObject}, {"expression_attribute_values", T::kObject},
      {"exclusive_start_key", T::kObject}, {"attributes", T::kObject},
      {"message_attributes", T::kObject}, {"headers", T::kObject}, {"claims", T::kObject}, {"jwk", T::kObject},
      {"jwks", T::kObject}, {"query", T::kObject},
      // lists
      {"records", T::kArray}, {"algorithms", T::kArray}, {"attribute_names", T::kArray},
      {"message_attribute_names", T::kArray},
  };
  return kTypes;
}

bool HasType(const core::Json& v, ArgType t) {
  switch (t) {
    case ArgType::kString: return v.is_string();
    case ArgType::kCount: return v.is_number_unsigned() || (v.is_number_integer() && v.get<int64_t>() >= 0);
    case ArgType::kBoolean: return v.is_boolean();
    case ArgType::kObject: return v.is_object();
    case ArgType::kArray: return v.is_array();
  }
  return false;
}

const char* Expected(ArgType t) {
  switch (t) {
    case ArgType::kString: return "a string";
    case ArgType::kCount: return "a non-negative integer";
    case ArgType::kBoolean: return "true or false";
    case ArgType::kObject: return "an object";
    case ArgType::kArray: return "an array";
  }
  return "";
}

const char* Found(const core::Json& v) {
  if (v.is_object()) return "an object";
  if (v.is_array()) return "an array";
  if (v.is_string()) return "a string";
  if (v.is_boolean()) return "a boolean";
  if (v.is_null()) return "null";
  return "a number";
}

}  // namespace

std::optional<core::Error> CheckArgumentTypes(const std::string& action, const core::Json& args) {
  if (!args.is_object()) return std::nullopt;
  for (auto it = args.begin(); it != args.end(); ++it) {
    auto type = ArgumentTypes().find(it.key());
    // null stands for "not given" in optional arguments, as the actions read it.
    if (type == ArgumentTypes().end() || it->is_null() || HasType(*it, type->second)) continue;
    return core::Error{"SerializationException",
                       action + ": argument \"" + it.key() + "\" must be " + Expected(type->second) + ", got " + Found(*it),
                       400};
  }
  return std::nullopt;
}

}  // namespace eventlab::cloud
