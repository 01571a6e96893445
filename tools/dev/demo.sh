#!/usr/bin/env bash
# Quick start, part one: installs what the build needs, builds the quickstart example and runs
# it against an embedded SQLite file (build/quickstart.db). Run it again: nothing to apply.
set -euo pipefail
cd "$(dirname "$0")/../.."
tools/dev/install-deps.sh build
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build --target quickstart -j"$(nproc)"
./build/examples/quickstart/quickstart build/quickstart.db
