// Mapping is decided for the whole document before anything is indexed, so a document that fails
// leaves the index as it was.
#include "cloud/search/inverted_index.h"
#include "core/json_bounds.h"

#include <cstdlib>

#include "cloud/search/analyzer.h"

namespace eventlab::cloud::search {
namespace {

std::string TypeOfScalar(const Json& v) {
  if (v.is_string()) return "text";
  if (v.is_boolean()) return "boolean";
  if (v.is_number_float()) return "float";
  return "long";
}

std::string Preview(const Json& v) { return v.is_string() ? v.get<std::string>() : core::DumpText(v); }

core::Error CannotParse(const std::string& field, const std::string& type, const std::string& id, const Json& v) {
  // Elasticsearch's wording for a value its field's type rejects.
  return {"mapper_parsing_exception",
          "failed to parse field [" + field + "] of type [" + type + "] in document with id '" + id +
              "'. Preview of field's value: '" + Preview(v) + "'",
          400};
}

struct Planner {
  const IndexData& index;
  const std::string& id;
  std::map<std::string, std::string> added;  // types mapped by this document so far
  std::vector<FieldTerms> plan;

  std::string TypeOf(const std::string& field) const {
    if (auto it = added.find(field); it != added.end()) return it->second;
    if (auto it = index.fields.find(field); it != index.fields.end()) return it->second.type;
    return "";
  }

  void Map(const std::string& field, const std::string& type) {
    if (TypeOf(field).empty()) added[field] = type;
  }

  std::optional<core::Error> Value(const std::string& field, const Json& v) {
    if (v.is_null()) return std::nullopt;
    if (v.is_array()) {
      for (const Json& item : v) {
        if (auto e = Value(field, item)) return e;
      }
      return std::nullopt;
    }
    const std::string type = TypeOf(field);
    if (v.is_object()) {
      if (!type.empty() && type != "object") {
        return core::Error{"mapper_parsing_exception",
                           "failed to parse field [" + field + "] of type [" + type + "] in document with id '" + id +
                               "'. Preview of field's value: '" + core::DumpText(v) + "'",
                           400};
      }
      Map(field, "object");
      for (const auto& [key, child] : v.items()) {
        if (auto e = Value(field.empty() ? key : field + "." + key, child)) return e;
      }
      return std::nullopt;
    }
    if (type == "object") {
      return core::Error{"mapper_parsing_exception",
                         "object mapping for [" + field + "] tried to parse field [" + field +
                             "] as object, but found a concrete value",
                         400};
    }
    const std::string use = type.empty() ? TypeOfScalar(v) : type;
    if (use == "text") {
      const std::string text = v.is_string() ? v.get<std::string>() : core::DumpText(v);
      Map(field, "text");
      plan.push_back({field, "text", Analyze(text)});
      const std::string keyword = field + ".keyword";
      const std::string keyword_type = TypeOf(keyword);
      if (text.size() <= kKeywordIgnoreAbove && (keyword_type.empty() || keyword_type == "keyword")) {
        Map(keyword, "keyword");
        plan.push_back({keyword, "keyword", {text}});
      }
      return std::nullopt;
    }
    auto exact = ExactTerm(v, use);
    if (!exact) return CannotParse(field, use, id, v);
    Map(field, use);
    plan.push_back({field, use, {*exact}});
    return std::nullopt;
  }
};

}  // namespace

std::optional<std::string> ExactTerm(const Json& v, const std::string& type) {
  if (type == "keyword") {
    if (v.is_string()) return v.get<std::string>();
    if (v.is_number() || v.is_boolean()) return core::DumpText(v);
    return std::nullopt;
  }
  if (type == "boolean") {
    if (v.is_boolean()) return v.get<bool>() ? "true" : "false";
    if (v.is_string() && (v == "true" || v == "false")) return v.get<std::string>();
    return std::nullopt;
  }
  if (type == "long" || type == "float") {
    Json number = v;
    if (v.is_string()) number = core::ParseBounded(v.get<std::string>());
    if (!number.is_number()) return std::nullopt;
    // A long field keeps whole numbers; a fraction is truncated as Elasticsearch coerces it.
    if (type == "long" && number.is_number_float()) {
      const double d = number.get<double>();
      if (!(d > -9.2e18 && d < 9.2e18)) return std::nullopt;
      return std::to_string(static_cast<int64_t>(d));
    }
    if (type == "float" && !number.is_number_float()) return core::DumpText(Json(number.get<double>()));
    return core::DumpText(number);
  }
  return std::nullopt;
}

core::Result<std::vector<FieldTerms>> PlanDocument(const IndexData& index, const std::string& id, const Json& source) {
  Planner planner{index, id, {}, {}};
  for (const auto& [key, value] : source.items()) {
    if (auto e = planner.Value(key, value)) return *e;
  }
  // Object mappings carry no terms but must be remembered, so they are planned with none.
  for (const auto& [field, type] : planner.added) {
    if (type == "object") planner.plan.push_back({field, "object", {}});
  }
  return planner.plan;
}

void AddTerms(IndexData& index, const std::string& id, const std::vector<FieldTerms>& plan) {
  for (const FieldTerms& ft : plan) {
    FieldIndex& f = index.fields[ft.field];
    if (f.type.empty()) f.type = ft.type;
    if (ft.type == "object" || ft.terms.empty()) continue;  // Lucene counts only documents with terms
    for (const std::string& term : ft.terms) ++f.postings[term][id];
    f.lengths[id] += ft.terms.size();
    f.total_length += ft.terms.size();
  }
}

void RemoveTerms(IndexData& index, const std::string& id) {
  for (auto& [name, f] : index.fields) {
    auto len = f.lengths.find(id);
    if (len == f.lengths.end()) continue;
    f.total_length -= len->second;
    f.lengths.erase(len);
    for (auto it = f.postings.begin(); it != f.postings.end();) {
      it->second.erase(id);
      it = it->second.empty() ? f.postings.erase(it) : std::next(it);
    }
  }
}

uint64_t TermCount(const IndexData& index) {
  uint64_t n = 0;
  for (const auto& [name, f] : index.fields) n += f.postings.size();
  return n;
}

}  // namespace eventlab::cloud::search
