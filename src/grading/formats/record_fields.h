// Shared by the format files: typed, never-throwing reads of grade-record fields, the one-line
// evidence text, JSON output with repaired UTF-8, and one entry point per format.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "grading/formats.h"

namespace eventlab::grading::formats {

/// `j[key]` if `j` is an object holding a string there, else `fallback`.
std::string Str(const Json& j, std::string_view key, std::string_view fallback = "");
/// `j[key]` if it is an integer (or a number with no fraction), else `fallback`.
int64_t Int(const Json& j, std::string_view key, int64_t fallback = 0);
/// `j[key]`, or null when `j` is not an object or lacks `key`.
const Json& Get(const Json& j, std::string_view key);
/// `j[key]` if it is an array, else an empty array; likewise for objects.
const Json& Array(const Json& j, std::string_view key);
const Json& Object(const Json& j, std::string_view key);

/// True for the error shape (status "error"): an exercise or submission that could not be graded.
bool IsErrorRecord(const Json& record);
/// "seed 7, #14 client:browser -> bucket:uploads http.request", or "" when `evidence` is not an
/// object (the objective had no delivery as evidence).
std::string EvidenceText(const Json& evidence);
/// The record's errors as "path: message" lines, each ending in '\n'.
std::string ErrorLines(const Json& record);
/// "Not graded: 2 errors in the submission": the count, and the document the errors' JSON
/// pointers point into (each error's "in": "exercise" or "submission"; both or unknown reads
/// "the exercise or submission").
std::string ErrorSummary(const Json& record);
/// `value` serialised with `indent` (-1: compact); invalid UTF-8 becomes U+FFFD instead of
/// throwing.
std::string Dump(const Json& value, int indent);
/// `text` cut to at most `max_bytes` bytes without splitting a UTF-8 sequence.
std::string TruncateUtf8Bytes(std::string_view text, size_t max_bytes);

std::string FormatText(const Json& record);
std::string FormatJunit(const Json& record, const FormatOptions& options);
std::string FormatGradescope(const Json& record, const FormatOptions& options);
std::string FormatClassroom(const Json& record);
std::string FormatExercism(const Json& record);
std::string FormatXapi(const Json& record, const FormatOptions& options);

}  // namespace eventlab::grading::formats
