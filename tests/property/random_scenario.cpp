// The generator draws from its own xorshift stream, independent of the simulator's RNG.
#include "property/random_scenario.h"

#include <vector>

namespace eventlab::testing {
namespace {

class Draw {
 public:
  explicit Draw(uint64_t seed) : s_(seed * 0x9E3779B97F4A7C15ULL + 1) {}
  uint64_t Next() {
    s_ ^= s_ << 13;
    s_ ^= s_ >> 7;
    s_ ^= s_ << 17;
    return s_;
  }
  int Between(int lo, int hi) { return lo + static_cast<int>(Next() % static_cast<uint64_t>(hi - lo + 1)); }
  bool Chance(int percent) { return Between(1, 100) <= percent; }

 private:
  uint64_t s_;
};

// A consumer that fails when the first hex digit of a uuid() from its own stream is below
// `threshold` (0: never, 16: always), so each attempt fails with probability threshold / 16.
core::Json FlakyHandler(int threshold) {
  const char* digits = "0123456789abcdefg";
  core::Json fail_if = {{"lt", {"${substr(uuid(), 0, 1)}", std::string(1, digits[threshold])}}};
  return core::Json::array({
      {{"work", "5ms"}},
      {{"if", fail_if}, {"then", core::Json::array({{{"fail", {{"code", "Flaky"}, {"message", "random failure"}}}}})}},
      {{"return", {{"handled", "${len(event.Records)}"}}}},
  });
}

}  // namespace

RandomScenario MakeRandomScenario(uint64_t seed) {
  Draw d(seed);
  RandomScenario out;
  core::Json resources = {{"sender", {{"kind", "client"}}}};
  std::vector<std::string> queues, topics;
  const int queue_count = d.Between(1, 4);
  for (int q = 0; q < queue_count; ++q) {
    const std::string name = "q" + std::to_string(q);
    queues.push_back(name);
    out.expected_per_queue[name] = 0;
    core::Json queue = {{"kind", "queue"}, {"visibility_timeout", std::to_string(d.Between(4, 30)) + "s"}};
    if (d.Chance(80)) {
      // A consumer with a dead-letter queue: a message is either handled or dead-lettered.
      const std::string fn = "f" + std::to_string(q), dlq = name + "-dlq";
      resources[fn] = {{"kind", "function"}, {"timeout", "3s"}, {"handler", FlakyHandler(d.Between(0, 16))}};
      queue["consumer"] = fn;
      queue["batch_size"] = d.Between(1, 10);
      queue["redrive_policy"] = {{"dead_letter_queue", dlq}, {"max_receive_count", d.Between(1, 4)}};
      resources[dlq] = {{"kind", "queue"}};
      out.expected_per_queue[dlq] = 0;
    }
    resources[name] = queue;
  }
  const int topic_count = d.Between(0, 2);
  for (int t = 0; t < topic_count; ++t) {
    const std::string name = "t" + std::to_string(t);
    topics.push_back(name);
    core::Json subs = core::Json::array();
    for (const std::string& q : queues) {
      if (!d.Chance(60)) continue;
      subs.push_back({{"protocol", "sqs"}, {"endpoint", q}, {"raw_message_delivery", d.Chance(50)}});
    }
    resources[name] = {{"kind", "topic"}, {"subscriptions", subs}};
  }
  core::Json script = core::Json::array();
  const int sends = d.Between(1, 25);
  int64_t at_ms = 0;
  for (int i = 0; i < sends; ++i) {
    at_ms += d.Between(0, 3000);
    const std::string body = "m" + std::to_string(i);
    core::Json entry = {{"at", std::to_string(at_ms) + "ms"}, {"client", "sender"}};
    if (!topics.empty() && d.Chance(50)) {
      const std::string topic = topics[static_cast<size_t>(d.Between(0, static_cast<int>(topics.size()) - 1))];
      entry["call"] = "sns.publish";
      entry["with"] = {{"topic", topic}, {"message", body}};
      for (const core::Json& sub : resources[topic]["subscriptions"]) ++out.expected_per_queue[sub["endpoint"].get<std::string>()];
    } else {
      const std::string queue = queues[static_cast<size_t>(d.Between(0, static_cast<int>(queues.size()) - 1))];
      entry["call"] = "queue.send";
      entry["with"] = {{"queue", queue}, {"body", body}};
      ++out.expected_per_queue[queue];
    }
    script.push_back(entry);
  }
  // Everything happens within minutes; a run that still has events after 6 hours has a bug.
  out.doc = {{"version", 1}, {"seed", seed % 4294967296ULL}, {"resources", resources}, {"script", script},
             {"limits", {{"max_events", 20000}}}};
  return out;
}

}  // namespace eventlab::testing
