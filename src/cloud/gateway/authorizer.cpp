// Formats and rules from the API Gateway developer guide: "Input to an API Gateway Lambda
// authorizer", "Output from an API Gateway Lambda authorizer", "Gateway response types"
// (UNAUTHORIZED 401, ACCESS_DENIED 403, AUTHORIZER_CONFIGURATION_ERROR 500).
#include "cloud/gateway/authorizer.h"

#include "cloud/iam/permissions.h"

namespace eventlab::cloud::gateway {
namespace {

constexpr const char* kHeaderPrefix = "method.request.header.";
constexpr const char* kQueryPrefix = "method.request.querystring.";

std::string Lower(std::string s) {
  for (char& c : s) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  return s;
}

bool StartsWith(const std::string& s, const std::string& p) { return s.compare(0, p.size(), p) == 0; }

std::string ValueText(const Json& v) {
  if (v.is_string()) return v.get<std::string>();
  if (v.is_array() && !v.empty()) return ValueText(v.front());
  return "";
}

core::Error ConfigurationError() {
  // AUTHORIZER_CONFIGURATION_ERROR: 500 {"message": null}, x-amzn-ErrorType
  // AuthorizerConfigurationException (the authorizer failed or returned a malformed policy).
  return {"AuthorizerConfigurationException", "null", 500};
}

// A statement's Action/Resource: a string or a non-empty array of strings.
bool ReadStrings(const Json& v, std::vector<std::string>& out) {
  if (v.is_string()) {
    out.push_back(v.get<std::string>());
    return true;
  }
  if (!v.is_array() || v.empty()) return false;
  for (const Json& item : v) {
    if (!item.is_string()) return false;
    out.push_back(item.get<std::string>());
  }
  return true;
}

bool ActionCovers(const std::vector<std::string>& actions) {
  for (const std::string& a : actions) {
    if (iam::GlobMatch(Lower(a), "execute-api:invoke")) return true;
  }
  return false;
}

bool ResourceCovers(const std::vector<std::string>& resources, const std::string& arn) {
  for (const std::string& r : resources) {
    if (iam::GlobMatch(r, arn)) return true;
  }
  return false;
}

}  // namespace

std::string CheckIdentitySource(const std::string& source) {
  for (const char* prefix : {kHeaderPrefix, kQueryPrefix}) {
    if (StartsWith(source, prefix)) {
      return source.size() > std::string(prefix).size() ? "" : "names no header or query string parameter";
    }
  }
  return "expected \"method.request.header.<Name>\" or \"method.request.querystring.<name>\"";
}

std::optional<std::vector<std::string>> IdentityValues(const AuthorizerConfig& a, const Json& headers, const Json& query) {
  std::vector<std::string> values;
  for (const std::string& source : a.identity_sources) {
    std::string value;
    if (StartsWith(source, kHeaderPrefix)) {
      const std::string want = Lower(source.substr(std::string(kHeaderPrefix).size()));
      if (headers.is_object()) {
        for (const auto& [name, v] : headers.items()) {
          if (Lower(name) == want) value = ValueText(v);
        }
      }
    } else if (StartsWith(source, kQueryPrefix) && query.is_object()) {
      const std::string want = source.substr(std::string(kQueryPrefix).size());
      if (query.contains(want)) value = ValueText(query[want]);
    }
    if (value.empty()) return std::nullopt;
    values.push_back(value);
  }
  return values;
}

std::string AuthorizerCacheKey(const std::string& authorizer, const std::vector<std::string>& values) {
  std::string key = authorizer;
  for (const std::string& v : values) key += "\n" + v;
  return key;
}

std::string MethodArn(const std::string& region, const std::string& account, const std::string& api_id,
                      const std::string& stage, const std::string& method, const std::string& path) {
  const std::string rest = !path.empty() && path[0] == '/' ? path.substr(1) : path;
  return "arn:aws:execute-api:" + region + ":" + account + ":" + api_id + "/" + stage + "/" + method + "/" + rest;
}

Json TokenAuthorizerEvent(const std::string& token, const std::string& method_arn) {
  return {{"type", "TOKEN"}, {"authorizationToken", token}, {"methodArn", method_arn}};
}

Json RequestAuthorizerEvent(const std::string& method_arn, const Json& request) {
  Json e = {{"type", "REQUEST"}, {"methodArn", method_arn}};
  for (const char* k : {"resource", "path", "httpMethod", "headers", "multiValueHeaders", "queryStringParameters",
                        "multiValueQueryStringParameters", "pathParameters", "stageVariables", "requestContext"}) {
    e[k] = request.is_object() && request.contains(k) ? request[k] : Json(nullptr);
  }
  return e;
}

std::string AuthorizerOutput::EffectSummary() const {
  bool allow = false, deny = false;
  for (const PolicyStatement& s : statements) (s.allow ? allow : deny) = true;
  if (allow && deny) return "Allow+Deny";
  return allow ? "Allow" : deny ? "Deny" : "none";
}

std::optional<AuthorizerOutput> ParseAuthorizerOutput(const Json& output, std::string* why) {
  auto fail = [&](const std::string& reason) -> std::optional<AuthorizerOutput> {
    if (why) *why = reason;
    return std::nullopt;
  };
  if (!output.is_object()) return fail("the output is not an object");
  AuthorizerOutput out;
  if (!output.contains("principalId") || !output["principalId"].is_string()) return fail("no string principalId");
  out.principal_id = output["principalId"].get<std::string>();
  const Json doc = output.value("policyDocument", Json());
  if (!doc.is_object() || !doc.contains("Statement")) return fail("no policyDocument with a Statement");
  Json statements = doc["Statement"];
  if (statements.is_object()) statements = Json::array({statements});
  if (!statements.is_array()) return fail("policyDocument.Statement is not a list");
  for (const Json& s : statements) {
    if (!s.is_object()) return fail("a statement is not an object");
    PolicyStatement st;
    const Json effect = s.value("Effect", Json());
    if (effect != "Allow" && effect != "Deny") return fail("a statement's Effect is not \"Allow\" or \"Deny\"");
    st.allow = effect == "Allow";
    if (!ReadStrings(s.value("Action", Json()), st.actions)) return fail("a statement's Action is not a string or list");
    if (!ReadStrings(s.value("Resource", Json()), st.resources)) return fail("a statement's Resource is not a string or list");
    out.statements.push_back(std::move(st));
  }
  if (output.contains("context") && !output["context"].is_null()) {
    if (!output["context"].is_object()) return fail("context is not an object");
    // Context values must be strings, numbers or booleans: "You can't set a JSON object or
    // array as a valid value of any key in the context map" (Lambda authorizer output).
    for (const auto& [k, v] : output["context"].items()) {
      if (!v.is_string() && !v.is_number() && !v.is_boolean()) return fail("context." + k + " is an object or array");
    }
    out.context = output["context"];
  }
  return out;
}

core::Error UnauthorizedError() { return {"UnauthorizedException", "Unauthorized", 401}; }

AuthorizerVerdict Evaluate(const AuthorizerOutput& output, const std::string& method_arn) {
  AuthorizerVerdict v;
  v.principal_id = output.principal_id;
  bool allowed = false;
  for (const PolicyStatement& s : output.statements) {
    if (!ActionCovers(s.actions) || !ResourceCovers(s.resources, method_arn)) continue;
    if (!s.allow) {
      // ACCESS_DENIED: 403 {"Message": "User is not authorized to access this resource with an explicit deny"}.
      v.error = {"AccessDeniedException", "User is not authorized to access this resource with an explicit deny", 403};
      return v;
    }
    allowed = true;
  }
  if (!allowed) {
    v.error = {"AccessDeniedException", "User is not authorized to access this resource", 403};
    return v;
  }
  v.allowed = true;
  v.authorizer_context = output.context;
  v.authorizer_context["principalId"] = output.principal_id;
  return v;
}

AuthorizerVerdict VerdictFromReply(const core::Result<Json>& reply, const std::string& method_arn,
                                   std::optional<AuthorizerOutput>* output) {
  AuthorizerVerdict v;
  if (!reply.ok()) {
    // A Lambda authorizer rejects a caller by failing with the message "Unauthorized"; any
    // other failure is a configuration error.
    v.error = reply.error().message == "Unauthorized" ? UnauthorizedError() : ConfigurationError();
    return v;
  }
  auto parsed = ParseAuthorizerOutput(reply.value());
  if (!parsed) {
    v.error = ConfigurationError();
    return v;
  }
  if (output) *output = parsed;
  return Evaluate(*parsed, method_arn);
}

}  // namespace eventlab::cloud::gateway
