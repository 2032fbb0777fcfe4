// The facade that the CLI, the JS bindings and the UI all call: load a scenario, step it, go
// back and forth in time, and read the trace and the state. One command path for everyone.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "api/architecture.h"
#include "api/captions.h"
#include "cloud/world.h"
#include "core/kernel.h"
#include "scenario/scenario.h"

namespace eventlab::api {

using core::Json;

/// Deliveries between checkpoints. Seeking replays at most this many events from the nearest one.
inline constexpr uint64_t kCheckpointEvery = 64;

class Lab {
 public:
  /// Loads a scenario from JSON text and resets to time 0 with its seed. On failure returns every
  /// problem and leaves the lab exactly as it was.
  std::vector<scenario::LoadError> Load(std::string_view json_text);
  bool Loaded() const { return scenario_ != nullptr; }

  /// Back to time 0 with the same scenario; `seed` replaces the scenario's (0..4294967295).
  void Reset(std::optional<uint32_t> seed = std::nullopt);

  /// Delivers the next event; nullopt when nothing is pending (or no scenario is loaded).
  std::optional<core::TraceRecord> Step();
  /// Goes back one delivery; false at the start.
  bool StepBack();
  /// Puts the lab in the exact state after delivery `seq` (0 = the start). False, with nothing
  /// changed, if the run ends before `seq`.
  bool Seek(uint64_t seq);
  /// Delivers events due at or before `until_us`, at most `max_events`; returns how many.
  uint64_t RunUntil(int64_t until_us, uint64_t max_events);
  /// Delivers until nothing is pending or the scenario's max_events is reached; returns how many.
  uint64_t RunToEnd();

  int64_t NowUs() const { return kernel_.Now().us; }
  uint32_t Seed() const { return kernel_.Seed(); }
  uint64_t Delivered() const { return kernel_.Delivered(); }
  /// True when a run stopped because it reached limits.max_events with events still pending.
  bool HitEventLimit() const;
  /// Why the run cannot go on although events are pending: "EventLimit" (limits.max_events),
  /// "RunMemoryLimit" (the trace holds limits.max_run_bytes) or "InternalFailure" (delivering the
  /// next event failed inside the simulator: the lab stays exactly as it was before that
  /// delivery). nullopt while the run can go on or has simply ended.
  struct RunStop {
    std::string code, message;
  };
  std::optional<RunStop> Stopped() const;
  std::vector<core::Event> Pending() const { return kernel_.Queue().Sorted(); }
  /// Pending() without copying the events, for views drawn every frame; the pointers are valid
  /// until the lab next changes.
  std::vector<const core::Event*> PendingView() const { return kernel_.Queue().SortedView(); }
  /// Events waiting to be delivered; the same as Pending().size() without the sorted copy.
  uint64_t PendingCount() const { return kernel_.Queue().Size(); }
  /// True when the next Step() delivers an event within the scenario's limits.max_events (the
  /// point where `eventlab run` and the JS step() stop).
  bool CanStep() const { return PendingCount() > 0 && !Stopped(); }
  const std::vector<core::TraceRecord>& Trace() const { return kernel_.Trace(); }
  /// {"time_us", "seq", "seed", "resources": {...}}.
  Json State() const;
  const scenario::Scenario* Scenario() const { return scenario_.get(); }

  /// How many deliveries the whole run has (to the end, or to limits.max_events), for a timeline
  /// over it. The first call after a load or reset runs ahead once (taking checkpoints on the way,
  /// so later seeks are quick) and comes back; the lab's state is unchanged. 0 without a scenario.
  uint64_t RunLength();
  /// The causes of delivery `seq`: its parent chain as delivery seqs, root cause first and `seq`
  /// last. Empty if `seq` has not been delivered. Parents not in the trace end the chain.
  std::vector<uint64_t> Why(uint64_t seq) const;
  /// The scenario's architecture for the graph: nodes and the wirings the configuration and the
  /// steps name, plus the calls a run with the scenario's own seed makes (found by RunLength()'s
  /// run-ahead on first use; the lab's state is unchanged). Empty without a scenario.
  const api::Architecture& Architecture();

