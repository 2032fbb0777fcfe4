// Helpers the loader uses to read JSON objects field by field, collecting one error per problem
// with its JSON pointer.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <vector>

#include "core/event.h"
#include "core/sim_time.h"
#include "scenario/scenario.h"

namespace eventlab::scenario {

using core::Json;

class Problems {
 public:
  void Add(const std::string& path, std::string message) { errors_.push_back({path, std::move(message)}); }
  bool Empty() const { return errors_.empty(); }
  size_t Count() const { return errors_.size(); }
  std::vector<LoadError> Take() { return std::move(errors_); }

 private:
  std::vector<LoadError> errors_;
};

/// `base` + "/" + `key`, with "~" and "/" escaped as RFC 6901 requires.
std::string Child(const std::string& base, const std::string& key);
std::string Child(const std::string& base, size_t index);

/// A JSON type name for messages ("a string", "an object", ...).
std::string TypeName(const Json& v);

/// Reports every key of `obj` not in `allowed`. Returns false if there were any.
bool CheckKeys(const Json& obj, const std::string& path, std::initializer_list<const char*> allowed, Problems& p);
bool CheckKeys(const Json& obj, const std::string& path, const std::vector<std::string>& allowed, Problems& p);

/// Typed readers: nullopt (with an error recorded) when the value is present but wrong; the
/// `fallback` when absent.
std::optional<std::string> ReadString(const Json& obj, const char* key, const std::string& path, Problems& p,
                                      std::optional<std::string> fallback = std::nullopt);
std::optional<uint64_t> ReadUnsigned(const Json& obj, const char* key, const std::string& path, Problems& p,
                                     uint64_t min, uint64_t max, uint64_t fallback);
std::optional<core::SimTime> ReadDuration(const Json& obj, const char* key, const std::string& path, Problems& p,
                                          core::SimTime min, core::SimTime max, core::SimTime fallback);

/// Parses a duration value ("250ms"), recording an error at `path` when it is not one.
std::optional<core::SimTime> ParseDurationAt(const Json& v, const std::string& path, Problems& p);

/// Resource and variable names: letters, digits, '_' and '-', 1 to 64 characters.
bool IsResourceName(const std::string& s);
/// Step result names: a letter or '_' then letters, digits or '_'.
bool IsVariableName(const std::string& s);

}  // namespace eventlab::scenario
