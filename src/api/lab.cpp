// Time travel is checkpoints plus deterministic replay: a checkpoint every kCheckpointEvery
// deliveries, and a seek restores the nearest one at or before the target and steps forward.
#include "api/lab.h"

#include <stdexcept>

#include "cloud/action_catalog.h"
#include "cloud/argument_types.h"
#include "cloud/messaging.h"
#include "core/digest.h"
#include "core/json_bounds.h"
#include "scenario/loader.h"

namespace eventlab::api {

std::vector<scenario::LoadError> Lab::Load(std::string_view json_text) {
  scenario::LoadResult loaded = scenario::LoadScenario(json_text);
  if (!loaded.ok()) return loaded.errors;
  scenario_ = std::move(loaded.scenario);
  architecture_.reset();
  Reset(scenario_->seed);
  return {};
}

void Lab::Reset(std::optional<uint32_t> seed) {
  if (!scenario_) return;
  kernel_ = core::Kernel(seed.value_or(kernel_.Seed()));
  // The world's config is owned by the scenario; the aliasing pointer keeps both alive together.
  world_.emplace(std::shared_ptr<const cloud::WorldConfig>(scenario_, scenario_->world.get()));
  world_->Start(kernel_);
  captions_.Start(scenario_->notes, kernel_.Queue());
  checkpoints_.clear();
  checkpoints_.emplace(0, Checkpoint{kernel_.Snapshot(), *world_});
  run_length_.reset();
  sent_.clear();
  failure_.reset();
}

void Lab::RunAhead() {
  const uint64_t here = Delivered();
  RunToEnd();
  run_length_ = Delivered();
  run_notes_ = captions_.All();
  Seek(here);
}

uint64_t Lab::RunLength() {
  if (!world_) return 0;
  if (!run_length_) RunAhead();
  return *run_length_;
}

std::vector<Caption> Lab::Notes() {
  if (!world_) return {};
  if (!run_length_) RunAhead();
  return run_notes_;
}

const api::Architecture& Lab::Architecture() {
  if (!architecture_) {
    if (!world_) return *(architecture_ = api::Architecture{});
    // Observe a run with the scenario's seed whatever seed the lab runs now, so that the graph
    // (and the positions a learner drags nodes to) stay the same across resets.
    Lab observer;
    observer.scenario_ = scenario_;
    observer.Reset(scenario_->seed);
    observer.RunToEnd();
    architecture_ = BuildArchitecture(*scenario_->world, observer.Trace());
  }
  return *architecture_;
}

std::vector<uint64_t> Lab::Why(uint64_t seq) const {
  const auto& trace = Trace();
  if (seq == 0 || seq > trace.size()) return {};
  std::vector<uint64_t> chain = {seq};
  // Parents are always delivered before their children, so each search only looks earlier.
  size_t index = seq - 1;
  while (trace[index].event.parent) {
    const uint64_t parent_id = *trace[index].event.parent;
    size_t i = index;
    while (i > 0 && trace[i - 1].event.id != parent_id) --i;
    if (i == 0) break;
    index = i - 1;
    chain.push_back(trace[index].seq);
  }
  return {chain.rbegin(), chain.rend()};
}

std::optional<core::TraceRecord> Lab::Step() {
  if (!world_ || (failure_ && failure_->before == Delivered())) return std::nullopt;
  auto record = DeliverNext();
  if (record) {
    captions_.OnDelivered(*record);
    ApplySendsAt(Delivered());  // a replay passes the point where the learner sent a call
    TakeCheckpointIfDue();
  }
  return record;
}

namespace {

// Hands events to the world, then throws on the one delivery a test asked to fail.
class FaultAfter : public core::EventHandler {
 public:
  FaultAfter(cloud::World& world, uint64_t seq) : world_(world), seq_(seq) {}
  void Deliver(core::Kernel& kernel, const core::Event& event) override {
    world_.Deliver(kernel, event);
    if (kernel.Delivered() == seq_) throw std::runtime_error("fault injected for a test");
  }

