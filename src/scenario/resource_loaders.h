// One loader per resource kind, and the registry that maps a scenario's "kind" to its loader.
// A new kind adds a loader file and one line in resource_loaders.cpp.
#pragma once

#include <initializer_list>
#include <map>
#include <memory>
#include <string>

#include "cloud/iam/permissions.h"
#include "cloud/service.h"
#include "scenario/json_fields.h"
#include "scenario/step_loader.h"

namespace eventlab::scenario {

/// What a kind's loader reads: the resource's name, its JSON object and path, and every
/// resource's kind (for references by name).
struct ResourceInput {
  const std::string& name;
  const Json& json;
  const std::string& path;
  const ResourceKinds& kinds;
};

/// Builds the kind's config, recording problems. The result is used only when there were none.
using ResourceLoader = std::unique_ptr<cloud::ResourceConfig> (*)(const ResourceInput& in, Problems& p);

/// kind -> loader, sorted by kind.
const std::map<std::string, ResourceLoader>& ResourceLoaders();

/// "client, function, queue": the known kinds, for messages.
std::string KnownKinds();

/// Reports keys other than "kind", "description" and `keys`; sets the config's name and description.
void ReadCommonKeys(const ResourceInput& in, std::initializer_list<const char*> keys, cloud::ResourceConfig& config,
                    Problems& p);

/// Reads "permissions": [{"action": "s3:PutObject", "resource": "arn:aws:s3:::images/*"}, ...].
std::vector<cloud::iam::Grant> ReadPermissions(const Json& list, const std::string& path, Problems& p);

/// Records a problem at `path` unless `name` is a resource of `kind`.
void CheckReference(const std::string& name, const std::string& kind, const std::string& path,
                    const ResourceKinds& kinds, Problems& p);

std::unique_ptr<cloud::ResourceConfig> LoadClient(const ResourceInput& in, Problems& p);
std::unique_ptr<cloud::ResourceConfig> LoadFunction(const ResourceInput& in, Problems& p);
std::unique_ptr<cloud::ResourceConfig> LoadQueue(const ResourceInput& in, Problems& p);
std::unique_ptr<cloud::ResourceConfig> LoadIdentityProvider(const ResourceInput& in, Problems& p);
std::unique_ptr<cloud::ResourceConfig> LoadSearch(const ResourceInput& in, Problems& p);
std::unique_ptr<cloud::ResourceConfig> LoadTable(const ResourceInput& in, Problems& p);
std::unique_ptr<cloud::ResourceConfig> LoadApi(const ResourceInput& in, Problems& p);
std::unique_ptr<cloud::ResourceConfig> LoadBucket(const ResourceInput& in, Problems& p);
std::unique_ptr<cloud::ResourceConfig> LoadTopic(const ResourceInput& in, Problems& p);
std::unique_ptr<cloud::ResourceConfig> LoadEndpoint(const ResourceInput& in, Problems& p);
std::unique_ptr<cloud::ResourceConfig> LoadStream(const ResourceInput& in, Problems& p);
std::unique_ptr<cloud::ResourceConfig> LoadMapping(const ResourceInput& in, Problems& p);
std::unique_ptr<cloud::ResourceConfig> LoadWebSocketApi(const ResourceInput& in, Problems& p);
std::unique_ptr<cloud::ResourceConfig> LoadSecret(const ResourceInput& in, Problems& p);
std::unique_ptr<cloud::ResourceConfig> LoadParameter(const ResourceInput& in, Problems& p);

}  // namespace eventlab::scenario
