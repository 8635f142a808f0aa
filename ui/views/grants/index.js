// Pulje: the year's grant pool. A year picker, the pool's numbers and a bar,
// totals by goal and partner kind, the list of applications with filters, an
// application form, and per application: review, decision, payout, report,
// adjustment and the decision letter. Every rule lives in Rust; a refusal
// comes back as {code, message, field} and is shown next to its field.
//
// Routes: #/pulje, #/pulje/<year>, #/pulje/<year>/<id> (one application
// open), #/pulje/vis/<filters> (the list with filters set, e.g.
// `granted=1&decided_from=2026-01-01&decided_to=2026-06-30&goal=<id>`:
// where a report's pool figure leads; a decision period spans pools, so the
// list then holds every year's decisions in it).
//
// This module holds the page's state (`page`) and reloads it; pool.js,
// list.js, form.js and detail.js draw their sections from it.
import { h, showFieldError } from '../../dom.js';
import { t } from '../../i18n/index.js';
import { drawToolbar, drawPool, drawTotals } from './pool.js';
import { drawList } from './list.js';
import { openForm } from './form.js';
import { openDetail } from './detail.js';
import { thisYear } from '../../clock.js';

function pickYear(pools, asked, thisYear) {
  if (asked) return asked;
  return pools.some((p) => p.year === thisYear) || pools.length === 0 ? thisYear : pools[0].year;
}

function sections(container) {
  const head = h('div', { class: 'page-head' },
    h('h2', { text: t('grants.title') }),
    h('p', { class: 'lead', text: t('grants.intro') }));
  const s = {
    toolbar: h('div', { class: 'grants-toolbar' }),
    poolSection: h('section', { class: 'card', id: 'grant-pool', 'aria-labelledby': 'grant-pool-h' }),
    totalsSection: h('section', { class: 'grid-2', id: 'grant-totals' }),
    listSection: h('section', { class: 'card', id: 'grant-list', 'aria-labelledby': 'grant-list-h' }),
    detail: h('section', { class: 'card', id: 'grant-detail', 'aria-live': 'polite', hidden: true }),
  };
  container.append(head, s.toolbar, s.poolSection, s.listSection, s.detail, s.totalsSection);
  return s;
}

async function reload(page) {
  [page.pools, page.overview] = await Promise.all([page.api.grantsPools(), page.api.grantsOverview(page.year)]);
  drawToolbar(page);
  drawPool(page);
  drawTotals(page);
  await drawList(page);
  if (page.selected) {
    const stillThere = page.listSection.querySelector(`tr[data-id="${CSS.escape(page.selected)}"]`);
    if (stillThere) await openDetail(page, page.selected);
    else { page.selected = null; page.detail.hidden = true; }
  }
}

// The list's filters from `#/pulje/vis/<filters>`.
function presetFilter(query) {
  const q = new URLSearchParams(query || '');
  return {
    status: q.get('status') || null,
    partner_kind: q.get('kind') || null,
    goal_id: q.get('goal') || null,
    granted: q.get('granted') === '1',
    decided_from: q.get('decided_from') || null,
    decided_to: q.get('decided_to') || null,
  };
}

export async function render(container, ctx) {
  const { api, notify } = ctx;
  const currentYear = thisYear();
  const pools = await api.grantsPools();
  const preset = ctx.params[0] === 'vis' ? presetFilter(ctx.params[1]) : null;
  // The pool shown beside a decision period: the year it ends in.
  const presetYear = preset && preset.decided_to ? Number(preset.decided_to.slice(0, 4)) || null : null;
  const page = {
    api,
    notify,
    thisYear: currentYear,
    pools,
    year: pickYear(pools, preset ? presetYear : Number(ctx.params[0]) || null, currentYear),
    filter: preset || { status: null, partner_kind: null, goal_id: null },
    overview: null,
    partners: [],
    goals: [],
    // id of the open application (`#/pulje/<year>/<id>` opens one)
    selected: preset ? null : ctx.params[1] || null,
    dirty: false,
    ...sections(container),
    fail: (scope) => (err) => showFieldError(scope, err, notify),
    reload: () => reload(page),
    openForm: (app) => openForm(page, app),
    openDetail: (id) => openDetail(page, id),
  };
  [page.partners, page.goals] = await Promise.all([
    api.grantsPartners(),
    api.settingsGet().then((s) => s.goals.filter((g) => !g.retired)),
  ]);
  await page.reload();
  return { canLeave: () => !page.dirty };
}
