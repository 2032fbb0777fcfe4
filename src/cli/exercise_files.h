// Files an exercise names (its start scenario), read relative to the exercise file.
#pragma once

#include <string>

#include "grading/exercise.h"

namespace eventlab::cli {

grading::FileReader ReaderBeside(const std::string& exercise_path);

}  // namespace eventlab::cli
