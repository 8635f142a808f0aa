#!/usr/bin/env bash
# Sets up what is missing, then runs every test: formatting and lints, unit
# tests, integration tests, and the end-to-end tests that drive the real window
# (tauri-driver + WebKitWebDriver) under Xvfb with a private D-Bus session.
set -euo pipefail
cd "$(dirname "$0")/.."
start=$(date +%s)
./scripts/setup.sh
export CARGO_TERM_COLOR=never
echo "== cargo fmt --check"
cargo fmt --all --check
echo "== the core has no Tauri in its dependency tree"
if cargo tree -p sundby-core -e normal,build,dev --prefix none | grep -E '^(tauri|wry)'; then
  echo "sundby-core depends on Tauri (see the lines above)" >&2
  exit 1
fi
echo "== cargo clippy --all-targets -D warnings"
cargo clippy --workspace --all-targets --features sundby/e2e -- -D warnings
# Every test runner's result lines, added up in one closing line at the end.
results=$(mktemp)
trap 'rm -f "$results"' EXIT
echo "== cargo test -p sundby-core: the core's unit and integration tests (no WebKit)"
cargo test -p sundby-core --no-fail-fast 2>&1 | tee -a "$results"
echo "== cargo test -p sundby: commands, CLI and end-to-end"
# One window at a time: end-to-end tests share the display.
xvfb-run -a -s "-screen 0 1280x800x24" dbus-run-session -- \
  cargo test -p sundby --features e2e --no-fail-fast -- --test-threads=1 2>&1 | tee -a "$results"
echo "== finished in $(( $(date +%s) - start )) s"
awk '/^test result:/ { p += $4; f += $6 } END { printf "tests: %d passed, %d failed\n", p, f }' "$results"
