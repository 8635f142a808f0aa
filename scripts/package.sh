#!/usr/bin/env bash
# Builds the Linux packages of Sund By Partner with the Tauri bundler
# (tauri-cli 2, which `scripts/setup.sh package` installs when missing): a .deb
# for Debian/Ubuntu and an .rpm for Fedora/openSUSE, from a release build, into
# target/release/bundle/{deb,rpm}/. Name, icons, desktop entry, dependencies
# and version come from tauri.conf.json and Cargo.toml.
#
# `package.sh --debug` bundles the debug build instead, into
# target/debug/bundle/: the same packages around an unoptimised binary, which
# CI builds and install-tests because it reuses the test build (a cold release
# build does not fit in CI's time on two cores).
#
# The AppImage is not built: its bundler downloads linuxdeploy and its plugins
# while it runs, and this build machine has no network for that.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh package
export CARGO_TERM_COLOR=never
start=$(date +%s)
profile=release
args=(build --ci --bundles deb,rpm)
if [ "${1:-}" = "--debug" ]; then profile=debug; args+=(--debug); fi
./scripts/tauri.sh "${args[@]}"
echo "== packages ($profile, built in $(( $(date +%s) - start )) s)"
for f in target/$profile/bundle/deb/*.deb target/$profile/bundle/rpm/*.rpm; do
  [ -f "$f" ] && printf '%8d KiB  %s\n' "$(( $(stat -c %s "$f") / 1024 ))" "$f"
done
