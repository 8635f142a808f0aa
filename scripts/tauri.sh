#!/usr/bin/env bash
# Runs the Tauri bundler (tauri-cli 2) that `scripts/setup.sh package`
# installed: `cargo tauri` when it is on the machine, else the prebuilt one in
# target/tools/. Arguments go to it unchanged.
set -euo pipefail
cd "$(dirname "$0")/.."
if cargo tauri --version >/dev/null 2>&1; then
  exec cargo tauri "$@"
fi
if [ -x target/tools/node_modules/.bin/tauri ]; then
  exec target/tools/node_modules/.bin/tauri "$@"
fi
echo "tauri: the Tauri bundler is missing; run scripts/setup.sh package" >&2
exit 1
