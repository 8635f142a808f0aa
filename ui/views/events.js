// Arrangementer: upcoming and past events grouped by month, filtered by kind
// and goal. Ceremonies from Diplomer appear here read-only (they open there).
// Sub-routes: #/arrangementer/ny, #/arrangementer/<id>[/rediger] (event_detail.js)
// and #/arrangementer/nyhedsbrev (newsletter.js). Also exports
// renderPartnerEvents() for the partner's page.
import { h, clear, nextId } from '../dom.js';
import { t, language } from '../i18n/index.js';

export const KINDS = ['netvaerksmoede', 'messe', 'offentligt', 'overraekkelse', 'fejring', 'andet'];
export const STATUSES = ['inviteret', 'tilmeldt', 'deltog', 'afbud'];

const MONTHS = {
  da: ['januar', 'februar', 'marts', 'april', 'maj', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'december'],
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
};

// '2026-11-22T16:00' -> 'november 2026'
export function monthLabel(localIso) {
  const [y, m] = String(localIso).slice(0, 7).split('-').map(Number);
  return `${MONTHS[language()][m - 1] || ''} ${y}`;
}

// '2026-11-22T16:00' -> '16.00'
export function clock(localIso) {
  return String(localIso).slice(11, 16).replace(':', '.');
}

// '2026-11-22T16:00' -> 'søn. 22.11.2026'
export function dayLabel(localIso) {
  const [y, m, d] = String(localIso).slice(0, 10).split('-').map(Number);
  const wd = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
  return `${t(`events.weekday_${wd}`)} ${String(d).padStart(2, '0')}.${String(m).padStart(2, '0')}.${y}`;
}

// "søn. 22.11.2026 kl. 16.00–18.00", over several days with both dates.
export function whenLabel(e) {
  const sameDay = e.starts_at.slice(0, 10) === e.ends_at.slice(0, 10);
  if (e.all_day) return dayLabel(e.starts_at);
  if (sameDay) return t('events.when_same_day', { day: dayLabel(e.starts_at), start: clock(e.starts_at), end: clock(e.ends_at) });
  return t('events.when_days', { start_day: dayLabel(e.starts_at), start: clock(e.starts_at), end_day: dayLabel(e.ends_at), end: clock(e.ends_at) });
}

export async function render(main, ctx) {
  const sub = ctx.params[0];
  if (sub === 'nyhedsbrev') {
    const m = await import('./newsletter.js');
    return m.render(main, ctx);
  }
  if (sub) {
    const m = await import('./event_detail.js');
    return m.render(main, ctx);
  }
  return renderList(main, ctx);
}

// Remembered while the app runs, so coming back from an event keeps the view.
const state = { when: 'upcoming', kind: '', goal_id: '' };

async function renderList(main, ctx) {
  const { api, notify } = ctx;
  const settings = await api.settingsGet();
  const goals = settings.goals.filter((g) => !g.retired || g.id === state.goal_id);

  main.append(h('div', { class: 'page-head' },
    h('h2', { text: t('events.title') }),
    h('p', { class: 'lead', text: t('events.intro') }),
    h('div', { class: 'actions' },
      h('a', { class: 'btn', href: '#/arrangementer/ny', id: 'event-new', text: t('events.new') }),
      h('a', { class: 'btn secondary', href: '#/arrangementer/nyhedsbrev', id: 'newsletter-open', text: t('events.newsletter') }))));

  const whenId = nextId('when');
  const kindId = nextId('kind');
  const goalId = nextId('goal');
  const whenSel = h('select', { id: whenId, name: 'when' },
    ['upcoming', 'past', 'all'].map((w) => h('option', { value: w, text: t(`events.when_${w}`) })));
  const kindSel = h('select', { id: kindId, name: 'kind' },
    h('option', { value: '', text: t('events.all_kinds') }),
    KINDS.map((k) => h('option', { value: k, text: t(`events.kind_${k}`) })));
  const goalSel = h('select', { id: goalId, name: 'goal' },
    h('option', { value: '', text: t('events.all_goals') }),
    goals.map((g) => h('option', { value: g.id, text: g.title })));
  whenSel.value = state.when;
  kindSel.value = state.kind;
  goalSel.value = state.goal_id;
  const filters = h('form', { class: 'event-filters card', role: 'search', 'aria-label': t('events.filters') },
    h('div', { class: 'field' }, h('label', { for: whenId, text: t('events.show') }), whenSel),
    h('div', { class: 'field' }, h('label', { for: kindId, text: t('events.kind') }), kindSel),
    h('div', { class: 'field' }, h('label', { for: goalId, text: t('events.goal') }), goalSel));
  filters.addEventListener('submit', (e) => e.preventDefault());
  const results = h('div', { id: 'event-results', 'aria-live': 'polite' });
  main.append(filters, results);

  async function load() {
    state.when = whenSel.value;
    state.kind = kindSel.value;
    state.goal_id = goalSel.value;
    let list;
    try {
      list = await api.eventsList({ when: state.when, kind: state.kind, goal_id: state.goal_id });
    } catch (err) {
      notify(err.message, 'error');
      return;
    }
    clear(results);
    if (list.length === 0) {
      results.append(h('div', { class: 'empty' },
        h('p', { text: t(`events.none_${state.when}`) })));
      return;
    }
    let month = null;
    let ul = null;
    for (const e of list) {
      const label = monthLabel(e.starts_at);
      if (label !== month) {
        month = label;
        const hid = nextId('month');
        ul = h('ul', { class: 'event-list', 'aria-labelledby': hid });
        results.append(h('section', { class: 'event-month' }, h('h3', { id: hid, text: label }), ul));
      }
      ul.append(eventItem(e));
    }
  }
  for (const sel of [whenSel, kindSel, goalSel]) sel.addEventListener('change', load);
  await load();
  return {};
}

