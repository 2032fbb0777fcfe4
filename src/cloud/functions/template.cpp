// A small recursive-descent parser for template expressions, evaluated over JSON values.
//   expr := string | integer | true | false | null | call | path
//   call := name "(" [expr ("," expr)*] ")" followed by path parts (parse_json(x).url)
//   path := name ("." name | "[" integer "]" | "[" string "]")*
#include "cloud/functions/template.h"
#include "core/json_bounds.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <memory>
#include <vector>

#include "core/ids.h"
#include "core/sim_time.h"

namespace eventlab::cloud::functions {
namespace {

struct PathPart {
  bool is_index = false;
  int64_t index = 0;
  std::string key;
};

struct Node {
  enum class Type { kString, kInteger, kLiteral, kCall, kPath } type = Type::kPath;
  Json literal;      // kLiteral: true, false or null
  std::string text;  // string value or function name
  int64_t integer = 0;
  std::vector<Node> args;
  std::vector<PathPart> path;
};

struct FunctionInfo {
  int min_args, max_args;
};

// Template functions: deterministic ids, the simulated clock, and a few value helpers.
const std::map<std::string, FunctionInfo>& Functions() {
  static const std::map<std::string, FunctionInfo> kFunctions = {
      {"uuid", {0, 0}},   {"now", {0, 0}},      {"epoch_ms", {0, 0}},   {"epoch_s", {0, 0}},
      {"len", {1, 1}},    {"json", {1, 1}},     {"parse_json", {1, 1}}, {"lower", {1, 1}},
      {"upper", {1, 1}},  {"concat", {1, 16}},  {"add", {2, 2}},        {"sub", {2, 2}},
      {"mul", {2, 2}},    {"div", {2, 2}},      {"default", {2, 2}},    {"substr", {2, 3}},
      {"split", {2, 2}},  {"strip_prefix", {2, 2}}, {"cookie", {2, 2}},
  };
  return kFunctions;
}

class Parser {
 public:
  explicit Parser(std::string_view s) : s_(s) {}

  bool ParseAll(Node* out, std::string* error) {
    if (!ParseExpr(out) || (SkipSpace(), pos_ != s_.size())) {
      if (error_.empty()) error_ = "unexpected '" + std::string(s_.substr(pos_, 1)) + "'";
      *error = error_ + " in \"${" + std::string(s_) + "}\"";
      return false;
    }
    return true;
  }

