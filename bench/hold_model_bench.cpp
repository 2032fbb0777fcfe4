// Kernel throughput on the classic hold model: N pending events; each delivery reschedules one
// event a random delay ahead, so the queue size stays N. Prints JSON lines for scripts/bench.sh.
#include <chrono>
#include <cstdio>
#include <cstring>
#include <string>

#include "core/kernel.h"

namespace {

using eventlab::core::Event;
using eventlab::core::EventSpec;
using eventlab::core::Kernel;
using eventlab::core::SimTime;

class HoldHandler : public eventlab::core::EventHandler {
 public:
  void Deliver(Kernel& k, const Event& e) override {
    EventSpec next;
    next.delay = SimTime{k.RngFor("hold").Between(1, 1000)};
    next.from = next.to = e.to;
    next.kind = "hold";
    k.Schedule(std::move(next));
  }
};

double EventsPerSecond(bool trace, int pending, int steps) {
  Kernel kernel(1, trace);
  HoldHandler handler;
  for (int i = 0; i < pending; ++i) {
    EventSpec e;
    e.delay = SimTime{kernel.RngFor("hold").Between(1, 1000)};
    e.from = e.to = "bench:hold";
    e.kind = "hold";
    kernel.Schedule(std::move(e));
  }
  const auto t0 = std::chrono::steady_clock::now();
  for (int i = 0; i < steps; ++i) kernel.Step(handler);
  const std::chrono::duration<double> dt = std::chrono::steady_clock::now() - t0;
  return steps / dt.count();
}

}  // namespace

int main(int argc, char** argv) {
  const int steps = argc > 1 ? std::atoi(argv[1]) : 1000000;
  const char* suffix = argc > 2 ? argv[2] : "native";
  std::printf("{\"name\":\"kernel_hold_10k_trace_off_%s\",\"value\":%.0f,\"unit\":\"events/s\"}\n", suffix,
              EventsPerSecond(false, 10000, steps));
  std::printf("{\"name\":\"kernel_hold_10k_trace_on_%s\",\"value\":%.0f,\"unit\":\"events/s\"}\n", suffix,
              EventsPerSecond(true, 10000, steps));
  return 0;
}
