// A recursive-descent parser for DynamoDB expressions. Errors use DynamoDB's wording: "Invalid
// ConditionExpression: Syntax error; token: "x", near: "a x"" (ValidationException).
#include "cloud/tables/expressions.h"

#include <algorithm>
#include <cctype>

#include "cloud/tables/attribute_value.h"

namespace eventlab::cloud::tables {
namespace {

core::Error Invalid(const std::string& message) { return {"ValidationException", message, 400}; }

// "The maximum length of any expression string is 4 KB" (DynamoDB developer guide, Constraints,
// expression parameters).
constexpr size_t kMaxExpressionBytes = 4096;
// Parentheses and NOT nest at most this deep: each level is a recursion of the parser and of the
// evaluator (a simulator bound; 4 KB would otherwise allow 2,000 levels).
constexpr int kMaxExpressionNesting = 64;

struct Token {
  enum class Type { kIdent, kName, kValue, kSymbol, kEnd } type = Type::kEnd;
  std::string text;
  size_t begin = 0, end = 0;
};

bool IsWordChar(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }

std::optional<std::vector<Token>> Tokenize(const std::string& s, std::string& bad) {
  std::vector<Token> out;
  size_t i = 0;
  while (i < s.size()) {
    const char c = s[i];
    if (std::isspace(static_cast<unsigned char>(c))) {
      ++i;
      continue;
    }
    Token t;
    t.begin = i;
    if (c == '#' || c == ':' || IsWordChar(c)) {
      t.type = c == '#' ? Token::Type::kName : c == ':' ? Token::Type::kValue : Token::Type::kIdent;
      size_t j = i + (t.type == Token::Type::kIdent ? 0 : 1);
      while (j < s.size() && IsWordChar(s[j])) ++j;
      if (j == i + 1 && t.type != Token::Type::kIdent) {
        bad = std::string(1, c);
        return std::nullopt;
      }
      t.text = s.substr(i, j - i);
      i = j;
    } else if (c == '<' || c == '>') {
      t.type = Token::Type::kSymbol;
      const bool two = i + 1 < s.size() && (s[i + 1] == '=' || (c == '<' && s[i + 1] == '>'));
      t.text = s.substr(i, two ? 2 : 1);
      i += t.text.size();
    } else if (std::string("=(),.+-[]").find(c) != std::string::npos) {
      t.type = Token::Type::kSymbol;
      t.text = std::string(1, c);
      ++i;
    } else {
      bad = std::string(1, c);
      return std::nullopt;
    }
    t.end = i;
    out.push_back(t);
  }
  Token end;
  end.begin = end.end = s.size();
  end.text = "<EOF>";
  out.push_back(end);
  return out;
}

bool Keyword(const Token& t, const char* word) {
  if (t.type != Token::Type::kIdent || t.text.size() != std::char_traits<char>::length(word)) return false;
  for (size_t i = 0; i < t.text.size(); ++i) {
    if (std::toupper(static_cast<unsigned char>(t.text[i])) != word[i]) return false;
  }
  return true;
}

class Parser {
 public:
  Parser(const std::string& text, std::string label, Placeholders& ph) : text_(text), label_(std::move(label)), ph_(ph) {}

  std::optional<core::Error> Start() {
    if (text_.size() > kMaxExpressionBytes) {
      return Invalid("Invalid " + label_ + ": Expression size has exceeded the maximum allowed size; expression size: " +
                     std::to_string(text_.size()));
    }
    std::string bad;
    auto tokens = Tokenize(text_, bad);
    if (!tokens) return Invalid("Invalid " + label_ + ": Syntax error; token: \"" + bad + "\", near: \"" + text_ + "\"");
    tokens_ = std::move(*tokens);
    if (tokens_.size() == 1) return Invalid("Invalid " + label_ + ": The expression can not be empty;");
    return std::nullopt;
  }

  const Token& Peek() const { return tokens_[pos_]; }
  bool AtEnd() const { return Peek().type == Token::Type::kEnd; }
  bool IsSymbol(const char* s) const { return Peek().type == Token::Type::kSymbol && Peek().text == s; }
  void Next() { if (!AtEnd()) ++pos_; }

  core::Error SyntaxError() const {
    const Token& t = Peek();
    const size_t from = pos_ > 0 ? tokens_[pos_ - 1].begin : t.begin;
    const size_t to = pos_ + 1 < tokens_.size() ? tokens_[pos_ + 1].end : t.end;
    return Invalid("Invalid " + label_ + ": Syntax error; token: \"" + t.text + "\", near: \"" +
                   text_.substr(from, to > from ? to - from : 0) + "\"");
  }

  bool Expect(const char* symbol) {
    if (!IsSymbol(symbol)) return Fail(SyntaxError());
    Next();
    return true;
  }

  bool Fail(core::Error e) {
    if (!error_) error_ = std::move(e);
    return false;
  }