 private:
  cloud::World& world_;
  uint64_t seq_;
};

}  // namespace

std::optional<core::TraceRecord> Lab::DeliverNext() {
  const uint64_t before = Delivered();
  std::string why;
  try {
    if (fault_seq_) {
      FaultAfter faulty(*world_, *fault_seq_);
      return kernel_.Step(faulty);
    }
    return kernel_.Step(*world_);
  } catch (const std::exception& e) {
    why = e.what();
  } catch (...) {
    why = "unknown exception";
  }
  // The services may have changed half their state: go back to the state before this delivery,
  // which a checkpoint and a replay of deliveries that succeeded before rebuild exactly.
  auto it = std::prev(checkpoints_.upper_bound(before));
  kernel_.Restore(it->second.kernel);
  *world_ = it->second.world;
  captions_.CutTo(Delivered());
  while (Delivered() < before && Step()) {
  }
  const core::Event* next = kernel_.Peek();
  failure_ = Failure{before, "the simulator failed delivering event " + std::to_string(before + 1) +
                                 (next ? " (" + next->kind + " from " + next->from + " to " + next->to + ")" : "") +
                                 ": " + core::SnippetText(why, 300) + "; the run stops before it"};
  return std::nullopt;
}

void Lab::ScheduleSent(const SentCall& call, size_t index) {
  core::EventSpec e;
  // Calls made at one moment of the run (the clock stands still while the learner clicks) leave
  // one after another, each a worst-case network hop after the one before, so that they arrive in
  // the order they were made: a marker moved and then read is moved first.
  const cloud::Timings& t = scenario_->world->env.timings;
  e.delay = core::SimTime{static_cast<int64_t>(index) * (t.network_latency.us + t.network_jitter.us + 1)};
  e.priority = core::kPriorityScript;
  e.from = e.to = call.client;
  e.kind = "client.call";
  e.payload = {{"call", call.action}, {"with", call.args}, {"from_page", true}};
  kernel_.Schedule(std::move(e));
}

void Lab::ApplySendsAt(uint64_t delivered) {
  auto it = sent_.find(delivered);
  if (it == sent_.end()) return;
  for (size_t i = 0; i < it->second.size(); ++i) ScheduleSent(it->second[i], i);
}

Json Lab::Send(const std::string& client, const std::string& action, const Json& args) {
  auto error = [](const std::string& code, const std::string& message, int status) {
    return Json{{"error", {{"code", code}, {"message", message}, {"status", status}}}};
  };
  if (!scenario_ || !world_) return error("NotLoaded", "no scenario is loaded", 400);
  if (cloud::KindOf(client) != "client" || !scenario_->world->Has("client", cloud::NameOf(client))) {
    return error("UnknownCaller", "\"" + core::SnippetText(client, 100) + "\" is not a client of this scenario", 400);
  }
  if (!cloud::FindAction(action)) return error("UnknownAction", "unknown action \"" + core::SnippetText(action, 100) + "\"", 400);
  if (!args.is_object()) return error("ValidationException", "the arguments must be a JSON object", 400);
  const uint64_t here = Delivered();
  sent_[here].push_back({client, action, args});
  // The future changed: later checkpoints and the run's length are stale. The state now (with the
  // call scheduled) is the new checkpoint at `here`, so seeking there does not send it twice.
  checkpoints_.erase(checkpoints_.lower_bound(here), checkpoints_.end());
  if (failure_ && failure_->before >= here) failure_.reset();
  ScheduleSent(sent_[here].back(), sent_[here].size() - 1);
  checkpoints_.emplace(here, Checkpoint{kernel_.Snapshot(), *world_});
  run_length_.reset();
  return Json{{"ok", {{"at_delivery", here}}}};
}

void Lab::TakeCheckpointIfDue() {
  const uint64_t n = kernel_.Delivered();
  if (n % kCheckpointEvery == 0 && !checkpoints_.count(n)) checkpoints_.emplace(n, Checkpoint{kernel_.Snapshot(), *world_});
}

bool Lab::StepBack() { return Delivered() > 0 && Seek(Delivered() - 1); }

bool Lab::Seek(uint64_t seq) {
  if (!world_) return seq == 0;
  const uint64_t start = Delivered();
  if (seq < start) {
    auto it = std::prev(checkpoints_.upper_bound(seq));
    kernel_.Restore(it->second.kernel);
    *world_ = it->second.world;
    captions_.CutTo(Delivered());
  }
  while (Delivered() < seq) {
    if (!Step()) {
      Seek(start);  // the run ends before `seq`: go back to where we were
      return false;
    }
  }
  return true;
}

uint64_t Lab::RunUntil(int64_t until_us, uint64_t max_events) {
  if (!world_) return 0;
  uint64_t ran = 0;
  while (ran < max_events) {
    const core::Event* next = kernel_.Peek();
    if (!next || next->time.us > until_us || Stopped() || !Step()) break;
    ++ran;
  }
  return ran;
}

uint64_t Lab::RunToEnd() {
  if (!world_) return 0;
  uint64_t ran = 0;
  while (!Stopped() && Step()) ++ran;
  return ran;
}

std::optional<Lab::RunStop> Lab::Stopped() const {
  if (!scenario_ || kernel_.Peek() == nullptr) return std::nullopt;
  const cloud::Limits& limits = scenario_->world->env.limits;
  if (failure_ && failure_->before == Delivered()) return RunStop{"InternalFailure", failure_->message};
  if (Delivered() >= limits.max_events) {
    return RunStop{"EventLimit", "the run stops at limits.max_events (" + std::to_string(limits.max_events) + " deliveries)"};
  }
  if (kernel_.TraceBytes() >= limits.max_run_bytes) {
    return RunStop{"RunMemoryLimit", "the run stops: its trace reached limits.max_run_bytes (" +
                                         std::to_string(limits.max_run_bytes >> 20) + " MB of event payloads)"};
  }
  return std::nullopt;
}

bool Lab::HitEventLimit() const {
  return scenario_ && Delivered() >= scenario_->world->env.limits.max_events && kernel_.Peek() != nullptr;
}

Json Lab::State() const {
  Json s = {{"time_us", NowUs()}, {"seq", Delivered()}, {"seed", Seed()}};
  s["resources"] = world_ ? world_->State() : Json::object();
  return s;
}

Json Lab::CallLocal(const std::string& caller, const std::string& action, const Json& args) {
  auto error = [](const std::string& code, const std::string& message, int status) {
    return Json{{"error", {{"code", code}, {"message", message}, {"status", status}}}};
  };
  if (!scenario_ || !world_) return error("NotLoaded", "no scenario is loaded", 400);
  const cloud::ActionSpec* spec = cloud::FindAction(action);
  if (!spec) return error("UnknownAction", "unknown action \"" + core::SnippetText(action, 100) + "\"", 400);
  if (!spec->local) {
    return error("NotLocal", "\"" + action + "\" sends a request; only local actions can be called here", 400);
  }
  const cloud::WorldConfig& config = *scenario_->world;
  const std::string kind = cloud::KindOf(caller), name = cloud::NameOf(caller);
  if ((kind != "function" && kind != "client") || !config.Has(kind, name)) {
    return error("UnknownCaller", "\"" + core::SnippetText(caller, 100) + "\" is not a function or client of this scenario", 400);
  }
  Json complete_args = args;
  if (!core::CompleteSyntheticBodies(complete_args)) {
    return error("ValidationException", core::kSyntheticBodySizeError, 400);
  }
  if (auto wrong = cloud::CheckArgumentTypes(action, complete_args)) {
    return error(wrong->code, wrong->message, wrong->status);
  }
  // Local actions only compute from the config, the caller and the clock: the kernel is passed
  // because ServiceContext needs it, but nothing is scheduled on it and no RNG stream is drawn.
  cloud::ServiceContext ctx{kernel_, config};
  cloud::LocalCall call{ctx, caller, ctx.NowEpochUs()};
  const core::Result<Json> result = spec->local(call, complete_args);
  if (!result.ok()) return error(result.error().code, result.error().message, result.error().status);
  return Json{{"ok", result.value()}};
}

Json PendingJson(const core::Event& e) {
  Json j = {{"id", e.id}, {"time_us", e.time.us}, {"from", e.from}, {"to", e.to}, {"kind", e.kind}, {"payload", e.payload}};
  j["parent"] = e.parent ? Json(*e.parent) : Json(nullptr);
  j["error"] = e.error ? Json{{"code", e.error->code}, {"message", e.error->message}, {"status", e.error->status}} : Json(nullptr);
  return j;
}

}  // namespace eventlab::api
