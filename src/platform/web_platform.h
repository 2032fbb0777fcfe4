// The web platform seam: init, new frame, render, shutdown. GLFW (Emscripten's built-in) owns the
// canvas and its WebGL2 context; ImGui runs on its GLFW and OpenGL3 backends.
//
// HiDPI: GLFW 3 in Emscripten 3.1.6 ignores devicePixelRatio, so the canvas backing store is sized
// by hand to CSS size x DPR every frame. GLFW then reports mouse positions in backing-store pixels,
// so ImGui works in device pixels (DisplayFramebufferScale stays 1) with the font rasterised at
// kFontSizeCss x DPR and every style size scaled by DPR: text stays sharp at any ratio.
#pragma once

#include <string>

struct GLFWwindow;

namespace eventlab::platform {

/// The UI font's size in CSS pixels.
inline constexpr float kFontSizeCss = 16.0f;

class WebPlatform {
 public:
  /// Creates the GLFW window on the canvas `canvas_selector` ("#canvas"), the WebGL2 context and
  /// the ImGui context with its backends and font. False if WebGL2 is unavailable.
  bool Init(const char* canvas_selector);
  /// Follows the canvas's CSS size and the DPR, then starts the backends' frame. Call before
  /// ImGui::NewFrame().
  void NewFrame();
  /// Draws ImGui's draw data into the canvas. Call after ImGui::Render().
  void Render();
  void Shutdown();

  /// The device pixel ratio the fonts and style are built for.
  float Scale() const { return scale_; }

  /// Wheel input from the page (web/wheel.mjs), already normalised: notches, positive = up/left,
  /// as ImGui counts them. GLFW's own wheel callback is off: it passes the browser's raw deltaY.
  void AddWheel(float notches_x, float notches_y);
  /// The text the user last pasted into the page (its paste event), which ImGui's Ctrl+V reads.
  void SetPastedText(std::string text) { clipboard_ = std::move(text); }
  const std::string& ClipboardText() const { return clipboard_; }

 private:
  void FollowCanvasSize();
  void BuildFonts(float scale);

  const char* canvas_ = nullptr;
  GLFWwindow* window_ = nullptr;
  float scale_ = 1.0f;
  int fb_width_ = 0, fb_height_ = 0;
  // ImGui's clipboard: what was copied (also handed to the browser's clipboard) or pasted last.
  // Browsers let a page read the clipboard only in a paste event, so Ctrl+V reads this copy.
  std::string clipboard_;
};

}  // namespace eventlab::platform