function eventItem(e) {
  const ceremony = e.source === 'ceremony';
  const meta = [whenLabel(e)];
  if (e.place) meta.push(e.place);
  const who = [];
  if (e.by_municipality && !ceremony) who.push(t('events.by_municipality_short'));
  who.push(...e.organisers);
  return h('li', { class: 'event-item', 'data-event-id': e.id, 'data-source': e.source },
    h('div', { class: 'event-date', 'aria-hidden': 'true' },
      h('span', { class: 'event-day', text: String(Number(e.starts_at.slice(8, 10))) }),
      h('span', { class: 'event-mon', text: monthLabel(e.starts_at).slice(0, 3) })),
    h('div', { class: 'event-body' },
      h('a', { class: 'event-title', href: e.link, text: e.title }),
      h('p', { class: 'event-meta', text: meta.join(' · ') }),
      who.length ? h('p', { class: 'event-meta', text: t('events.organiser_line', { who: who.join(', ') }) }) : null),
    h('div', { class: 'event-tags' },
      h('span', { class: 'chip', text: t(`events.kind_${e.kind}`) }),
      ceremony ? h('span', { class: 'badge', text: t('events.from_diplomas') }) : null,
      !ceremony && e.participants > 0
        ? h('span', { class: 'badge', text: t('events.attended_of', { attended: e.attended, total: e.participants }) })
        : null));
}

// The events a partner organised or is on the list of, for the partner page
// (container id `partner-links`). Safe to call with any container.
export async function renderPartnerEvents(container, partnerId, api) {
  const section = h('section', { class: 'card partner-events', 'aria-labelledby': 'partner-events-h' },
    h('h3', { id: 'partner-events-h', text: t('events.partner_events') }));
  container.append(section);
  let list;
  try {
    list = await api.partnerEvents(partnerId);
  } catch (err) {
    section.append(h('p', { class: 'banner error', text: err.message }));
    return;
  }
  if (list.length === 0) {
    section.append(h('p', { class: 'hint', text: t('events.partner_none') }));
    return;
  }
  const rows = list.map((e) => h('tr', { 'data-event-id': e.event_id },
    h('td', {}, h('a', { href: `#/arrangementer/${encodeURIComponent(e.event_id)}`, text: e.title })),
    h('td', { text: whenLabel(e) }),
    h('td', { text: t(`events.kind_${e.kind}`) }),
    h('td', { class: 'partner-event-role', text: e.role === 'organiser' ? t('events.role_organiser') : t(`events.status_${e.status}`) })));
  section.append(h('table', { class: 'data' },
    h('thead', {}, h('tr', {},
      h('th', { scope: 'col', text: t('events.col_event') }),
      h('th', { scope: 'col', text: t('events.col_when') }),
      h('th', { scope: 'col', text: t('events.kind') }),
      h('th', { scope: 'col', text: t('events.col_part') }))),
    h('tbody', {}, rows)));
}
