// Simulated clients (a browser, a script): they make scripted calls and keep the replies.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/event.h"

namespace eventlab::cloud::clients {

using core::Json;

struct ClientConfig {
  std::string name;
};

struct ClientStore {
  std::vector<Json> replies;  ///< the latest replies received, oldest first (at most kMaxReplies)
  uint64_t received = 0;
};

inline constexpr size_t kMaxReplies = 50;

}  // namespace eventlab::cloud::clients
