// The partner list (#/partnere) and the bin (#/partnere/papirkurv). The list
// searches as you type (name, contacts, emails, initiative), filters by kind,
// status and goal, sorts in Danish order, shows counts, and pages 50 rows at
// a time, so 10,000 partners never become 10,000 rows in the DOM. Keyboard:
// `/` or Ctrl+F focuses the search, arrows move between rows, Enter opens.
import { h, clear } from '../../dom.js';
import { t } from '../../i18n/index.js';
import { shortDate, count } from '../../format.js';
import { confirmDialog } from '../../dialog.js';
import { kindLabel, kindOptions, statusOptions } from '../../domain/partners.js';
import { statusPill } from './status_pill.js';
import { exportButtons } from './export.js';

const PAGE = 50;

// The list's state survives a visit to a partner and back.
const state = { search: '', kind: '', status: '', goal: '', sort: 'name', desc: false, offset: 0, selected: 0 };

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
      exportButtons(api, notify, () => ({
        search: state.search, kind: state.kind || null, status: state.status || null,
        goal: state.goal || null, sort: state.sort, desc: state.desc,
      })));
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
    [{ value: '', label: t('partners.all_statuses') }, ...statusOptions()]);
  const goalSel = select('partner-filter-goal', t('partners.goal'), state.goal,
    [{ value: '', label: t('partners.all_goals') },
      ...goals.map((g) => ({ value: g.id, label: `${g.position}. ${g.title}${g.retired ? ` (${t('partners.goal_retired')})` : ''}` }))]);
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
    kindSel.wrap, statusSel.wrap, goalSel.wrap,
    h('div', { class: 'field sort-field' },
      h('label', { for: 'partner-sort', text: t('partners.sort') }),
      h('div', { class: 'sort-row' }, sortSel.el, dirBtn)));
  return { toolbar, search, kindSel, statusSel, goalSel, sortSel, dirBtn, drawDir };
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

