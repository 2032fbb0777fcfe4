// A browser's cookie jar (RFC 6265bis): cookies a server sets with Set-Cookie, the Cookie header a
// request carries (domain, path, Secure, expiry and SameSite rules), and what a page script sees in
// document.cookie (never HttpOnly cookies).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/event.h"
#include "core/result.h"

namespace eventlab::cloud::clients {

using core::Json;

enum class SameSite { kStrict, kLax, kNone };
const char* SameSiteName(SameSite s);

struct Cookie {
  std::string name, value;
  std::string domain;          ///< lower-case host, or the Domain attribute without a leading dot
  bool host_only = true;       ///< no Domain attribute: sent to `domain` exactly, not its subdomains
  std::string path = "/";
  bool secure = false, http_only = false;
  SameSite same_site = SameSite::kLax;  ///< a cookie without SameSite is Lax (RFC 6265bis 5.6.7)
  int64_t expires_epoch_s = -1;         ///< from Max-Age; -1 for a session cookie
};

/// Parses one Set-Cookie header value received from `host` over `https` at `now_epoch_s`.
/// Refuses (with the reason) what a browser ignores: no name, a Domain the host is not in, Secure
/// from http, and SameSite=None without Secure. Expires is not read: scenarios use Max-Age.
/// Not modelled: the default-path (a cookie without Path gets "/"), public-suffix Domain checks,
/// the __Host-/__Secure- name prefixes, and the rule that an insecure cookie may not overwrite a
/// Secure one. The Cookie header lists cookies in the order they were first set.
core::Result<Cookie> ParseSetCookie(const std::string& header, const std::string& host, bool https, int64_t now_epoch_s);

/// What a request was or was not sent, and why (for the learner).
struct CookieDecision {
  std::string name;
  bool sent = false;
  std::string reason;  ///< why not: "SameSite=Strict on a cross-site request", "Secure over http", ...
};

/// A request's context for cookie selection.
struct RequestContext {
  std::string host, path;
  bool https = true;
  bool same_site = true;            ///< the initiating page's site is the target's site
  bool top_level_navigation = false;  ///< a link or form that navigates the tab (Lax allows GET)
  std::string method = "GET";
  int64_t now_epoch_s = 0;
};

class CookieJar {
 public:
  /// Stores `cookie`, replacing one with the same name, domain and path. A Max-Age of 0 or less
  /// deletes it.
  void Store(const Cookie& cookie, int64_t now_epoch_s);
  /// The Cookie header value for a request ("a=1; b=2"), and one decision per matching cookie.
  std::string HeaderFor(const RequestContext& request, std::vector<CookieDecision>* decisions) const;
  /// document.cookie for a page on `host`: the unexpired, non-HttpOnly cookies that match it.
  std::string DocumentCookie(const std::string& host, bool https, int64_t now_epoch_s) const;
  /// Names of the HttpOnly cookies a page script on `host` cannot see.
  std::vector<std::string> HiddenFromScripts(const std::string& host, int64_t now_epoch_s) const;
  /// Every stored cookie with its attributes, for inspection.
  Json State(int64_t now_epoch_s) const;

 private:
  std::vector<Cookie> cookies_;  ///< in the order they were first set
};

/// The site of a host, as SameSite compares them: its registrable domain. This approximates the
/// Public Suffix List with the last two labels, and treats a host under amazonaws.com as its own
/// site (AWS's service hosts are listed as public suffixes).
std::string SiteOf(const std::string& host);

}  // namespace eventlab::cloud::clients