  /// The guided-tour caption at the current position: the note of the latest delivered client.call
  /// event that a noted script entry became, with that delivery's seq and the entry's index.
  /// nullopt before any noted entry is delivered (and without a scenario). Follows Step, StepBack,
  /// Seek, Reset and Load; O(1), so a page can ask every frame.
  std::optional<Caption> CurrentCaption() const { return captions_.Current(); }
  /// Every note of the scenario in script order, each with the seq at which its entry is delivered
  /// in the whole run (0 if the run ends, or reaches limits.max_events, before it). The first call
  /// after a load, reset or Send() runs ahead like RunLength(); the lab's state is unchanged.
  std::vector<Caption> Notes();

  /// Makes client `client` ("client:page") call `action` with `args` now, as a learner does from
  /// the page: a client.call event is scheduled at the current time and the call goes out when it
  /// is delivered, like a scripted one. The call becomes part of this run: stepping back before it
  /// and forward again replays it; Reset() forgets it. Returns {"ok": {"event_id": N}} or
  /// {"error": {code, message, status}} ("UnknownCaller" for anything but a scenario client,
  /// "UnknownAction" for an action the catalog does not have, "NotLoaded").
  Json Send(const std::string& client, const std::string& action, const Json& args);

  /// Runs a LOCAL catalog action (e.g. "storage.presign") as `caller` ("function:upload",
  /// "client:browser") at the current simulated time, without changing the simulation: nothing is
  /// scheduled, no random stream is drawn, the trace and State() stay as they were. Returns
  /// {"ok": result} or {"error": {code, message, status}}. Refuses actions that send a request with
  /// code "NotLocal", and unknown actions or callers (only the scenario's functions and clients
  /// can call) with "UnknownAction" / "UnknownCaller"; "NotLoaded" without a scenario.
  Json CallLocal(const std::string& caller, const std::string& action, const Json& args);

  /// A seam for tests of failure handling: delivery `seq` throws after its service has handled it
  /// (so state has changed half-way, as a real internal error leaves it). Reset() keeps it.
  void InjectFaultForTesting(uint64_t seq) { fault_seq_ = seq; }

 private:
  struct Checkpoint {
    core::KernelState kernel;
    cloud::World world;
  };
  void TakeCheckpointIfDue();
  /// Delivers the next event; an exception inside the delivery puts the lab back to `Delivered()`
  /// before it (nearest checkpoint plus replay) and records the failure.
  std::optional<core::TraceRecord> DeliverNext();
  /// A delivery that failed inside the simulator: the run stops before it.
  struct Failure {
    uint64_t before;  ///< deliveries done when it failed
    std::string message;
  };
  /// Runs to the end once and comes back, for RunLength() and Notes().
  void RunAhead();
  /// A call sent from the page (Send()).
  struct SentCall {
    std::string client, action;
    Json args;
  };
  /// Schedules the `index`-th call sent at one delivery point; see lab.cpp for its spacing.
  void ScheduleSent(const SentCall& call, size_t index);
  void ApplySendsAt(uint64_t delivered);

  std::shared_ptr<const scenario::Scenario> scenario_;
  core::Kernel kernel_;
  std::optional<cloud::World> world_;
  std::map<uint64_t, Checkpoint> checkpoints_;  ///< by delivery count
  std::optional<uint64_t> run_length_;           ///< RunLength() once known; reset with the run
  std::vector<Caption> run_notes_;               ///< Notes() of the whole run, valid with run_length_
  CaptionTrack captions_;                        ///< noted deliveries up to the current position
  std::map<uint64_t, std::vector<SentCall>> sent_;  ///< by the delivery count they followed
  std::optional<api::Architecture> architecture_;  ///< of the loaded scenario, once asked for
  std::optional<uint64_t> fault_seq_;  ///< InjectFaultForTesting()
  std::optional<Failure> failure_;  ///< the first failed delivery of this run; cleared when the future changes
};

/// The pending event as JSON: id, time_us, from, to, kind, payload, error, parent.
Json PendingJson(const core::Event& e);

}  // namespace eventlab::api
