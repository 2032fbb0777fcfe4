# Emscripten flags, in one place. (To be completed by the web build.)
set(EVENTLAB_NODE_TEST_LINK_FLAGS -sNODERAWFS=1 -sENVIRONMENT=node -sALLOW_MEMORY_GROWTH=1)
