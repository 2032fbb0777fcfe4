// The page a browser client runs: its origin's localStorage, the browser's cookie jar, and what
// an injected script (XSS) in that page can read. Cookies ride along on the page's HTTP requests
// by the jar's rules; Set-Cookie answers fill the jar.
#pragma once

#include <cstdint>
#include <map>
#include <string>

#include "cloud/clients/cookie_jar.h"
#include "core/result.h"

namespace eventlab::cloud::clients {

/// The origin a browser client's page was loaded from ("https://app.example.com").
struct PageOrigin {
  std::string scheme, host;
  bool Empty() const { return host.empty(); }
  std::string Text() const { return scheme + "://" + host; }
};

/// Where one of the page's HTTP requests went, to read its answer's Set-Cookie.
struct SentRequest {
  std::string host;
  bool https = true;
};

struct BrowserPage {
  std::map<std::string, std::string> local_storage;  ///< the page origin's localStorage
  CookieJar cookies;
  std::map<uint64_t, SentRequest> requests;  ///< http.request event id -> where it went
  Json last_cookie_decisions = Json::array();  ///< per cookie of the latest request: sent or why not
  uint64_t scripts_injected = 0;
};

/// True for the actions a page runs itself ("browser.*").
bool IsBrowserAction(const std::string& action);

/// localStorage.setItem / getItem / removeItem for the page's origin.
core::Result<Json> RunStorageAction(BrowserPage& page, const std::string& action, const Json& args);

/// Makes an http.request's arguments what the browser sends: the Cookie header from the jar
/// (SameSite judged from the initiating site: the page's, or "from_site" for a request started
/// by another site's page), and Origin when the target is another origin. Removes the arguments
/// only the browser reads ("from_site", "navigation"). Records the decisions on `page`.
core::Result<Json> PrepareHttpRequest(BrowserPage& page, const PageOrigin& origin, const Json& args, int64_t now_epoch_s);

/// Stores the cookies an answer to `request` sets (its "Set-Cookie" header: text or a list).
void StoreSetCookies(BrowserPage& page, const SentRequest& request, const Json& response, int64_t now_epoch_s);

/// What an injected script reads in the page: all of localStorage and document.cookie.
/// {"localStorage": {...}, "document.cookie": "..."}.
Json ReadAsInjectedScript(const BrowserPage& page, const PageOrigin& origin, int64_t now_epoch_s);

/// The page's storage for inspection: localStorage, cookies, the last request's cookie decisions.
Json PageState(const BrowserPage& page, const PageOrigin& origin, int64_t now_epoch_s);

}  // namespace eventlab::cloud::clients
