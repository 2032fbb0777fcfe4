// A noted entry is recognised by the id of its client.call event rather than by the payload's
// "step", so a call sent from the page (which also is a client.call) never takes a note's place.
#include "api/captions.h"

namespace eventlab::api {

void CaptionTrack::Start(const std::vector<scenario::ScriptNote>& notes, const core::EventQueue& pending) {
  notes_ = notes;
  by_event_.clear();
  shown_.clear();
  if (notes_.empty()) return;
  std::map<uint32_t, size_t> note_of_entry;  // script index -> index in notes_
  for (size_t i = 0; i < notes_.size(); ++i) note_of_entry[notes_[i].script] = i;
  // World::Start schedules entry i as a client.call with payload {"step": i, ...} and no parent.
  for (const core::Event* e : pending.SortedView()) {
    if (e->kind != "client.call" || e->parent || !e->payload.is_object()) continue;
    auto step = e->payload.find("step");
    if (step == e->payload.end() || !step->is_number_unsigned()) continue;
    auto note = note_of_entry.find(step->get<uint32_t>());
    if (note != note_of_entry.end()) by_event_[e->id] = note->second;
  }
}

void CaptionTrack::OnDelivered(const core::TraceRecord& record) {
  auto it = by_event_.find(record.event.id);
  if (it == by_event_.end() || record.event.kind != "client.call") return;
  shown_.emplace_back(record.seq, it->second);
}

void CaptionTrack::CutTo(uint64_t delivered) {
  while (!shown_.empty() && shown_.back().first > delivered) shown_.pop_back();
}

std::optional<Caption> CaptionTrack::Current() const {
  if (shown_.empty()) return std::nullopt;
  const auto& [seq, index] = shown_.back();
  return Caption{seq, notes_[index].script, notes_[index].text};
}

std::vector<Caption> CaptionTrack::All() const {
  std::vector<Caption> out;
  out.reserve(notes_.size());
  for (const scenario::ScriptNote& n : notes_) out.push_back({0, n.script, n.text});
  for (const auto& [seq, index] : shown_) {
    if (out[index].seq == 0) out[index].seq = seq;  // an entry is delivered once; keep the first anyway
  }
  return out;
}

}  // namespace eventlab::api
