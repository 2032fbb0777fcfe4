// Each batch is one VAO: attribute 0 is a shared 4-vertex strip (the quad's corners), the rest are
// per-instance attributes read straight from the view's instance structs (all floats, packed).
#include "render/graph_renderer.h"

#include <GLES3/gl3.h>

#include <cstddef>
#include <type_traits>

#include "shaders.inc"

namespace eventlab::render {

namespace {

static_assert(std::is_standard_layout_v<view::EdgeInstance> && sizeof(view::EdgeInstance) == 9 * sizeof(float));
static_assert(std::is_standard_layout_v<view::NodeInstance> && sizeof(view::NodeInstance) == 14 * sizeof(float));
static_assert(std::is_standard_layout_v<view::ParticleInstance> && sizeof(view::ParticleInstance) == 7 * sizeof(float));

constexpr float kLineCorners[] = {0, -1, 1, -1, 0, 1, 1, 1};
constexpr float kQuadCorners[] = {-1, -1, 1, -1, -1, 1, 1, 1};

/// Declares per-instance float attribute `location` of `floats` components at `offset`.
void InstanceAttribute(GLuint location, GLint floats, GLsizei stride, size_t offset) {
  glEnableVertexAttribArray(location);
  glVertexAttribPointer(location, floats, GL_FLOAT, GL_FALSE, stride, reinterpret_cast<const void*>(offset));
  glVertexAttribDivisor(location, 1);
}

GLuint StaticBuffer(const float* data, size_t bytes) {
  GLuint buffer = 0;
  glGenBuffers(1, &buffer);
  glBindBuffer(GL_ARRAY_BUFFER, buffer);
  glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(bytes), data, GL_STATIC_DRAW);
  return buffer;
}

}  // namespace

bool GraphRenderer::InitBatch(Batch& batch, const char* vs, const char* fs) {
  if (!batch.program.Build(vs, fs)) {
    error_ = batch.program.Log();
    return false;
  }
  batch.view_uniform = batch.program.Uniform("u_view");
  batch.viewport_uniform = batch.program.Uniform("u_viewport");
  glGenVertexArrays(1, &batch.vao);
  glGenBuffers(1, &batch.instance_buffer);
  return true;
}

bool GraphRenderer::Init() {
  if (!InitBatch(edges_, kShader_graph_edge_vert, kShader_graph_edge_frag) ||
      !InitBatch(nodes_, kShader_graph_node_vert, kShader_graph_node_frag) ||
      !InitBatch(particles_, kShader_particle_vert, kShader_particle_frag)) {
    return false;
  }
  corner_buffer_line_ = StaticBuffer(kLineCorners, sizeof kLineCorners);
  corner_buffer_quad_ = StaticBuffer(kQuadCorners, sizeof kQuadCorners);

  auto corners = [](GLuint buffer) {
    glBindBuffer(GL_ARRAY_BUFFER, buffer);
    glEnableVertexAttribArray(0);
    glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, 0, nullptr);
    glVertexAttribDivisor(0, 0);
  };
  using view::EdgeInstance, view::NodeInstance, view::ParticleInstance;

  glBindVertexArray(edges_.vao);
  corners(corner_buffer_line_);
  glBindBuffer(GL_ARRAY_BUFFER, edges_.instance_buffer);
  InstanceAttribute(1, 2, sizeof(EdgeInstance), offsetof(EdgeInstance, a));
  InstanceAttribute(2, 2, sizeof(EdgeInstance), offsetof(EdgeInstance, b));
  InstanceAttribute(3, 4, sizeof(EdgeInstance), offsetof(EdgeInstance, colour));
  InstanceAttribute(4, 1, sizeof(EdgeInstance), offsetof(EdgeInstance, width));

  glBindVertexArray(nodes_.vao);
  corners(corner_buffer_quad_);
  glBindBuffer(GL_ARRAY_BUFFER, nodes_.instance_buffer);
  InstanceAttribute(1, 2, sizeof(NodeInstance), offsetof(NodeInstance, centre));
  InstanceAttribute(2, 2, sizeof(NodeInstance), offsetof(NodeInstance, half_size));
  InstanceAttribute(3, 4, sizeof(NodeInstance), offsetof(NodeInstance, fill));
  InstanceAttribute(4, 4, sizeof(NodeInstance), offsetof(NodeInstance, border));
  InstanceAttribute(5, 1, sizeof(NodeInstance), offsetof(NodeInstance, shape));
  InstanceAttribute(6, 1, sizeof(NodeInstance), offsetof(NodeInstance, highlight));

  glBindVertexArray(particles_.vao);
  corners(corner_buffer_quad_);
  glBindBuffer(GL_ARRAY_BUFFER, particles_.instance_buffer);
  InstanceAttribute(1, 2, sizeof(ParticleInstance), offsetof(ParticleInstance, centre));
  InstanceAttribute(2, 1, sizeof(ParticleInstance), offsetof(ParticleInstance, radius));
  InstanceAttribute(3, 4, sizeof(ParticleInstance), offsetof(ParticleInstance, colour));

  glBindVertexArray(0);
  glBindBuffer(GL_ARRAY_BUFFER, 0);
  return true;
}

