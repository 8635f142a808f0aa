#!/usr/bin/env bash
# Installs what Sund By Partner needs on Debian/Ubuntu to build, run and test:
# the WebKitGTK 4.1 stack Tauri uses, the WebDriver for end-to-end tests, Xvfb,
# poppler/qpdf for reading PDFs back, LibreOffice Writer (headless) for reading
# Word files back, and tauri-driver. Skips what is there.
# `setup.sh package` also installs the Tauri bundler (tauri-cli 2, prebuilt)
# that scripts/package.sh uses, and rpm to read the .rpm back.
set -euo pipefail
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
packages=(
  build-essential pkg-config curl file
  libwebkit2gtk-4.1-dev libgtk-3-dev libayatana-appindicator3-dev librsvg2-dev libxdo-dev libssl-dev
  webkit2gtk-driver xvfb xauth dbus dbus-x11 at-spi2-core
  poppler-utils qpdf imagemagick fonts-dejavu-core procps unzip
  libreoffice-writer-nogui
)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ "${#missing[@]}" -gt 0 ]; then
  echo "setup: installing ${missing[*]}"
  $SUDO apt-get update -q
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q --no-install-recommends "${missing[@]}"
fi
if ! command -v cargo >/dev/null 2>&1; then
  echo "setup: Rust is missing; install it from rustup (https://rustup.rs), then run this again" >&2
  exit 1
fi
if ! command -v tauri-driver >/dev/null 2>&1; then
  echo "setup: installing tauri-driver"
  cargo install --locked tauri-driver --version "^2"
fi
# The Tauri bundler for `setup.sh package`: a `cargo tauri` already on the
# machine, else tauri-cli 2's prebuilt Linux binary from the npm registry
# (`@tauri-apps/cli`, the same program as the crate; it installs in seconds,
# where `cargo install tauri-cli` compiles for most of an hour on two cores)
# into target/tools/. SUNDBY_TAURI_FROM_SOURCE=1 builds the crate instead.
# scripts/tauri.sh runs whichever is there.
if [ "${1:-}" = "package" ]; then
  here="$(cd "$(dirname "$0")/.." && pwd)"
  tools="$here/target/tools"
  if cargo tauri --version >/dev/null 2>&1 || [ -x "$tools/node_modules/.bin/tauri" ]; then
    :
  elif [ "${SUNDBY_TAURI_FROM_SOURCE:-}" = 1 ]; then
    echo "setup: building tauri-cli 2 (the Tauri bundler) from crates.io"
    cargo install --locked tauri-cli --version "^2"
  else
    if ! command -v npm >/dev/null 2>&1; then
      echo "setup: installing npm (to fetch the prebuilt Tauri bundler)"
      $SUDO apt-get update -q
      DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q --no-install-recommends nodejs npm
    fi
    echo "setup: installing tauri-cli 2 (the Tauri bundler, prebuilt) into target/tools"
    mkdir -p "$tools"
    npm install --prefix "$tools" --no-audit --no-fund --no-save "@tauri-apps/cli@^2" >/dev/null
  fi
  # The .rpm is written by the bundler itself; install-test.sh reads it back with rpm.
  if ! command -v rpm >/dev/null 2>&1; then
    $SUDO apt-get update -q
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q --no-install-recommends rpm
  fi
fi