  std::optional<Path> ParsePath() {
    Path path;
    while (true) {
      const Token& t = Peek();
      if (t.type == Token::Type::kIdent) {
        path.push_back(t.text);
      } else if (t.type == Token::Type::kName) {
        if (!ph_.names || !ph_.names->contains(t.text) || !(*ph_.names)[t.text].is_string()) {
          Fail(Invalid("Invalid " + label_ + ": An expression attribute name used in the document path is not defined; attribute name: " + t.text));
          return std::nullopt;
        }
        ph_.used_names.insert(t.text);
        path.push_back((*ph_.names)[t.text].get<std::string>());
      } else {
        Fail(SyntaxError());
        return std::nullopt;
      }
      Next();
      if (!IsSymbol(".")) return path;
      Next();
    }
  }

  std::optional<Operand> ParseOperand() {
    const Token& t = Peek();
    if (t.type == Token::Type::kValue) {
      if (!ph_.values || !ph_.values->contains(t.text)) {
        Fail(Invalid("Invalid " + label_ + ": An expression attribute value used in expression is not defined; attribute value: " + t.text));
        return std::nullopt;
      }
      ph_.used_values.insert(t.text);
      Operand o;
      o.value = (*ph_.values)[t.text];
      Next();
      return o;
    }
    auto path = ParsePath();
    if (!path) return std::nullopt;
    Operand o;
    o.is_path = true;
    o.path = std::move(*path);
    return o;
  }

  using Node = std::shared_ptr<Condition>;

  Node ParseOr() {
    Node left = ParseAnd();
    while (left && Keyword(Peek(), "OR")) {
      Next();
      Node right = ParseAnd();
      if (!right) return nullptr;
      left = Combine(Condition::Kind::kOr, left, right);
    }
    return left;
  }

  Node ParseAnd() {
    Node left = ParseNot();
    while (left && Keyword(Peek(), "AND")) {
      Next();
      Node right = ParseNot();
      if (!right) return nullptr;
      left = Combine(Condition::Kind::kAnd, left, right);
    }
    return left;
  }

  // Counts one level of nesting; false (with the error) past kMaxExpressionNesting.
  bool Deeper() {
    if (++depth_ <= kMaxExpressionNesting) return true;
    return Fail(Invalid("Invalid " + label_ + ": The expression nests parentheses and NOT more than " +
                        std::to_string(kMaxExpressionNesting) + " levels deep"));
  }

  Node ParseNot() {
    if (Keyword(Peek(), "NOT")) {
      Next();
      if (!Deeper()) return nullptr;
      Node inner = ParseNot();
      --depth_;
      if (!inner) return nullptr;
      auto n = std::make_shared<Condition>();
      n->kind = Condition::Kind::kNot;
      n->children.push_back(inner);
      return n;
    }
    return ParsePrimary();
  }

  Node ParsePrimary() {
    if (IsSymbol("(")) {
      Next();
      if (!Deeper()) return nullptr;
      Node inner = ParseOr();
      --depth_;
      if (!inner || !Expect(")")) return nullptr;
      return inner;
    }
    const Token& t = Peek();
    if (t.type == Token::Type::kIdent && pos_ + 1 < tokens_.size() && tokens_[pos_ + 1].text == "(") {
      return ParseFunction();
    }
    auto n = std::make_shared<Condition>();
    auto left = ParseOperand();
    if (!left) return nullptr;
    n->operands.push_back(*left);
    if (Keyword(Peek(), "BETWEEN")) {
      Next();
      n->kind = Condition::Kind::kBetween;
      auto low = ParseOperand();
      if (!low) return nullptr;
      if (!Keyword(Peek(), "AND")) return Fail(SyntaxError()), nullptr;
      Next();
      auto high = ParseOperand();
      if (!high) return nullptr;
      n->operands.push_back(*low);
      n->operands.push_back(*high);
      return n;
    }
    static const char* kOps[] = {"=", "<>", "<", "<=", ">", ">="};
    for (const char* op : kOps) {
      if (IsSymbol(op)) {
        n->op = op;
        Next();
        auto right = ParseOperand();
        if (!right) return nullptr;
        n->operands.push_back(*right);
        return n;
      }
    }
    Fail(SyntaxError());
    return nullptr;
  }

  Node ParseFunction() {
    const Token name = Peek();
    auto n = std::make_shared<Condition>();
    int arity = 1;
    if (name.text == "attribute_exists") n->kind = Condition::Kind::kExists;
    else if (name.text == "attribute_not_exists") n->kind = Condition::Kind::kNotExists;
    else if (name.text == "begins_with") n->kind = Condition::Kind::kBeginsWith, arity = 2;
    else return Fail(Invalid("Invalid " + label_ + ": Invalid function name; function: " + name.text)), nullptr;
    Next();
    Next();  // "("
    auto path = ParsePath();
    if (!path) return nullptr;
    n->operands.push_back(Operand{true, *path, Json()});
    if (arity == 2) {
      if (!Expect(",")) return nullptr;
      auto v = ParseOperand();
      if (!v) return nullptr;
      n->operands.push_back(*v);
    }
    if (!Expect(")")) return nullptr;
    return n;
  }

