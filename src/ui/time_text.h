// Simulated times as the UI shows them: seconds with six decimals ("2.002846s"), like the CLI's
// readable trace, so columns line up and compare at a glance.
#pragma once

#include <cstdint>
#include <string>

namespace eventlab::ui {

std::string SecondsText(int64_t us);
/// A duration for people, rounded down: "10m 0s", "1.250s", "350ms".
std::string DurationText(int64_t us);

}  // namespace eventlab::ui
