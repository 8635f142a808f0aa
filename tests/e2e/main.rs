//! End-to-end tests: the real app window, driven through tauri-driver and
//! WebKitWebDriver. Each test has its own empty data directory.
//!
//! Run with `cargo test --features e2e --test e2e -- --test-threads=1` under
//! `xvfb-run -a dbus-run-session --` (see scripts/test.sh).

mod harness;
mod shell;
// ── Om Sund By Partner and the installed package (issue 16) ──
mod about;
// ── saving documents: the documents folder ──
mod files;
// ── partners (issue 3) ──
mod partner_io;
mod partners;

// ── diplomas (issue 4) ──
mod diplomas;

// ── events (issue 5) ──
mod events;

// ── grants (issue 6) ──
mod grants;

// ── data safety and privacy (issue 15) ──
mod safety;
// ── Overblik, activities and follow-ups (issue 17) ──
mod overview;
// ── what a consultant hit in the landed areas (issue 18) ──
mod consultant;
// ── reports (issue 12) ──
mod reports;
// ── fair mode, copies and merging (issue 13) ──
mod fair;
// ── awards (issue 11) ──
mod awards;
// ── publications (issue 14) ──
mod publications;
