// The md5 is computed once at load time (streamed, so a 10 MB body costs no 10 MB of memory).
#include "scenario/synthetic_bodies.h"

#include "cloud/functions/template.h"
#include "core/digest.h"

namespace eventlab::scenario {

void NormalizeSyntheticBodies(Json& value, const std::string& path, Problems& p) {
  if (value.is_array()) {
    for (size_t i = 0; i < value.size(); ++i) NormalizeSyntheticBodies(value[i], Child(path, i), p);
    return;
  }
  if (!value.is_object()) return;
  if (!value.contains("$body")) {
    for (auto it = value.begin(); it != value.end(); ++it) NormalizeSyntheticBodies(it.value(), Child(path, it.key()), p);
    return;
  }
  const std::string bpath = Child(path, "$body");
  Json& body = value["$body"];
  if (value.size() != 1 || !body.is_object()) {
    p.Add(bpath, "a synthetic body is {\"$body\": {\"size\": N}} and nothing else");
    return;
  }
  CheckKeys(body, bpath, {"size", "md5"}, p);
  // A templated size ("${div(obj.ContentLength, 40)}") gets its digest when the call is made.
  if (body.contains("size") && body["size"].is_string()) {
    const std::string e = cloud::functions::CheckTemplates(body["size"]);
    if (body["size"].get<std::string>().find("${") == std::string::npos || !e.empty()) {
      p.Add(Child(bpath, "size"), e.empty() ? "expected a byte count or a \"${...}\" template" : "bad template: " + e);
    }
    CheckKeys(body, bpath, {"size"}, p);
    return;
  }
  // A literal size gets its digest here, once.
  auto size = ReadUnsigned(body, "size", bpath, p, 0, kMaxSyntheticBodyBytes, 0);
  if (!body.contains("size")) p.Add(bpath, "missing \"size\" (bytes)");
  if (!size) return;
  const std::string md5 = core::SyntheticMd5Hex(*size);
  if (body.contains("md5") && body["md5"] != md5) {
    p.Add(Child(bpath, "md5"), "does not match the synthetic bytes of this size (expected " + md5 + "); leave it out");
    return;
  }
  body["md5"] = md5;
}

}  // namespace eventlab::scenario
