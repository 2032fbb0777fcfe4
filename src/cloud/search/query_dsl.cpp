// Queries are parsed into a tree first, so a bad clause anywhere fails the whole request before
// any document is looked at, as in Elasticsearch. Scores add up in clause order over ordered maps,
// so the sums come out the same in every build.
#include "cloud/search/query_dsl.h"
#include "core/json_bounds.h"

#include "cloud/search/analyzer.h"
#include "cloud/search/bm25.h"
#include "cloud/search/inverted_index.h"

namespace eventlab::cloud::search {
namespace {

using Scores = std::map<std::string, double>;

core::Error Parsing(const std::string& message) { return {"parsing_exception", message, 400}; }

// The XContent token Elasticsearch names in "Unknown key for a ... in [key]."
std::string TokenName(const Json& v) {
  if (v.is_object()) return "START_OBJECT";
  if (v.is_array()) return "START_ARRAY";
  if (v.is_string()) return "VALUE_STRING";
  if (v.is_boolean()) return "VALUE_BOOLEAN";
  if (v.is_null()) return "VALUE_NULL";
  return "VALUE_NUMBER";
}

// {"<field>": value}: the one field of a match or term clause.
core::Result<std::pair<std::string, Json>> SingleField(const std::string& name, const Json& body) {
  if (!body.is_object()) return Parsing("[" + name + "] query malformed, no start_object after query name");
  if (body.empty()) return Parsing("[" + name + "] query malformed, no field name given");
  if (body.size() > 1) {
    auto it = body.begin();
    const std::string first = it.key();
    ++it;
    return Parsing("[" + name + "] query doesn't support multiple fields, found [" + first + "] and [" + it.key() + "]");
  }
  if (body.begin().key().empty()) return Parsing("[" + name + "] field name is null or empty");
  return std::pair<std::string, Json>{body.begin().key(), body.begin().value()};
}

core::Result<Query> ParseMatch(const Json& body) {
  auto f = SingleField("match", body);
  if (!f.ok()) return f.error();
  Query q;
  q.type = Query::Type::kMatch;
  q.field = f.value().first;
  Json v = f.value().second;
  if (v.is_object()) {
    for (const auto& [key, param] : v.items()) {
      if (key == "query") {
        q.value = param;
      } else if (key == "operator") {
        const std::string op = param.is_string() ? param.get<std::string>() : "";
        if (op == "and" || op == "AND") q.all_terms = true;
        else if (op != "or" && op != "OR") return Parsing("[match] query [" + q.field + "]: operator must be [or] or [and], found [" + (param.is_string() ? op : core::DumpText(param)) + "]");
      } else {
        return Parsing("[match] query does not support [" + key + "]");
      }
    }
  } else {
    q.value = v;
  }
  if (q.value.is_null()) return Parsing("No text specified for text query");
  if (q.value.is_object() || q.value.is_array()) return Parsing("[match] unknown token [" + TokenName(q.value) + "] after [" + q.field + "]");
  return q;
}

core::Result<Query> ParseTerm(const Json& body) {
  auto f = SingleField("term", body);
  if (!f.ok()) return f.error();
  Query q;
  q.type = Query::Type::kTerm;
  q.field = f.value().first;
  Json v = f.value().second;
  if (v.is_object()) {
    Json value;
    for (const auto& [key, param] : v.items()) {
      if (key == "value") value = param;
      else return Parsing("[term] query does not support [" + key + "]");
    }
    v = value;
  }
  if (v.is_array()) return Parsing("[term] query does not support array of values");
  if (v.is_null() || v.is_object()) return Parsing("No value specified for term query");
  q.value = v;
  return q;
}

core::Result<Query> ParseBool(const Json& body) {
  if (!body.is_object()) return Parsing("[bool] query malformed, no start_object after query name");
  Query q;
  q.type = Query::Type::kBool;
  for (const auto& [key, clauses] : body.items()) {
    std::vector<Query>* into = key == "must" ? &q.must : key == "filter" ? &q.filter : key == "should" ? &q.should
                             : key == "must_not" ? &q.must_not : nullptr;
    if (!into || !(clauses.is_object() || clauses.is_array())) return Parsing("[bool] query does not support [" + key + "]");
    const Json list = clauses.is_array() ? clauses : Json::array({clauses});
    for (const Json& clause : list) {
      auto parsed = ParseQuery(clause);
      if (!parsed.ok()) return parsed.error();
      into->push_back(std::move(parsed.value()));
    }
  }
  return q;
}

// ---- evaluation ----

double AverageLength(const FieldIndex& f) {
  return f.lengths.empty() ? 0 : static_cast<double>(f.total_length) / static_cast<double>(f.lengths.size());
}

// Adds one term's BM25 score to every document of its postings list.
void ScoreTerm(const FieldIndex& f, const std::string& term, bool norms, Scores& out) {
  auto postings = f.postings.find(term);
  if (postings == f.postings.end()) return;
  const uint64_t doc_count = f.lengths.size(), doc_freq = postings->second.size();
  const double avgdl = AverageLength(f);
  for (const auto& [id, tf] : postings->second) {
    auto len = f.lengths.find(id);
    out[id] += Bm25TermScore(tf, len == f.lengths.end() ? 0 : len->second, avgdl, doc_count, doc_freq, norms);
  }
}

// A query for exact terms on a field: text fields score with norms, keyword and boolean without,
// and numeric fields match with a constant score of 1 (a point query).
Scores ExactTerms(const FieldIndex& f, const std::vector<std::string>& terms, bool all_terms) {
  Scores out;
  if (f.type == "long" || f.type == "float") {
    for (const std::string& t : terms) {
      if (auto p = f.postings.find(t); p != f.postings.end()) {
        for (const auto& [id, tf] : p->second) out[id] = 1.0;
      }
    }
    return out;
  }
  for (const std::string& t : terms) ScoreTerm(f, t, f.type == "text", out);
  if (all_terms) {
    for (auto it = out.begin(); it != out.end();) {
      bool has_all = true;
      for (const std::string& t : terms) {
        auto p = f.postings.find(t);
        if (p == f.postings.end() || !p->second.count(it->first)) has_all = false;
      }
      it = has_all ? std::next(it) : out.erase(it);
    }
  }
  return out;
}

Scores EvaluateMatch(const Query& q, const IndexData& index) {
  auto f = index.fields.find(q.field);
  if (f == index.fields.end() || f->second.type == "object") return {};
  if (f->second.type == "text") {
    const std::string text = q.value.is_string() ? q.value.get<std::string>() : core::DumpText(q.value);
    return ExactTerms(f->second, Analyze(text), q.all_terms);
  }
  auto exact = ExactTerm(q.value, f->second.type);
  if (!exact) return {};
  return ExactTerms(f->second, {*exact}, false);
}

Scores EvaluateTerm(const Query& q, const IndexData& index) {
  auto f = index.fields.find(q.field);
  if (f == index.fields.end() || f->second.type == "object") return {};
  // The value is not analyzed: on a text field, "Cat" finds nothing, since tokens are lower case.
  auto exact = f->second.type == "text" ? std::optional<std::string>(q.value.is_string() ? q.value.get<std::string>() : core::DumpText(q.value))
                                       : ExactTerm(q.value, f->second.type);
  if (!exact) return {};
  return ExactTerms(f->second, {*exact}, false);
}

Scores EvaluateBool(const Query& q, const IndexData& index) {
  Scores out;
  bool restricted = false;  // true once a must or filter clause limited the candidates
  auto intersect = [&](const Scores& s, bool scoring) {
    if (!restricted) {
      for (const auto& [id, score] : s) out[id] = scoring ? score : 0.0;
      restricted = true;
      return;
    }
    for (auto it = out.begin(); it != out.end();) {
      auto found = s.find(it->first);
      if (found == s.end()) {
        it = out.erase(it);
      } else {
        if (scoring) it->second += found->second;
        ++it;
      }
    }
  };
  for (const Query& c : q.must) intersect(Evaluate(c, index), true);
  for (const Query& c : q.filter) intersect(Evaluate(c, index), false);
  if (!q.should.empty()) {
    Scores any;
    for (const Query& c : q.should) {
      for (const auto& [id, score] : Evaluate(c, index)) any[id] += score;
    }
    if (!restricted) {
      out = any;  // without must or filter, at least one should clause has to match
      restricted = true;
    } else {
      for (auto& [id, score] : out) {
        if (auto it = any.find(id); it != any.end()) score += it->second;
      }
    }
  }
  if (!restricted) {
    // Only must_not clauses, or none: every document, scoring 0 (or 1 for an empty bool, which
    // Elasticsearch turns into match_all).
    const bool empty = q.must_not.empty();
    for (const auto& [id, doc] : index.documents) out[id] = empty ? 1.0 : 0.0;
  }
  for (const Query& c : q.must_not) {
    for (const auto& [id, score] : Evaluate(c, index)) out.erase(id);
  }
  return out;
}

core::Result<uint64_t> ReadCount(const Json& body, const char* key, uint64_t fallback) {
  auto it = body.find(key);
  if (it == body.end() || it->is_null()) return fallback;
  if (it->is_number_integer()) {
    const int64_t n = it->get<int64_t>();
    if (n < 0) {
      return core::Error{"illegal_argument_exception",
                         "[" + std::string(key) + "] parameter cannot be negative, found [" + std::to_string(n) + "]", 400};
    }
    return static_cast<uint64_t>(n);
  }
  return Parsing("[" + std::string(key) + "] expected an integer, found [" + it->dump() + "]");
}

}  // namespace

core::Result<Query> ParseQuery(const Json& clause) {
  if (!clause.is_object()) return Parsing("[_na] query malformed, must start with start_object");
  if (clause.empty()) return Parsing("query malformed, empty clause found");
  const std::string name = clause.begin().key();
  if (clause.size() > 1) {
    return Parsing("[" + name + "] malformed query, expected [END_OBJECT] but found [FIELD_NAME]");
  }
  const Json& body = clause.begin().value();
  if (name == "match") return ParseMatch(body);
  if (name == "term") return ParseTerm(body);
  if (name == "bool") return ParseBool(body);
  if (name == "match_all") {
    if (!body.is_object()) return Parsing("[match_all] query malformed, no start_object after query name");
    for (const auto& [key, v] : body.items()) {
      if (key != "boost") return Parsing("[match_all] query does not support [" + key + "]");
    }
    return Query{};
  }
  return Parsing("unknown query [" + name + "]");
}

core::Result<SearchRequest> ParseSearchBody(const Json& body) {
  SearchRequest req;
  if (body.is_null()) return req;
  if (!body.is_object()) return Parsing("request body or source parameter is required to be a JSON object, found [" + TokenName(body) + "]");
  for (const auto& [key, v] : body.items()) {
    if (key != "query" && key != "from" && key != "size") return Parsing("Unknown key for a " + TokenName(v) + " in [" + key + "].");
  }
  if (auto it = body.find("query"); it != body.end()) {
    auto q = ParseQuery(*it);
    if (!q.ok()) return q.error();
    req.query = std::move(q.value());
  }
  auto from = ReadCount(body, "from", 0);
  if (!from.ok()) return from.error();
  auto size = ReadCount(body, "size", kDefaultSize);
  if (!size.ok()) return size.error();
  req.from = from.value();
  req.size = size.value();
  if (req.from + req.size > kMaxResultWindow) {
    return core::Error{"illegal_argument_exception",
                       "Result window is too large, from + size must be less than or equal to: [" + std::to_string(kMaxResultWindow) +
                           "] but was [" + std::to_string(req.from + req.size) +
                           "]. See the scroll api for a more efficient way to request large data sets. This limit can be set by "
                           "changing the [index.max_result_window] index level setting.",
                       400};
  }
  return req;
}

std::map<std::string, double> Evaluate(const Query& query, const IndexData& index) {
  switch (query.type) {
    case Query::Type::kMatch: return EvaluateMatch(query, index);
    case Query::Type::kTerm: return EvaluateTerm(query, index);
    case Query::Type::kBool: return EvaluateBool(query, index);
    case Query::Type::kMatchAll: break;
  }
  Scores all;
  for (const auto& [id, doc] : index.documents) all[id] = 1.0;
  return all;
}

}  // namespace eventlab::cloud::search
