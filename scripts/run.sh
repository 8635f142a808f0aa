#!/usr/bin/env bash
# Sets up what is missing, builds Sund By Partner and opens its window.
# Data lives in the OS app-data directory unless SUNDBY_DATA_DIR is set.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
cargo build --release
exec ./target/release/sundby
