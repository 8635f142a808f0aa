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
// A value that ends in a full stop ('12.500,00 kr.') takes the place of the
// sentence's own: never "kr..".
export function t(key, params = {}) {
  const table = tables[current];
  const text = table[key] ?? da[key] ?? key;
  return text.replace(/\{(\w+)\}(\.?)/g, (m, name, stop) => {
    if (!(name in params)) return m;
    const value = String(params[name]);
    return stop && value.endsWith('.') ? value : value + stop;
  });
}

// tn('settings.backups_deleted', n): the `_one` variant of the key when n is 1
// and the language has one, else the key itself; `{n}` is filled in.
export function tn(key, n, params = {}) {
  const table = tables[current];
  const one = `${key}_one`;
  const chosen = n === 1 && (one in table || one in da) ? one : key;
  return t(chosen, { ...params, n });
}
