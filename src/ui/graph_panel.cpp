// The architecture graph. Shapes, edges and moving events are drawn by the WebGL2 renderer from
// an ImGui draw callback (so they sit inside this window); names, counters and arrowheads are
// ImGui text and lines on top. The mouse pans (drag on empty space), zooms (wheel), moves nodes
// (drag a node), and picks events (hover for a summary, click to inspect).
//
// Sections: the shown clock · camera · scene · labels · interaction · the panel.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>

#include "imgui.h"
#include "ui/commands.h"
#include "ui/panels.h"
#include "ui/style.h"
#include "ui/time_text.h"
#include "view/label_layout.h"
#include "view/node_counters.h"

namespace eventlab::ui {

namespace {

// How long the shown clock takes to catch up with the lab's after a step, in seconds of wall time.
constexpr double kCatchUpSeconds = 0.45;
// A jump of more deliveries than this (a seek, a fast run) is shown at once, without arrivals.
constexpr uint64_t kMaxAnimatedJump = 64;
constexpr float kPickRadiusPx = 9.0f;
// Node labels are written this much smaller than the UI's text.
constexpr float kLabelScale = 0.85f;
constexpr float kMinLabelScale = 0.72f;  // 11.5 CSS px with the 16-px UI font: still readable

// --- The shown clock ----------------------------------------------------------------------------

void AdvanceShownClock(const api::Lab& lab, UiState& state, double dt_s) {
  const uint64_t delivered = lab.Delivered();
  if (delivered != state.shown_for_delivered) {
    const bool forward = delivered > state.shown_for_delivered && delivered - state.shown_for_delivered <= kMaxAnimatedJump &&
                         lab.NowUs() >= state.shown_us;
    if (forward) {
      state.arrivals_after = std::min(state.arrivals_after, state.shown_for_delivered);
      state.anim_from_us = state.shown_us;
      state.anim_progress = 0.0;
    } else {
      state.shown_us = lab.NowUs();
      state.arrivals_after = delivered;
      state.anim_progress = 1.0;
    }
    state.shown_for_delivered = delivered;
  }
  if (state.anim_progress < 1.0) {
    state.anim_progress = std::min(1.0, state.anim_progress + std::max(0.0, dt_s) / kCatchUpSeconds);
    const double p = state.anim_progress, eased = p * p * (3 - 2 * p);
    state.shown_us = state.anim_from_us + static_cast<int64_t>(static_cast<double>(lab.NowUs() - state.anim_from_us) * eased);
  }
  if (state.anim_progress >= 1.0) {
    state.shown_us = lab.NowUs();
    state.arrivals_after = delivered;
  }
}

// --- Camera ---------------------------------------------------------------------------------------

struct Canvas {
  ImVec2 origin;  // top left in framebuffer pixels
  ImVec2 size;
};

ImVec2 ToScreen(const Canvas& c, const UiState::GraphCamera& cam, view::Vec2 w) {
  return {c.origin.x + w.x * cam.zoom + cam.pan_x, c.origin.y + w.y * cam.zoom + cam.pan_y};
}

view::Vec2 ToWorld(const Canvas& c, const UiState::GraphCamera& cam, ImVec2 s) {
  return {(s.x - c.origin.x - cam.pan_x) / cam.zoom, (s.y - c.origin.y - cam.pan_y) / cam.zoom};
}

void Fit(const Canvas& c, const std::map<std::string, view::Vec2>& centers, UiState::GraphCamera& cam) {
  const view::Bounds b = view::LayoutBounds(centers);
  const float margin = 40.0f;
  const float w = b.max.x - b.min.x + margin * 2, h = b.max.y - b.min.y + margin * 2;
  cam.zoom = std::clamp(std::min(c.size.x / w, c.size.y / h), 0.2f, 1.6f);
  cam.pan_x = c.size.x / 2 - (b.min.x + b.max.x) / 2 * cam.zoom;
  cam.pan_y = c.size.y / 2 - (b.min.y + b.max.y) / 2 * cam.zoom;
  cam.fit_pending = false;
}

void ZoomAround(UiState::GraphCamera& cam, const Canvas& c, ImVec2 at, float factor) {
  const float zoom = std::clamp(cam.zoom * factor, 0.15f, 4.0f);
  const float k = zoom / cam.zoom;
  cam.pan_x = (at.x - c.origin.x) - ((at.x - c.origin.x) - cam.pan_x) * k;
  cam.pan_y = (at.y - c.origin.y) - ((at.y - c.origin.y) - cam.pan_y) * k;
  cam.zoom = zoom;
}

// --- Scene ----------------------------------------------------------------------------------------

void GraphDrawCallback(const ImDrawList*, const ImDrawCmd* cmd) {
  auto* cache = static_cast<ViewCache*>(cmd->UserCallbackData);
  if (cache->renderer) cache->renderer->Draw(cache->scene, cache->viewport);
}

/// The "why?" chain as nodes and hops (an API-to-function hop passes its route).
void WhyHighlights(api::Lab& lab, const UiState& state, ViewCache& cache, view::SceneInput& in) {
  if (state.why_seq == 0) return;
  const auto& trace = lab.Trace();
  for (uint64_t seq : lab.Why(state.why_seq)) {
    const core::Event& e = trace[seq - 1].event;
    const auto route = cache.Paths().Route(e.from, e.to);
    for (size_t i = 0; i < route.size(); ++i) {
      in.highlighted_nodes.insert(route[i]);
      if (i > 0) in.highlighted_edges.insert({route[i - 1], route[i]});
    }
  }
}

// The particle under `mouse`, or -1.
int PickParticle(const Canvas& c, const UiState& state, const view::GraphScene& scene, ImVec2 mouse) {
  int best = -1;
  float best_d = kPickRadiusPx;
  for (size_t i = 0; i < scene.particles.size(); ++i) {
    const ImVec2 p = ToScreen(c, state.camera, scene.particles[i].centre);
    const float d = std::hypot(p.x - mouse.x, p.y - mouse.y);
    if (d <= best_d) {
      best_d = d;
      best = static_cast<int>(i);
    }
  }
  return best;
}

// --- Labels ---------------------------------------------------------------------------------------

void DrawArrowheads(ImDrawList* dl, const Canvas& c, const UiState& state, const view::GraphScene& scene) {
  for (const auto& e : scene.edges) {
    const ImVec2 a = ToScreen(c, state.camera, e.a), b = ToScreen(c, state.camera, e.b);
    const float dx = b.x - a.x, dy = b.y - a.y, len = std::sqrt(dx * dx + dy * dy);
    if (len < 1) continue;
    const float ux = dx / len, uy = dy / len, s = std::max(5.0f, 9.0f * state.camera.zoom);
    const ImU32 col = view::PackRgba(e.colour);
    dl->AddTriangleFilled(b, ImVec2(b.x - ux * s - uy * s * 0.55f, b.y - uy * s + ux * s * 0.55f),
                          ImVec2(b.x - ux * s + uy * s * 0.55f, b.y - uy * s - ux * s * 0.55f), col);
  }
}

// Draws each node's glyph inside its shape and its name and counter outside it, where
// view::PlaceLabels finds room; a shortened label shows its full text on hover. Sizes follow the
// UI font, which already follows the device pixel ratio.
void DrawNodeLabels(ImDrawList* dl, const Canvas& c, UiState& state, ViewCache& cache, const api::Lab& lab,
                    const std::map<std::string, view::Vec2>& centers) {
  const core::Json& resources = cache.Resources(lab);
  const float zoom = state.camera.zoom;
  const ImU32 text = ImGui::GetColorU32(ImGuiCol_Text);
  const ImU32 muted = ImGui::GetColorU32(ImGuiCol_TextDisabled);
  ImFont* font = ImGui::GetFont();
  // Zoomed out (a small panel), names shrink a little with the shapes, down to kMinLabelScale of
  // the font, so that crowded graphs keep their names instead of hiding them.
  const float em = ImGui::GetFontSize();
  const float label_size = em * std::clamp(kLabelScale * zoom * 1.4f, kMinLabelScale, kLabelScale);

  std::vector<const api::ArchNode*> nodes;
  std::vector<view::NodeCount> counts;
  for (const auto& n : cache.Arch().nodes) {
    if (!centers.count(n.address)) continue;
    nodes.push_back(&n);
    counts.push_back(resources.contains(n.name) ? view::CountNode(n.kind, resources[n.name]) : view::NodeCount{});
  }
  std::vector<view::LabelInput> inputs;
  inputs.reserve(nodes.size());
  for (size_t i = 0; i < nodes.size(); ++i) {
    const ImVec2 p = ToScreen(c, state.camera, centers.at(nodes[i]->address));
    const view::Vec2 half = view::NodeHalfSize(nodes[i]->kind);
    const view::ScreenRect shape = view::RectAround({p.x, p.y}, {half.x * zoom, half.y * zoom});
    inputs.push_back({nodes[i]->address, shape, nodes[i]->name, counts[i].text});
    if (nodes[i]->kind == "route") continue;
    // The glyph, as large as the shape allows.
    const view::KindStyle style = view::StyleOfKind(nodes[i]->kind, state.theme);
    const ImVec2 g = font->CalcTextSizeA(em, FLT_MAX, 0, style.glyph);
    const float glyph = em * std::min({1.0f, (shape.Width() - 6) / std::max(g.x, 1.0f), (shape.Height() - 4) / std::max(g.y, 1.0f)});
    if (glyph >= 6) {
      dl->AddText(font, glyph, ImVec2(p.x - g.x * glyph / em / 2, p.y - g.y * glyph / em / 2), view::PackRgba(style.colour), style.glyph);
    }
  }

  view::LabelStyle style;
  style.measure = [font, label_size](std::string_view s) { return font->CalcTextSizeA(label_size, FLT_MAX, 0, s.data(), s.data() + s.size()).x; };
  style.line_height = label_size;
  style.gap = em * 0.2f;
  style.margin = em * 0.15f;
  view::PlaceLabels({c.origin.x, c.origin.y, c.origin.x + c.size.x, c.origin.y + c.size.y}, inputs, style, &cache.labels);

  const ImVec2 mouse = ImGui::GetIO().MousePos;
  const bool hovered = ImGui::IsItemHovered() && PickParticle(c, state, cache.scene, mouse) < 0;
  state.drawn_labels.clear();
  for (size_t i = 0; i < nodes.size(); ++i) {
    const view::PlacedLabel& l = cache.labels[i];
    state.drawn_labels.push_back({nodes[i]->address, {l.rect.x0, l.rect.y0, l.rect.Width(), l.rect.Height()}, l.name, l.counter,
                                  counts[i].value, counts[i].key, counts[i].terms, l.elided, l.hidden});
    if (l.hidden) continue;
    // Each line centred in the label's box.
    const float mid = (l.rect.x0 + l.rect.x1) / 2;
    dl->AddText(font, label_size, ImVec2(mid - style.measure(l.name) / 2, l.rect.y0), text, l.name.c_str());
    if (!l.counter.empty()) {
      dl->AddText(font, label_size, ImVec2(mid - style.measure(l.counter) / 2, l.rect.y0 + label_size), muted, l.counter.c_str());
    }
    if (l.elided && hovered && mouse.x >= l.rect.x0 && mouse.x < l.rect.x1 && mouse.y >= l.rect.y0 && mouse.y < l.rect.y1) {
      ImGui::BeginTooltip();
      ImGui::TextUnformatted(nodes[i]->name.c_str());
      if (!counts[i].text.empty()) ImGui::TextColored(kMutedColor, "%s", counts[i].text.c_str());
      ImGui::EndTooltip();
    }
  }
}

// --- Interaction ----------------------------------------------------------------------------------

std::string PickNode(const std::map<std::string, view::Vec2>& centers, view::Vec2 w) {
  for (const auto& [id, c] : centers) {
    if (std::abs(w.x - c.x) <= view::kNodeWidth / 2 && std::abs(w.y - c.y) <= view::kNodeHeight / 2) return id;
  }
  return "";
}

const core::Event* FindEvent(const api::Lab& lab, uint64_t id, uint64_t seq) {
  if (seq > 0 && seq <= lab.Trace().size()) return &lab.Trace()[seq - 1].event;
  for (const core::Event* e : lab.PendingView()) {
    if (e->id == id) return e;
  }
  return nullptr;
}

void ParticleTooltip(const api::Lab& lab, uint64_t id, uint64_t seq) {
  const core::Event* e = FindEvent(lab, id, seq);
  if (!e) return;
  ImGui::BeginTooltip();
  ImGui::Text("%s", e->kind.c_str());
  ImGui::TextColored(kMutedColor, "%s -> %s", e->from.c_str(), e->to.c_str());
  if (seq > 0) ImGui::TextColored(kMutedColor, "delivered as #%llu at %s", static_cast<unsigned long long>(seq), ClockText(e->time.us).c_str());
  else ImGui::TextColored(kMutedColor, "in flight, due at %s", ClockText(e->time.us).c_str());
  if (e->error) ImGui::TextColored(kErrorColor, "%s: %s", e->error->code.c_str(), e->error->message.c_str());
  ImGui::TextDisabled("click to inspect");
  ImGui::EndTooltip();
}

void NodeTooltip(const api::Lab& lab, const std::string& address) {
  const auto* scenario = lab.Scenario();
  ImGui::BeginTooltip();
  ImGui::Text("%s", address.c_str());
  if (scenario) {
    const std::string name = address.substr(address.find(':') + 1);
    auto it = scenario->world->resources.find(name);
    if (it != scenario->world->resources.end() && !it->second->description.empty()) {
      ImGui::PushTextWrapPos(ImGui::GetFontSize() * 22);
      ImGui::TextColored(kMutedColor, "%s", it->second->description.c_str());
      ImGui::PopTextWrapPos();
    }
  }
  ImGui::TextDisabled("drag to move, click to show in Resources");
  ImGui::EndTooltip();
}

void HandleMouse(api::Lab& lab, UiState& state, ViewCache& cache, const Canvas& c,
                 const std::map<std::string, view::Vec2>& centers) {
  ImGuiIO& io = ImGui::GetIO();
  const bool hovered = ImGui::IsItemHovered();
  const ImVec2 mouse = io.MousePos;
  if (hovered && io.MouseWheel != 0) ZoomAround(state.camera, c, mouse, std::pow(1.15f, io.MouseWheel));

  const int particle = hovered ? PickParticle(c, state, cache.scene, mouse) : -1;
  const std::string node = hovered && particle < 0 ? PickNode(centers, ToWorld(c, state.camera, mouse)) : "";
  if (ImGui::IsItemActivated()) state.dragging_node = node;
  if (ImGui::IsItemActive() && ImGui::IsMouseDragging(ImGuiMouseButton_Left, 2.0f)) {
    if (!state.dragging_node.empty()) {
      auto& moved = state.dragged_nodes[state.current_file];
      const view::Vec2 at = centers.at(state.dragging_node);
      moved[state.dragging_node] = {at.x + io.MouseDelta.x / state.camera.zoom, at.y + io.MouseDelta.y / state.camera.zoom};
    } else {
      state.camera.pan_x += io.MouseDelta.x;
      state.camera.pan_y += io.MouseDelta.y;
    }
  }
  if (ImGui::IsItemDeactivated()) state.dragging_node.clear();
  if (hovered && ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left) && particle < 0 && node.empty()) state.camera.fit_pending = true;

