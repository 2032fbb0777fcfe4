// Browser behaviour the course's token-storage lesson rests on: scripts read localStorage and
// non-HttpOnly cookies; the browser, not the script, attaches cookies to requests.
#include "cloud/clients/browser_page.h"
#include "core/json_bounds.h"

#include <cctype>

#include "cloud/http/url.h"

namespace eventlab::cloud::clients {
namespace {

core::Result<std::string> StringArg(const Json& args, const char* name, const std::string& action) {
  if (!args.contains(name) || !args[name].is_string()) {
    return core::Error{"ValidationException", action + " needs \"" + name + "\" as a string", 400};
  }
  return args[name].get<std::string>();
}

}  // namespace

bool IsBrowserAction(const std::string& action) { return action.rfind("browser.", 0) == 0; }

core::Result<Json> RunStorageAction(BrowserPage& page, const std::string& action, const Json& args) {
  auto key = StringArg(args, "key", action);
  if (!key.ok()) return key.error();
  if (action == "browser.local_storage_set") {
    // localStorage keeps strings only: setItem converts any other value to text.
    const Json& v = args.value("value", Json());
    page.local_storage[key.value()] = v.is_string() ? v.get<std::string>() : core::DumpText(v);
    return Json::object();
  }
  if (action == "browser.local_storage_get") {
    auto it = page.local_storage.find(key.value());
    return Json{{"value", it == page.local_storage.end() ? Json(nullptr) : Json(it->second)}};
  }
  if (action == "browser.local_storage_remove") {
    page.local_storage.erase(key.value());
    return Json::object();
  }
  return core::Error{"ValidationException", "unknown page action " + action, 400};
}

core::Result<Json> PrepareHttpRequest(BrowserPage& page, const PageOrigin& origin, const Json& args, int64_t now_epoch_s) {
  Json out = args;
  out.erase("from_site");
  out.erase("navigation");
  const auto url = args.contains("url") && args["url"].is_string() ? http::ParseUrl(args["url"].get<std::string>()) : std::nullopt;
  if (!url) return out;  // http.request itself reports the bad URL
  PageOrigin initiator = origin;
  if (args.contains("from_site")) {
    const auto from = args["from_site"].is_string() ? http::ParseUrl(args["from_site"].get<std::string>()) : std::nullopt;
    if (!from) return core::Error{"ValidationException", "http.request: \"from_site\" must be an origin such as \"https://evil.example\"", 400};
    initiator = {from->scheme, from->host};
  }
  RequestContext r;
  r.host = url->host;
  r.path = url->path;
  r.https = url->scheme == "https";
  // Schemeful same-site (RFC 6265bis 5.2): same registrable domain and same scheme.
  r.same_site = SiteOf(initiator.host) == SiteOf(url->host) && initiator.scheme == url->scheme;
  const Json& navigation = args.contains("navigation") ? args["navigation"] : Json(false);
  if (!navigation.is_boolean()) return core::Error{"ValidationException", "http.request: \"navigation\" must be true or false", 400};
  r.top_level_navigation = navigation.get<bool>();
  r.method = args.contains("method") && args["method"].is_string() ? args["method"].get<std::string>() : "GET";
  r.now_epoch_s = now_epoch_s;
  std::vector<CookieDecision> decisions;
  const std::string cookie = page.cookies.HeaderFor(r, &decisions);
  page.last_cookie_decisions = Json::array();
  for (const CookieDecision& d : decisions) {
    page.last_cookie_decisions.push_back({{"cookie", d.name}, {"sent", d.sent}, {"why_not", d.reason.empty() ? Json(nullptr) : Json(d.reason)}, {"url", args["url"]}});
  }
  Json headers = out.value("headers", Json::object());
  if (!headers.is_object()) return out;  // http.request reports it
  // Forbidden request headers (Fetch standard): a page script cannot set them; the browser does.
  for (auto it = headers.begin(); it != headers.end();) {
    std::string lower = it.key();
    for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (lower == "cookie" || lower == "cookie2" || lower == "origin" || lower == "host" || lower.rfind("sec-", 0) == 0) it = headers.erase(it);
    else ++it;
  }
  if (!cookie.empty()) headers["Cookie"] = cookie;
  if (initiator.host != url->host || initiator.scheme != url->scheme) headers["Origin"] = initiator.Text();
  out["headers"] = headers;
  return out;
}

void StoreSetCookies(BrowserPage& page, const SentRequest& request, const Json& response, int64_t now_epoch_s) {
  if (!response.is_object() || !response.contains("headers") || !response["headers"].is_object()) return;
  for (const auto& [name, value] : response["headers"].items()) {
    std::string lower = name;
    for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (lower != "set-cookie") continue;
    const Json values = value.is_array() ? value : Json::array({value});
    for (const Json& v : values) {
      if (!v.is_string()) continue;
      auto cookie = ParseSetCookie(v.get<std::string>(), request.host, request.https, now_epoch_s);
      if (cookie.ok()) page.cookies.Store(cookie.value(), now_epoch_s);
    }
  }
}

Json ReadAsInjectedScript(const BrowserPage& page, const PageOrigin& origin, int64_t now_epoch_s) {
  Json storage = Json::object();
  for (const auto& [k, v] : page.local_storage) storage[k] = v;
  return {{"localStorage", storage}, {"document.cookie", page.cookies.DocumentCookie(origin.host, origin.scheme == "https", now_epoch_s)}};
}

Json PageState(const BrowserPage& page, const PageOrigin& origin, int64_t now_epoch_s) {
  Json storage = Json::object();
  for (const auto& [k, v] : page.local_storage) storage[k] = v;
  return {{"origin", origin.Text()},
          {"local_storage", storage},
          {"cookies", page.cookies.State(now_epoch_s)},
          {"last_request_cookies", page.last_cookie_decisions},
          {"scripts_injected", page.scripts_injected}};
}

}  // namespace eventlab::cloud::clients
