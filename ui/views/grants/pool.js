// Pulje, the year's numbers: the year picker with the export, the pool's
// figures and bar with its settings, and the totals by goal and partner kind.
// Each function draws its section of `page` (see index.js) again.
import { h, clear, field, clearErrors } from '../../dom.js';
import { t } from '../../i18n/index.js';
import { money, amount } from '../../format.js';
import { kindLabel } from '../../domain/partners.js';
import { saveDocument, openSaved } from '../../save.js';

export function drawToolbar(page) {
  const { api, notify } = page;
  const years = new Set(page.pools.map((p) => p.year));
  years.add(page.thisYear);
  years.add(page.thisYear + 1);
  years.add(page.year);
  const options = [...years].sort((a, b) => b - a).map((y) => ({ value: String(y), label: String(y) }));
  const pick = field({ label: t('grants.year'), name: 'grant_year', value: String(page.year), options });
  pick.input.id = 'grant-year';
  pick.wrap.querySelector('label').setAttribute('for', 'grant-year');
  pick.input.addEventListener('change', () => {
    location.hash = `#/pulje/${pick.input.value}`;
  });
  const exportBtn = h('button', { class: 'btn secondary', type: 'button', id: 'grant-export', text: t('grants.export') });
  exportBtn.disabled = !page.overview || !page.overview.pool;
  exportBtn.addEventListener('click', async () => {
    exportBtn.disabled = true;
    try {
      const year = page.year;
      const path = await saveDocument('grant_pool', t('grants.export_file_name', { year }), (p) => api.grantsExport(year, p));
      if (path) { notify(t('grants.exported', { path })); await openSaved(path, notify); }
    } catch (err) { notify(err.message, 'error'); } finally { exportBtn.disabled = false; }
  });
  page.toolbar.replaceChildren(pick.wrap, h('div', { class: 'actions' }, exportBtn));
}

