// Answers follow the Elasticsearch REST API reference (index, update, delete and get APIs, search
// API): the same members, results ("created", "updated", "noop", "deleted", "not_found") and
// error types. The domain has one shard per index, so _seq_no counts the index's writes.
#include "cloud/search/search_service.h"
#include "core/json_bounds.h"

#include <algorithm>
#include <vector>

#include "cloud/iam/permissions.h"
#include "cloud/search/bm25.h"
#include "cloud/search/inverted_index.h"
#include "cloud/search/query_dsl.h"
#include "cloud/world_config.h"
#include "core/ids.h"

namespace eventlab::cloud::search {
namespace {

// Documents shown per index in State(), as tables show their first items.
constexpr size_t kStateDocuments = 200;

core::Error IndexNotFound(const std::string& index) {
  return {"index_not_found_exception", "no such index [" + index + "]", 404};
}

core::Error Validation(const std::string& problem) {
  return {"action_request_validation_exception", "Validation Failed: 1: " + problem + ";", 400};
}

// An index_uuid as Elasticsearch shows it: 22 URL-safe base64 characters.
std::string IndexUuid(const std::string& domain, const std::string& index) {
  static const char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  std::string out;
  for (int i = 0; out.size() < 22; ++i) {
    uint64_t h = core::Fnv1a64(domain + "/" + index + "#" + std::to_string(i));
    for (int k = 0; k < 10 && out.size() < 22; ++k, h >>= 6) out += kAlphabet[h & 63];
  }
  return out;
}

// Partial-document update: objects merge key by key, anything else replaces (Elasticsearch
// reference, update API, "Update part of a document").
Json Merge(const Json& base, const Json& patch) {
  if (!base.is_object() || !patch.is_object()) return patch;
  Json out = base;
  for (const auto& [key, value] : patch.items()) out[key] = out.contains(key) ? Merge(out[key], value) : value;
  return out;
}

std::optional<core::Error> CheckId(const std::string& id) {
  if (id.empty()) return Validation("id is missing");
  if (id.size() > kMaxIdBytes) {
    return Validation("id [" + id + "] is too long, must be no longer than 512 bytes but was: " + std::to_string(id.size()));
  }
  return std::nullopt;
}

// The HTTP request an action stands for, which is what the domain's access check sees.
struct Route {
  std::string method;
  std::string path;
};

Route RouteOf(const std::string& action, const std::string& index, const std::string& id) {
  if (action == "search.index") return {"PUT", "/" + index + "/_doc/" + id};
  if (action == "search.update") return {"POST", "/" + index + "/_update/" + id};
  if (action == "search.delete") return {"DELETE", "/" + index + "/_doc/" + id};
  if (action == "search.get") return {"GET", "/" + index + "/_doc/" + id};
  return {"POST", "/" + index + "/_search"};
}

}  // namespace

Json WriteResult(const std::string& index, const std::string& id, uint64_t version, const std::string& result, uint64_t seq_no,
                 bool noop) {
  // A write reaches the primary and its replica (the index API reference's example shows
  // {"total": 2, "successful": 2, "failed": 0}); a no-op update touches no shard.
  const Json shards = noop ? Json{{"total", 0}, {"successful", 0}, {"failed", 0}} : Json{{"total", 2}, {"successful", 2}, {"failed", 0}};
  return {{"_index", index}, {"_id", id},          {"_version", version}, {"result", result},
          {"_shards", shards}, {"_seq_no", seq_no}, {"_primary_term", 1}};
}

Json ScoreJson(int64_t micros) { return Json(static_cast<double>(micros) / 1e6); }

SearchService::SearchService(const SearchDomainConfig* config) : config_(config) {
  for (const auto& [name, docs] : config_->indexes) {
    IndexData& data = store_.indexes[name];
    data.uuid = IndexUuid(config_->name, name);
    for (const auto& [id, source] : docs) {
      auto plan = PlanDocument(data, id, source);
      if (!plan.ok()) continue;  // the loader reported it
      AddTerms(data, id, plan.value());
      data.documents[id] = Document{source, 1, data.next_seq_no++};
    }
  }
}

void SearchService::Deliver(ServiceContext& ctx, const core::Event& event) {
  if (endpoint_.empty()) endpoint_ = "https://" + config_->Host(ctx.env());
  if (event.kind == "http.request") {
    ++store_.requests;
    Reply(ctx, event, HttpRequest(ctx, event));
    return;
  }
  if (event.kind.rfind("search.", 0) != 0) return;
  ++store_.requests;
  auto answer = Action(ctx, event);
  if (!answer.ok()) return Reply(ctx, event, answer.error());
  Reply(ctx, event, answer.value().body);
}

std::optional<core::Error> SearchService::CheckAccess(ServiceContext& ctx, const std::string& principal, const std::string& method,
                                                      const std::string& path) const {
  std::string verb = method;
  for (size_t i = 1; i < verb.size(); ++i) verb[i] = static_cast<char>(verb[i] - 'A' + 'a');
  const std::string action = "es:ESHttp" + verb;  // es:ESHttpGet, es:ESHttpPost, ...
  const std::string arn = config_->Arn(ctx.env()) + path;
  const iam::Grants grants = iam::GrantsOf(ctx.config, principal);
  if (grants.Allows(action, arn)) return std::nullopt;
  // Amazon OpenSearch Service answers 403 {"Message": "User: <arn> is not authorized to perform:
  // es:ESHttpPost because no identity-based policy allows the es:ESHttpPost action"}; a caller
  // without credentials sends an unsigned request, refused as "anonymous".
  const bool anonymous = KindOf(principal) == "client" && grants.list.empty();
  return core::Error{"AccessDeniedException",
                     "User: " + (anonymous ? std::string("anonymous") : iam::PrincipalArn(ctx.config, principal)) +
                         " is not authorized to perform: " + action + " because no " +
                         (anonymous ? "resource-based" : "identity-based") + " policy allows the " + action + " action",
                     403};
}

core::Result<Answer> SearchService::Action(ServiceContext& ctx, const core::Event& event) {
  const Json args = event.payload.is_object() ? event.payload : Json::object();
  const Json index_arg = args.value("index", Json());
  if (!index_arg.is_string() || index_arg.get<std::string>().empty()) return Validation("index is missing");
  const std::string index = index_arg.get<std::string>();
  std::string id;
  if (event.kind != "search.query") {
    const Json id_arg = args.value("id", Json());
    if (!id_arg.is_string()) return Validation("id is missing");
    id = id_arg.get<std::string>();
    if (auto problem = CheckId(id)) return *problem;
  }
  const Route route = RouteOf(event.kind, index, id);
  if (auto denied = CheckAccess(ctx, event.from, route.method, route.path)) return *denied;
  // Amazon OpenSearch Service refuses request payloads over its network limit with 413.
  const uint64_t limit = ctx.env().limits.search_request_bytes;
  if (core::DumpText(args).size() > limit) {
    return core::Error{"RequestEntityTooLarge", "Request size exceeded " + std::to_string(limit) + " bytes", 413};
  }
  if (event.kind == "search.index") return IndexDocument(ctx, index, id, args.value("document", Json()));
  if (event.kind == "search.update") {
    Json body = {{"doc", args.value("doc", Json())}};
    if (args.contains("doc_as_upsert")) body["doc_as_upsert"] = args["doc_as_upsert"];
    return UpdateDocument(ctx, index, id, body);
  }
  if (event.kind == "search.delete") return DeleteDocument(ctx, index, id);
  if (event.kind == "search.get") return GetDocument(index, id);
  if (event.kind == "search.query") {
    Json body = Json::object();
    for (const char* key : {"query", "from", "size"}) {
      if (args.contains(key)) body[key] = args[key];
    }
    return Search(index, body);
  }
  return core::Error{"InvalidAction", "unknown search action \"" + event.kind + "\"", 400};
}

core::Result<IndexData*> SearchService::WritableIndex(const std::string& name) {
  auto it = store_.indexes.find(name);
  if (it != store_.indexes.end()) return &it->second;
  // action.auto_create_index: a write to a missing index creates it (Elasticsearch reference,
  // index API, "Automatically create data streams and indices").
  if (auto problem = IndexNameProblem(name)) return core::Error{"invalid_index_name_exception", *problem, 400};
  IndexData& data = store_.indexes[name];
  data.uuid = IndexUuid(config_->name, name);
  return &data;
}

core::Result<std::pair<uint64_t, uint64_t>> SearchService::Write(ServiceContext* ctx, IndexData& data, const std::string& id,
                                                                 const Json& source) {
  if (!source.is_object()) {
    return core::Error{"mapper_parsing_exception", "failed to parse: Malformed content, must start with an object", 400};
  }
  auto plan = PlanDocument(data, id, source);
  if (!plan.ok()) return plan.error();
  uint64_t base = 0;
  if (auto doc = data.documents.find(id); doc != data.documents.end()) {
    base = doc->second.version;
    RemoveTerms(data, id);
  } else if (auto tomb = data.tombstones.find(id); tomb != data.tombstones.end() && ctx &&
                                                    ctx->NowEpochUs() - tomb->second.deleted_at_us <= kGcDeletes.us) {
    base = tomb->second.version;
  }
  data.tombstones.erase(id);
  AddTerms(data, id, plan.value());
  const uint64_t seq_no = data.next_seq_no++;
  data.documents[id] = Document{source, base + 1, seq_no};
  ++store_.writes;
  return std::pair<uint64_t, uint64_t>{base + 1, seq_no};
}

core::Result<Answer> SearchService::IndexDocument(ServiceContext& ctx, const std::string& index, const std::string& id,
                                                  const Json& source) {
  auto data = WritableIndex(index);
  if (!data.ok()) return data.error();
  const bool existed = data.value()->documents.count(id) > 0;
  auto written = Write(&ctx, *data.value(), id, source);
  if (!written.ok()) return written.error();
  const auto [version, seq_no] = written.value();
  // 201 Created for a new document, 200 OK when it replaced one.
  return Answer{existed ? 200 : 201, WriteResult(index, id, version, existed ? "updated" : "created", seq_no)};
}

core::Result<Answer> SearchService::UpdateDocument(ServiceContext& ctx, const std::string& index, const std::string& id,
                                                   const Json& body) {
  if (!body.is_object()) return Validation("script or doc is missing");
  for (const auto& [key, v] : body.items()) {
    if (key != "doc" && key != "doc_as_upsert") {
      return core::Error{"x_content_parse_exception", "[UpdateRequest] unknown field [" + key + "]", 400};
    }
  }
  const Json doc = body.value("doc", Json());
  if (!doc.is_object()) return Validation("script or doc is missing");
  const Json upsert = body.value("doc_as_upsert", Json(false));
  if (!upsert.is_boolean()) return core::Error{"x_content_parse_exception", "[UpdateRequest] failed to parse field [doc_as_upsert]", 400};
  auto data = WritableIndex(index);
  if (!data.ok()) return data.error();
  IndexData& d = *data.value();
  auto existing = d.documents.find(id);
  if (existing == d.documents.end()) {
    if (!upsert.get<bool>()) {
      // Elasticsearch 8 / OpenSearch 2 wording (DocumentMissingException).
      return core::Error{"document_missing_exception", "[" + id + "]: document missing", 404};
    }
    auto written = Write(&ctx, d, id, doc);
    if (!written.ok()) return written.error();
    return Answer{201, WriteResult(index, id, written.value().first, "created", written.value().second)};
  }
  const Json merged = Merge(existing->second.source, doc);
  if (merged == existing->second.source) {
    // detect_noop defaults to true: an update that changes nothing writes nothing.
    return Answer{200, WriteResult(index, id, existing->second.version, "noop", existing->second.seq_no, true)};
  }
  auto written = Write(&ctx, d, id, merged);
  if (!written.ok()) return written.error();
  return Answer{200, WriteResult(index, id, written.value().first, "updated", written.value().second)};
}

core::Result<Answer> SearchService::DeleteDocument(ServiceContext& ctx, const std::string& index, const std::string& id) {
  auto it = store_.indexes.find(index);
  if (it == store_.indexes.end()) return IndexNotFound(index);
  IndexData& d = it->second;
  uint64_t base = 0;
  auto existing = d.documents.find(id);
  const bool found = existing != d.documents.end();
  if (found) {
    base = existing->second.version;
    RemoveTerms(d, id);
    d.documents.erase(existing);
  } else if (auto tomb = d.tombstones.find(id);
             tomb != d.tombstones.end() && ctx.NowEpochUs() - tomb->second.deleted_at_us <= kGcDeletes.us) {
    base = tomb->second.version;
  }
  // A delete of a missing document still writes a tombstone: it takes a _seq_no and a version.
  d.tombstones[id] = Tombstone{base + 1, ctx.NowEpochUs()};
  const uint64_t seq_no = d.next_seq_no++;
  ++store_.writes;
  return Answer{found ? 200 : 404, WriteResult(index, id, base + 1, found ? "deleted" : "not_found", seq_no)};
}

core::Result<Answer> SearchService::GetDocument(const std::string& index, const std::string& id) const {
  auto it = store_.indexes.find(index);
  if (it == store_.indexes.end()) return IndexNotFound(index);
  auto doc = it->second.documents.find(id);
  if (doc == it->second.documents.end()) return Answer{404, {{"_index", index}, {"_id", id}, {"found", false}}};
  const Document& d = doc->second;
  return Answer{200, {{"_index", index}, {"_id", id}, {"_version", d.version}, {"_seq_no", d.seq_no}, {"_primary_term", 1},
                      {"found", true}, {"_source", d.source}}};
}

core::Result<Answer> SearchService::Search(const std::string& index, const Json& body) {
  auto it = store_.indexes.find(index);
  if (it == store_.indexes.end()) return IndexNotFound(index);
  auto req = ParseSearchBody(body);
  if (!req.ok()) return req.error();
  // Scores are compared as the rounded millionths that are printed, then by _id: a total order
  // that every build agrees on. (Elasticsearch breaks ties by internal document order.)
  std::vector<std::pair<int64_t, std::string>> ranked;
  for (const auto& [id, score] : Evaluate(req.value().query, it->second)) ranked.push_back({ScoreMicros(score), id});
  std::sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) {
    return a.first != b.first ? a.first > b.first : a.second < b.second;
  });
  Json hits = Json::array(), ids = Json::array();
  const uint64_t from = req.value().from, size = req.value().size;
  for (uint64_t i = from; i < ranked.size() && i < from + size; ++i) {
    const auto& [micros, id] = ranked[i];
    hits.push_back({{"_index", index}, {"_id", id}, {"_score", ScoreJson(micros)}, {"_source", it->second.documents.at(id).source}});
    ids.push_back(id);
  }
  const uint64_t total = ranked.size();
  Json total_json = total > kTotalHitsThreshold ? Json{{"value", kTotalHitsThreshold}, {"relation", "gte"}}
                                                : Json{{"value", total}, {"relation", "eq"}};
  ++store_.searches;
  store_.last_search = {{"index", index}, {"body", body}, {"total", total}, {"ids", ids}};
  // The simulated search takes no time of its own, so "took" (milliseconds) is 0.
  return Answer{200, {{"took", 0},
                      {"timed_out", false},
                      {"_shards", {{"total", 1}, {"successful", 1}, {"skipped", 0}, {"failed", 0}}},
                      {"hits", {{"total", total_json}, {"max_score", ranked.empty() ? Json() : ScoreJson(ranked.front().first)},
                                {"hits", hits}}}}};
}

Json SearchService::State() const {
  Json indexes = Json::object();
  for (const auto& [name, data] : store_.indexes) {
    Json docs = Json::object(), mappings = Json::object();
    for (const auto& [id, d] : data.documents) {
      if (docs.size() >= kStateDocuments) break;
      docs[id] = {{"_source", d.source}, {"_version", d.version}, {"_seq_no", d.seq_no}};
    }
    for (const auto& [field, f] : data.fields) {
      mappings[field] = {{"type", f.type}, {"doc_count", static_cast<uint64_t>(f.lengths.size())}, {"terms", static_cast<uint64_t>(f.postings.size())}};
    }
    indexes[name] = {{"uuid", data.uuid},           {"doc_count", static_cast<uint64_t>(data.documents.size())}, {"term_count", TermCount(data)},
                     {"documents", docs},           {"fields", mappings},                 {"next_seq_no", data.next_seq_no}};
  }
  return {{"kind", "search"},          {"endpoint", endpoint_},          {"indexes", indexes},
          {"requests", store_.requests}, {"searches", store_.searches},  {"writes", store_.writes},
          {"last_search", store_.last_search}};
}

}  // namespace eventlab::cloud::search
