// The UI's language: holds the current string table and looks strings up.
// All strings live in da.js and en.js, one file per language.
import da from './da.js';
import en from './en.js';

const tables = { da, en };
let current = 'da';

export function setLanguage(code) {
  current = tables[code] ? code : 'da';
  document.documentElement.lang = current;
}

export function language() {
  return current;
}

// t('settings.title') or t('partners.count', { n: 3 }): `{name}` placeholders
// are filled from `params`. A missing key shows itself, so it is easy to spot.
export function t(key, params = {}) {
  const table = tables[current];
  const text = table[key] ?? da[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (m, name) => (name in params ? String(params[name]) : m));
}

// tn('settings.backups_deleted', n): the `_one` variant of the key when n is 1
// and the language has one, else the key itself; `{n}` is filled in.
export function tn(key, n, params = {}) {
  const table = tables[current];
  const one = `${key}_one`;
  const chosen = n === 1 && (one in table || one in da) ? one : key;
  return t(chosen, { ...params, n });
}

// Danish formats (the UI shows them in both languages, as the documents are Danish).
const MONTHS = {
  da: ['januar', 'februar', 'marts', 'april', 'maj', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'december'],
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
};

// '2026-11-22' -> '22.11.2026'
export function shortDate(iso) {
  if (!iso) return '';
  const [y, m, d] = String(iso).slice(0, 10).split('-');
  return d && m && y ? `${d}.${m}.${y}` : String(iso);
}

// '2026-11-22' -> '22. november 2026' (Danish) or '22 November 2026'
export function longDate(iso) {
  if (!iso) return '';
  const [y, m, d] = String(iso).slice(0, 10).split('-').map(Number);
  const name = MONTHS[current][m - 1];
  if (!name) return String(iso);
  return current === 'da' ? `${d}. ${name} ${y}` : `${d} ${name} ${y}`;
}

// øre (integer) -> '5.000,00 kr.'
export function money(ore) {
  const neg = ore < 0;
  const abs = Math.abs(Math.trunc(ore));
  const kr = Math.floor(abs / 100).toString().replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  const cents = String(abs % 100).padStart(2, '0');
  return `${neg ? '-' : ''}${kr},${cents} kr.`;
}
