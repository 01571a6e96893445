#!/usr/bin/env bash
# Quick start, part two: installs every package, starts PostgreSQL and MariaDB on 127.0.0.1
# (tools/dev/dbs.sh; stopped again at the end), checks formatting, builds with warnings as
# errors, runs every test with ctest, then builds with ASan+UBSan and runs the tests again.
#
# MIGCMD_SKIP_SANITIZE=1 skips the sanitizer pass (for quick local runs; CI never sets it).
set -euo pipefail
cd "$(dirname "$0")/../.."
jobs=$(nproc)

tools/dev/install-deps.sh all
tools/dev/dbs.sh start
trap 'tools/dev/dbs.sh stop' EXIT
while IFS= read -r line; do export "${line?}"; done < <(tools/dev/dbs.sh env)

tools/dev/check-format.sh

echo "== build (warnings are errors) and test"
cmake -S . -B build/ci -DCMAKE_BUILD_TYPE=RelWithDebInfo -DMIGCMD_WERROR=ON >/dev/null
cmake --build build/ci -j"$jobs"
ctest --test-dir build/ci --output-on-failure -j"$jobs"

if [ "${MIGCMD_SKIP_SANITIZE:-0}" != "1" ]; then
  echo "== AddressSanitizer + UndefinedBehaviorSanitizer build and test"
  cmake -S . -B build/asan -DCMAKE_BUILD_TYPE=Debug -DMIGCMD_SANITIZE=ON -DMIGCMD_WERROR=ON >/dev/null
  cmake --build build/asan -j"$jobs"
  ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1 \
    ctest --test-dir build/asan --output-on-failure -j"$jobs"
fi
