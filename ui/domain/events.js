// Events' values and labels, and how an event's time reads on screen.
import { t } from '../i18n/index.js';
import { clock, shortDate } from '../format.js';

export const KINDS = ['netvaerksmoede', 'messe', 'offentligt', 'overraekkelse', 'fejring', 'andet'];
export const STATUSES = ['inviteret', 'tilmeldt', 'deltog', 'afbud'];

export const kindLabel = (kind) => t(`events.kind_${kind}`);
export const statusLabel = (status) => t(`events.status_${status}`);

// '2026-11-22T16:00' -> 'søn. 22.11.2026'
export function dayLabel(localIso) {
  const [y, m, d] = String(localIso).slice(0, 10).split('-').map(Number);
  const wd = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
  return `${t(`events.weekday_${wd}`)} ${shortDate(localIso)}`;
}

// "søn. 22.11.2026 kl. 16.00–18.00", over several days with both dates.
export function whenLabel(e) {
  const sameDay = e.starts_at.slice(0, 10) === e.ends_at.slice(0, 10);
  if (e.all_day) return dayLabel(e.starts_at);
  if (sameDay) return t('events.when_same_day', { day: dayLabel(e.starts_at), start: clock(e.starts_at), end: clock(e.ends_at) });
  return t('events.when_days', { start_day: dayLabel(e.starts_at), start: clock(e.starts_at), end_day: dayLabel(e.ends_at), end: clock(e.ends_at) });
}
