#!/usr/bin/env bash
# Runs every benchmark: builds them optimised, starts the test servers (tools/dev/dbs.sh) and
# prints each result table. Not part of the tests: timings depend on the machine.
set -euo pipefail
cd "$(dirname "$0")/.."
tools/dev/install-deps.sh all
cmake -S . -B build/bench -DCMAKE_BUILD_TYPE=Release -DMIGCMD_BUILD_TESTS=OFF >&2
cmake --build build/bench --target bench_schema_read -j"$(nproc)" >&2
tools/dev/dbs.sh start >&2
./build/bench/benchmarks/schema_read/bench_schema_read "$@"
