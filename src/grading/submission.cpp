#include "grading/submission.h"

namespace eventlab::grading {

bool UnderPointer(const std::string& path, const std::string& editable_pointer) {
  if (editable_pointer.empty()) return true;  // "" is the whole document
  if (path.compare(0, editable_pointer.size(), editable_pointer) != 0) return false;
  return path.size() == editable_pointer.size() || path[editable_pointer.size()] == '/';
}

AppliedSubmission ApplySubmission(const Json& start, const Json& submission, const std::vector<std::string>& editable) {
  AppliedSubmission out;
  if (!submission.is_object()) {
    out.errors.push_back({"", "a submission is a scenario or a merge patch, both JSON objects"});
    return out;
  }
  if (submission.contains("version")) {
    out.scenario = submission;
  } else {
    out.scenario = start;
    out.scenario.merge_patch(submission);
  }
  Json before = start, after = out.scenario;
  before.erase("$schema");
  after.erase("$schema");
  std::string allowed;
  for (const auto& e : editable) allowed += (allowed.empty() ? "" : ", ") + (e.empty() ? std::string("/") : e);
  // Json::diff gives an RFC 6902 patch whose paths name each changed place.
  for (const Json& op : Json::diff(before, after)) {
    const std::string path = op.value("path", "");
    bool ok = false;
    for (const auto& e : editable) ok = ok || UnderPointer(path, e);
    if (!ok) {
      out.errors.push_back({path.empty() ? "/" : path,
                            "not editable in this exercise (" + op.value("op", std::string("change")) +
                                "); it lets you change " + (allowed.empty() ? "nothing" : allowed)});
      return out;
    }
  }
  return out;
}

}  // namespace eventlab::grading
