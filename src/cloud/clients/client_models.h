// Simulated clients (a browser, a script): they make scripted calls and keep the replies.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "cloud/clients/browser_page.h"
#include "cloud/iam/permissions.h"
#include "cloud/service.h"
#include "core/event.h"

namespace eventlab::cloud::clients {

using core::Json;

struct ClientConfig : ResourceConfig {
  std::string Kind() const override { return "client"; }
  std::unique_ptr<Service> CreateService() const override;

  std::vector<iam::Grant> permissions;  ///< the client's own credentials' grants; none by default
  /// A browser client's page origin ("https://app.example.com"); empty for a script, which has no
  /// localStorage or cookies.
  PageOrigin origin;
};

struct ClientStore {
  std::vector<Json> replies;  ///< the latest replies received, oldest first (at most kMaxReplies)
  uint64_t received = 0;
  Json results = Json::object();       ///< scripted calls' results by their "as" name (templates read them)
  std::map<uint64_t, std::string> awaiting;  ///< request event id -> "as" name of its scripted call
  BrowserPage page;                    ///< a browser client's storage and cookies
  int64_t now_epoch_s = 0;             ///< simulated wall clock at the latest event, for cookie expiry
  Json websocket = Json::object();     ///< per WebSocket API name: the client's connection (websocket_inbox.h)
};

inline constexpr size_t kMaxReplies = 50;

}  // namespace eventlab::cloud::clients