  static Node Combine(Condition::Kind kind, Node a, Node b) {
    auto n = std::make_shared<Condition>();
    n->kind = kind;
    n->children = {a, b};
    return n;
  }

  std::optional<core::Error> error_;
  const std::string& text_;
  std::string label_;
  Placeholders& ph_;
  std::vector<Token> tokens_;
  size_t pos_ = 0;
  int depth_ = 0;  // parentheses and NOT open around the current position
};

}  // namespace

core::Result<std::shared_ptr<const Condition>> ParseCondition(const std::string& text, const std::string& label,
                                                              Placeholders& ph) {
  Parser parser(text, label, ph);
  if (auto e = parser.Start()) return *e;
  auto root = parser.ParseOr();
  if (root && !parser.AtEnd()) parser.Fail(parser.SyntaxError());
  if (parser.error_) return *parser.error_;
  return std::shared_ptr<const Condition>(root);
}

core::Result<Update> ParseUpdate(const std::string& text, Placeholders& ph) {
  Parser p(text, "UpdateExpression", ph);
  if (auto e = p.Start()) return *e;
  Update u;
  std::set<std::string> clauses;
  auto parse_term = [&](Term& t) -> bool {
    const Token& tok = p.Peek();
    if (tok.type == Token::Type::kIdent && p.pos_ + 1 < p.tokens_.size() && p.tokens_[p.pos_ + 1].text == "(") {
      if (tok.text != "if_not_exists" && tok.text != "list_append") {
        return p.Fail(Invalid("Invalid UpdateExpression: Invalid function name; function: " + tok.text));
      }
      t.function = tok.text;
      p.Next();
      p.Next();
      for (int i = 0; i < 2; ++i) {
        auto o = i == 0 && t.function == "if_not_exists" ? std::optional<Operand>() : p.ParseOperand();
        if (i == 0 && t.function == "if_not_exists") {
          auto path = p.ParsePath();
          if (!path) return false;
          o = Operand{true, *path, Json()};
        }
        if (!o) return false;
        t.operands.push_back(*o);
        if (!p.Expect(i == 0 ? "," : ")")) return false;
      }
      return true;
    }
    auto o = p.ParseOperand();
    if (!o) return false;
    t.operands.push_back(*o);
    return true;
  };
  while (!p.AtEnd()) {
    const Token clause = p.Peek();
    std::string name;
    for (const char* k : {"SET", "REMOVE", "ADD", "DELETE"}) {
      if (Keyword(clause, k)) name = k;
    }
    if (name.empty() || name == "DELETE") return name.empty() ? p.SyntaxError() : Invalid("Invalid UpdateExpression: DELETE is not supported here");
    if (!clauses.insert(name).second) {
      return Invalid("Invalid UpdateExpression: The \"" + name + "\" section can only be used once in an update expression;");
    }
    p.Next();
    do {
      if (p.IsSymbol(",")) p.Next();
      auto path = p.ParsePath();
      if (!path) return *p.error_;
      if (name == "REMOVE") {
        u.remove.push_back(*path);
      } else if (name == "ADD") {
        auto v = p.ParseOperand();
        if (!v) return *p.error_;
        if (v->is_path) return p.SyntaxError();
        u.add.push_back({*path, *v});
      } else {
        if (!p.Expect("=")) return *p.error_;
        SetValue sv;
        if (!parse_term(sv.left)) return *p.error_;
        if (p.IsSymbol("+") || p.IsSymbol("-")) {
          sv.op = p.Peek().text;
          p.Next();
          if (!parse_term(sv.right)) return *p.error_;
        }
        u.set.push_back({*path, sv});
      }
    } while (p.IsSymbol(","));
    if (!p.AtEnd() && p.Peek().type != Token::Type::kIdent) return p.SyntaxError();
  }
  // Two actions on one path are refused, as DynamoDB does.
  std::vector<Path> all;
  for (auto& [path, v] : u.set) all.push_back(path);
  for (auto& path : u.remove) all.push_back(path);
  for (auto& [path, v] : u.add) all.push_back(path);
  for (size_t i = 0; i < all.size(); ++i) {
    for (size_t j = i + 1; j < all.size(); ++j) {
      const size_t n = std::min(all[i].size(), all[j].size());
      if (std::equal(all[i].begin(), all[i].begin() + n, all[j].begin())) {
        auto show = [](const Path& path) {
          std::string s;
          for (const auto& e : path) s += (s.empty() ? "" : ", ") + e;
          return "[" + s + "]";
        };
        return Invalid("Invalid UpdateExpression: Two document paths overlap with each other; must remove or rewrite one of these paths; path one: " +
                       show(all[i]) + ", path two: " + show(all[j]));
      }
    }
  }
  return u;
}

}  // namespace eventlab::cloud::tables
