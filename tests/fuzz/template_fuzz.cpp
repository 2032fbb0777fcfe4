// The template language on arbitrary text: the loader's syntax check, then rendering against a
// small scope with a tight memory limit, as a handler step would.
#include <cstddef>
#include <cstdint>
#include <string>

#include "cloud/functions/template.h"

namespace functions = eventlab::cloud::functions;
using eventlab::core::Json;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  (void)functions::CheckTemplates(Json(text));
  static const Json vars = Json::parse(R"({"event": {"Records": [{"body": "héllo", "n": 3}], "big": 9223372036854775807},
                                          "env": {"A": "x"}, "container": {}, "s": "abc"})");
  eventlab::core::Rng rng = eventlab::core::Rng::ForComponent(1, "function:fuzz");
  functions::TemplateScope scope{&vars, &rng, 1767225600000000LL};
  scope.max_value_bytes = 1 << 20;
  (void)functions::Render(Json(text), scope);
  (void)functions::Evaluate(text, scope);
  (void)functions::LookupPath(vars, text);
  return 0;
}
