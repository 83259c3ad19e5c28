# kompetent_layer(name dir deps...): a static library of every .cpp under `dir`
# (tests and fuzzers excluded), including from src/. A folder with no .cpp yet
# becomes an INTERFACE library so the graph stays the same while it grows.
function(kompetent_layer name dir)
  file(GLOB_RECURSE sources CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/${dir}/*.cpp)
  list(FILTER sources EXCLUDE REGEX "(_test|_fuzz)\\.cpp$")
  if(sources)
    add_library(${name} STATIC ${sources})
    target_include_directories(${name} PUBLIC ${CMAKE_SOURCE_DIR}/src)
    target_link_libraries(${name} PUBLIC ${ARGN})
    if(KOMPETENT_UNITY)
      # Whole layers in a few translation units: the sanitizer builds of `make test` are
      # clean builds, where this halves the compile time (scripts/sanitizer-build.sh).
      set_target_properties(${name} PROPERTIES UNITY_BUILD ON UNITY_BUILD_BATCH_SIZE 16)
    endif()
  else()
    add_library(${name} INTERFACE)
    target_include_directories(${name} INTERFACE ${CMAKE_SOURCE_DIR}/src)
    target_link_libraries(${name} INTERFACE ${ARGN})
  endif()
endfunction()
