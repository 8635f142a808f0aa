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