export function drawPool(page) {
  const { api, notify } = page;
  clear(page.poolSection);
  page.poolSection.append(h('h3', { id: 'grant-pool-h', text: t('grants.pool_for', { year: page.year }) }));
  const pool = page.overview.pool;
  if (!pool) {
    const create = h('button', { class: 'btn', type: 'button', id: 'grant-pool-create', text: t('grants.pool_create', { year: page.year }) });
    create.addEventListener('click', async () => {
      try {
        await api.grantsPoolCreate(page.year);
        notify(t('grants.pool_created', { year: page.year }));
        await page.reload();
      } catch (err) { notify(err.message, 'error'); }
    });
    page.poolSection.append(h('p', { text: t('grants.no_pool', { year: page.year }) }),
      h('p', { class: 'hint', text: t('grants.pool_defaults') }),
      h('div', { class: 'actions' }, create));
    return;
  }
  const figure = (key, label, ore) => h('div', { class: 'figure' },
    h('dt', { text: label }),
    h('dd', { 'data-figure': key, text: money(ore) }));
  page.poolSection.append(h('dl', { class: 'pool-figures' },
    figure('total', t('grants.total'), page.overview.total_ore),
    figure('granted', t('grants.granted'), page.overview.granted_ore),
    figure('paid', t('grants.paid'), page.overview.paid_ore),
    figure('remaining', t('grants.remaining'), page.overview.remaining_ore)));
  const pct = (ore) => (page.overview.total_ore > 0 ? Math.min(100, (ore / page.overview.total_ore) * 100) : 0);
  const paidBar = h('span', { class: 'pool-bar-paid' });
  const grantedBar = h('span', { class: 'pool-bar-granted' });
  // CSSOM widths (allowed by the CSP, unlike style attributes).
  paidBar.style.width = `${pct(page.overview.paid_ore)}%`;
  grantedBar.style.width = `${pct(page.overview.granted_ore - page.overview.paid_ore)}%`;
  const bar = h('div', {
    class: 'pool-bar',
    id: 'grant-pool-bar',
    role: 'img',
    'data-granted-pct': pct(page.overview.granted_ore).toFixed(2),
    'data-paid-pct': pct(page.overview.paid_ore).toFixed(2),
    'aria-label': t('grants.bar_label', {
      granted: money(page.overview.granted_ore), paid: money(page.overview.paid_ore), total: money(page.overview.total_ore),
    }),
  }, paidBar, grantedBar);
  page.poolSection.append(bar, h('p', { class: 'pool-legend' },
    h('span', { class: 'swatch paid', 'aria-hidden': 'true' }), t('grants.paid'), ' ',
    h('span', { class: 'swatch granted', 'aria-hidden': 'true' }), t('grants.granted_unpaid'), ' ',
    h('span', { class: 'swatch free', 'aria-hidden': 'true' }), t('grants.remaining')));
  if (page.overview.pending_ore > 0) {
    page.poolSection.append(h('p', { class: 'hint', text: t('grants.pending', { amount: money(page.overview.pending_ore) }) }));
  }
  if (pool.criteria) page.poolSection.append(h('p', { class: 'criteria', text: pool.criteria }));

  // Pool settings, folded away.
  const total = field({ label: t('grants.pool_total'), name: 'pool_total', value: amount(pool.total_ore), hint: t('grants.amount_hint'), attrs: { inputmode: 'decimal', autocomplete: 'off' } });
  const max = field({ label: t('grants.pool_max'), name: 'pool_max', value: amount(pool.max_per_application_ore), hint: t('grants.amount_hint'), attrs: { inputmode: 'decimal', autocomplete: 'off' } });
  const criteria = field({ label: t('grants.pool_criteria'), name: 'pool_criteria', value: pool.criteria, multiline: true, attrs: { maxlength: 4000, rows: 3 } });
  const save = h('button', { class: 'btn', type: 'submit', text: t('grants.pool_save') });
  const form = h('form', { class: 'pool-form', novalidate: true, id: 'grant-pool-form' },
    h('div', { class: 'grid-2' }, total.wrap, max.wrap), criteria.wrap, h('div', { class: 'actions' }, save));
  form.addEventListener('input', () => { page.dirty = true; });
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    clearErrors(form);
    try {
      await api.grantsPoolSave({ year: page.year, total: total.input.value, max_per_application: max.input.value, criteria: criteria.input.value });
      page.dirty = false;
      notify(t('grants.pool_saved'));
      await page.reload();
    } catch (err) { page.fail(form)(err); }
  });
  page.poolSection.append(h('details', { class: 'pool-settings' }, h('summary', { text: t('grants.pool_edit') }), form));
}

export function drawTotals(page) {
  clear(page.totalsSection);
  if (!page.overview.pool) return;
  const table = (id, caption, rows) => h('div', { class: 'card' },
    h('table', { class: 'data', id },
      h('caption', { text: caption }),
      h('thead', {}, h('tr', {},
        h('th', { scope: 'col', text: caption }),
        h('th', { scope: 'col', class: 'num', text: t('grants.col_applications') }),
        h('th', { scope: 'col', class: 'num', text: t('grants.granted') }),
        h('th', { scope: 'col', class: 'num', text: t('grants.paid') }))),
      h('tbody', {}, rows.length === 0
        ? h('tr', {}, h('td', { colspan: 4, class: 'hint', text: t('grants.none_yet') }))
        : rows.map((r) => h('tr', {},
          h('th', { scope: 'row', text: r.label }),
          h('td', { class: 'num', text: String(r.applications) }),
          h('td', { class: 'num', text: money(r.granted_ore) }),
          h('td', { class: 'num', text: money(r.paid_ore) }))))));
  page.totalsSection.append(
    table('grant-by-goal', t('grants.by_goal'), page.overview.by_goal),
    table('grant-by-kind', t('grants.by_kind'), page.overview.by_kind.map((r) => ({ ...r, label: kindLabel(r.key) }))));
}
