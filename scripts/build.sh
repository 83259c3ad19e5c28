#!/usr/bin/env bash
# The three builds of `make run` and `make test`:
#   scripts/build.sh release BUILD_DIR   # RelWithDebInfo: everything (binary, tests, benchmarks)
#   scripts/build.sh asan BUILD_DIR      # ASan + UBSan: everything but the benchmarks
#   scripts/build.sh tsan BUILD_DIR      # ThreadSanitizer: only the binary, for the load test
#
# The libraries and the GoogleTest files are compiled as unity batches
# (KOMPETENT_UNITY), so the heavy headers (CLI11, Boost.Beast/Asio, nlohmann/json,
# GoogleTest) are parsed a few times instead of once per file; a clean build needs
# about half the CPU time (docs/PERFORMANCE.md). For quick incremental work on one
# file, configure a build dir of your own without it. This needs every file-local
# name to be unique within its layer (and test folder); if a new clash breaks the
# unity build, the script says so and builds file by file.
# JOBS overrides the number of parallel compilations (default: nproc).
#
# TSan: BOOST_ASIO_DISABLE_FENCED_BLOCK. Asio brackets each handler with
# std::atomic_thread_fence, which TSan does not model (GCC 12 warns "-Wtsan" 85 times).
# The handoff between threads is already ordered by the scheduler's mutex, which TSan
# does see, so the fences add nothing it could check; without them the build is quiet
# and a report is never an artefact of a fence. The TSan build leaves out the unit
# tests and benchmarks: the load test needs only the binary.
set -euo pipefail

if [ $# -ne 2 ] || { [ "$1" != release ] && [ "$1" != asan ] && [ "$1" != tsan ]; }; then
  echo "usage: $0 release|asan|tsan BUILD_DIR" >&2
  exit 2
fi
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
KIND="$1"
BUILD_DIR="$2"
JOBS="${JOBS:-$(nproc)}"
UNITY="${UNITY:-ON}"

# Debug information is line tables only (-g1): stack traces, sanitizer reports and perf
# still name file and line, and compiling takes about a quarter less time than with full
# -g (the variables and types for a debugger; configure a build dir of your own for that).
# TSan at -O1 compiles in a third less time than at -O2; its reports are the same.
configure() {
  local unity="$1"
  if [ "$KIND" = release ]; then
    cmake -S "$ROOT" -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
      -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O2 -g1 -DNDEBUG" \
      -DKOMPETENT_UNITY="$unity" >/dev/null
  elif [ "$KIND" = asan ]; then
    cmake -S "$ROOT" -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=Debug -DKOMPETENT_SANITIZE=ON \
      -DCMAKE_CXX_FLAGS_DEBUG="-g1" \
      -DKOMPETENT_UNITY="$unity" >/dev/null
  else
    cmake -S "$ROOT" -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
      -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -g1 -DNDEBUG" \
      -DCMAKE_CXX_FLAGS="-fsanitize=thread -DBOOST_ASIO_DISABLE_FENCED_BLOCK" \
      -DCMAKE_EXE_LINKER_FLAGS=-fsanitize=thread \
      -DKOMPETENT_UNITY="$unity" -DKOMPETENT_TESTS=OFF -DKOMPETENT_BENCH=OFF >/dev/null
  fi
}

build() {
  if [ "$KIND" != tsan ]; then
    cmake --build "$BUILD_DIR" -j "$JOBS"
  else
    cmake --build "$BUILD_DIR" --target kompetent -j "$JOBS"
  fi
}

configure "$UNITY"
if ! build; then
  [ "$UNITY" = ON ] || exit 1
  echo "build.sh: the unity build failed (two files of one layer defining the same" \
       "file-local name? see above); building file by file. Rename one of them." >&2
  configure OFF
  build
fi
