// The one clock of the UI: "now" and "today" on the Danish wall clock
// (Europe/Copenhagen), whatever the machine's time zone, computed by hand
// (the web view may have no time-zone data). The core's `dates` module is
// the same clock on the Rust side.
//
//   nowParts()  -> { y, m, d, hh, mm }   the Danish wall clock now
//   todayIso()  -> '2026-12-02'          today in Denmark
//   thisYear()  -> 2026
//   setClock(fn) tests fix the clock: fn() returns milliseconds since 1970
//                (UTC); setClock(null) is the real clock again.

let source = () => Date.now();

export function setClock(fn) {
  source = typeof fn === 'function' ? fn : () => Date.now();
}

const pad2 = (n) => String(n).padStart(2, '0');

// The last Sunday of `month` (0-based) in `year`, at 01:00 UTC, in ms.
function lastSundayOneUtc(year, month) {
  const last = new Date(Date.UTC(year, month + 1, 0));
  const day = last.getUTCDate() - last.getUTCDay();
  return Date.UTC(year, month, day, 1, 0, 0);
}

// Danish summer time: from the last Sunday of March to the last Sunday of
// October, both at 01:00 UTC (the EU rule).
function offsetHours(ms) {
  const year = new Date(ms).getUTCFullYear();
  const summer = ms >= lastSundayOneUtc(year, 2) && ms < lastSundayOneUtc(year, 9);
  return summer ? 2 : 1;
}

// An instant (ms, UTC) on the Danish wall clock.
export function danishParts(ms) {
  const local = new Date(ms + offsetHours(ms) * 3600 * 1000);
  return {
    y: local.getUTCFullYear(),
    m: local.getUTCMonth() + 1,
    d: local.getUTCDate(),
    hh: local.getUTCHours(),
    mm: local.getUTCMinutes(),
  };
}

export function nowParts() {
  return danishParts(source());
}

export function todayIso() {
  const p = nowParts();
  return `${p.y}-${pad2(p.m)}-${pad2(p.d)}`;
}

export function thisYear() {
  return nowParts().y;
}
