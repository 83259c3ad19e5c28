#!/usr/bin/env bash
# Builds `kompetent` under ThreadSanitizer for the API load test (tests/load/):
#   scripts/tsan-build.sh BUILD_DIR
# Only the binary: the unit tests and benchmarks are not needed for the load test,
# and a TSan build of everything would double the CI time for nothing.
#
# UNITY=ON (the default) compiles each layer as a few large translation units
# (CMAKE_UNITY_BUILD), so the heavy headers (CLI11, Boost.Beast/Asio, nlohmann/json)
# are parsed a few times instead of once per file; docs/PERFORMANCE.md, "API server",
# has the timings. Files whose file-local names clash with another file of the same
# layer (two `namespace { constexpr ... kChunkSize }`) are listed in UNITY_SKIP below
# and compiled on their own; if a new clash breaks the unity build, the script says
# so and builds file by file instead. UNITY=OFF builds file by file from the start.
# JOBS overrides the number of parallel compilations (default: nproc).
#
# BOOST_ASIO_DISABLE_FENCED_BLOCK: Asio brackets each handler with std::atomic_thread_fence,
# which TSan does not model (GCC 12 warns "-Wtsan" 85 times). The handoff between threads is
# already ordered by the scheduler's mutex, which TSan does see, so the fences add nothing it
# could check; without them the build is quiet and a report is never an artefact of a fence.
set -euo pipefail

if [ $# -ne 1 ]; then
  echo "usage: $0 BUILD_DIR" >&2
  exit 2
fi
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
BUILD_DIR="$1"
JOBS="${JOBS:-$(nproc)}"
UNITY="${UNITY:-ON}"

# Each clashes with a file-local name of another file in its layer (the other file is named).
UNITY_SKIP=(
  src/core/indicators/workforce_view.cpp  # kUnknownCategoryRetirementAge (workforce_indicators.cpp)
  src/core/privacy/coarser_rows.cpp       # KeyTuple, as_tuple (breakdown_suppression.cpp)
  src/io/text/utf8.cpp                    # kHighBits (encoding_detector.cpp)
  src/io/xlsx/xml_parser.cpp              # kChunkSize (xlsx_reader.cpp)
)

configure() {
  local unity="$1"
  mkdir -p "$BUILD_DIR"
  # Read by project() in the top directory, where source file properties must be set.
  {
    echo "# Written by scripts/tsan-build.sh: files kept out of the unity build."
    for file in "${UNITY_SKIP[@]}"; do
      echo "set_source_files_properties(\"\${CMAKE_SOURCE_DIR}/$file\" PROPERTIES SKIP_UNITY_BUILD_INCLUSION ON)"
    done
  } > "$BUILD_DIR/tsan-unity-skip.cmake"
  cmake -S "$ROOT" -B "$BUILD_DIR" -G Ninja \
    -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DCMAKE_CXX_FLAGS="-fsanitize=thread -DBOOST_ASIO_DISABLE_FENCED_BLOCK" \
    -DCMAKE_EXE_LINKER_FLAGS=-fsanitize=thread \
    -DCMAKE_UNITY_BUILD="$unity" \
    -DCMAKE_PROJECT_INCLUDE="$BUILD_DIR/tsan-unity-skip.cmake" \
    -DKOMPETENT_TESTS=OFF \
    -DKOMPETENT_BENCH=OFF >/dev/null
}

configure "$UNITY"
if ! cmake --build "$BUILD_DIR" --target kompetent -j "$JOBS"; then
  [ "$UNITY" = ON ] || exit 1
  echo "tsan-build.sh: the unity build failed (a new clash of file-local names? see above);" \
       "building file by file. Add the file to UNITY_SKIP in $0." >&2
  configure OFF
  cmake --build "$BUILD_DIR" --target kompetent -j "$JOBS"
fi
