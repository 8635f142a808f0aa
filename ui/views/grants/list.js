// Pulje, the list of applications with its filters.
import { h, clear, field } from '../../dom.js';
import { t } from '../../i18n/index.js';
import { shortDate, money, count } from '../../format.js';
import { KINDS, kindLabel } from '../../domain/partners.js';
import { STATUSES, statusLabel } from '../../domain/grants.js';

export async function drawList(page) {
  const { api, notify } = page;
  clear(page.listSection);
  if (!page.overview.pool) { page.listSection.hidden = true; return; }
  page.listSection.hidden = false;
  const apps = await api.grantsList(page.year, page.filter);
  const opt = (value, label) => ({ value, label });
  const status = field({ label: t('grants.filter_status'), name: 'filter_status', value: page.filter.status || '', options: [opt('', t('grants.all')), ...STATUSES.map((s) => opt(s, statusLabel(s)))] });
  const kind = field({ label: t('grants.filter_kind'), name: 'filter_kind', value: page.filter.partner_kind || '', options: [opt('', t('grants.all')), ...KINDS.map((k) => opt(k, kindLabel(k)))] });
  const goal = field({ label: t('grants.filter_goal'), name: 'filter_goal', value: page.filter.goal_id || '', options: [opt('', t('grants.all')), ...page.goals.map((g) => opt(g.id, g.title))] });
  const onFilter = async () => {
    page.filter.status = status.input.value || null;
    page.filter.partner_kind = kind.input.value || null;
    page.filter.goal_id = goal.input.value || null;
    await drawList(page);
    const again = page.listSection.querySelector(`select[name="${document.activeElement && document.activeElement.name}"]`);
    if (again) again.focus();
  };
  [status, kind, goal].forEach((f) => f.input.addEventListener('change', onFilter));
  // A report's link: the grants decided in a period (every pool's year).
  const period = page.filter.decided_from || page.filter.decided_to || page.filter.granted;
  let periodNote = null;
  if (period) {
    const clearPeriod = h('button', { class: 'btn secondary small', type: 'button', id: 'grant-filter-period-clear', text: t('grants.filter_period_clear') });
    clearPeriod.addEventListener('click', async () => {
      Object.assign(page.filter, { granted: false, decided_from: null, decided_to: null });
      await drawList(page);
    });
    const sum = apps.reduce((n, a) => n + (a.granted_ore || 0), 0);
    periodNote = h('div', { class: 'banner', id: 'grant-filter-period', role: 'status' },
      h('p', { text: page.filter.decided_from || page.filter.decided_to
        ? t('grants.filter_period', { from: shortDate(page.filter.decided_from) || '…', to: shortDate(page.filter.decided_to) || '…', n: count(apps.length), sum: money(sum) })
        : t('grants.filter_granted', { n: count(apps.length), sum: money(sum) }) }),
      clearPeriod);
  }
  const add = h('button', { class: 'btn', type: 'button', id: 'grant-new', text: t('grants.new') });
  add.addEventListener('click', () => page.openForm(null));
  const rows = apps.map((a) => {
    const open = h('button', { class: 'btn small secondary', type: 'button', 'data-action': 'open', text: t('grants.open'), 'aria-label': t('grants.open_label', { purpose: a.purpose }) });
    open.addEventListener('click', () => page.openDetail(a.id));
    return h('tr', { 'data-id': a.id, 'aria-selected': a.id === page.selected ? 'true' : 'false' },
      h('td', { text: shortDate(a.received_on) }),
      h('td', { text: a.partner_name }),
      h('td', { text: a.purpose }),
      h('td', { class: 'num', text: money(a.requested_ore) }),
      h('td', { class: 'num', 'data-col': 'granted', text: a.granted_ore === null ? '–' : money(a.granted_ore) }),
      h('td', { 'data-col': 'status' }, h('span', { class: `status status-${a.status}`, text: statusLabel(a.status) })),
      h('td', {}, open));
  });
  page.listSection.append(
    h('div', { class: 'list-head' }, h('h3', { id: 'grant-list-h', text: t('grants.applications', { n: apps.length }) }), add),
    h('div', { class: 'filters' }, status.wrap, kind.wrap, goal.wrap),
    periodNote,
    apps.length === 0
      ? h('p', { class: 'empty-note', text: t('grants.no_applications') })
      : h('table', { class: 'data', id: 'grant-table' },
        h('thead', {}, h('tr', {},
          h('th', { scope: 'col', text: t('grants.col_received') }),
          h('th', { scope: 'col', text: t('grants.col_partner') }),
          h('th', { scope: 'col', text: t('grants.col_purpose') }),
          h('th', { scope: 'col', class: 'num', text: t('grants.col_requested') }),
          h('th', { scope: 'col', class: 'num', text: t('grants.col_granted') }),
          h('th', { scope: 'col', text: t('grants.col_status') }),
          h('th', { scope: 'col', text: t('grants.col_actions') }))),
        h('tbody', {}, rows)));
}