void GraphRenderer::Upload(Batch& batch, const void* data, size_t bytes) {
  glBindBuffer(GL_ARRAY_BUFFER, batch.instance_buffer);
  // Orphan and refill: the driver need not wait for last frame's draw to finish.
  glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(bytes), data, GL_STREAM_DRAW);
}

void GraphRenderer::SetUniforms(const Batch& batch, const GraphViewport& v) {
  glUseProgram(batch.program.Id());
  glUniform3f(batch.view_uniform, v.scale, v.offset_x, v.offset_y);
  glUniform2f(batch.viewport_uniform, v.width, v.height);
}

void GraphRenderer::Draw(const view::GraphScene& scene, const GraphViewport& v) {
  last_instances_ = 0;
  if (!edges_.vao || v.width <= 0 || v.height <= 0) return;
  // GL's window origin is the bottom left; ImGui's rectangles start at the top left.
  const GLint gl_y = static_cast<GLint>(v.framebuffer_height - (v.y + v.height));
  glViewport(static_cast<GLint>(v.x), gl_y, static_cast<GLsizei>(v.width), static_cast<GLsizei>(v.height));
  glEnable(GL_SCISSOR_TEST);
  glScissor(static_cast<GLint>(v.x), gl_y, static_cast<GLsizei>(v.width), static_cast<GLsizei>(v.height));
  glEnable(GL_BLEND);
  glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
  glDisable(GL_DEPTH_TEST);
  glDisable(GL_CULL_FACE);

  auto draw = [&](Batch& batch, const void* data, size_t count, size_t stride) {
    if (count == 0) return;
    SetUniforms(batch, v);
    glBindVertexArray(batch.vao);
    Upload(batch, data, count * stride);
    glDrawArraysInstanced(GL_TRIANGLE_STRIP, 0, 4, static_cast<GLsizei>(count));
    last_instances_ += static_cast<int>(count);
  };
  draw(edges_, scene.edges.data(), scene.edges.size(), sizeof(view::EdgeInstance));
  draw(nodes_, scene.nodes.data(), scene.nodes.size(), sizeof(view::NodeInstance));
  draw(particles_, scene.particles.data(), scene.particles.size(), sizeof(view::ParticleInstance));
  glBindVertexArray(0);
}

void GraphRenderer::Shutdown() {
  for (Batch* b : {&edges_, &nodes_, &particles_}) {
    b->program.Destroy();
    if (b->vao) glDeleteVertexArrays(1, &b->vao);
    if (b->instance_buffer) glDeleteBuffers(1, &b->instance_buffer);
    b->vao = b->instance_buffer = 0;
  }
  if (corner_buffer_line_) glDeleteBuffers(1, &corner_buffer_line_);
  if (corner_buffer_quad_) glDeleteBuffers(1, &corner_buffer_quad_);
  corner_buffer_line_ = corner_buffer_quad_ = 0;
}

}  // namespace eventlab::render
