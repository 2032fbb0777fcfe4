// A strict little XML 1.0 reader for the JUnit tests: well-formedness (one root, matching tags,
// quoted attributes, no duplicate attributes, only the five predefined entities and character
// references, only XML Chars, no raw '<' or '&' in text) and a tree to read values back.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace eventlab::grading::testing {

struct XmlElement {
  std::string name;
  std::map<std::string, std::string> attributes;  // unescaped
  std::string text;                               // unescaped character data, concatenated
  std::vector<std::unique_ptr<XmlElement>> children;

  const XmlElement* Child(const std::string& n, size_t index = 0) const {
    for (const auto& c : children)
      if (c->name == n && index-- == 0) return c.get();
    return nullptr;
  }
  size_t Count(const std::string& n) const {
    size_t k = 0;
    for (const auto& c : children) k += c->name == n;
    return k;
  }
};

class MiniXml {
 public:
  /// The root element, or null with *error saying what is not well-formed.
  static std::unique_ptr<XmlElement> Parse(const std::string& doc, std::string* error) {
    MiniXml p(doc);
    auto root = p.Document();
    if (!root && error) *error = p.error_ + " at byte " + std::to_string(p.i_);
    return root;
  }

 private:
  explicit MiniXml(const std::string& s) : s_(s) {}

  bool Fail(const std::string& why) {
    if (error_.empty()) error_ = why;
    return false;
  }
  bool Starts(const char* t) const { return s_.compare(i_, std::char_traits<char>::length(t), t) == 0; }
  void Spaces() {
    while (i_ < s_.size() && (s_[i_] == ' ' || s_[i_] == '\n' || s_[i_] == '\t' || s_[i_] == '\r')) ++i_;
  }
  static bool NameChar(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' ||
           c == '.' || c == ':';
  }
  std::string Name() {
    const size_t start = i_;
    while (i_ < s_.size() && NameChar(s_[i_])) ++i_;
    return s_.substr(start, i_ - start);
  }

  // Decodes UTF-8 at i_ and checks it is an XML Char (XML 1.0 section 2.2).
  bool Char(std::string& out) {
    const unsigned char lead = s_[i_];
    const int len = lead < 0x80 ? 1 : (lead >> 5) == 6 ? 2 : (lead >> 4) == 14 ? 3 : (lead >> 3) == 30 ? 4 : 0;
    if (len == 0 || i_ + len > s_.size()) return Fail("invalid UTF-8");
    uint32_t cp = len == 1 ? lead : lead & (0x7F >> len);
    for (int k = 1; k < len; ++k) {
      if ((static_cast<unsigned char>(s_[i_ + k]) & 0xC0) != 0x80) return Fail("invalid UTF-8");
      cp = (cp << 6) | (s_[i_ + k] & 0x3F);
    }
    if (!(cp == 9 || cp == 10 || cp == 13 || (cp >= 0x20 && cp <= 0xD7FF) || (cp >= 0xE000 && cp <= 0xFFFD) ||
          (cp >= 0x10000 && cp <= 0x10FFFF)))
      return Fail("character U+" + std::to_string(cp) + " is not allowed in XML 1.0");
    out.append(s_, i_, len);
    i_ += len;
    return true;
  }

  bool Reference(std::string& out) {
    const size_t end = s_.find(';', i_);
    if (end == std::string::npos) return Fail("unterminated reference");
    const std::string ref = s_.substr(i_ + 1, end - i_ - 1);
    static const std::map<std::string, std::string> kEntities = {
        {"amp", "&"}, {"lt", "<"}, {"gt", ">"}, {"quot", "\""}, {"apos", "'"}};
    if (auto it = kEntities.find(ref); it != kEntities.end()) {
      out += it->second;
    } else if (ref.size() > 1 && ref[0] == '#' && ref.find_first_not_of("0123456789", 1) == std::string::npos) {
      const unsigned long cp = std::stoul(ref.substr(1));
      if (!(cp == 9 || cp == 10 || cp == 13 || (cp >= 0x20 && cp < 0x7F))) return Fail("reference &" + ref + ";");
      out += static_cast<char>(cp);
    } else {
      return Fail("unknown entity &" + ref + ";");
    }
    i_ = end + 1;
    return true;
  }

  bool AttributeValue(std::string& out) {
    if (i_ >= s_.size() || (s_[i_] != '"' && s_[i_] != '\'')) return Fail("unquoted attribute");
    const char quote = s_[i_++];
    while (i_ < s_.size() && s_[i_] != quote) {
      if (s_[i_] == '<') return Fail("raw < in attribute");
      if (s_[i_] == '&') {
        if (!Reference(out)) return false;
      } else if (s_[i_] == '\n' || s_[i_] == '\t' || s_[i_] == '\r') {
        return Fail("raw whitespace in attribute would be normalised to a space");
      } else if (!Char(out)) {
        return false;
      }
    }
    if (i_ >= s_.size()) return Fail("unterminated attribute");
    ++i_;
    return true;
  }

  std::unique_ptr<XmlElement> Element() {
    if (!Starts("<")) return Fail("expected <"), nullptr;
    ++i_;
    auto e = std::make_unique<XmlElement>();
    e->name = Name();
    if (e->name.empty()) return Fail("empty tag name"), nullptr;
    for (;;) {
      const size_t before = i_;
      Spaces();
      if (Starts("/>")) {
        i_ += 2;
        return e;
      }
      if (Starts(">")) {
        ++i_;
        break;
      }
      if (i_ == before) return Fail("expected space before attribute"), nullptr;
      const std::string attr = Name();
      if (attr.empty() || !Starts("=")) return Fail("bad attribute"), nullptr;
      ++i_;
      std::string value;
      if (!AttributeValue(value)) return nullptr;
      if (!e->attributes.emplace(attr, value).second) return Fail("duplicate attribute " + attr), nullptr;
    }
    for (;;) {
      if (i_ >= s_.size()) return Fail("unclosed <" + e->name + ">"), nullptr;
      if (Starts("</")) {
        i_ += 2;
        if (Name() != e->name) return Fail("mismatched </...> for <" + e->name + ">"), nullptr;
        Spaces();
        if (!Starts(">")) return Fail("expected >"), nullptr;
        ++i_;
        return e;
      }
      if (Starts("<")) {
        auto child = Element();
        if (!child) return nullptr;
        e->children.push_back(std::move(child));
      } else if (s_[i_] == '&') {
        if (!Reference(e->text)) return nullptr;
      } else if (s_[i_] == '>') {
        e->text += '>';  // allowed, though the writer escapes it
        ++i_;
      } else if (!Char(e->text)) {
        return nullptr;
      }
    }
  }

  std::unique_ptr<XmlElement> Document() {
    if (Starts("<?xml")) {
      const size_t end = s_.find("?>", i_);
      if (end == std::string::npos) return Fail("unterminated declaration"), nullptr;
      i_ = end + 2;
    }
    Spaces();
    auto root = Element();
    if (!root) return nullptr;
    Spaces();
    if (i_ != s_.size()) return Fail("content after the root element"), nullptr;
    return root;
  }

  const std::string& s_;
  size_t i_ = 0;
  std::string error_;
};

}  // namespace eventlab::grading::testing
