# Third-party libraries, all from Debian (scripts/install-deps.sh installs them):
#   eventlab::json        nlohmann/json 3.11 (header only)
#   eventlab::mbedcrypto  mbedTLS 2.28 crypto: Debian's library natively, the same version's
#                         sources (apt-get source mbedtls, unpacked in .deps/) for WASM
#   GTest::gtest_main     GoogleTest 1.12: Debian's package natively, /usr/src/googletest for WASM

add_library(eventlab_json INTERFACE)
add_library(eventlab::json ALIAS eventlab_json)
if(EMSCRIPTEN)
  # Never add /usr/include to an em++ build (it drags in glibc headers): stage a copy instead.
  set(STAGED_INCLUDE ${CMAKE_BINARY_DIR}/staged-include)
  file(COPY /usr/include/nlohmann DESTINATION ${STAGED_INCLUDE})
  target_include_directories(eventlab_json SYSTEM INTERFACE ${STAGED_INCLUDE})
else()
  find_package(nlohmann_json 3.11 REQUIRED)
  target_link_libraries(eventlab_json INTERFACE nlohmann_json::nlohmann_json)
endif()

add_library(eventlab_mbedcrypto INTERFACE)
add_library(eventlab::mbedcrypto ALIAS eventlab_mbedcrypto)
if(EMSCRIPTEN)
  set(MBEDTLS_SOURCE ${CMAKE_SOURCE_DIR}/.deps/mbedtls)
  if(NOT EXISTS ${MBEDTLS_SOURCE}/CMakeLists.txt)
    message(FATAL_ERROR "mbedTLS sources missing in ${MBEDTLS_SOURCE}: run scripts/install-deps.sh web")
  endif()
  set(ENABLE_PROGRAMS OFF CACHE BOOL "" FORCE)
  set(ENABLE_TESTING OFF CACHE BOOL "" FORCE)
  set(MBEDTLS_FATAL_WARNINGS OFF CACHE BOOL "" FORCE)
  add_subdirectory(${MBEDTLS_SOURCE} ${CMAKE_BINARY_DIR}/mbedtls EXCLUDE_FROM_ALL)
  target_link_libraries(eventlab_mbedcrypto INTERFACE mbedcrypto)
else()
  find_library(MBEDCRYPTO_LIBRARY mbedcrypto REQUIRED)
  find_path(MBEDTLS_INCLUDE_DIR mbedtls/md5.h REQUIRED)
  target_link_libraries(eventlab_mbedcrypto INTERFACE ${MBEDCRYPTO_LIBRARY})
  target_include_directories(eventlab_mbedcrypto SYSTEM INTERFACE ${MBEDTLS_INCLUDE_DIR})
endif()

if(EVENTLAB_TESTS)
  if(EMSCRIPTEN)
    add_subdirectory(/usr/src/googletest ${CMAKE_BINARY_DIR}/googletest EXCLUDE_FROM_ALL)
    # GoogleTest 1.12's own CMakeLists already defines the GTest:: aliases.
    if(NOT TARGET GTest::gtest_main)
      add_library(GTest::gtest_main ALIAS gtest_main)
    endif()
  else()
    find_package(GTest REQUIRED)
  endif()
endif()
