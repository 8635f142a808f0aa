// How dates, money and counts look on screen: the one place for them. The
// web view may have no locale data for Intl, so everything is done by hand.
// Dates are ISO text in the core ('2026-11-22', '2026-11-22T16:00') and
// Danish on screen ('22.11.2026'), in both languages, as the documents are.
import { language } from './i18n/index.js';
import { danishParts, nowParts, todayIso as clockToday } from './clock.js';

// The month names, the only copy in the UI.
const MONTHS = {
  da: ['januar', 'februar', 'marts', 'april', 'maj', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'december'],
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
};

const pad2 = (n) => String(n).padStart(2, '0');

const isoOf = (p) => `${p.y}-${pad2(p.m)}-${pad2(p.d)}`;

// Today in Denmark (ui/clock.js): '2026-11-22'
export function todayIso() {
  return clockToday();
}

// Now in Denmark, as in the name of a saved file: '2026-11-24 14.05'
export function fileStamp() {
  const p = nowParts();
  return `${isoOf(p)} ${pad2(p.hh)}.${pad2(p.mm)}`;
}

// Today in Denmark, as typed in a form: '22.11.2026'
export function todayDanish() {
  return shortDate(todayIso());
}

// '2026-11-22' (or an RFC 3339 time stamp) -> '22.11.2026'; '' for nothing.
export function shortDate(iso) {
  if (!iso) return '';
  const [y, m, d] = String(iso).slice(0, 10).split('-');
  return d && m && y ? `${d}.${m}.${y}` : String(iso);
}

// '22.11.2026' (also '22-11-2026', '22/11/2026', '1.2.2026') -> '2026-11-22';
// null when the text is not such a date. The core checks the calendar.
export function isoFromDanish(text) {
  const m = /^\s*(\d{1,2})[./-](\d{1,2})[./-](\d{4})\s*$/.exec(String(text || ''));
  return m ? `${m[3]}-${pad2(m[2])}-${pad2(m[1])}` : null;
}

// '2026-11-22' -> '22. november 2026' (Danish) or '22 November 2026'
export function longDate(iso) {
  if (!iso) return '';
  const [y, m, d] = String(iso).slice(0, 10).split('-').map(Number);
  const lang = language();
  const name = MONTHS[lang][m - 1];
  if (!name) return String(iso);
  return lang === 'da' ? `${d}. ${name} ${y}` : `${d} ${name} ${y}`;
}

// '2026-11-22T16:00' -> 'november 2026'
export function monthYear(iso) {
  const [y, m] = String(iso).slice(0, 7).split('-').map(Number);
  return `${MONTHS[language()][m - 1] || ''} ${y}`;
}

// '2026-11-22T16:00' -> 'nov'
export function monthShort(iso) {
  const m = Number(String(iso).slice(5, 7));
  return (MONTHS[language()][m - 1] || '').slice(0, 3);
}

// '2026-11-22T16:00' -> '16.00'
export function clock(localIso) {
  return String(localIso).slice(11, 16).replace(':', '.');
}

// A time stamp (RFC 3339, UTC) in Danish time -> { date: '22.11.2026', time: '16:05' }
export function localStamp(stamp) {
  const p = danishParts(new Date(stamp).getTime());
  return { date: shortDate(isoOf(p)), time: `${pad2(p.hh)}:${pad2(p.mm)}` };
}

// 10000 -> '10.000' (Danish) or '10,000'.
export function count(n) {
  const v = Math.trunc(Number(n));
  const sep = language() === 'da' ? '.' : ',';
  return `${v < 0 ? '-' : ''}${String(Math.abs(v)).replace(/\B(?=(\d{3})+(?!\d))/g, sep)}`;
}

// 1.25 -> '1,3' (Danish) or '1.3': one decimal.
export function decimal1(x) {
  const tenths = Math.round(Number(x) * 10);
  const whole = count(Math.trunc(tenths / 10));
  return `${whole}${language() === 'da' ? ',' : '.'}${Math.abs(tenths % 10)}`;
}

// øre (integer) -> '5.000,00', as typed in an amount field (always Danish).
export function amount(ore) {
  const neg = ore < 0;
  const abs = Math.abs(Math.trunc(ore));
  const kr = Math.floor(abs / 100).toString().replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  const cents = String(abs % 100).padStart(2, '0');
  return `${neg ? '-' : ''}${kr},${cents}`;
}

// øre (integer) -> '5.000,00 kr.'
export function money(ore) {
  return `${amount(ore)} kr.`;
}

// A whole number typed in a field ('1.200', '1 200') -> 1200; null when
// empty; NaN when not a whole number.
export function wholeNumber(value) {
  const v = String(value).trim().replace(/[.\s]/g, '');
  if (v === '') return null;
  return /^\d+$/.test(v) ? Number(v) : NaN;
}
