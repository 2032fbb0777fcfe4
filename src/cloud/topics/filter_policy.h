// SNS subscription filter policies: validation as SetSubscriptionAttributes applies it, and the
// matcher that decides whether a subscription gets a copy of a message.
#pragma once

#include <string>

#include "core/event.h"

namespace eventlab::cloud::topics {

using core::Json;

/// Where a filter policy looks (SNS FilterPolicyScope).
enum class FilterScope { kMessageAttributes, kMessageBody };

/// "" if `policy` is a valid filter policy for `scope`, else the reason (SNS answers
/// InvalidParameter "Invalid parameter: FilterPolicy: <reason>").
std::string ValidateFilterPolicy(const Json& policy, FilterScope scope);

/// The document a MessageAttributes-scope policy is matched against: {name: value} where a
/// String attribute is a JSON string, a Number attribute a JSON number, a String.Array attribute
/// the array it encodes. Binary attributes are left out (filter policies ignore them).
/// `attributes` is the SNS shape {"name": {"DataType": "String", "StringValue": "x"}}.
Json FilterDocument(const Json& attributes);

/// True if `doc` matches `policy`: every key matches (AND), and a key matches when any of its
/// conditions does (OR); "$or" holds alternative sub-policies. Conditions: exact string or number,
/// {"prefix"}, {"suffix"}, {"equals-ignore-case"}, {"anything-but": value, list, {"prefix"} or
/// {"suffix"}}, {"numeric": [op, n, (op, n)]}, {"exists": bool}. A missing key matches only
/// {"exists": false}. A list value (String.Array, or an array in the body) matches when any
/// element does. Numbers compare exactly in fixed point with 5 decimal places.
bool MatchesFilterPolicy(const Json& policy, const Json& doc);

}  // namespace eventlab::cloud::topics
