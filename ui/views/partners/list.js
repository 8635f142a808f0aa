// The partner list (#/partnere) and the bin (#/partnere/papirkurv). The list
// searches as you type (name, contacts, emails, initiative), filters by kind,
// status, goal and recruitment channel, sorts in Danish order, shows counts, and pages 50 rows at
// a time, so 10,000 partners never become 10,000 rows in the DOM. Keyboard:
// `/` or Ctrl+F focuses the search, arrows move between rows, Enter opens.
//
// `state` (module-wide) is what the user chose; a `view` object per visit
// holds the elements. `draw…(view, r)` build DOM from an answer, `load` and
// the `on…` handlers ask the core and redraw.
import { h, clear } from '../../dom.js';
import { t } from '../../i18n/index.js';
import { shortDate, count } from '../../format.js';
import { confirmDialog } from '../../dialog.js';
import { kindLabel, kindOptions, statusOptions, channelOptions } from '../../domain/partners.js';
import { statusPill } from './status_pill.js';
import { exportButtons } from './export.js';

const PAGE = 50;

// The list's state survives a visit to a partner and back.
const EVER_ACTIVE = 'ever_active';
const state = { search: '', kind: '', status: '', goal: '', channel: '', sort: 'name', desc: false, offset: 0, selected: 0 };

// The search, filters and sort as the core's list query takes them (also
// what the export writes).
function filterQuery() {
  return {
    search: state.search, kind: state.kind || null,
    // "Har været aktiv" sits in the status filter: any status today, active
    // at some time (where a report's "became active" count leads).
    status: state.status && state.status !== EVER_ACTIVE ? state.status : null,
    ever_active: state.status === EVER_ACTIVE,
    goal: state.goal || null, channel: state.channel || null, sort: state.sort, desc: state.desc,
  };
}

// The heading with the counts and the list's actions.
function listHead(inBin, counts, api, notify) {
  const headActions = inBin
    ? h('div', { class: 'actions' },
      h('a', { class: 'btn secondary', href: '#/partnere', text: t('partners.back_to_list') }))
    : h('div', { class: 'actions' },
      h('a', { class: 'btn', href: '#/partnere/ny', id: 'partner-new', text: t('partners.new') }),
      h('a', { class: 'btn secondary', href: '#/partnere/import', text: t('partners.import') }),
      h('a', { class: 'btn secondary', href: '#/partnere/papirkurv', id: 'partner-bin-link', text: t('partners.bin') }),
      // Export of the list as filtered and sorted now (partner import/export).
      exportButtons(api, notify, filterQuery));
  return h('div', { class: 'page-head list-head' },
    h('div', {},
      h('h2', { text: inBin ? t('partners.bin_title') : t('partners.title') }),
      counts),
    headActions);
}

