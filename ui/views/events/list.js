// The event list (#/arrangementer): upcoming and past events grouped by
// month, filtered by kind and goal. Ceremonies from Diplomer appear here
// read-only (they open there).
import { h, clear, nextId } from '../../dom.js';
import { t } from '../../i18n/index.js';
import { monthYear, monthShort } from '../../format.js';
import { KINDS, kindLabel, whenLabel } from '../../domain/events.js';

// Remembered while the app runs, so coming back from an event keeps the view.
const state = { when: 'upcoming', kind: '', goal_id: '' };

// `preset` (URLSearchParams from #/arrangementer/vis/...) sets the filters:
// when, kind, goal.
export async function render(main, ctx, preset = null) {
  const { api, notify } = ctx;
  if (preset) {
    Object.assign(state, {
      when: ['upcoming', 'past', 'all'].includes(preset.get('when')) ? preset.get('when') : 'all',
      kind: preset.get('kind') || '', goal_id: preset.get('goal') || '',
    });
  }
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
    KINDS.map((k) => h('option', { value: k, text: kindLabel(k) })));
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
      // None at all is not the filter's fault: say so and offer the first one.
      const filtered = state.when !== 'all' || state.kind || state.goal_id;
      const any = filtered ? (await api.eventsList({ when: 'all', kind: '', goal_id: '' }).catch(() => [])).length > 0 : false;
      results.append(any
        ? h('div', { class: 'empty', id: 'events-empty' }, h('p', { text: t(`events.none_${state.when}`) }))
        : h('div', { class: 'empty', id: 'events-empty' },
          h('h3', { text: t('events.none_yet') }),
          h('p', { text: t('events.none_yet_hint') }),
          h('a', { class: 'btn', href: '#/arrangementer/ny', id: 'event-new-first', text: t('events.create_first') })));
      return;
    }
    let month = null;
    let ul = null;
    for (const e of list) {
      const label = monthYear(e.starts_at);
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
      h('span', { class: 'event-mon', text: monthShort(e.starts_at) })),
    h('div', { class: 'event-body' },
      h('a', { class: 'event-title', href: e.link, text: e.title }),
      h('p', { class: 'event-meta', text: meta.join(' · ') }),
      who.length ? h('p', { class: 'event-meta', text: t('events.organiser_line', { who: who.join(', ') }) }) : null),
    h('div', { class: 'event-tags' },
      h('span', { class: 'chip', text: kindLabel(e.kind) }),
      ceremony ? h('span', { class: 'badge', text: t('events.from_diplomas') }) : null,
      ceremony && e.participants > 0 ? h('span', { class: 'badge', text: t('events.diplomas_n', { n: e.participants }) }) : null,
      !ceremony && e.participants > 0
        ? h('span', { class: 'badge', text: t('events.attended_of', { attended: e.attended, total: e.participants }) })
        : null));
}
