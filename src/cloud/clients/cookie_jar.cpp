// Cookie rules follow RFC 6265bis (draft-ietf-httpbis-rfc6265bis): 5.6 for Set-Cookie parsing,
// 5.8.3 for the Cookie header, 5.2 for same-site requests and SameSite enforcement.
#include "cloud/clients/cookie_jar.h"

#include <algorithm>
#include <cctype>

namespace eventlab::cloud::clients {
namespace {

std::string Trim(const std::string& s) {
  const size_t b = s.find_first_not_of(" \t");
  if (b == std::string::npos) return "";
  return s.substr(b, s.find_last_not_of(" \t") - b + 1);
}

std::string Lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

bool DomainMatches(const Cookie& c, const std::string& host) {
  if (c.host_only) return host == c.domain;
  return host == c.domain || (host.size() > c.domain.size() && host.compare(host.size() - c.domain.size() - 1, std::string::npos, "." + c.domain) == 0);
}

// RFC 6265bis 5.1.4: the cookie path is a prefix of the request path at a '/' boundary.
bool PathMatches(const std::string& cookie_path, const std::string& request_path) {
  if (request_path == cookie_path) return true;
  if (request_path.rfind(cookie_path, 0) != 0) return false;
  return cookie_path.back() == '/' || request_path[cookie_path.size()] == '/';
}

bool Expired(const Cookie& c, int64_t now) { return c.expires_epoch_s >= 0 && c.expires_epoch_s <= now; }

}  // namespace

const char* SameSiteName(SameSite s) {
  switch (s) {
    case SameSite::kStrict: return "Strict";
    case SameSite::kLax: return "Lax";
    case SameSite::kNone: return "None";
  }
  return "Lax";
}

core::Result<Cookie> ParseSetCookie(const std::string& header, const std::string& host, bool https, int64_t now_epoch_s) {
  auto refuse = [](const std::string& why) { return core::Error{"InvalidCookie", why, 0}; };
  const size_t semi = header.find(';');
  const std::string pair = header.substr(0, semi);
  const size_t eq = pair.find('=');
  if (eq == std::string::npos || Trim(pair.substr(0, eq)).empty()) return refuse("Set-Cookie without a name=value pair: \"" + header + "\"");
  Cookie c;
  c.name = Trim(pair.substr(0, eq));
  c.value = Trim(pair.substr(eq + 1));
  c.domain = host;
  size_t pos = semi;
  while (pos != std::string::npos) {
    const size_t next = header.find(';', pos + 1);
    const std::string attr = Trim(header.substr(pos + 1, next == std::string::npos ? std::string::npos : next - pos - 1));
    pos = next;
    const size_t aeq = attr.find('=');
    const std::string key = Lower(Trim(attr.substr(0, aeq)));
    const std::string val = aeq == std::string::npos ? "" : Trim(attr.substr(aeq + 1));
    if (key == "secure") c.secure = true;
    else if (key == "httponly") c.http_only = true;
    else if (key == "path" && !val.empty() && val[0] == '/') c.path = val;
    else if (key == "domain" && !val.empty()) {
      const std::string d = Lower(val[0] == '.' ? val.substr(1) : val);
      Cookie probe;
      probe.domain = d;
      probe.host_only = false;
      if (!DomainMatches(probe, host)) return refuse("Domain=" + val + " does not contain the host " + host);
      c.domain = d;
      c.host_only = false;
    } else if (key == "max-age") {
      // RFC 6265bis 5.6.2: digits with an optional leading '-'; capped at 400 days.
      char* end = nullptr;
      const bool numeric = !val.empty() && (std::isdigit(static_cast<unsigned char>(val[0])) || val[0] == '-');
      const long long seconds = numeric ? std::strtoll(val.c_str(), &end, 10) : 0;
      if (numeric && end && *end == '\0') c.expires_epoch_s = seconds <= 0 ? 0 : now_epoch_s + std::min<long long>(seconds, 400LL * 86400);
    } else if (key == "samesite") {
      const std::string v = Lower(val);
      if (v == "strict") c.same_site = SameSite::kStrict;
      else if (v == "none") c.same_site = SameSite::kNone;
      else c.same_site = SameSite::kLax;  // "lax" or an unknown value (5.6.7: enforcement "Default")
    }
  }
  if (c.secure && !https) return refuse("a Secure cookie cannot be set over http");
  if (c.same_site == SameSite::kNone && !c.secure) return refuse("SameSite=None requires Secure");
  return c;
}

void CookieJar::Store(const Cookie& cookie, int64_t now_epoch_s) {
  auto same = [&](const Cookie& c) { return c.name == cookie.name && c.domain == cookie.domain && c.path == cookie.path; };
  auto it = std::find_if(cookies_.begin(), cookies_.end(), same);
  if (Expired(cookie, now_epoch_s)) {
    if (it != cookies_.end()) cookies_.erase(it);
    return;
  }
  if (it != cookies_.end()) *it = cookie;
  else cookies_.push_back(cookie);
}

std::string CookieJar::HeaderFor(const RequestContext& r, std::vector<CookieDecision>* decisions) const {
  std::string header;
  for (const Cookie& c : cookies_) {
    if (Expired(c, r.now_epoch_s) || !DomainMatches(c, r.host) || !PathMatches(c.path, r.path)) continue;
    CookieDecision d{c.name, false, ""};
    const bool safe_method = r.method == "GET" || r.method == "HEAD";
    if (c.secure && !r.https) d.reason = "Secure cookie on an http request";
    else if (!r.same_site && c.same_site == SameSite::kStrict) d.reason = "SameSite=Strict on a cross-site request";
    else if (!r.same_site && c.same_site == SameSite::kLax && !(r.top_level_navigation && safe_method))
      d.reason = "SameSite=Lax on a cross-site request that is not a top-level GET navigation";
    else d.sent = true;
    if (d.sent) header += (header.empty() ? "" : "; ") + c.name + "=" + c.value;
    if (decisions) decisions->push_back(d);
  }
  return header;
}

std::string CookieJar::DocumentCookie(const std::string& host, bool https, int64_t now_epoch_s) const {
  std::string out;
  for (const Cookie& c : cookies_) {
    if (c.http_only || Expired(c, now_epoch_s) || !DomainMatches(c, host) || (c.secure && !https)) continue;
    out += (out.empty() ? "" : "; ") + c.name + "=" + c.value;
  }
  return out;
}

std::vector<std::string> CookieJar::HiddenFromScripts(const std::string& host, int64_t now_epoch_s) const {
  std::vector<std::string> names;
  for (const Cookie& c : cookies_) {
    if (c.http_only && !Expired(c, now_epoch_s) && DomainMatches(c, host)) names.push_back(c.name);
  }
  return names;
}

Json CookieJar::State(int64_t now_epoch_s) const {
  Json list = Json::array();
  for (const Cookie& c : cookies_) {
    if (Expired(c, now_epoch_s)) continue;
    list.push_back({{"name", c.name},
                    {"value", c.value},
                    {"domain", c.host_only ? c.domain : "." + c.domain},
                    {"path", c.path},
                    {"secure", c.secure},
                    {"http_only", c.http_only},
                    {"same_site", SameSiteName(c.same_site)},
                    {"expires_epoch_s", c.expires_epoch_s < 0 ? Json(nullptr) : Json(c.expires_epoch_s)}});
  }
  return list;
}

std::string SiteOf(const std::string& host) {
  static const std::string kAws = ".amazonaws.com";
  if (host.size() > kAws.size() && host.compare(host.size() - kAws.size(), std::string::npos, kAws) == 0) return host;
  const size_t last = host.rfind('.');
  if (last == std::string::npos || last == 0) return host;
  const size_t second = host.rfind('.', last - 1);
  return second == std::string::npos ? host : host.substr(second + 1);
}

}  // namespace eventlab::cloud::clients
