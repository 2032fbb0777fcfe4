// GLFW + WebGL2 + ImGui backends for the browser. See web_platform.h for the HiDPI scheme.
#include "platform/web_platform.h"

#include <emscripten/emscripten.h>
#include <emscripten/html5.h>
#include <GLES3/gl3.h>
#include <GLFW/glfw3.h>

#include <algorithm>
#include <cmath>

#include "imgui.h"
#include "imgui_impl_glfw.h"
#include "imgui_impl_opengl3.h"
#include "platform/ui_font.h"

namespace eventlab::platform {

namespace {

const char* GetClipboard(void* platform) { return static_cast<WebPlatform*>(platform)->ClipboardText().c_str(); }

void SetClipboard(void* platform, const char* text) {
  static_cast<WebPlatform*>(platform)->SetPastedText(text);
  // The page writes it to the system clipboard (navigator.clipboard, web/clipboard.mjs).
  EM_ASM({
    if (typeof Module["onClipboardWrite"] === "function") Module["onClipboardWrite"](UTF8ToString($0));
  }, text);
}

}  // namespace

bool WebPlatform::Init(const char* canvas_selector) {
  canvas_ = canvas_selector;
  if (!glfwInit()) return false;
  // WebGL2 is an OpenGL ES 3.0 context; ImGui's OpenGL3 backend uses GLSL "300 es".
  glfwWindowHint(GLFW_CLIENT_API, GLFW_OPENGL_ES_API);
  glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
  glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 0);
  double css_w = 0, css_h = 0;
  emscripten_get_element_css_size(canvas_, &css_w, &css_h);
  scale_ = static_cast<float>(emscripten_get_device_pixel_ratio());
  window_ = glfwCreateWindow(std::max(1, static_cast<int>(std::lround(css_w * scale_))),
                             std::max(1, static_cast<int>(std::lround(css_h * scale_))), "eventlab", nullptr, nullptr);
  if (!window_) return false;
  glfwMakeContextCurrent(window_);

  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;  // the layout is fixed; nothing to persist
  io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
  BuildFonts(scale_);
  ImGui_ImplGlfw_InitForOpenGL(window_, true);
  ImGui_ImplOpenGL3_Init("#version 300 es");
  // Emscripten's GLFW hands the raw deltaY (any deltaMode, browser sign) to the scroll callback;
  // the page normalises the wheel itself and calls AddWheel. Without a callback GLFW also leaves
  // the event alone, so an embed can let the host page scroll.
  glfwSetScrollCallback(window_, nullptr);
  // The GLFW backend's clipboard is GLFW's, which Emscripten leaves empty.
  io.ClipboardUserData = this;
  io.GetClipboardTextFn = &GetClipboard;
  io.SetClipboardTextFn = &SetClipboard;
  return true;
}

void WebPlatform::BuildFonts(float scale) {
  ImGuiIO& io = ImGui::GetIO();
  io.Fonts->Clear();
  ImFontConfig config;
  config.FontDataOwnedByAtlas = false;  // the bytes are a constant array in the module
  config.OversampleH = 2;
  const auto ttf = UiFontTtf();
  // Latin-1, plus the Greek lambda that marks functions on the graph.
  static const ImWchar kRanges[] = {0x0020, 0x00FF, 0x03BB, 0x03BB, 0};
  io.Fonts->AddFontFromMemoryTTF(const_cast<unsigned char*>(ttf.data()), static_cast<int>(ttf.size()),
                                 std::round(kFontSizeCss * scale), &config, kRanges);
  io.Fonts->Build();
}

void WebPlatform::FollowCanvasSize() {
  double css_w = 0, css_h = 0;
  emscripten_get_element_css_size(canvas_, &css_w, &css_h);
  const float dpr = static_cast<float>(emscripten_get_device_pixel_ratio());
  const int want_w = std::max(1, static_cast<int>(std::lround(css_w * dpr)));
  const int want_h = std::max(1, static_cast<int>(std::lround(css_h * dpr)));
  int w = 0, h = 0;
  glfwGetWindowSize(window_, &w, &h);
  // Sets canvas.width/height and clears any inline CSS size, so the page's CSS keeps the layout.
  if (w != want_w || h != want_h) glfwSetWindowSize(window_, want_w, want_h);
  fb_width_ = want_w;
  fb_height_ = want_h;
  if (dpr != scale_) {  // moved to another screen, or the browser zoom changed
    scale_ = dpr;
    BuildFonts(scale_);
    ImGui_ImplOpenGL3_DestroyFontsTexture();
    ImGui_ImplOpenGL3_CreateFontsTexture();
  }
}

void WebPlatform::AddWheel(float notches_x, float notches_y) {
  ImGuiIO& io = ImGui::GetIO();
  io.MouseWheelH += notches_x;
  io.MouseWheel += notches_y;
}

void WebPlatform::NewFrame() {
  ImGui_ImplOpenGL3_NewFrame();  // creates the GL objects (and the font texture) on first use
  FollowCanvasSize();
  ImGui_ImplGlfw_NewFrame();
}

void WebPlatform::Render() {
  glViewport(0, 0, fb_width_, fb_height_);
  glClearColor(0.07f, 0.08f, 0.10f, 1.0f);
  glClear(GL_COLOR_BUFFER_BIT);
  ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
}

void WebPlatform::Shutdown() {
  ImGui_ImplOpenGL3_Shutdown();
  ImGui_ImplGlfw_Shutdown();
  ImGui::DestroyContext();
  if (window_) glfwDestroyWindow(window_);
  window_ = nullptr;
  glfwTerminate();
}

}  // namespace eventlab::platform
