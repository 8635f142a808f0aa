#!/usr/bin/env bash
# Sets up what is missing, then runs every test: formatting and lints, unit
# tests, integration tests, and the end-to-end tests that drive the real window
# (tauri-driver + WebKitWebDriver) under Xvfb with a private D-Bus session.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
export CARGO_TERM_COLOR=never
echo "== cargo fmt --check"
cargo fmt --all --check
echo "== cargo clippy --all-targets -D warnings"
cargo clippy --all-targets --features e2e -- -D warnings
echo "== cargo test: unit, integration and end-to-end"
# One window at a time: end-to-end tests share the display.
xvfb-run -a -s "-screen 0 1280x800x24" dbus-run-session -- \
  cargo test --features e2e --no-fail-fast -- --test-threads=1
