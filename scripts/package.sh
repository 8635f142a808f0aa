#!/usr/bin/env bash
# Builds the Linux packages of Sund By Partner with the Tauri bundler
# (`cargo tauri build`, tauri-cli 2, installed by `scripts/setup.sh package`
# when missing): a .deb for Debian/Ubuntu and an .rpm for Fedora/openSUSE,
# from a release build, into target/release/bundle/{deb,rpm}/. Name, icons,
# desktop entry, dependencies and version come from tauri.conf.json and
# Cargo.toml.
#
# The AppImage is not built: its bundler downloads linuxdeploy and its plugins
# while it runs, and this build machine has no network for that.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh package
export CARGO_TERM_COLOR=never
start=$(date +%s)
cargo tauri build --ci --bundles deb,rpm
echo "== packages (built in $(( $(date +%s) - start )) s)"
for f in target/release/bundle/deb/*.deb target/release/bundle/rpm/*.rpm; do
  [ -f "$f" ] && printf '%8d KiB  %s\n' "$(( $(stat -c %s "$f") / 1024 ))" "$f"
done