// Search, filters and sort, showing the remembered state.
function listToolbar(goals) {
  const search = h('input', {
    type: 'search', id: 'partner-search', value: state.search, autocomplete: 'off', spellcheck: 'false',
    placeholder: t('partners.search_placeholder'), 'aria-describedby': 'partner-search-hint',
  });
  const select = (id, label, value, options) => {
    const el = h('select', { id }, options.map((o) => h('option', { value: o.value, text: o.label })));
    el.value = value;
    return { el, wrap: h('div', { class: 'field' }, h('label', { for: id, text: label }), el) };
  };
  const kindSel = select('partner-filter-kind', t('partners.kind'), state.kind,
    [{ value: '', label: t('partners.all_kinds') }, ...kindOptions()]);
  const statusSel = select('partner-filter-status', t('partners.status'), state.status,
    [{ value: '', label: t('partners.all_statuses') }, ...statusOptions(),
      { value: EVER_ACTIVE, label: t('partners.ever_active') }]);
  const goalSel = select('partner-filter-goal', t('partners.goal'), state.goal,
    [{ value: '', label: t('partners.all_goals') },
      ...goals.map((g) => ({ value: g.id, label: `${g.position}. ${g.title}${g.retired ? ` (${t('partners.goal_retired')})` : ''}` }))]);
  const channelSel = select('partner-filter-channel', t('partners.recruitment_channel'), state.channel,
    [{ value: '', label: t('partners.all_channels') }, ...channelOptions()]);
  const sortSel = select('partner-sort', t('partners.sort'), state.sort, [
    { value: 'name', label: t('partners.sort_name') },
    { value: 'joined', label: t('partners.sort_joined') },
    { value: 'status', label: t('partners.sort_status') },
  ]);
  const dirBtn = h('button', { type: 'button', class: 'btn secondary icon', id: 'partner-sort-dir' });
  const drawDir = () => {
    dirBtn.textContent = state.desc ? '↓' : '↑';
    dirBtn.setAttribute('aria-label', state.desc ? t('partners.sort_desc') : t('partners.sort_asc'));
    dirBtn.title = dirBtn.getAttribute('aria-label');
    dirBtn.setAttribute('aria-pressed', String(state.desc));
  };
  drawDir();
  const toolbar = h('div', { class: 'toolbar', role: 'search' },
    h('div', { class: 'field search-field' },
      h('label', { for: 'partner-search', text: t('partners.search') }),
      search,
      h('span', { class: 'hint', id: 'partner-search-hint', text: t('partners.search_hint') })),
    kindSel.wrap, statusSel.wrap, goalSel.wrap, channelSel.wrap,
    h('div', { class: 'field sort-field' },
      h('label', { for: 'partner-sort', text: t('partners.sort') }),
      h('div', { class: 'sort-row' }, sortSel.el, dirBtn)));
  return { toolbar, search, kindSel, statusSel, goalSel, channelSel, sortSel, dirBtn, drawDir };
}

function listTable(inBin) {
  const tbody = h('tbody', { id: 'partner-rows' });
  const table = h('table', { class: 'data partner-table', 'aria-labelledby': 'partner-counts', id: 'partner-table' },
    h('thead', {}, h('tr', {},
      h('th', { scope: 'col', text: t('partners.col_name') }),
      h('th', { scope: 'col', text: t('partners.col_kind') }),
      h('th', { scope: 'col', text: t('partners.col_status') }),
      h('th', { scope: 'col', text: t('partners.col_goals') }),
      h('th', { scope: 'col', class: 'num', text: inBin ? t('partners.col_deleted') : t('partners.col_joined') }))),
    tbody);
  return { table, tbody };
}

// One partner as a table row.
function rowOf(p, goalTitle, inBin) {
  const goalsCell = h('td', { class: 'goals-cell' },
    p.goal_positions.map((n) => h('span', { class: 'goal-dot', title: goalTitle.get(n) || '', text: String(n) })));
  if (p.goal_positions.length) {
    goalsCell.setAttribute('aria-label', p.goal_positions.map((n) => goalTitle.get(n) || n).join('; '));
  }
  const tr = h('tr', { 'data-id': p.id, tabindex: -1, 'aria-selected': 'false' },
    h('td', { class: 'name-cell' },
      h('a', { href: `#/partnere/${encodeURIComponent(p.id)}`, tabindex: -1, class: 'row-link', text: p.name }),
      p.contact_name || p.contact_email
        ? h('span', { class: 'sub', text: [p.contact_name, p.contact_email].filter(Boolean).join(' · ') })
        : null),
    h('td', { text: kindLabel(p.kind) }),
    h('td', {}, statusPill(p.status)),
    goalsCell,
    h('td', { class: 'num', text: inBin ? shortDate(p.deleted_at) : shortDate(p.joined_on) }));
  return tr;
}

// ── drawing: the list area from one answer of partnersList ──

