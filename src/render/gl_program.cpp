// Shader compilation with the driver's log kept on failure.
#include "render/gl_program.h"

#include <GLES3/gl3.h>

#include <vector>

namespace eventlab::render {

namespace {

GLuint Compile(GLenum type, const char* source, std::string* log) {
  GLuint shader = glCreateShader(type);
  glShaderSource(shader, 1, &source, nullptr);
  glCompileShader(shader);
  GLint ok = 0;
  glGetShaderiv(shader, GL_COMPILE_STATUS, &ok);
  if (ok) return shader;
  GLint length = 0;
  glGetShaderiv(shader, GL_INFO_LOG_LENGTH, &length);
  std::vector<char> text(static_cast<size_t>(length > 0 ? length : 1));
  glGetShaderInfoLog(shader, static_cast<GLsizei>(text.size()), nullptr, text.data());
  *log = std::string(type == GL_VERTEX_SHADER ? "vertex shader: " : "fragment shader: ") + text.data();
  glDeleteShader(shader);
  return 0;
}

}  // namespace

bool GlProgram::Build(const char* vertex_source, const char* fragment_source) {
  Destroy();
  log_.clear();
  GLuint vs = Compile(GL_VERTEX_SHADER, vertex_source, &log_);
  if (!vs) return false;
  GLuint fs = Compile(GL_FRAGMENT_SHADER, fragment_source, &log_);
  if (!fs) {
    glDeleteShader(vs);
    return false;
  }
  id_ = glCreateProgram();
  glAttachShader(id_, vs);
  glAttachShader(id_, fs);
  glLinkProgram(id_);
  glDeleteShader(vs);
  glDeleteShader(fs);
  GLint ok = 0;
  glGetProgramiv(id_, GL_LINK_STATUS, &ok);
  if (ok) return true;
  GLint length = 0;
  glGetProgramiv(id_, GL_INFO_LOG_LENGTH, &length);
  std::vector<char> text(static_cast<size_t>(length > 0 ? length : 1));
  glGetProgramInfoLog(id_, static_cast<GLsizei>(text.size()), nullptr, text.data());
  log_ = std::string("link: ") + text.data();
  Destroy();
  return false;
}

void GlProgram::Destroy() {
  if (id_) glDeleteProgram(id_);
  id_ = 0;
}

int GlProgram::Uniform(const char* name) const { return id_ ? glGetUniformLocation(id_, name) : -1; }

}  // namespace eventlab::render