  const bool clicked = hovered && ImGui::IsMouseReleased(ImGuiMouseButton_Left) &&
                       ImGui::GetMouseDragDelta(ImGuiMouseButton_Left, 2.0f).x == 0 &&
                       ImGui::GetMouseDragDelta(ImGuiMouseButton_Left, 2.0f).y == 0;
  if (particle >= 0) {
    const uint64_t id = cache.scene.particle_events[particle], seq = cache.scene.particle_seqs[particle];
    ParticleTooltip(lab, id, seq);
    if (clicked) CommandSelectEvent(lab, state, id, seq);
  } else if (!node.empty()) {
    if (state.dragging_node.empty()) NodeTooltip(lab, node);
    if (clicked) {
      state.selected_node = node;
      state.selected_resource = node.substr(node.find(':') + 1);
    }
  }
}

}  // namespace

// --- The panel --------------------------------------------------------------------------------------

void DrawGraphView(api::Lab& lab, UiState& state, ViewCache& cache, double dt_s) {
  cache.Sync(lab);
  AdvanceShownClock(lab, state, dt_s);
  DrawStoryStrip(lab, state);
  if (ImGui::SmallButton("Fit")) state.camera.fit_pending = true;
  RecordWidget(state, "graph_fit");
  ImGui::SameLine();
  if (ImGui::SmallButton("-")) state.camera.zoom = std::max(0.15f, state.camera.zoom / 1.2f);
  ImGui::SameLine();
  if (ImGui::SmallButton("+")) state.camera.zoom = std::min(4.0f, state.camera.zoom * 1.2f);
  ImGui::SameLine();
  if (state.why_seq > 0) {
    ImGui::TextColored(kAccentColor, "why #%llu: its causes are highlighted", static_cast<unsigned long long>(state.why_seq));
    ImGui::SameLine();
    if (ImGui::SmallButton("clear")) state.why_seq = 0;
  } else {
    ImGui::TextColored(kMutedColor, "drag to pan, wheel to zoom, drag a node to move it, click an event to inspect it");
  }
  if (!state.render_error.empty()) ImGui::TextColored(kErrorColor, "graph renderer: %s", state.render_error.c_str());

  Canvas c{ImGui::GetCursorScreenPos(), ImGui::GetContentRegionAvail()};
  c.size.x = std::max(c.size.x, 32.0f);
  c.size.y = std::max(c.size.y, 32.0f);
  ImGui::InvisibleButton("graph_canvas", c.size, ImGuiButtonFlags_MouseButtonLeft);
  RecordWidget(state, "graph");
  const auto centers = cache.Centers(state);
  if (state.camera.fit_pending) Fit(c, centers, state.camera);

  const std::vector<view::Flight> flights = cache.Flights().Compute(lab, state.shown_us, state.arrivals_after);
  view::SceneInput in;
  in.arch = &cache.Arch();
  in.centers = &centers;
  in.paths = &cache.Paths();
  in.flights = &flights;
  in.selected_node = state.selected_node;
  in.selected_event = state.selected_pending_id ? state.selected_pending_id
                      : state.selected_seq > 0 && state.selected_seq <= lab.Trace().size()
                          ? lab.Trace()[state.selected_seq - 1].event.id : 0;
  in.theme = state.theme;
  WhyHighlights(lab, state, cache, in);
  cache.scene = view::BuildGraphScene(in);
  cache.viewport = {c.origin.x, c.origin.y, c.size.x, c.size.y, state.camera.zoom, state.camera.pan_x, state.camera.pan_y,
                    static_cast<int>(ImGui::GetIO().DisplaySize.y)};

  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->PushClipRect(c.origin, ImVec2(c.origin.x + c.size.x, c.origin.y + c.size.y), true);
  dl->AddCallback(GraphDrawCallback, &cache);
  dl->AddCallback(ImDrawCallback_ResetRenderState, nullptr);
  DrawArrowheads(dl, c, state, cache.scene);
  DrawNodeLabels(dl, c, state, cache, lab, centers);
  if (cache.Arch().nodes.empty()) dl->AddText(ImVec2(c.origin.x + 12, c.origin.y + 12), ImGui::GetColorU32(ImGuiCol_TextDisabled), "No scenario.");
  dl->PopClipRect();

  state.drawn_nodes = static_cast<int>(cache.scene.nodes.size());
  state.drawn_particles.clear();
  for (size_t i = 0; i < cache.scene.particles.size(); ++i) {
    const ImVec2 p = ToScreen(c, state.camera, cache.scene.particles[i].centre);
    state.drawn_particles.push_back({cache.scene.particle_events[i], cache.scene.particle_seqs[i], p.x, p.y});
  }
  HandleMouse(lab, state, cache, c, centers);
}

void DrawGraphPanel(api::Lab& lab, UiState& state, ViewCache& cache, const PanelRect& where, double dt_s) {
  PlaceNextWindow(where);
  // An embed is the graph alone: its title bar would only take room from a small frame.
  const ImGuiWindowFlags title = state.embed_view.empty() ? 0 : ImGuiWindowFlags_NoTitleBar;
  if (ImGui::Begin("Architecture###graph", nullptr, kPanelFlags | title | ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse)) {
    DrawGraphView(lab, state, cache, dt_s);
  }
  ImGui::End();
}

}  // namespace eventlab::ui
