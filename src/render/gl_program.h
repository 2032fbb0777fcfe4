// A linked GLSL ES 3.0 program from two embedded sources, with its compile or link log kept for
// the page's console (a broken shader must say why, not draw nothing silently).
#pragma once

#include <string>

namespace eventlab::render {

class GlProgram {
 public:
  /// Compiles and links; false (and Log() says why) on failure.
  bool Build(const char* vertex_source, const char* fragment_source);
  void Destroy();
  unsigned Id() const { return id_; }
  /// The location of uniform `name`, or -1.
  int Uniform(const char* name) const;
  const std::string& Log() const { return log_; }

 private:
  unsigned id_ = 0;
  std::string log_;
};

}  // namespace eventlab::render
