# The Emscripten targets besides the page's app (cmake/AppTarget.cmake):
#   eventlab_bindings  OBJECT library: the Embind registrations (src/bindings/), the only code that
#                      includes <emscripten/bind.h>
#   eventlab-core      build/web/eventlab-core.{js,wasm}: the headless module, factory
#                      EventLabCore, wrapped by web/eventlab.mjs
#   eventlab_bench     build/web/eventlab_bench.js: bench/hold_model_bench.cpp under node
# Flags come from cmake/WebFlags.cmake.

# An OBJECT library, not a static one: the registrations are static initialisers that nothing
# references, so the linker would drop them from an archive. Object files are always linked whole.
file(GLOB BINDINGS_SOURCES CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/src/bindings/*.cpp)
add_library(eventlab_bindings OBJECT ${BINDINGS_SOURCES})
target_link_libraries(eventlab_bindings PUBLIC eventlab_grading)
# Whoever links the objects needs Embind's runtime.
target_link_options(eventlab_bindings INTERFACE --bind)

# eventlab_add_bindings(TARGET EXPORT_NAME): makes TARGET (an add_executable) a page module that
# carries the JS API: links the bindings' objects and the module flags, and names the factory.
# web/eventlab.mjs wraps any such module: wrapModule(await globalThis[EXPORT_NAME]()).
function(eventlab_add_bindings target export_name)
  target_link_libraries(${target} PRIVATE eventlab_bindings)
  target_link_options(${target} PRIVATE ${EVENTLAB_WEB_MODULE_LINK_FLAGS} -sEXPORT_NAME=${export_name})
endfunction()

# The headless module: the bindings' objects and nothing else (no main: the JS side drives it).
# emcc writes eventlab-core.js and, beside it, eventlab-core.wasm (never .html: see toolchain.md).
add_executable(eventlab-core)
set_target_properties(eventlab-core PROPERTIES SUFFIX ".js" LINKER_LANGUAGE CXX
                                               RUNTIME_OUTPUT_DIRECTORY ${CMAKE_BINARY_DIR})
eventlab_add_bindings(eventlab-core EventLabCore)

# The native kernel benchmark, compiled for node: `node build/web/eventlab_bench.js 300000 wasm`.
add_executable(eventlab_bench ${CMAKE_SOURCE_DIR}/bench/hold_model_bench.cpp)
set_target_properties(eventlab_bench PROPERTIES SUFFIX ".js" RUNTIME_OUTPUT_DIRECTORY ${CMAKE_BINARY_DIR})
target_link_libraries(eventlab_bench PRIVATE eventlab_api)
target_link_options(eventlab_bench PRIVATE ${EVENTLAB_NODE_BENCH_LINK_FLAGS})