function drawCounts(view, r) {
  const { counts } = view;
  const filtered = state.search.trim() || state.kind || state.status || state.goal || state.channel;
  if (view.inBin) counts.textContent = t('partners.bin_count', { n: count(r.overall) });
  else if (filtered) counts.textContent = t('partners.count_filtered', { n: count(r.total), all: count(r.overall), active: count(r.active) });
  else if (r.total === 1) counts.textContent = t(r.active === 1 ? 'partners.count_one_active' : 'partners.count_one');
  else counts.textContent = t('partners.count', { n: count(r.total), active: count(r.active) });
}

function drawRows(view, r) {
  view.tbody.replaceChildren(...r.rows.map((p) => rowOf(p, view.goalTitle, view.inBin)));
}

function drawPager(view, r) {
  const { pager } = view;
  clear(pager);
  if (r.total <= PAGE) return;
  const from = r.offset + 1;
  const to = Math.min(r.offset + r.rows.length, r.total);
  const prev = h('button', { class: 'btn secondary small', type: 'button', text: t('partners.prev'), disabled: r.offset === 0 });
  const next = h('button', { class: 'btn secondary small', type: 'button', text: t('partners.next'), disabled: to >= r.total });
  prev.addEventListener('click', () => turnPage(view, -PAGE));
  next.addEventListener('click', () => turnPage(view, PAGE));
  pager.append(prev, h('span', { class: 'pager-text', text: t('partners.showing', { from: count(from), to: count(to), total: count(r.total) }) }), next);
}

// No partners at all: a welcome with "new", demo data and import.
function drawEmptyStart(view) {
  view.head.hidden = true;
  view.toolbar.hidden = true;
  const demo = h('button', { class: 'btn secondary', type: 'button', id: 'partner-demo', text: t('partners.demo_load') });
  demo.addEventListener('click', () => onDemo(view, demo));
  view.listArea.replaceChildren(h('section', { class: 'card empty start', id: 'partner-empty' },
    h('h2', { text: t('partners.empty_title') }),
    h('p', { text: t('partners.empty_body') }),
    h('div', { class: 'actions center' },
      h('a', { class: 'btn', href: '#/partnere/ny', text: t('partners.new') }),
      demo),
    h('p', { class: 'hint' },
      t('partners.empty_import_before'), ' ',
      h('a', { href: '#/partnere/import', text: t('partners.empty_import_link') })),
    h('p', { class: 'hint' }, h('a', { href: '#/partnere/papirkurv', id: 'partner-empty-bin-link', text: t('partners.bin_open') }))));
}

// Nothing matches the search and filters (or the bin is empty).
function drawNoMatch(view) {
  const clearBtn = view.inBin ? null : h('button', { class: 'btn secondary', type: 'button', text: t('partners.clear_search') });
  if (clearBtn) clearBtn.addEventListener('click', () => onClearSearch(view));
  view.listArea.replaceChildren(h('div', { class: 'card empty', id: 'partner-none' },
    h('p', { text: view.inBin ? t('partners.bin_empty') : t('partners.no_match') }),
    clearBtn));
}

// The table goes in once; typing only changes the rows: the table stays in
// place (re-inserting it would make the web view lay out the whole list
// area again).
function drawTableInPlace(view) {
  const { listArea, table } = view;
  if (listArea.contains(table)) return;
  const pieces = [h('div', { class: 'table-wrap' }, table), view.pager];
  if (view.inBin) {
    pieces.push(h('div', { class: 'card bin-note' },
      h('p', { text: t('partners.bin_note') }), h('div', { class: 'actions' }, view.emptyBinBtn)));
  }
  listArea.replaceChildren(...pieces);
}

function drawList(view, r) {
  if (!view.inBin && r.overall === 0) {
    drawEmptyStart(view);
    return;
  }
  drawCounts(view, r);
  if (r.rows.length === 0) {
    drawNoMatch(view);
  } else {
    drawRows(view, r);
    drawPager(view, r);
    drawTableInPlace(view);
    selectRow(view, Math.min(state.selected, r.rows.length - 1), false);
  }
  view.listArea.dataset.rendered = String(Date.now());
}

