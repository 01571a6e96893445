#!/usr/bin/env bash
# Quick start, part one: installs what the build needs, builds the startup_service example (a
# service that migrates its own database when it starts, with C++ code migrations) and starts it
# on an embedded SQLite file, build/service.db. Start it again: nothing to apply, one more
# heartbeat. (examples/quickstart shows the builder and the migrator step by step.)
set -euo pipefail
cd "$(dirname "$0")/../.."
tools/dev/install-deps.sh build
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build --target startup_service -j"$(nproc)"
./build/examples/startup_service/startup_service sqlite:build/service.db
