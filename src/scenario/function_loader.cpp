// Loads a "function" resource: limits from Lambda's quotas, environment, and the handler steps.
#include "cloud/functions/function_models.h"
#include "scenario/resource_loaders.h"

namespace eventlab::scenario {

std::unique_ptr<cloud::ResourceConfig> LoadFunction(const ResourceInput& in, Problems& p) {
  auto f = std::make_unique<cloud::functions::FunctionConfig>();
  ReadCommonKeys(in, {"handler", "timeout", "memory", "environment", "permissions", "on_failure", "on_success"}, *f, p);
  // Destinations for asynchronous invocations: {"queue": name}.
  for (const char* key : {"on_failure", "on_success"}) {
    auto it = in.json.find(key);
    if (it == in.json.end()) continue;
    const std::string dpath = Child(in.path, key);
    if (!it->is_object() || !it->contains("queue") || !(*it)["queue"].is_string()) {
      p.Add(dpath, "expected {\"queue\": \"<queue name>\"}");
      continue;
    }
    CheckKeys(*it, dpath, {"queue"}, p);
    const std::string queue = (*it)["queue"].get<std::string>();
    CheckReference(queue, "queue", Child(dpath, "queue"), in.kinds, p);
    (std::string(key) == "on_failure" ? f->on_failure_queue : f->on_success_queue) = queue;
  }
  if (in.json.contains("permissions")) f->permissions = ReadPermissions(in.json["permissions"], Child(in.path, "permissions"), p);
  const Json& r = in.json;
  // Lambda: timeout 1 s to 900 s; memory 128 MB to 10,240 MB (Lambda quotas).
  if (auto v = ReadDuration(r, "timeout", in.path, p, core::SimTime::Seconds(1), cloud::functions::kMaxTimeout, f->timeout)) {
    f->timeout = *v;
  }
  if (auto v = ReadUnsigned(r, "memory", in.path, p, 128, 10240, f->memory_mb)) f->memory_mb = *v;
  if (auto env = r.find("environment"); env != r.end()) {
    const std::string env_path = Child(in.path, "environment");
    if (!env->is_object()) {
      p.Add(env_path, "expected an object of NAME -> string");
    } else {
      for (auto it = env->begin(); it != env->end(); ++it) {
        if (!it->is_string()) p.Add(Child(env_path, it.key()), "environment values are strings");
      }
      f->environment = *env;
    }
  }
  if (!r.contains("handler")) p.Add(in.path, "missing \"handler\": the function's steps");
  else f->handler = LoadSteps(r["handler"], Child(in.path, "handler"), in.kinds, p);
  return f;
}

}  // namespace eventlab::scenario