 private:
  void SkipSpace() {
    while (pos_ < s_.size() && s_[pos_] == ' ') ++pos_;
  }
  bool IsNameChar(char c, bool first) const {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == '$' ||
           (!first && c >= '0' && c <= '9');
  }
  bool ParseName(std::string* name) {
    size_t start = pos_;
    while (pos_ < s_.size() && IsNameChar(s_[pos_], pos_ == start)) ++pos_;
    if (pos_ == start) return Fail("expected a name");
    *name = std::string(s_.substr(start, pos_ - start));
    return true;
  }
  bool ParseInteger(int64_t* v) {
    bool neg = pos_ < s_.size() && s_[pos_] == '-';
    if (neg) ++pos_;
    size_t start = pos_;
    // Any 64-bit signed integer, -9223372036854775808 included; longer is an error.
    const uint64_t limit = neg ? uint64_t{1} << 63 : (uint64_t{1} << 63) - 1;
    uint64_t x = 0;
    while (pos_ < s_.size() && s_[pos_] >= '0' && s_[pos_] <= '9') {
      const uint64_t digit = static_cast<uint64_t>(s_[pos_++] - '0');
      if (x > (limit - digit) / 10) return Fail("integer is outside the 64-bit range");
      x = x * 10 + digit;
    }
    if (pos_ == start) return Fail("expected digits");
    *v = neg ? static_cast<int64_t>(0 - x) : static_cast<int64_t>(x);
    return true;
  }
  bool ParseQuoted(std::string* out) {
    ++pos_;  // opening quote
    while (pos_ < s_.size() && s_[pos_] != '\'') {
      if (s_[pos_] == '\\' && pos_ + 1 < s_.size()) ++pos_;
      out->push_back(s_[pos_++]);
    }
    if (pos_ >= s_.size()) return Fail("unterminated string");
    ++pos_;
    return true;
  }
  bool ParseExpr(Node* n) {
    // Each call argument is parsed by a nested ParseExpr: bound the depth before recursing.
    if (++depth_ > kMaxTemplateNesting) return Fail("nested deeper than " + std::to_string(kMaxTemplateNesting) + " calls");
    const bool ok = ParseExprBody(n);
    --depth_;
    return ok;
  }
  bool ParseExprBody(Node* n) {
    SkipSpace();
    if (pos_ >= s_.size()) return Fail("empty expression");
    const char c = s_[pos_];
    if (c == '\'') {
      n->type = Node::Type::kString;
      return ParseQuoted(&n->text);
    }
    if (c == '-' || (c >= '0' && c <= '9')) {
      n->type = Node::Type::kInteger;
      return ParseInteger(&n->integer);
    }
    std::string name;
    if (!ParseName(&name)) return false;
    SkipSpace();
    if (pos_ < s_.size() && s_[pos_] == '(') return ParseCall(name, n) && ParsePathRest(n);
    if (name == "true" || name == "false" || name == "null") {
      n->type = Node::Type::kLiteral;
      n->literal = name == "null" ? Json(nullptr) : Json(name == "true");
      return true;
    }
    n->type = Node::Type::kPath;
    n->path.push_back({false, 0, name});
    return ParsePathRest(n);
  }
  bool ParseCall(const std::string& name, Node* n) {
    auto it = Functions().find(name);
    if (it == Functions().end()) return Fail("unknown function " + name + "()");
    n->type = Node::Type::kCall;
    n->text = name;
    ++pos_;
    SkipSpace();
    if (pos_ < s_.size() && s_[pos_] == ')') {
      ++pos_;
    } else {
      while (true) {
        n->args.emplace_back();
        if (!ParseExpr(&n->args.back())) return false;
        SkipSpace();
        if (pos_ < s_.size() && s_[pos_] == ',') { ++pos_; continue; }
        if (pos_ < s_.size() && s_[pos_] == ')') { ++pos_; break; }
        return Fail("expected ',' or ')'");
      }
    }
    const int argc = static_cast<int>(n->args.size());
    if (argc < it->second.min_args || argc > it->second.max_args) {
      return Fail(name + "() takes " + std::to_string(it->second.min_args) +
                  (it->second.max_args != it->second.min_args ? " to " + std::to_string(it->second.max_args) : "") +
                  " argument(s), not " + std::to_string(argc));
    }
    return true;
  }
  bool ParsePathRest(Node* n) {
    while (pos_ < s_.size()) {
      if (s_[pos_] == '.') {
        ++pos_;
        std::string key;
        if (!ParseName(&key)) return false;
        n->path.push_back({false, 0, key});
      } else if (s_[pos_] == '[') {
        ++pos_;
        PathPart part;
        if (pos_ < s_.size() && s_[pos_] == '\'') {
          if (!ParseQuoted(&part.key)) return false;
        } else {
          part.is_index = true;
          if (!ParseInteger(&part.index)) return false;
        }
        if (pos_ >= s_.size() || s_[pos_] != ']') return Fail("expected ']'");
        ++pos_;
        n->path.push_back(part);
      } else {
        break;
      }
    }
    return true;
  }
  bool Fail(std::string why) {
    if (error_.empty()) error_ = std::move(why);
    return false;
  }