const rowsOf = (view) => Array.from(view.tbody.querySelectorAll('tr[data-id]'));

// Marks row i as the selected one (the one Enter opens), focusing it.
function selectRow(view, i, focus = true) {
  const rows = rowsOf(view);
  if (!rows.length) return;
  const j = Math.max(0, Math.min(rows.length - 1, i));
  rows.forEach((r, k) => {
    r.setAttribute('aria-selected', String(k === j));
    r.tabIndex = k === j ? 0 : -1;
  });
  state.selected = j;
  if (focus) rows[j].focus();
}

// ── controller: asking the core and reacting to the user ──

async function load(view, { keepFocus = false } = {}) {
  const mine = ++view.seq;
  const query = { ...filterQuery(), in_bin: view.inBin, offset: state.offset, limit: PAGE };
  let r;
  try {
    r = await view.api.partnersList(query);
  } catch (err) {
    if (mine === view.seq) view.notify(err.message, 'error');
    return;
  }
  if (mine !== view.seq) return; // a newer keystroke already asked
  if (r.rows.length === 0 && state.offset > 0 && r.total > 0) {
    state.offset = Math.max(0, Math.floor((r.total - 1) / PAGE) * PAGE);
    load(view, { keepFocus });
    return;
  }
  view.result = r;
  drawList(view, r);
}

const open = (id) => { location.hash = `#/partnere/${encodeURIComponent(id)}`; };

// Another page of rows (delta ±PAGE); returns when it is drawn.
function turnPage(view, delta) {
  state.offset = Math.max(0, state.offset + delta);
  state.selected = 0;
  return load(view);
}

function onClearSearch(view) {
  Object.assign(state, { search: '', kind: '', status: '', goal: '', channel: '', offset: 0 });
  view.search.value = ''; view.kindSel.el.value = ''; view.statusSel.el.value = ''; view.goalSel.el.value = '';
  view.channelSel.el.value = '';
  load(view);
  view.search.focus();
}

async function onDemo(view, demo) {
  demo.disabled = true;
  try {
    const n = await view.api.partnersDemo();
    view.notify(t('partners.demo_loaded', { n }));
    view.head.hidden = false;
    view.toolbar.hidden = false;
    await load(view);
  } catch (err) {
    view.notify(err.message, 'error');
    demo.disabled = false;
  }
}

async function onEmptyBin(view) {
  const ok = await confirmDialog(t('partners.empty_bin_confirm'), { ok: t('partners.empty_bin'), danger: true });
  if (!ok) return;
  try {
    const n = await view.api.partnersEmptyBin();
    view.notify(t('partners.bin_emptied', { n }));
    load(view);
  } catch (err) { view.notify(err.message, 'error'); }
}

function onSearchKey(view, e) {
  const { search } = view;
  if (e.key === 'ArrowDown') { e.preventDefault(); selectRow(view, 0); }
  if (e.key === 'Enter') {
    e.preventDefault();
    const rows = rowsOf(view);
    if (rows.length) open(rows[Math.min(state.selected, rows.length - 1)].dataset.id);
  }
  if (e.key === 'Escape' && search.value) { e.preventDefault(); search.value = ''; state.search = ''; state.offset = 0; load(view); }
}

function onRowKey(view, e) {
  const rows = rowsOf(view);
  const i = rows.indexOf(document.activeElement);
  if (i < 0) return;
  const { result } = view;
  if (e.key === 'ArrowDown') { e.preventDefault(); selectRow(view, i + 1); }
  else if (e.key === 'ArrowUp') { e.preventDefault(); if (i === 0) view.search.focus(); else selectRow(view, i - 1); }
  else if (e.key === 'Home') { e.preventDefault(); selectRow(view, 0); }
  else if (e.key === 'End') { e.preventDefault(); selectRow(view, rows.length - 1); }
  else if (e.key === 'Enter') { e.preventDefault(); open(rows[i].dataset.id); }
  else if (e.key === 'PageDown' && result && state.offset + PAGE < result.total) {
    e.preventDefault(); turnPage(view, PAGE).then(() => selectRow(view, 0));
  } else if (e.key === 'PageUp' && state.offset > 0) {
    e.preventDefault(); turnPage(view, -PAGE).then(() => selectRow(view, 0));
  }
}

