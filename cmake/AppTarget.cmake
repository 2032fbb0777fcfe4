# The page's app module: Dear ImGui (from .deps/imgui, unpacked by scripts/install-deps.sh ui) on
# GLFW + WebGL2, the UI panels (src/ui/), the web platform seam (src/platform/) and the same Embind
# bindings as eventlab-core. Exceptions and memory growth come from cmake/WebFlags.cmake (global). Output: build/web/eventlab-app.{js,wasm}, a MODULARIZE factory named
# createEventLabAppModule that web/app.mjs loads with a script tag (never an emcc .html page).

set(IMGUI_DIR ${CMAKE_SOURCE_DIR}/.deps/imgui)
if(NOT EXISTS ${IMGUI_DIR}/imgui.cpp)
  message(FATAL_ERROR "Dear ImGui sources missing in ${IMGUI_DIR}: run scripts/install-deps.sh ui")
endif()

# --- imgui: core + GLFW and OpenGL3 backends + std::string text fields ------------------------------------------------------
add_library(imgui STATIC
    ${IMGUI_DIR}/imgui.cpp
    ${IMGUI_DIR}/imgui_draw.cpp
    ${IMGUI_DIR}/imgui_tables.cpp
    ${IMGUI_DIR}/imgui_widgets.cpp
    ${IMGUI_DIR}/misc/cpp/imgui_stdlib.cpp
    ${IMGUI_DIR}/backends/imgui_impl_glfw.cpp
    ${IMGUI_DIR}/backends/imgui_impl_opengl3.cpp)
# misc/cpp: InputText over std::string (text fields of any length, such as a pasted message).
target_include_directories(imgui SYSTEM PUBLIC ${IMGUI_DIR} ${IMGUI_DIR}/backends ${IMGUI_DIR}/misc/cpp)
# The demo window is not linked; the GLFW backend's headers come from Emscripten's built-in GLFW.
target_compile_definitions(imgui PUBLIC IMGUI_DISABLE_DEMO_WINDOWS)
target_compile_options(imgui PRIVATE -w)

# --- The UI font, embedded at build time ----------------------------------------------------------
# Roboto Regular from Debian's fonts-roboto; `xxd -i` (package xxd) turns it into C array bytes.
set(EVENTLAB_UI_FONT /usr/share/fonts/truetype/roboto/unhinted/RobotoTTF/Roboto-Regular.ttf
    CACHE FILEPATH "TTF font embedded in the app")
find_program(XXD_EXECUTABLE xxd REQUIRED)
set(APP_GENERATED ${CMAKE_BINARY_DIR}/generated/app)
add_custom_command(
    OUTPUT ${APP_GENERATED}/ui_font.inc
    COMMAND ${CMAKE_COMMAND} -E make_directory ${APP_GENERATED}
    COMMAND ${XXD_EXECUTABLE} -i < ${EVENTLAB_UI_FONT} > ${APP_GENERATED}/ui_font.inc
    DEPENDS ${EVENTLAB_UI_FONT}
    COMMENT "Embedding the UI font ${EVENTLAB_UI_FONT}"
    VERBATIM)

# --- The graph's WebGL2 programs, with their GLSL ES 3.0 sources embedded at build time -----------
file(GLOB SHADER_SOURCES CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/shaders/*.vert ${CMAKE_SOURCE_DIR}/shaders/*.frag)
add_custom_command(
    OUTPUT ${APP_GENERATED}/shaders.inc
    COMMAND ${CMAKE_COMMAND} -DSHADER_DIR=${CMAKE_SOURCE_DIR}/shaders -DOUTPUT=${APP_GENERATED}/shaders.inc
            -P ${CMAKE_SOURCE_DIR}/cmake/EmbedShaders.cmake
    DEPENDS ${SHADER_SOURCES} ${CMAKE_SOURCE_DIR}/cmake/EmbedShaders.cmake
    COMMENT "Embedding the GLSL shaders"
    VERBATIM)
file(GLOB RENDER_SOURCES CONFIGURE_DEPENDS src/render/*.cpp)
add_library(eventlab_render STATIC ${RENDER_SOURCES} ${APP_GENERATED}/shaders.inc)
target_include_directories(eventlab_render PRIVATE ${APP_GENERATED})
target_link_libraries(eventlab_render PUBLIC eventlab_view)

# --- UI panels: read the lab, issue commands through api::Lab --------------------------------------
file(GLOB UI_SOURCES CONFIGURE_DEPENDS src/ui/*.cpp)
add_library(eventlab_ui STATIC ${UI_SOURCES})
target_link_libraries(eventlab_ui PUBLIC eventlab_render imgui)

# --- The app: platform seam + UI + bindings ---------------------------------------------------------
file(GLOB PLATFORM_SOURCES CONFIGURE_DEPENDS src/platform/*.cpp)
add_executable(eventlab-app ${PLATFORM_SOURCES} ${APP_GENERATED}/ui_font.inc)
target_include_directories(eventlab-app PRIVATE ${APP_GENERATED})
target_link_libraries(eventlab-app PRIVATE eventlab_ui)
# The same Embind API as eventlab-core (cmake/WebTargets.cmake), so web/eventlab.mjs wraps this
# module too, and the UI's lab lives in the bindings' registry where JS reaches it by id.
if(NOT COMMAND eventlab_add_bindings)
  message(FATAL_ERROR "cmake/WebTargets.cmake (eventlab_bindings) must be included before AppTarget.cmake")
endif()
eventlab_add_bindings(eventlab-app createEventLabAppModule)
set_target_properties(eventlab-app PROPERTIES
    SUFFIX .js
    RUNTIME_OUTPUT_DIRECTORY ${CMAKE_BINARY_DIR})
# After the module flags, so these win:
# -sENVIRONMENT=web     the app draws on a page (the headless module also targets node).
# -sUSE_GLFW=3, WebGL2 only: Emscripten's built-in GLFW, a WebGL2 context (ImGui's GLSL 300 es).
target_link_options(eventlab-app PRIVATE
    -sENVIRONMENT=web
    -sUSE_GLFW=3
    -sUSE_WEBGL2=1
    -sMIN_WEBGL_VERSION=2
    -sMAX_WEBGL_VERSION=2
    -sALLOW_MEMORY_GROWTH=1)
