// The CLI's commands. Each takes the arguments after its name and returns the exit code:
// 0 the run completed, 1 invalid input, 2 a usage error.
#pragma once

#include <string>
#include <vector>

namespace eventlab::cli {

inline constexpr int kExitOk = 0;
inline constexpr int kExitInvalidInput = 1;
inline constexpr int kExitUsage = 2;

int RunCommand(const std::vector<std::string>& args);
int ValidateCommand(const std::vector<std::string>& args);
int GradeCommand(const std::vector<std::string>& args);
int PresignCommand(const std::vector<std::string>& args);
int SignCommand(const std::vector<std::string>& args);
int JwtCommand(const std::vector<std::string>& args);

/// Reads a whole file; false if it cannot be read.
bool ReadFile(const std::string& path, std::string* out);

}  // namespace eventlab::cli