export async function render(main, ctx, inBin) {
  const { api, notify } = ctx;
  const settings = await api.settingsGet();
  const goals = settings.goals; // with retired ones: old records still have them
  const goalTitle = new Map(goals.map((g) => [g.position, g.title]));
  let seq = 0;
  let result = null;
  if (inBin) state.offset = 0;

  const counts = h('p', { class: 'lead counts', id: 'partner-counts', 'aria-live': 'polite' });
  const head = listHead(inBin, counts, api, notify);
  const { toolbar, search, kindSel, statusSel, goalSel, sortSel, dirBtn, drawDir } = listToolbar(goals);
  const { table, tbody } = listTable(inBin);
  const pager = h('nav', { class: 'pager', 'aria-label': t('partners.pages') });
  const listArea = h('div', { class: 'list-area' });
  const emptyBinBtn = inBin ? h('button', { class: 'btn danger', type: 'button', id: 'partner-empty-bin', text: t('partners.empty_bin') }) : null;

  main.append(head, toolbar, listArea);

  const open = (id) => { location.hash = `#/partnere/${encodeURIComponent(id)}`; };

  function rowsOf() { return Array.from(tbody.querySelectorAll('tr[data-id]')); }
  function selectRow(i, focus = true) {
    const rows = rowsOf();
    if (!rows.length) return;
    const j = Math.max(0, Math.min(rows.length - 1, i));
    rows.forEach((r, k) => {
      r.setAttribute('aria-selected', String(k === j));
      r.tabIndex = k === j ? 0 : -1;
    });
    state.selected = j;
    if (focus) rows[j].focus();
  }

  function drawRows(r) {
    const rows = r.rows.map((p) => {
      const tr = rowOf(p, goalTitle, inBin);
      tr.addEventListener('click', (e) => {
        if (e.target.closest('a')) return;
        open(p.id);
      });
      return tr;
    });
    tbody.replaceChildren(...rows);
  }

  function drawPager(r) {
    clear(pager);
    if (r.total <= PAGE) return;
    const from = r.offset + 1;
    const to = Math.min(r.offset + r.rows.length, r.total);
    const prev = h('button', { class: 'btn secondary small', type: 'button', text: t('partners.prev'), disabled: r.offset === 0 });
    const next = h('button', { class: 'btn secondary small', type: 'button', text: t('partners.next'), disabled: to >= r.total });
    prev.addEventListener('click', () => { state.offset = Math.max(0, state.offset - PAGE); state.selected = 0; load(); });
    next.addEventListener('click', () => { state.offset += PAGE; state.selected = 0; load(); });
    pager.append(prev, h('span', { class: 'pager-text', text: t('partners.showing', { from: count(from), to: count(to), total: count(r.total) }) }), next);
  }

  function drawCounts(r) {
    const filtered = state.search.trim() || state.kind || state.status || state.goal;
    if (inBin) counts.textContent = t('partners.bin_count', { n: count(r.overall) });
    else if (filtered) counts.textContent = t('partners.count_filtered', { n: count(r.total), all: count(r.overall), active: count(r.active) });
    else if (r.total === 1) counts.textContent = t(r.active === 1 ? 'partners.count_one_active' : 'partners.count_one');
    else counts.textContent = t('partners.count', { n: count(r.total), active: count(r.active) });
  }

  function drawEmptyStart() {
    head.hidden = true;
    toolbar.hidden = true;
    const demo = h('button', { class: 'btn secondary', type: 'button', id: 'partner-demo', text: t('partners.demo_load') });
    demo.addEventListener('click', async () => {
      demo.disabled = true;
      try {
        const n = await api.partnersDemo();
        notify(t('partners.demo_loaded', { n }));
        head.hidden = false;
        toolbar.hidden = false;
        await load();
      } catch (err) {
        notify(err.message, 'error');
        demo.disabled = false;
      }
    });
    listArea.replaceChildren(h('section', { class: 'card empty start', id: 'partner-empty' },
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

  async function load({ keepFocus = false } = {}) {
    const mine = ++seq;
    const query = {
      search: state.search,
      kind: state.kind || null,
      status: state.status || null,
      goal: state.goal || null,
      sort: state.sort,
      desc: state.desc,
      in_bin: inBin,
      offset: state.offset,
      limit: PAGE,
    };
    let r;
    try {
      r = await api.partnersList(query);
    } catch (err) {
      if (mine === seq) notify(err.message, 'error');
      return;
    }
    if (mine !== seq) return; // a newer keystroke already asked
    if (r.rows.length === 0 && state.offset > 0 && r.total > 0) {
      state.offset = Math.max(0, Math.floor((r.total - 1) / PAGE) * PAGE);
      load({ keepFocus });
      return;
    }
    result = r;
    if (!inBin && r.overall === 0) {
      drawEmptyStart();
      return;
    }
    drawCounts(r);
    if (r.rows.length === 0) {
      const clearBtn = h('button', { class: 'btn secondary', type: 'button', text: t('partners.clear_search') });
      clearBtn.addEventListener('click', () => {
        Object.assign(state, { search: '', kind: '', status: '', goal: '', offset: 0 });
        search.value = ''; kindSel.el.value = ''; statusSel.el.value = ''; goalSel.el.value = '';
        load();
        search.focus();
      });
      listArea.replaceChildren(h('div', { class: 'card empty', id: 'partner-none' },
        h('p', { text: inBin ? t('partners.bin_empty') : t('partners.no_match') }),
        inBin ? null : clearBtn));
      listArea.dataset.rendered = String(Date.now());
      return;
    }
    drawRows(r);
    drawPager(r);
    // Typing only changes the rows: the table stays in place (re-inserting
    // it would make the web view lay out the whole list area again).
    if (!listArea.contains(table)) {
      const pieces = [h('div', { class: 'table-wrap' }, table), pager];
      if (inBin) {
        pieces.push(h('div', { class: 'card bin-note' },
          h('p', { text: t('partners.bin_note') }), h('div', { class: 'actions' }, emptyBinBtn)));
      }
      listArea.replaceChildren(...pieces);
    }
    selectRow(Math.min(state.selected, r.rows.length - 1), false);
    listArea.dataset.rendered = String(Date.now());
  }

  // ── events ──
  search.addEventListener('input', () => {
    state.search = search.value;
    state.offset = 0;
    state.selected = 0;
    load();
  });
  search.addEventListener('keydown', (e) => {
    if (e.key === 'ArrowDown') { e.preventDefault(); selectRow(0); }
    if (e.key === 'Enter') {
      e.preventDefault();
      const rows = rowsOf();
      if (rows.length) open(rows[Math.min(state.selected, rows.length - 1)].dataset.id);
    }
    if (e.key === 'Escape' && search.value) { e.preventDefault(); search.value = ''; state.search = ''; state.offset = 0; load(); }
  });
  for (const [sel, key] of [[kindSel, 'kind'], [statusSel, 'status'], [goalSel, 'goal']]) {
    sel.el.addEventListener('change', () => { state[key] = sel.el.value; state.offset = 0; state.selected = 0; load(); });
  }
  sortSel.el.addEventListener('change', () => { state.sort = sortSel.el.value; state.offset = 0; load(); });
  dirBtn.addEventListener('click', () => { state.desc = !state.desc; drawDir(); state.offset = 0; load(); });

  tbody.addEventListener('keydown', (e) => {
    const rows = rowsOf();
    const i = rows.indexOf(document.activeElement);
    if (i < 0) return;
    if (e.key === 'ArrowDown') { e.preventDefault(); selectRow(i + 1); }
    else if (e.key === 'ArrowUp') { e.preventDefault(); if (i === 0) search.focus(); else selectRow(i - 1); }
    else if (e.key === 'Home') { e.preventDefault(); selectRow(0); }
    else if (e.key === 'End') { e.preventDefault(); selectRow(rows.length - 1); }
    else if (e.key === 'Enter') { e.preventDefault(); open(rows[i].dataset.id); }
    else if (e.key === 'PageDown' && result && state.offset + PAGE < result.total) {
      e.preventDefault(); state.offset += PAGE; state.selected = 0; load().then(() => selectRow(0));
    } else if (e.key === 'PageUp' && state.offset > 0) {
      e.preventDefault(); state.offset = Math.max(0, state.offset - PAGE); state.selected = 0; load().then(() => selectRow(0));
    }
  });

  const onKey = (e) => {
    const typing = e.target.closest && e.target.closest('input, textarea, select, [contenteditable]');
    if ((e.key === '/' && !typing) || ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'f')) {
      if (toolbar.hidden) return;
      e.preventDefault();
      search.focus();
      search.select();
    }
  };
  document.addEventListener('keydown', onKey);

  if (emptyBinBtn) {
    emptyBinBtn.addEventListener('click', async () => {
      const ok = await confirmDialog(t('partners.empty_bin_confirm'), { ok: t('partners.empty_bin'), danger: true });
      if (!ok) return;
      try {
        const n = await api.partnersEmptyBin();
        notify(t('partners.bin_emptied', { n }));
        load();
      } catch (err) { notify(err.message, 'error'); }
    });
  }

  await load();
  if (!toolbar.hidden && !inBin) search.focus({ preventScroll: true });
  return {
    canLeave: () => true,
    destroy: () => document.removeEventListener('keydown', onKey),
  };
}
