// Draws a view::GraphScene with three instanced WebGL2 programs (edges, nodes, particles) whose
// GLSL ES 3.0 sources are embedded from shaders/ at build time. The graph panel calls Draw from
// an ImGui draw callback, so the graph sits inside its window and ImGui's text goes on top.
#pragma once

#include <string>

#include "render/gl_program.h"
#include "view/graph_scene.h"

namespace eventlab::render {

/// The panel rectangle in framebuffer pixels (origin top left, as ImGui's clip rectangles) and
/// the world-to-pixel mapping: pixel = world * scale + offset (relative to the panel's corner).
struct GraphViewport {
  float x = 0, y = 0, width = 0, height = 0;
  float scale = 1, offset_x = 0, offset_y = 0;
  int framebuffer_height = 0;
};

class GraphRenderer {
 public:
  /// Builds the programs and buffers; false (Error() says why) if a shader does not compile.
  bool Init();
  void Shutdown();
  /// Draws `scene` into `viewport`. Leaves GL state for ImGui to reset (ImDrawCallback_ResetRenderState).
  void Draw(const view::GraphScene& scene, const GraphViewport& viewport);
  const std::string& Error() const { return error_; }
  /// Instances drawn by the last Draw (edges + nodes + particles), for tests and the benchmark.
  int LastInstanceCount() const { return last_instances_; }

 private:
  struct Batch {
    GlProgram program;
    unsigned vao = 0, instance_buffer = 0;
    int view_uniform = -1, viewport_uniform = -1;
  };
  bool InitBatch(Batch& batch, const char* vs, const char* fs);
  void Upload(Batch& batch, const void* data, size_t bytes);
  void SetUniforms(const Batch& batch, const GraphViewport& viewport);

  Batch edges_, nodes_, particles_;
  unsigned corner_buffer_line_ = 0, corner_buffer_quad_ = 0;
  std::string error_;
  int last_instances_ = 0;
};

}  // namespace eventlab::render
