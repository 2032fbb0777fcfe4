// Requests to the bucket's virtual host (a browser using a URL). Buckets are private, so only
// presigned URLs get through: S3 checks the query parameters, the expiry against the simulated
// clock, the signature, then the signer's permissions.
#include <cctype>

#include "cloud/http/url.h"
#include "cloud/iam/permissions.h"
#include "cloud/storage/presign.h"
#include "cloud/storage/storage_service.h"
#include "cloud/world_config.h"
#include "core/json_bounds.h"

namespace eventlab::cloud::storage {
namespace {

std::string Lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// Actions a presigned request needs, by HTTP method.
const char* ActionFor(const std::string& method) {
  if (method == "GET" || method == "HEAD") return "s3:GetObject";
  if (method == "PUT") return "s3:PutObject";
  if (method == "DELETE") return "s3:DeleteObject";
  return nullptr;
}

}  // namespace

core::Result<Json> StorageService::HttpRequest(ServiceContext& ctx, const core::Event& event) {
  const Json& p = event.payload;
  ReceivedRequest req;
  req.method = p.value("method", "");
  req.host = p.value("host", "");
  const std::string path = p.value("path", "/");
  auto key = http::PercentDecode(path.size() > 1 ? path.substr(1) : "", false);
  if (!key) return core::Error{"InvalidURI", "Couldn't parse the specified URI.", 400};
  req.key = *key;
  if (p.contains("query") && p["query"].is_object()) {
    for (const auto& [k, v] : p["query"].items()) req.query[k] = v.is_string() ? v.get<std::string>() : core::DumpText(v);
  }
  if (p.contains("headers") && p["headers"].is_object()) {
    for (const auto& [k, v] : p["headers"].items()) req.headers[Lower(k)] = v.is_string() ? v.get<std::string>() : core::DumpText(v);
  }
  // An anonymous request to a private bucket.
  if (!HasQueryAuth(req)) return core::Error{"AccessDenied", "Access Denied", 403};
  auto params = ParsePresignedParams(req, ctx.env().region);
  if (!params.ok()) return params.error();
  auto principal = iam::PrincipalForAccessKey(ctx.config, params.value().access_key_id);
  if (!principal) {
    return core::Error{"InvalidAccessKeyId", "The AWS Access Key Id you provided does not exist in our records.", 403};
  }
  if (PresignExpired(params.value(), ctx.NowEpochUs())) return core::Error{"AccessDenied", "Request has expired", 403};
  if (!SignatureMatches(req, params.value(), iam::CredentialsOf(ctx.config, *principal).secret_access_key)) {
    return core::Error{"SignatureDoesNotMatch",
                       "The request signature we calculated does not match the signature you provided. Check your key "
                       "and signing method.",
                       403};
  }
  const char* action = ActionFor(req.method);
  if (!action || req.key.empty()) {
    return core::Error{"MethodNotAllowed", "The specified method is not allowed against this resource.", 405};
  }
  // The URL carries its signer's authority: a signer without the permission signs a URL that fails.
  if (!iam::GrantsOf(ctx.config, *principal).Allows(action, ObjectArn(req.key))) {
    return core::Error{"AccessDenied", "Access Denied", 403};
  }
  if (req.method == "PUT") {
    auto ct = req.headers.find("content-type");
    auto put = Store(ctx, *principal, req.key, p.value("body", Json("")), ct == req.headers.end() ? "" : ct->second);
    if (!put.ok()) return put.error();
    return Json{{"statusCode", 200}, {"headers", {{"ETag", put.value()["ETag"]}}}, {"body", ""}};
  }
  if (req.method == "DELETE") {
    core::Event as_call = event;
    as_call.from = *principal;
    as_call.payload = {{"key", req.key}};
    auto del = DeleteObject(ctx, as_call);
    if (!del.ok()) return del.error();
    return Json{{"statusCode", 204}, {"headers", Json::object()}, {"body", ""}};
  }
  auto found = Lookup(ctx, *principal, req.key);
  if (!found.ok()) return found.error();
  const Object& o = *found.value();
  Json headers = {{"Content-Type", o.content_type}, {"Content-Length", std::to_string(o.size)},
                  {"ETag", "\"" + o.etag + "\""}};
  return Json{{"statusCode", 200}, {"headers", headers}, {"body", req.method == "HEAD" ? Json("") : o.body}};
}

}  // namespace eventlab::cloud::storage
