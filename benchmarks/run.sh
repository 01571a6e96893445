#!/usr/bin/env bash
# Runs every benchmark: builds them optimised, installs dbmate (the peer, from the npm registry)
# when it is missing, starts the test servers (tools/dev/dbs.sh) and prints each result table.
# Not part of the tests: timings depend on the machine. Arguments go to bench_schema_read.
set -euo pipefail
cd "$(dirname "$0")/.."
tools/dev/install-deps.sh all
dbmate_version=2.36.0
dbmate=benchmarks/.tools/node_modules/@dbmate/linux-x64/bin/dbmate
if [ ! -x "$dbmate" ]; then
  command -v npm >/dev/null || apt-get install -y npm >&2
  npm install --prefix benchmarks/.tools --no-audit --no-fund "dbmate@$dbmate_version" >&2
fi
cmake -S . -B build/bench -DCMAKE_BUILD_TYPE=Release -DMIGCMD_BUILD_TESTS=OFF \
  -DMIGCMD_BUILD_BENCHMARKS=ON >&2
cmake --build build/bench --target bench_schema_read bench_migrations migcmd_tool \
  -j"$(nproc)" >&2
tools/dev/dbs.sh start >&2
./build/bench/benchmarks/schema_read/bench_schema_read "$@"
# dbmate's own binary (the npm package's launcher is a node script; timing node would be unfair).
./build/bench/benchmarks/migrations/bench_migrations --dbmate "$dbmate" \
  --migcmd build/bench/tools/migcmd/migcmd ${MIGCMD_BENCH_ARGS:-}
