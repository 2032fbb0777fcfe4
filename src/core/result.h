// Errors as values: a service error with the real service's code, and Result<T> carrying either.
#pragma once

#include <string>
#include <utility>
#include <variant>

namespace eventlab::core {

/// An error as the real service reports it: `code` is the service's error code (for example
/// "NoSuchKey"), `status` the HTTP status it would answer with.
struct Error {
  std::string code;
  std::string message;
  int status = 500;

  bool operator==(const Error&) const = default;
};

/// Either a value or an Error. Never throws; check ok() before value().
template <typename T>
class Result {
 public:
  Result(T value) : v_(std::move(value)) {}  // NOLINT: implicit on purpose, like std::optional
  Result(Error error) : v_(std::move(error)) {}  // NOLINT

  bool ok() const { return v_.index() == 0; }
  const T& value() const { return std::get<0>(v_); }
  T& value() { return std::get<0>(v_); }
  const Error& error() const { return std::get<1>(v_); }

 private:
  std::variant<T, Error> v_;
};

}  // namespace eventlab::core