// `/` (outside a field) or Ctrl+F anywhere: to the search.
function onShortcut(view, e) {
  const typing = e.target.closest && e.target.closest('input, textarea, select, [contenteditable]');
  if ((e.key === '/' && !typing) || ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'f')) {
    if (view.toolbar.hidden) return;
    e.preventDefault();
    view.search.focus();
    view.search.select();
  }
}

function wireEvents(view) {
  const { search, kindSel, statusSel, goalSel, channelSel, sortSel, dirBtn, tbody } = view;
  search.addEventListener('input', () => {
    state.search = search.value;
    state.offset = 0;
    state.selected = 0;
    load(view);
  });
  search.addEventListener('keydown', (e) => onSearchKey(view, e));
  for (const [sel, key] of [[kindSel, 'kind'], [statusSel, 'status'], [goalSel, 'goal'], [channelSel, 'channel']]) {
    sel.el.addEventListener('change', () => { state[key] = sel.el.value; state.offset = 0; state.selected = 0; load(view); });
  }
  sortSel.el.addEventListener('change', () => { state.sort = sortSel.el.value; state.offset = 0; load(view); });
  dirBtn.addEventListener('click', () => { state.desc = !state.desc; view.drawDir(); state.offset = 0; load(view); });
  // A click on a row (not on its link, which opens by itself) opens it.
  tbody.addEventListener('click', (e) => {
    const tr = !e.target.closest('a') && e.target.closest('tr[data-id]');
    if (tr) open(tr.dataset.id);
  });
  tbody.addEventListener('keydown', (e) => onRowKey(view, e));
  if (view.emptyBinBtn) view.emptyBinBtn.addEventListener('click', () => onEmptyBin(view));
}

// `preset` (URLSearchParams from #/partnere/vis/...) replaces the search and
// filters: kind, status (or ever_active=1), goal, channel.
export async function render(main, ctx, inBin, preset = null) {
  const { api, notify } = ctx;
  const settings = await api.settingsGet();
  const goals = settings.goals; // with retired ones: old records still have them
  if (inBin) state.offset = 0;
  if (preset) {
    Object.assign(state, {
      search: '', offset: 0,
      kind: preset.get('kind') || '',
      status: preset.get('ever_active') === '1' ? EVER_ACTIVE : preset.get('status') || '',
      goal: preset.get('goal') || '',
      channel: preset.get('channel') || '',
    });
  }
  const counts = h('p', { class: 'lead counts', id: 'partner-counts', 'aria-live': 'polite' });
  const view = {
    api, notify, inBin,
    goalTitle: new Map(goals.map((g) => [g.position, g.title])),
    seq: 0,          // the newest list query; older answers are dropped
    result: null,    // the last answer drawn
    counts,
    head: listHead(inBin, counts, api, notify),
    ...listToolbar(goals),
    ...listTable(inBin),
    pager: h('nav', { class: 'pager', 'aria-label': t('partners.pages') }),
    listArea: h('div', { class: 'list-area' }),
    emptyBinBtn: inBin ? h('button', { class: 'btn danger', type: 'button', id: 'partner-empty-bin', text: t('partners.empty_bin') }) : null,
  };
  main.append(view.head, view.toolbar, view.listArea);
  wireEvents(view);
  const onKey = (e) => onShortcut(view, e);
  document.addEventListener('keydown', onKey);

  await load(view);
  if (!view.toolbar.hidden && !inBin) view.search.focus({ preventScroll: true });
  return {
    canLeave: () => true,
    destroy: () => document.removeEventListener('keydown', onKey),
  };
}
