#!/usr/bin/env bash
# The benchmarks of the performance targets (not part of the test command):
# the store's search, import/export of 10,000 partners, diploma PDFs, the
# Overblik, the reports, merging a copy, the awards catalogue, and the
# WebDriver measurement from a keystroke to the rendered list in the real
# window, run against a release build of the app.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
export CARGO_TERM_COLOR=never
cargo bench -p sundby-core --bench partners_search --bench partner_io --bench diplomas --bench overview \
  --bench reports --bench sync --bench awards --bench publications
cargo build --release
echo "== keystroke to rendered list (release app, 10,000 partners)"
SUNDBY_E2E_BIN="$PWD/target/release/sundby" \
  xvfb-run -a -s "-screen 0 1280x800x24" dbus-run-session -- \
  cargo test -p sundby --features e2e --test e2e -- --test-threads=1 --nocapture keystroke 2>&1 |
  grep -E "keystroke to rendered list|test result"
