# Emscripten (3.1.6) flags, in one place. Included before cmake/Dependencies.cmake so that the
# compile flags also reach mbedcrypto and GoogleTest, which must agree with our code on the
# exception model. Targets pick a link flag set below; nothing else in the tree names an -s flag.

# --- Every compile and every link -------------------------------------------------------------
# Exceptions: WebAssembly exception handling, on compile AND link for everything. Our own code is
# non-throwing (json::parse(text, nullptr, false), sax_parse, types checked before get<T>()), but
# with emcc's default a stray throw anywhere (a library, bad_alloc) aborts the whole module. With
# wasm exceptions the bindings catch it and return an error value instead, so no C++ exception
# ever crosses the JS boundary and the module stays usable. Cheaper than -fexceptions (JS-based
# emulation); node 20 and Chromium run it natively. Objects built without it cannot be mixed in.
add_compile_options(-fwasm-exceptions)
add_link_options(-fwasm-exceptions)
# Memory: scenarios and traces grow with the run; start small and grow the heap on demand.
add_link_options(-sALLOW_MEMORY_GROWTH=1)

# Optimisation of the compiled code, shared by every target (the objects are linked into the
# page's modules, the tests and the benchmark alike). -O2: measured here, -O3 made
# eventlab-core.wasm 1.7% larger (485 vs 477 KB) and the hold-model benchmark no faster (within
# run-to-run noise). Link-time levels differ per target, see below.
set(CMAKE_C_FLAGS_RELEASE "-O2 -DNDEBUG")
set(CMAKE_CXX_FLAGS_RELEASE "-O2 -DNDEBUG")

# --- Modules the page loads (eventlab-core, the app) -------------------------------------------
# -sMODULARIZE=1        emit a factory function returning a Promise of the module instead of a
#                       global Module; many instances can coexist (no shared state between labs).
#                       No -sEXPORT_ES6: its output breaks in node 20 (__dirname in ES module
#                       scope); web/eventlab.mjs wraps the classic factory for ES module users.
# -sENVIRONMENT=web,worker,node   the same file loads by script tag, in a worker and in node
#                       (createRequire); the node tests import exactly what the page ships.
# --bind                Embind (src/bindings/ registers the API).
# -sNODEJS_CATCH_EXIT=0 -sNODEJS_CATCH_REJECTION=0   in node the module is a library inside
#                       someone else's program: do not install process-wide handlers that turn
#                       every uncaught exception or rejection of the host into a crash.
# -Os                   link-time (binaryen) optimisation for size: the page downloads this.
# EXPORT_NAME is per module: the caller adds -sEXPORT_NAME=<Name>.
set(EVENTLAB_WEB_MODULE_LINK_FLAGS
    -sMODULARIZE=1
    -sENVIRONMENT=web,worker,node
    --bind
    -sNODEJS_CATCH_EXIT=0
    -sNODEJS_CATCH_REJECTION=0
    -Os)

# --- GoogleTest under node (tests/CMakeLists.txt) ----------------------------------------------
# -sNODERAWFS=1         the tests read scenarios and golden files from the source tree directly.
# -sENVIRONMENT=node    no browser glue.
# -sASSERTIONS=1        runtime checks (stack, heap, bad calls) that name the failure.
# -O1                   a quick link: binaryen's full pipeline on the gtest binary costs more
#                       time than the tests save.
set(EVENTLAB_NODE_TEST_LINK_FLAGS
    -sNODERAWFS=1
    -sENVIRONMENT=node
    -sASSERTIONS=1
    -O1)

# --- Benchmarks under node ---------------------------------------------------------------------
# -O3                   link-time optimisation for speed: we measure the kernel, not the loader.
set(EVENTLAB_NODE_BENCH_LINK_FLAGS
    -sENVIRONMENT=node
    -O3)
