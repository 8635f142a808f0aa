#!/usr/bin/env bash
# Tests the .deb as a user gets it: installs it with apt-get on this machine,
# runs the installed `sundby --version` and `sundby info` from the system
# path on the default data folder of a fresh home, checks the desktop entry
# and icon, starts the installed app through the end-to-end harness (it loads
# the demo programme and must list the partners), then removes and purges
# the package and checks that the user's data folder is left as it was.
# Needs root or sudo. Build the package first: scripts/package.sh.
# Usage: scripts/install-test.sh [path/to/sund-by-partner.deb] (default: the
# release package, else the debug one that `package.sh --debug` built)
set -euo pipefail
cd "$(dirname "$0")/.."
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
start=$(date +%s)
# The version of the workspace ([workspace.package], the first `version =` line).
version=$(sed -n 's/^version = "\(.*\)"$/\1/p' Cargo.toml | head -1)
deb=${1:-$(ls target/release/bundle/deb/*_"${version}"_*.deb target/debug/bundle/deb/*_"${version}"_*.deb 2>/dev/null | head -1 || true)}
if [ -z "$deb" ] || [ ! -f "$deb" ]; then
  echo "install-test: no .deb of version $version; run scripts/package.sh first" >&2
  exit 1
fi
deb=$(realpath "$deb")
pkg=$(dpkg-deb -f "$deb" Package)
fail() { echo "install-test: FAILED: $*" >&2; exit 1; }
home=$(mktemp -d)
cleanup() {
  if dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed"; then
    $SUDO dpkg --purge "$pkg" >/dev/null || true
  fi
  rm -rf "$home"
}
trap cleanup EXIT

echo "== install $deb ($(( $(stat -c %s "$deb") / 1024 )) KiB)"
dpkg-deb -f "$deb" Package Version Depends
# tauri-cli declares WebKitGTK 4.1 and GTK 3 itself (tauri.conf.json adds nothing to the .deb's list).
dpkg-deb -f "$deb" Depends | grep -q 'libwebkit2gtk-4.1-0' || fail "the package does not depend on libwebkit2gtk-4.1-0"
if command -v sundby >/dev/null 2>&1; then fail "a sundby is on the path before installing: $(command -v sundby)"; fi
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q --no-install-recommends "$deb"
[ "$(command -v sundby)" = /usr/bin/sundby ] || fail "sundby is not /usr/bin/sundby: $(command -v sundby || true)"

# The user's own data folder: the OS default (no SUNDBY_DATA_DIR) in a fresh home.
as_user() { env -u SUNDBY_DATA_DIR -u XDG_DATA_HOME -u DISPLAY -u WAYLAND_DISPLAY HOME="$home" "$@"; }
data="$home/.local/share/dk.sundby.partner"
echo "== sundby --version; sundby info"
as_user sundby --version | tee "$home/version.txt"
grep -qx "sundby $version" "$home/version.txt" || fail "--version is not $version"
as_user sundby demo
as_user sundby info | tee "$home/info.txt"
grep -q "^datamappe: *$data\$" "$home/info.txt" || fail "info names another data folder"
grep -q "^database: *$data/sundby.sqlite3\$" "$home/info.txt" || fail "info names another database"
grep -Eq '^partners +60$' "$home/info.txt" || fail "info does not count the 60 demo partners"

echo "== desktop entry and icon"
desktop=$(dpkg -L "$pkg" | grep '^/usr/share/applications/.*\.desktop$' | head -1)
[ -n "$desktop" ] || fail "no desktop entry in the package"
cat "$desktop"
grep -q '^Exec=sundby' "$desktop" || fail "the desktop entry does not start sundby"
grep -q '^Name=Sund By Partner$' "$desktop" || fail "the desktop entry is not named Sund By Partner"
grep -q '^Categories=.*Office' "$desktop" || fail "the desktop entry is not in the Office category"
icon=$(sed -n 's/^Icon=//p' "$desktop")
dpkg -L "$pkg" | grep -q "/usr/share/icons/hicolor/.*/apps/$icon.png" || fail "no icon $icon in hicolor"
if command -v desktop-file-validate >/dev/null 2>&1; then desktop-file-validate "$desktop"; fi

echo "== the installed app in its window (end-to-end harness)"
SUNDBY_E2E_BIN=/usr/bin/sundby xvfb-run -a -s "-screen 0 1280x800x24" dbus-run-session -- \
  cargo test -p sundby --features e2e --test e2e -- --test-threads=1 --exact \
  about::install_the_binary_lists_the_partners_its_cli_loaded

echo "== the .rpm beside it (not installable on Debian: its metadata and digests)"
rpmfile=$(ls "$(dirname "$(dirname "$deb")")"/rpm/*-"${version}"-*.rpm 2>/dev/null | head -1 || true)
[ -n "$rpmfile" ] || fail "no .rpm of version $version beside the .deb"
command -v rpm >/dev/null 2>&1 || fail "rpm is missing (scripts/setup.sh package installs it)"
rpm -K --nosignature "$rpmfile" | grep -q "digests OK" || fail "the .rpm's digests do not check"
[ "$(rpm -qp --qf '%{NAME} %{VERSION}' "$rpmfile")" = "sund-by-partner $version" ] || fail "the .rpm has another name or version"
rpm -qpR "$rpmfile" | grep -qx 'webkit2gtk4.1' || fail "the .rpm does not require webkit2gtk4.1"
rpm -qpl "$rpmfile" | grep -qx /usr/bin/sundby || fail "the .rpm does not hold /usr/bin/sundby"
rpm -qpl "$rpmfile" | grep -q '^/usr/share/applications/.*\.desktop$' || fail "the .rpm has no desktop entry"
echo "rpm ok: $(basename "$rpmfile") ($(( $(stat -c %s "$rpmfile") / 1024 )) KiB)"

echo "== remove and purge: the data folder stays"
before=$(cd "$data" && find . -type f -print0 | sort -z | xargs -0 sha256sum)
$SUDO apt-get remove -y -q "$pkg"
[ ! -e /usr/bin/sundby ] || fail "/usr/bin/sundby is still there after remove"
# apt-get cannot name a removed local package any more; dpkg purges what is left.
$SUDO dpkg --purge "$pkg"
status=$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null || true)
case "$status" in *" installed"*|*config-files*) fail "dpkg still holds the package after purge: $status" ;; esac
after=$(cd "$data" && find . -type f -print0 | sort -z | xargs -0 sha256sum)
[ "$before" = "$after" ] || fail "the data folder changed on remove/purge"
[ -f "$data/sundby.sqlite3" ] || fail "the database is gone"
echo "install-test: passed in $(( $(date +%s) - start )) s ($pkg $version; data folder untouched: $(echo "$after" | wc -l) files)"
