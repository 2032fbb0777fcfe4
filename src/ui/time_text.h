// The UI's time texts are the view layer's (view/units.h, tested natively); this header names
// them in eventlab::ui so panels keep calling them unqualified.
#pragma once

#include "view/units.h"

namespace eventlab::ui {

using view::ClockText;
using view::DurationText;
using view::FixedSecondsText;
using view::KeyedTimeText;
using view::TimeDecimalsFor;
using view::TimePrecisionFor;

}  // namespace eventlab::ui
