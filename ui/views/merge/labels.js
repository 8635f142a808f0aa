// Words for the merge's tables and fields, and its stored values as text.
import { t } from '../../i18n/index.js';

export const tableLabel = (table) => t(`merge.table.${table}`);

// The field's name in the window's words; the column name when none is known.
export function fieldLabel(table, column) {
  if (!column) return tableLabel(table);
  const key = `merge.field.${column}`;
  const word = t(key);
  return word === key ? column : word;
}

// A history value is JSON (a field's value, or a whole row as an object).
export function valueText(json) {
  if (json === null || json === undefined) return '—';
  let v;
  try { v = JSON.parse(json); } catch (_) { return String(json); }
  if (v === null) return '—';
  if (typeof v === 'object') {
    return ['name', 'title', 'email', 'partner_name', 'goal_id'].map((k) => v[k]).filter(Boolean).join(', ') || '…';
  }
  return String(v);
}
