// What the page's JS may ask the app (beyond the lab API in src/bindings/): the lab id the UI
// shows, the load results and scenario list it should display, and read-outs for tests (frame
// count, frame time, widget rectangles in CSS pixels, the bucket view's last presign result). Each function takes the app handle that
// main() puts in Module.eventlabApp.
#include <emscripten/bind.h>
#include <emscripten/val.h>

#include <cstdint>
#include <string>
#include <vector>

#include "core/trace.h"
#include "imgui.h"
#include "platform/app_host.h"
#include "ui/commands.h"
#include "view/step_text.h"

namespace eventlab::platform {
namespace {

using emscripten::val;

AppHost& Host(uintptr_t handle) { return *reinterpret_cast<AppHost*>(handle); }

uint32_t AppLabId(uintptr_t h) { return Host(h).LabId(); }
double AppFrameCount(uintptr_t h) { return static_cast<double>(Host(h).App().Frames()); }
double AppFrameMs(uintptr_t h) { return Host(h).LastFrameMs(); }
/// {ui, submit}: the last frame's UI build and draw submission, in milliseconds.
val AppFrameParts(uintptr_t h) {
  val o = val::object();
  o.set("ui", Host(h).LastUiMs());
  o.set("submit", Host(h).LastSubmitMs());
  return o;
}

/// {x, y, width, height} of a named widget as drawn last frame, in CSS pixels; null if absent.
val AppWidgetRect(uintptr_t h, const std::string& name) {
  const auto& rects = Host(h).App().State().widget_rects;
  auto it = rects.find(name);
  if (it == rects.end()) return val::null();
  const float s = Host(h).Platform().Scale();
  val r = val::object();
  r.set("x", it->second.x / s);
  r.set("y", it->second.y / s);
  r.set("width", it->second.w / s);
  r.set("height", it->second.h / s);
  return r;
}

val AppWidgetNames(uintptr_t h) {
  val names = val::array();
  for (const auto& [name, rect] : Host(h).App().State().widget_rects) names.call<void>("push", name);
  return names;
}

bool AppSetScenarioIndex(uintptr_t h, const std::string& index_json) {
  return Host(h).App().SetScenarioIndex(index_json);
}

/// Strings of a JS array; anything that is not a string is shown as String() shows it.
std::vector<std::string> StringsOf(const val& list) {
  std::vector<std::string> out;
  if (!list.isArray()) return out;
  const int n = list["length"].as<int>();
  for (int i = 0; i < n; ++i) {
    const val item = list[i];
    // String() turns anything (undefined, an object, a number) into text without throwing.
    out.push_back(item.isString() ? item.as<std::string>() : val::global("String")(item).as<std::string>());
  }
  return out;
}

/// `problems`: every problem as "path: message" text (a JS array; may be empty or undefined).
void AppSetLoadResult(uintptr_t h, const std::string& file, const std::string& error, val problems) {
  Host(h).App().SetLoadResult(file, error, StringsOf(problems));
}

/// The banner for something other than a load, such as a link with bad parts.
void AppShowProblems(uintptr_t h, const std::string& headline, val problems) {
  Host(h).App().ShowProblems(headline, StringsOf(problems));
}

std::string AppLoadProblems(uintptr_t h) {
  std::string out;
  for (const auto& p : Host(h).App().State().load_problems) out += p + "\n";
  return out;
}

/// Wheel notches from web/wheel.mjs (positive = up / left, as ImGui counts them).
void AppWheel(uintptr_t h, double x, double y) { Host(h).Platform().AddWheel(static_cast<float>(x), static_cast<float>(y)); }
/// What the user pasted into the page; ImGui's Ctrl+V reads it.
void AppPaste(uintptr_t h, const std::string& text) { Host(h).Platform().SetPastedText(text); }

/// What the page puts in the DOM: {title, announcement, step, total, selected, running}, where
/// `selected` is {seq, summary, line} for the selected delivery or null.
val AppStatus(uintptr_t h) {
  auto& app = Host(h).App();
  auto& lab = app.Lab();
  const uint64_t step = lab.Delivered();
  const uint64_t total = lab.Loaded() ? lab.RunLength() : 0;
  const auto& trace = lab.Trace();
  const core::TraceRecord* last = step > 0 && step <= trace.size() ? &trace[step - 1] : nullptr;
  val o = val::object();
  o.set("title", view::PageTitle(lab.Scenario() ? lab.Scenario()->title : "", step, total));
  o.set("announcement", lab.Loaded() ? view::StepAnnouncement(step, total, last) : "No scenario loaded.");
  o.set("step", static_cast<double>(step));
  o.set("total", static_cast<double>(total));
  o.set("running", app.State().running);
  const uint64_t seq = app.State().selected_seq;
  if (seq > 0 && seq <= trace.size()) {
    val selected = val::object();
    selected.set("seq", static_cast<double>(seq));
    selected.set("summary", view::DeliverySummary(trace[seq - 1]));
    selected.set("line", core::TraceLine(trace[seq - 1]));
    o.set("selected", selected);
  } else {
    o.set("selected", val::null());
  }
  return o;
}

/// True while an ImGui text field has the keyboard: Tab then stays in the app.
bool AppWantsTextInput(uintptr_t) { return ImGui::GetIO().WantTextInput; }

/// The graph's camera: {zoom, panX, panY} (pan in CSS pixels).
val AppGraphCamera(uintptr_t h) {
  const auto& cam = Host(h).App().State().camera;
  const float s = Host(h).Platform().Scale();
  val o = val::object();
  o.set("zoom", cam.zoom);
  o.set("panX", cam.pan_x / s);
  o.set("panY", cam.pan_y / s);
  return o;
}

std::string AppSeedError(uintptr_t h) { return Host(h).App().State().seed_error; }
bool AppNarrow(uintptr_t h) { return Host(h).App().State().narrow; }
std::string AppNarrowView(uintptr_t h) { return Host(h).App().State().narrow_view; }

std::string AppLoadError(uintptr_t h) { return Host(h).App().State().load_error; }
std::string AppCurrentFile(uintptr_t h) { return Host(h).App().State().current_file; }
double AppSelectedSeq(uintptr_t h) { return static_cast<double>(Host(h).App().State().selected_seq); }
bool AppHelpVisible(uintptr_t h) { return Host(h).App().State().show_help; }
void AppSetHelpVisible(uintptr_t h, bool shown) { Host(h).App().State().show_help = shown; }
bool AppRunning(uintptr_t h) { return Host(h).App().State().running; }
/// The bucket view's last presign result: {bucket, url, error} (url or error empty).
val AppPresignResult(uintptr_t h) {
  const auto& form = Host(h).App().State().presign;
  val r = val::object();
  r.set("bucket", form.bucket);
  r.set("url", form.url);
  r.set("error", form.error);
  return r;
}

/// The graph's particles as drawn last frame: [{eventId, seq, x, y}] in CSS pixels (seq 0 while
/// the event is in flight).
val AppParticles(uintptr_t h) {
  const float s = Host(h).Platform().Scale();
  val out = val::array();
  for (const auto& p : Host(h).App().State().drawn_particles) {
    val o = val::object();
    o.set("eventId", static_cast<double>(p.event_id));
    o.set("seq", static_cast<double>(p.seq));
    o.set("x", p.x / s);
    o.set("y", p.y / s);
    out.call<void>("push", o);
  }
  return out;
}

/// The graph's node labels as drawn last frame: [{address, x, y, width, height, text, counter,
/// terms: [{value, key, equals}], elided, hidden}] in CSS pixels. `terms` are the numbers the
/// counter shows and the JSON Pointers into the resource's state they were read from.
val AppLabels(uintptr_t h) {
  const float s = Host(h).Platform().Scale();
  val out = val::array();
  for (const auto& l : Host(h).App().State().drawn_labels) {
    val o = val::object();
    o.set("address", l.address);
    o.set("x", l.rect.x / s);
    o.set("y", l.rect.y / s);
    o.set("width", l.rect.w / s);
    o.set("height", l.rect.h / s);
    o.set("text", l.text);
    o.set("counter", l.counter);
    val terms = val::array();
    for (const auto& t : l.terms) {
      val term = val::object();
      term.set("value", static_cast<double>(t.value));
      term.set("key", t.key);
      term.set("equals", t.equals);
      terms.call<void>("push", term);
    }
    o.set("terms", terms);
    o.set("elided", l.elided);
    o.set("hidden", l.hidden);
    out.call<void>("push", o);
  }
  return out;
}

/// {nodes, instances, error}: nodes on the graph and instances the renderer drew last frame.
val AppGraphInfo(uintptr_t h) {
  val o = val::object();
  o.set("nodes", Host(h).App().State().drawn_nodes);
  o.set("instances", Host(h).GraphInstances());
  o.set("error", Host(h).App().State().render_error);
  return o;
}

bool AppSetEmbedView(uintptr_t h, const std::string& view) { return Host(h).App().SetEmbedView(view); }
std::string AppEmbedView(uintptr_t h) { return Host(h).App().State().embed_view; }
std::string AppTheme(uintptr_t h) {
  return Host(h).App().State().theme == view::Theme::kDark ? "dark" : "light";
}
/// How often the reader switched the theme in the app (button or T), as opposed to setTheme.
double AppThemeToggles(uintptr_t h) { return Host(h).App().State().theme_toggles; }
bool AppSetTheme(uintptr_t h, const std::string& theme) {
  if (theme != "dark" && theme != "light") return false;
  Host(h).App().State().theme = theme == "dark" ? view::Theme::kDark : view::Theme::kLight;
  return true;
}
void AppSetRunning(uintptr_t h, bool running) {
  auto& app = Host(h).App();
  if (running != app.State().running) ui::CommandToggleRun(app.Lab(), app.State());
}
double AppWhySeq(uintptr_t h) { return static_cast<double>(Host(h).App().State().why_seq); }
double AppSelectedPendingId(uintptr_t h) { return static_cast<double>(Host(h).App().State().selected_pending_id); }

}  // namespace
}  // namespace eventlab::platform

