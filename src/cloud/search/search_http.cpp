// Requests to the domain endpoint, routed as Elasticsearch's REST layer routes them. Requests are
// taken as signed by the caller (SigV4, as the AWS SDK signer does), so the access check sees the
// caller's own grants. Errors come back as errors with Elasticsearch's type, reason and status.
#include <algorithm>
#include <string>
#include <vector>

#include "cloud/http/url.h"
#include "cloud/search/search_service.h"
#include "core/digest.h"
#include "core/json_bounds.h"

namespace eventlab::cloud::search {
namespace {

// Path parts, percent-decoded; nullopt on a bad escape.
std::optional<std::vector<std::string>> PathParts(const std::string& path) {
  std::vector<std::string> parts;
  size_t start = 1;
  while (start <= path.size()) {
    size_t end = path.find('/', start);
    if (end == std::string::npos) end = path.size();
    if (end > start) {
      auto part = http::PercentDecode(path.substr(start, end - start), false);
      if (!part) return std::nullopt;
      parts.push_back(*part);
    }
    start = end + 1;
  }
  return parts;
}

// The request body as JSON: an object as it is, JSON text parsed, nothing as null.
core::Result<Json> BodyJson(const Json& body) {
  if (body.is_null() || body.is_object() || body.is_array()) return body;
  if (body.is_string()) {
    const std::string text = body.get<std::string>();
    if (text.find_first_not_of(" \t\r\n") == std::string::npos) return Json();
    Json parsed = core::ParseBounded(text);
    if (!parsed.is_discarded()) return parsed;
  }
  return core::Error{"json_parse_exception", "Failed to parse the request body as JSON", 400};
}

// ?size=N and ?from=N, which override the body's (Elasticsearch reference, search API, query parameters).
core::Result<Json> WithPagingParams(Json body, const Json& query) {
  for (const char* key : {"size", "from"}) {
    if (!query.is_object() || !query.contains(key)) continue;
    const std::string text = query[key].is_string() ? query[key].get<std::string>() : core::DumpText(query[key]);
    bool digits = !text.empty() && text.size() < 10;
    for (size_t i = 0; i < text.size(); ++i) digits = digits && ((text[i] >= '0' && text[i] <= '9') || (i == 0 && text[i] == '-'));
    if (!digits || text == "-") {
      return core::Error{"illegal_argument_exception", "Failed to parse int parameter [" + std::string(key) + "] with value [" + text + "]",
                         400};
    }
    if (body.is_null()) body = Json::object();
    if (body.is_object()) body[key] = std::stoll(text);
  }
  return body;
}

Json HttpAnswer(const Answer& a) {
  return {{"statusCode", a.status}, {"headers", {{"content-type", "application/json; charset=UTF-8"}}}, {"body", core::DumpText(a.body)}};
}

}  // namespace

core::Result<Json> SearchService::HttpRequest(ServiceContext& ctx, const core::Event& event) {
  const Json& p = event.payload;
  const std::string method = p.value("method", "");
  const std::string path = p.value("path", "/");
  auto parts = PathParts(path);
  // Elasticsearch answers a URI it has no handler for with 400 and one for another method with
  // 405; both bodies are {"error": "<message>", "status": N} without an error type.
  const core::Error no_handler{"no_handler_found", "no handler found for uri [" + path + "] and method [" + method + "]", 400};
  if (!parts) return no_handler;
  const std::vector<std::string>& part = *parts;
  std::vector<std::string> allowed;
  enum class Op { kNone, kSearch, kIndex, kGet, kDelete, kUpdate } op = Op::kNone;
  if (part.size() == 2 && part[1] == "_search") {
    allowed = {"GET", "POST"};
    op = Op::kSearch;
  } else if (part.size() == 3 && part[1] == "_doc") {
    allowed = {"DELETE", "GET", "POST", "PUT"};
    op = method == "GET" ? Op::kGet : method == "DELETE" ? Op::kDelete : Op::kIndex;
  } else if (part.size() == 3 && part[1] == "_update") {
    allowed = {"POST"};
    op = Op::kUpdate;
  }
  if (op == Op::kNone || part[0].empty() || part[0][0] == '_') return no_handler;
  if (std::find(allowed.begin(), allowed.end(), method) == allowed.end()) {
    std::string list;
    for (const std::string& m : allowed) list += (list.empty() ? "" : ", ") + m;
    return core::Error{"incorrect_http_method",
                       "Incorrect HTTP method for uri [" + path + "] and method [" + method + "], allowed: [" + list + "]", 405};
  }
  if (auto denied = CheckAccess(ctx, event.from, method, path)) return *denied;
  const Json raw_body = p.value("body", Json());
  const uint64_t limit = ctx.env().limits.search_request_bytes;
  if (!raw_body.is_null() && core::BodySize(raw_body) > limit) {
    return core::Error{"RequestEntityTooLarge", "Request size exceeded " + std::to_string(limit) + " bytes", 413};
  }
  auto body = BodyJson(raw_body);
  if (!body.ok()) return body.error();
  const std::string& index = part[0];
  core::Result<Answer> answer = Answer{};
  if (op == Op::kSearch) {
    auto with_params = WithPagingParams(body.value(), p.value("query", Json::object()));
    if (!with_params.ok()) return with_params.error();
    answer = Search(index, with_params.value());
  } else {
    const std::string& id = part[2];
    if (id.size() > kMaxIdBytes) {
      return core::Error{"action_request_validation_exception",
                         "Validation Failed: 1: id [" + id + "] is too long, must be no longer than 512 bytes but was: " +
                             std::to_string(id.size()) + ";",
                         400};
    }
    if (op == Op::kGet) answer = GetDocument(index, id);
    else if (op == Op::kDelete) answer = DeleteDocument(ctx, index, id);
    else if (op == Op::kUpdate) answer = UpdateDocument(ctx, index, id, body.value());
    else answer = IndexDocument(ctx, index, id, body.value());
  }
  if (!answer.ok()) return answer.error();
  return HttpAnswer(answer.value());
}

}  // namespace eventlab::cloud::search