  std::string_view s_;
  size_t pos_ = 0;
  int depth_ = 0;
  std::string error_;
};

core::Error TemplateError(std::string message) { return core::Error{"Runtime.TemplateError", std::move(message), 500}; }

std::string PathText(const std::vector<PathPart>& path) {
  std::string out;
  for (const PathPart& p : path) {
    if (p.is_index) out += "[" + std::to_string(p.index) + "]";
    else out += (out.empty() ? "" : ".") + p.key;
  }
  return out;
}

const Json* Walk(const Json& root, const std::vector<PathPart>& path) {
  const Json* cur = &root;
  for (const PathPart& p : path) {
    if (p.is_index) {
      if (!cur->is_array() || p.index < 0 || static_cast<uint64_t>(p.index) >= cur->size()) return nullptr;
      cur = &(*cur)[static_cast<size_t>(p.index)];
    } else {
      if (!cur->is_object()) return nullptr;
      auto it = cur->find(p.key);
      if (it == cur->end()) return nullptr;
      cur = &*it;
    }
  }
  return cur;
}

std::string AsText(const Json& v) { return v.is_string() ? v.get<std::string>() : core::DumpText(v); }

core::Result<Json> Eval(const Node& n, TemplateScope& scope);

core::Result<int64_t> IntArg(const Node& n, TemplateScope& scope, const std::string& fn) {
  auto v = Eval(n, scope);
  if (!v.ok()) return v.error();
  if (!v.value().is_number_integer()) return TemplateError(fn + "() needs integers, got " + core::DumpText(v.value()));
  return v.value().get<int64_t>();
}

// substr(s, start[, length]) (byte offsets, clamped), split(s, separator), strip_prefix(s, prefix),
// cookie(header, name).
core::Result<Json> TextFunction(const std::string& fn, const std::vector<Json>& args) {
  if (!args[0].is_string()) return TemplateError(fn + "() needs a string, got " + core::DumpText(args[0]));
  const std::string& s = args[0].get_ref<const std::string&>();
  if (fn == "substr") {
    for (size_t i = 1; i < args.size(); ++i) {
      if (!args[i].is_number_integer() || args[i].get<int64_t>() < 0) return TemplateError("substr() takes non-negative integers");
    }
    // Byte offsets; a cut inside a multi-byte UTF-8 character falls before that character, so
    // the result is always valid UTF-8.
    const size_t start = core::Utf8Boundary(s, std::min<uint64_t>(args[1].get<uint64_t>(), s.size()));
    const uint64_t length = args.size() > 2 ? args[2].get<uint64_t>() : s.size();
    const size_t end = core::Utf8Boundary(s, start + std::min<uint64_t>(length, s.size() - start));
    return Json(s.substr(start, end - start));
  }
  if (!args[1].is_string()) return TemplateError(fn + "() needs a string as its second argument");
  const std::string& t = args[1].get_ref<const std::string&>();
  if (fn == "strip_prefix") return Json(s.rfind(t, 0) == 0 ? s.substr(t.size()) : s);
  if (fn == "cookie") {
    // cookie(header, name): the value of `name` in a Cookie header ("a=1; b=2"), or null.
    for (size_t start = 0; start < s.size();) {
      const size_t end = std::min(s.find(';', start), s.size());
      std::string pair = s.substr(start, end - start);
      pair.erase(0, std::min(pair.find_first_not_of(' '), pair.size()));
      if (pair.rfind(t + "=", 0) == 0) return Json(pair.substr(t.size() + 1));
      start = end + 1;
    }
    return Json(nullptr);
  }
  if (t.empty()) return TemplateError("split() needs a non-empty separator");
  Json parts = Json::array();
  for (size_t start = 0;;) {
    const size_t at = s.find(t, start);
    parts.push_back(s.substr(start, at == std::string::npos ? std::string::npos : at - start));
    if (at == std::string::npos) break;
    start = at + t.size();
  }
  return parts;
}

core::Result<Json> Call(const Node& n, TemplateScope& scope) {
  const std::string& fn = n.text;
  if (fn == "uuid") {
    if (!scope.rng) return TemplateError("uuid() is not available here");
    return Json(core::NewUuid(*scope.rng));
  }
  if (fn == "now") return Json(core::FormatIsoUtc(scope.now_epoch_us));
  if (fn == "epoch_ms") return Json(scope.now_epoch_us / 1000);
  if (fn == "epoch_s") return Json(scope.now_epoch_us / 1000000);
  if (fn == "default") {
    auto v = Eval(n.args[0], scope);
    if (v.ok() && !v.value().is_null()) return v;
    return Eval(n.args[1], scope);
  }
  if (fn == "add" || fn == "sub" || fn == "mul" || fn == "div") {
    auto a = IntArg(n.args[0], scope, fn);
    if (!a.ok()) return a.error();
    auto b = IntArg(n.args[1], scope, fn);
    if (!b.ok()) return b.error();
    // 64-bit signed results: an overflow is an error, not undefined behaviour (INT64_MIN / -1
    // overflows too, and traps on x86 and in WASM).
    int64_t out = 0;
    bool overflow = false;
    if (fn == "add") overflow = __builtin_add_overflow(a.value(), b.value(), &out);
    else if (fn == "sub") overflow = __builtin_sub_overflow(a.value(), b.value(), &out);
    else if (fn == "mul") overflow = __builtin_mul_overflow(a.value(), b.value(), &out);
    else if (b.value() == 0) return TemplateError("div() by zero");
    else if (a.value() == INT64_MIN && b.value() == -1) overflow = true;
    else out = a.value() / b.value();
    if (overflow) {
      return TemplateError(fn + "(" + std::to_string(a.value()) + ", " + std::to_string(b.value()) +
                           ") is outside the 64-bit integer range");
    }
    return Json(out);
  }
  std::vector<Json> args;
  for (const Node& a : n.args) {
    auto v = Eval(a, scope);
    if (!v.ok()) return v.error();
    args.push_back(std::move(v.value()));
  }
  if (fn == "concat") {
    std::vector<std::string> texts;
    uint64_t total = 0;
    for (const Json& a : args) total += (texts.push_back(AsText(a)), texts.back().size());
    if (total > scope.max_value_bytes) return OutOfMemoryError(total, scope.max_value_bytes);
    std::string out;
    out.reserve(total);
    for (const std::string& t : texts) out += t;
    return Json(out);
  }
  const Json& x = args[0];
  if (fn == "substr" || fn == "split" || fn == "strip_prefix" || fn == "cookie") return TextFunction(fn, args);
  if (fn == "len") {
    if (x.is_string()) return Json(x.get_ref<const std::string&>().size());
    if (x.is_array() || x.is_object()) return Json(x.size());
    return TemplateError("len() needs a string, array or object, got " + core::DumpText(x));
  }
  if (fn == "json") {
    std::string text = core::DumpText(x);
    if (text.size() > scope.max_value_bytes) return OutOfMemoryError(text.size(), scope.max_value_bytes);
    return Json(std::move(text));
  }
  if (fn == "parse_json") {
    if (!x.is_string()) return TemplateError("parse_json() needs a string");
    Json parsed = core::ParseBounded(x.get<std::string>());
    if (parsed.is_discarded()) return TemplateError("parse_json(): not valid JSON");
    return parsed;
  }
  if (!x.is_string()) return TemplateError(fn + "() needs a string, got " + core::DumpText(x));
  std::string s = x.get<std::string>();
  for (char& c : s) c = fn == "lower" ? static_cast<char>(std::tolower(static_cast<unsigned char>(c)))
                                      : static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return Json(s);
}

core::Result<Json> Eval(const Node& n, TemplateScope& scope) {
  switch (n.type) {
    case Node::Type::kString: return Json(n.text);
    case Node::Type::kInteger: return Json(n.integer);
    case Node::Type::kLiteral: return n.literal;
    case Node::Type::kCall: {
      auto v = Call(n, scope);
      if (!v.ok() || n.path.empty()) return v;
      const Json* part = Walk(v.value(), n.path);
      if (!part) return TemplateError("${" + n.text + "(...)" + (n.path[0].is_index ? "" : ".") + PathText(n.path) + "} does not exist");
      return *part;
    }
    case Node::Type::kPath: {
      const Json* v = scope.vars ? Walk(*scope.vars, n.path) : nullptr;
      if (!v) return TemplateError("${" + PathText(n.path) + "} does not exist");
      return *v;
    }
  }
  return TemplateError("bad expression");
}

// Splits a string into literal text and ${...} expressions. "$${" is a literal "${".
struct Piece {
  bool is_expr;
  std::string text;
};

bool Split(const std::string& s, std::vector<Piece>* pieces, std::string* error) {
  std::string literal;
  for (size_t i = 0; i < s.size();) {
    if (s.compare(i, 3, "$${") == 0) {
      literal += "${";
      i += 3;
    } else if (s.compare(i, 2, "${") == 0) {
      // The closing brace is the first one outside a quoted string.
      size_t end = i + 2;
      bool quoted = false;
      for (; end < s.size() && (quoted || s[end] != '}'); ++end) {
        if (quoted && s[end] == '\\') ++end;
        else if (s[end] == '\'') quoted = !quoted;
      }
      if (end >= s.size()) {
        *error = "unclosed \"${\" in \"" + s + "\"";
        return false;
      }
      if (!literal.empty()) pieces->push_back({false, std::move(literal)}), literal.clear();
      pieces->push_back({true, s.substr(i + 2, end - i - 2)});
      i = end + 1;
    } else {
      literal += s[i++];
    }
  }
  if (!literal.empty() || pieces->empty()) pieces->push_back({false, std::move(literal)});
  return true;
}

}  // namespace

core::Error OutOfMemoryError(uint64_t wanted_bytes, uint64_t limit_bytes) {
  return core::Error{"Runtime.ExitError",
                     "Error: Runtime exited with error: signal: killed (a value of " + std::to_string(wanted_bytes) +
                         " bytes does not fit in the function's " + std::to_string(limit_bytes >> 20) + " MB of memory)",
                     500};
}

core::Result<Json> Evaluate(std::string_view expression, TemplateScope& scope) {
  Node n;
  std::string error;
  if (!Parser(expression).ParseAll(&n, &error)) return TemplateError(error);
  return Eval(n, scope);
}

core::Result<Json> Render(const Json& value, TemplateScope& scope) {
  if (value.is_string()) {
    const std::string& s = value.get_ref<const std::string&>();
    if (s.find("${") == std::string::npos) return value;
    std::vector<Piece> pieces;
    std::string error;
    if (!Split(s, &pieces, &error)) return TemplateError(error);
    if (pieces.size() == 1 && pieces[0].is_expr) return Evaluate(pieces[0].text, scope);
    std::string out;
    for (const Piece& p : pieces) {
      if (!p.is_expr) { out += p.text; continue; }
      auto v = Evaluate(p.text, scope);
      if (!v.ok()) return v.error();
      const std::string text = AsText(v.value());
      if (out.size() + text.size() > scope.max_value_bytes) return OutOfMemoryError(out.size() + text.size(), scope.max_value_bytes);
      out += text;
    }
    return Json(out);
  }
  if (value.is_array()) {
    Json out = Json::array();
    for (const Json& item : value) {
      auto v = Render(item, scope);
      if (!v.ok()) return v.error();
      out.push_back(std::move(v.value()));
    }
    return out;
  }
  if (value.is_object()) {
    Json out = Json::object();
    for (auto it = value.begin(); it != value.end(); ++it) {
      auto v = Render(it.value(), scope);
      if (!v.ok()) return v.error();
      out[it.key()] = std::move(v.value());
    }
    return out;
  }
  return value;
}

std::string CheckTemplates(const Json& value) {
  if (value.is_string()) {
    const std::string& s = value.get_ref<const std::string&>();
    if (s.find("${") == std::string::npos) return "";
    std::vector<Piece> pieces;
    std::string error;
    if (!Split(s, &pieces, &error)) return error;
    for (const Piece& p : pieces) {
      Node n;
      if (p.is_expr && !Parser(p.text).ParseAll(&n, &error)) return error;
    }
    return "";
  }
  if (value.is_array() || value.is_object()) {
    for (const Json& item : value) {
      std::string e = CheckTemplates(item);
      if (!e.empty()) return e;
    }
  }
  return "";
}

const Json* LookupPath(const Json& vars, std::string_view path) {
  Node n;
  std::string error;
  if (!Parser(path).ParseAll(&n, &error) || n.type != Node::Type::kPath) return nullptr;
  return Walk(vars, n.path);
}

bool Truthy(const Json& v) {
  if (v.is_null()) return false;
  if (v.is_boolean()) return v.get<bool>();
  if (v.is_number()) return v != Json(0);
  if (v.is_string()) return !v.get_ref<const std::string&>().empty();
  return true;
}

}  // namespace eventlab::cloud::functions
