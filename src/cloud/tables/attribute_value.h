// DynamoDB's typed attribute values ({"S": "x"}, {"N": "12.5"}, {"M": {...}}, ...): validation with
// DynamoDB's ValidationException messages, exact decimal numbers, ordering and item sizes.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "core/event.h"

namespace eventlab::cloud::tables {

using core::Json;

/// Checks one typed attribute value, recursively. Returns DynamoDB's ValidationException message,
/// or nullopt when valid. Numbers are rewritten in canonical form ("01.50" -> "1.5"), as DynamoDB
/// returns them.
std::optional<std::string> ValidateAttributeValue(Json& value);

/// Checks an item (attribute name -> typed value): an object whose values all validate.
std::optional<std::string> ValidateItem(Json& item);

/// True if `text` is a DynamoDB number: optional sign, digits with an optional fraction, optional
/// exponent, at most 38 significant digits, magnitude within 1E-130 .. 9.99E+125.
bool IsNumber(const std::string& text);

/// `text` (a valid number) in canonical form: no leading/trailing zeros, no exponent, "0" for zero.
std::string CanonicalNumber(const std::string& text);

/// -1, 0 or 1 comparing two valid numbers exactly (no floating point).
int CompareNumbers(const std::string& a, const std::string& b);

/// a + b (or a - b when `subtract`), exact, in canonical form.
std::string AddNumbers(const std::string& a, const std::string& b, bool subtract = false);

/// The one type descriptor of a valid value: "S", "N", "B", "BOOL", "NULL", "M", "L", "SS", "NS", "BS".
std::string TypeOf(const Json& value);

/// -1, 0 or 1 for two values of the same scalar type (S byte order, N numeric, B byte order), or
/// nullopt when they are not comparable (different types, or not S/N/B).
std::optional<int> CompareValues(const Json& a, const Json& b);

/// Equality as DynamoDB compares values: same type and same value (numbers numerically, sets
/// regardless of order).
bool ValuesEqual(const Json& a, const Json& b);

/// The item's size in bytes as the DynamoDB developer guide ("Item sizes and formats") counts it:
/// each attribute's name length in UTF-8 bytes plus its value's size. Value sizes: S = UTF-8
/// bytes; B = raw bytes; N = (significant digits + 1) / 2 rounded up, plus 1; BOOL and NULL = 1;
/// sets = sum of their elements; M and L = 3 bytes plus, per element, 1 byte plus its size (and for
/// M the key's length).
uint64_t ItemSize(const Json& item);

/// Size of one value, by the rules of ItemSize.
uint64_t ValueSize(const Json& value);

/// The bytes of a base64 text (invalid characters are skipped).
std::string DecodeBase64(const std::string& text);

}  // namespace eventlab::cloud::tables
