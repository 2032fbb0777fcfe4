// Loads a "parameter" resource (SSM Parameter Store): type, value and the SSM name, which may be a
// path ("/app/db/password") and so is separate from the scenario resource name.
#include "cloud/secrets/secrets_models.h"
#include "scenario/resource_loaders.h"

namespace eventlab::scenario {
namespace {

// SSM parameter names: letters, digits, and . - _ plus / for hierarchies; a hierarchy begins with
// "/"; 1 to 2048 characters; not beginning with "aws" or "ssm" (Systems Manager user guide,
// "Creating Systems Manager parameters").
std::string ParameterNameProblem(const std::string& name) {
  if (name.empty() || name.size() > 2048) return "1 to 2048 characters";
  for (char c : name) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '-' ||
                    c == '_' || c == '/';
    if (!ok) return "only letters, digits, '.', '-', '_' and '/'";
  }
  if (name.find('/') != std::string::npos && name[0] != '/') return "a hierarchy (with '/') must begin with '/'";
  const std::string bare = name[0] == '/' ? name.substr(1) : name;
  std::string lower;
  for (char c : bare.substr(0, 3)) lower += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  if (lower == "aws" || lower == "ssm") return "names may not begin with \"aws\" or \"ssm\"";
  return "";
}

}  // namespace

std::unique_ptr<cloud::ResourceConfig> LoadParameter(const ResourceInput& in, Problems& p) {
  auto c = std::make_unique<cloud::secrets::ParameterConfig>();
  ReadCommonKeys(in, {"type", "value", "parameter_name"}, *c, p);
  if (auto t = ReadString(in.json, "type", in.path, p, "String")) {
    if (*t != "String" && *t != "SecureString" && *t != "StringList") {
      p.Add(Child(in.path, "type"), "expected \"String\", \"SecureString\" or \"StringList\"");
    }
    c->type = *t;
  }
  if (!in.json.contains("value")) {
    p.Add(in.path, "missing \"value\"");
  } else if (auto v = ReadString(in.json, "value", in.path, p, "")) {
    // The default Standard-tier limit; a scenario's own "parameter_value_bytes" applies to PutParameter.
    if (v->empty() || v->size() > cloud::Limits{}.parameter_value_bytes) {
      p.Add(Child(in.path, "value"), "a Standard parameter value is 1 to 4096 bytes, got " + std::to_string(v->size()));
    }
    c->value = *v;
  }
  if (auto n = ReadString(in.json, "parameter_name", in.path, p, in.name)) {
    const std::string why = ParameterNameProblem(*n);
    if (!why.empty()) p.Add(Child(in.path, "parameter_name"), "bad parameter name: " + why);
    c->parameter_name = *n;
  }
  return c;
}

}  // namespace eventlab::scenario