EMSCRIPTEN_BINDINGS(eventlab_app) {
  using namespace eventlab::platform;
  emscripten::function("appLabId", &AppLabId);
  emscripten::function("appFrameCount", &AppFrameCount);
  emscripten::function("appFrameMs", &AppFrameMs);
  emscripten::function("appFrameParts", &AppFrameParts);
  emscripten::function("appWidgetRect", &AppWidgetRect);
  emscripten::function("appWidgetNames", &AppWidgetNames);
  emscripten::function("appSetScenarioIndex", &AppSetScenarioIndex);
  emscripten::function("appSetLoadResult", &AppSetLoadResult);
  emscripten::function("appLoadError", &AppLoadError);
  emscripten::function("appShowProblems", &AppShowProblems);
  emscripten::function("appLoadProblems", &AppLoadProblems);
  emscripten::function("appWheel", &AppWheel);
  emscripten::function("appPaste", &AppPaste);
  emscripten::function("appStatus", &AppStatus);
  emscripten::function("appSeedError", &AppSeedError);
  emscripten::function("appGraphCamera", &AppGraphCamera);
  emscripten::function("appWantsTextInput", &AppWantsTextInput);
  emscripten::function("appNarrow", &AppNarrow);
  emscripten::function("appNarrowView", &AppNarrowView);
  emscripten::function("appCurrentFile", &AppCurrentFile);
  emscripten::function("appSelectedSeq", &AppSelectedSeq);
  emscripten::function("appHelpVisible", &AppHelpVisible);
  emscripten::function("appRunning", &AppRunning);
  emscripten::function("appSetHelpVisible", &AppSetHelpVisible);
  emscripten::function("appPresignResult", &AppPresignResult);
  emscripten::function("appParticles", &AppParticles);
  emscripten::function("appGraphInfo", &AppGraphInfo);
  emscripten::function("appLabels", &AppLabels);
  emscripten::function("appSetEmbedView", &AppSetEmbedView);
  emscripten::function("appEmbedView", &AppEmbedView);
  emscripten::function("appTheme", &AppTheme);
  emscripten::function("appSetTheme", &AppSetTheme);
  emscripten::function("appThemeToggles", &AppThemeToggles);
  emscripten::function("appSetRunning", &AppSetRunning);
  emscripten::function("appWhySeq", &AppWhySeq);
  emscripten::function("appSelectedPendingId", &AppSelectedPendingId);
}
