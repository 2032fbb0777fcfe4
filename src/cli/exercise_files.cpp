#include "cli/exercise_files.h"

#include <filesystem>

#include "cli/commands.h"

namespace eventlab::cli {

grading::FileReader ReaderBeside(const std::string& exercise_path) {
  std::filesystem::path dir = std::filesystem::path(exercise_path).parent_path();
  return [dir](const std::string& name) -> std::optional<std::string> {
    std::string text;
    if (!ReadFile((dir / name).string(), &text)) return std::nullopt;
    return text;
  };
}

}  // namespace eventlab::cli
