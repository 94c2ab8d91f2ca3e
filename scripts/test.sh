#!/usr/bin/env bash
# Installs, builds (Debug, with AddressSanitizer and UndefinedBehaviorSanitizer,
# warnings as errors) and runs the whole test suite with CTest.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
cmake -S . -B build/test -G Ninja -DCMAKE_BUILD_TYPE=Debug \
  -DKG_SANITIZE=address,undefined -DKG_WERROR=ON > /dev/null
cmake --build build/test
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
export ASAN_OPTIONS=detect_leaks=1
ctest --test-dir build/test --output-on-failure -j "$(nproc)"
