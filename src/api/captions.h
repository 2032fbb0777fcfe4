// Guided-tour captions: which script note shows at the current position of a run. The note of a
// script entry shows from the delivery of the client.call event the entry became until the next
// noted entry's delivery replaces it.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/event_queue.h"
#include "core/trace.h"
#include "scenario/scenario.h"

namespace eventlab::api {

/// A note as a caption of the run.
struct Caption {
  uint64_t seq = 0;     ///< delivery (1-based trace index) of the noted entry's client.call; 0 if never delivered
  uint32_t script = 0;  ///< index of the entry in the scenario's script
  std::string text;     ///< the entry's note
};

/// Follows the deliveries of noted script entries so the current caption is O(1) to read. The owner
/// reports every delivery (OnDelivered) and every jump back in time (CutTo); Start begins a run.
class CaptionTrack {
 public:
  /// Begins a run: `pending` is the queue right after the world started, which holds every script
  /// entry's client.call event, so their ids are known before anything is delivered.
  void Start(const std::vector<scenario::ScriptNote>& notes, const core::EventQueue& pending);
  /// Records delivery `record` if it is a noted entry's client.call.
  void OnDelivered(const core::TraceRecord& record);
  /// Forgets deliveries after `delivered` (the run went back to that point).
  void CutTo(uint64_t delivered);
  /// The caption showing after the latest reported delivery; nullopt before any noted one.
  std::optional<Caption> Current() const;
  /// Every note in script order, with the seq of its delivery so far (0 if not delivered yet).
  std::vector<Caption> All() const;

 private:
  std::vector<scenario::ScriptNote> notes_;  ///< in script order
  std::map<uint64_t, size_t> by_event_;      ///< client.call event id -> index in notes_
  /// (seq, index in notes_) of the noted deliveries so far, in delivery order.
  std::vector<std::pair<uint64_t, size_t>> shown_;
};

}  // namespace eventlab::api
