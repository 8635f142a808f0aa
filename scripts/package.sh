#!/usr/bin/env bash
# Builds the Linux packages of Sund By Partner with the Tauri bundler
# (tauri-cli 2, which `scripts/setup.sh package` installs when missing): a .deb
# for Debian/Ubuntu and an .rpm for Fedora/openSUSE, from a release build
# (`tauri build`), into target/release/bundle/{deb,rpm}/. Name, icons, desktop
# entry, dependencies and version come from tauri.conf.json and Cargo.toml.
#
# `package.sh --debug` packages the debug binary that the tests build
# (`cargo test -p sundby --features e2e`, a no-op right after
# scripts/test.sh) with `tauri bundle`, into target/debug/bundle/: the same
# packages around the very binary the end-to-end tests drove. CI install-tests
# these. `tauri build --debug` would compile Tauri, its plugins and the app a
# second time (another feature set: the bundler's `custom-protocol`, without
# the test build's dev-dependency features), about ten minutes on two cores.
#
# The AppImage is not built: its bundler downloads linuxdeploy and its plugins
# while it runs, and this build machine has no network for that.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh package
export CARGO_TERM_COLOR=never
start=$(date +%s)
if [ "${1:-}" = "--debug" ]; then
  profile=debug
  cargo test -p sundby --features e2e --no-run
  ./scripts/tauri.sh bundle --ci --debug --bundles deb,rpm
else
  profile=release
  ./scripts/tauri.sh build --ci --bundles deb,rpm
fi
echo "== packages ($profile, built in $(( $(date +%s) - start )) s)"
for f in target/$profile/bundle/deb/*.deb target/$profile/bundle/rpm/*.rpm; do
  [ -f "$f" ] && printf '%8d KiB  %s\n' "$(( $(stat -c %s "$f") / 1024 ))" "$f"
done
