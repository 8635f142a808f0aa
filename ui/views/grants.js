// Pulje: the year's grant pool. A year picker, the pool's numbers and a bar,
// totals by goal and partner kind, the list of applications with filters, an
// application form, and per application: review, decision, payout, report,
// adjustment and the decision letter. Every rule lives in Rust; a refusal
// comes back as {code, message, field} and is shown next to its field.
import { h, clear, field, showFieldError, clearErrors } from '../dom.js';
import { t, shortDate, money } from '../i18n/index.js';
import { confirmDialog } from '../dialog.js';

const STATUSES = ['modtaget', 'under_behandling', 'bevilget', 'delvist_bevilget', 'afslaaet', 'udbetalt', 'afrapporteret'];
const KINDS = ['kommunal', 'virksomhed', 'forening', 'borger', 'institution'];

function todayIso() {
  const d = new Date();
  const p = (n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

// A whole number typed in a field, or null when empty; NaN when not a number.
function wholeNumber(value) {
  const v = String(value).trim().replace(/[.\s]/g, '');
  if (v === '') return null;
  return /^\d+$/.test(v) ? Number(v) : NaN;
}

export async function render(main, ctx) {
  const { api, notify } = ctx;
  const fail = (scope) => (err) => showFieldError(scope, err, notify);
  const thisYear = new Date().getFullYear();
  let pools = await api.grantsPools();
  let year = Number(ctx.params[0]) || null;
  if (!year) {
    year = pools.some((p) => p.year === thisYear) || pools.length === 0 ? thisYear : pools[0].year;
  }
  const filter = { status: null, partner_kind: null, goal_id: null };
  let overview = null;
  let partners = [];
  let goals = [];
  let selected = null; // id of the open application
  let dirty = false;

  const head = h('div', { class: 'page-head' },
    h('h2', { text: t('grants.title') }),
    h('p', { class: 'lead', text: t('grants.intro') }));
  const toolbar = h('div', { class: 'grants-toolbar' });
  const poolSection = h('section', { class: 'card', id: 'grant-pool', 'aria-labelledby': 'grant-pool-h' });
  const totalsSection = h('section', { class: 'grid-2', id: 'grant-totals' });
  const listSection = h('section', { class: 'card', id: 'grant-list', 'aria-labelledby': 'grant-list-h' });
  const detail = h('section', { class: 'card', id: 'grant-detail', 'aria-live': 'polite', hidden: true });
  main.append(head, toolbar, poolSection, listSection, detail, totalsSection);

  // ── year picker and export ──
  function drawToolbar() {
    const years = new Set(pools.map((p) => p.year));
    years.add(thisYear);
    years.add(thisYear + 1);
    years.add(year);
    const options = [...years].sort((a, b) => b - a).map((y) => ({ value: String(y), label: String(y) }));
    const pick = field({ label: t('grants.year'), name: 'grant_year', value: String(year), options });
    pick.input.id = 'grant-year';
    pick.wrap.querySelector('label').setAttribute('for', 'grant-year');
    pick.input.addEventListener('change', () => {
      location.hash = `#/pulje/${pick.input.value}`;
    });
    const exportBtn = h('button', { class: 'btn secondary', type: 'button', id: 'grant-export', text: t('grants.export') });
    exportBtn.disabled = !overview || !overview.pool;
    exportBtn.addEventListener('click', async () => {
      exportBtn.disabled = true;
      try {
        const path = await api.grantsExport(year, true);
        notify(t('grants.exported', { path }));
      } catch (err) { notify(err.message, 'error'); } finally { exportBtn.disabled = false; }
    });
    toolbar.replaceChildren(pick.wrap, h('div', { class: 'actions' }, exportBtn));
  }

  // ── pool numbers, bar and settings ──
  function drawPool() {
    clear(poolSection);
    poolSection.append(h('h3', { id: 'grant-pool-h', text: t('grants.pool_for', { year }) }));
    const pool = overview.pool;
    if (!pool) {
      const create = h('button', { class: 'btn', type: 'button', id: 'grant-pool-create', text: t('grants.pool_create', { year }) });
      create.addEventListener('click', async () => {
        try {
          await api.grantsPoolCreate(year);
          notify(t('grants.pool_created', { year }));
          await reload();
        } catch (err) { notify(err.message, 'error'); }
      });
      poolSection.append(h('p', { text: t('grants.no_pool', { year }) }),
        h('p', { class: 'hint', text: t('grants.pool_defaults') }),
        h('div', { class: 'actions' }, create));
      return;
    }
    const figure = (key, label, ore) => h('div', { class: 'figure' },
      h('dt', { text: label }),
      h('dd', { 'data-figure': key, text: money(ore) }));
    poolSection.append(h('dl', { class: 'pool-figures' },
      figure('total', t('grants.total'), overview.total_ore),
      figure('granted', t('grants.granted'), overview.granted_ore),
      figure('paid', t('grants.paid'), overview.paid_ore),
      figure('remaining', t('grants.remaining'), overview.remaining_ore)));
    const pct = (ore) => (overview.total_ore > 0 ? Math.min(100, (ore / overview.total_ore) * 100) : 0);
    const paidBar = h('span', { class: 'pool-bar-paid' });
    const grantedBar = h('span', { class: 'pool-bar-granted' });
    // CSSOM widths (allowed by the CSP, unlike style attributes).
    paidBar.style.width = `${pct(overview.paid_ore)}%`;
    grantedBar.style.width = `${pct(overview.granted_ore - overview.paid_ore)}%`;
    const bar = h('div', {
      class: 'pool-bar',
      id: 'grant-pool-bar',
      role: 'img',
      'data-granted-pct': pct(overview.granted_ore).toFixed(2),
      'data-paid-pct': pct(overview.paid_ore).toFixed(2),
      'aria-label': t('grants.bar_label', {
        granted: money(overview.granted_ore), paid: money(overview.paid_ore), total: money(overview.total_ore),
      }),
    }, paidBar, grantedBar);
    poolSection.append(bar, h('p', { class: 'pool-legend' },
      h('span', { class: 'swatch paid', 'aria-hidden': 'true' }), t('grants.paid'), ' ',
      h('span', { class: 'swatch granted', 'aria-hidden': 'true' }), t('grants.granted_unpaid'), ' ',
      h('span', { class: 'swatch free', 'aria-hidden': 'true' }), t('grants.remaining')));
    if (overview.pending_ore > 0) {
      poolSection.append(h('p', { class: 'hint', text: t('grants.pending', { amount: money(overview.pending_ore) }) }));
    }
    if (pool.criteria) poolSection.append(h('p', { class: 'criteria', text: pool.criteria }));

    // Pool settings, folded away.
    const total = field({ label: t('grants.pool_total'), name: 'pool_total', value: money(pool.total_ore).replace(' kr.', ''), hint: t('grants.amount_hint'), attrs: { inputmode: 'decimal', autocomplete: 'off' } });
    const max = field({ label: t('grants.pool_max'), name: 'pool_max', value: money(pool.max_per_application_ore).replace(' kr.', ''), hint: t('grants.amount_hint'), attrs: { inputmode: 'decimal', autocomplete: 'off' } });
    const criteria = field({ label: t('grants.pool_criteria'), name: 'pool_criteria', value: pool.criteria, multiline: true, attrs: { maxlength: 4000, rows: 3 } });
    const save = h('button', { class: 'btn', type: 'submit', text: t('grants.pool_save') });
    const form = h('form', { class: 'pool-form', novalidate: true, id: 'grant-pool-form' },
      h('div', { class: 'grid-2' }, total.wrap, max.wrap), criteria.wrap, h('div', { class: 'actions' }, save));
    form.addEventListener('input', () => { dirty = true; });
    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      clearErrors(form);
      try {
        await api.grantsPoolSave({ year, total: total.input.value, max_per_application: max.input.value, criteria: criteria.input.value });
        dirty = false;
        notify(t('grants.pool_saved'));
        await reload();
      } catch (err) { fail(form)(err); }
    });
    poolSection.append(h('details', { class: 'pool-settings' }, h('summary', { text: t('grants.pool_edit') }), form));
  }

  // ── totals by goal and kind ──
  function drawTotals() {
    clear(totalsSection);
    if (!overview.pool) return;
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
    totalsSection.append(
      table('grant-by-goal', t('grants.by_goal'), overview.by_goal),
      table('grant-by-kind', t('grants.by_kind'), overview.by_kind.map((r) => ({ ...r, label: t(`grants.kind.${r.key}`) }))));
  }

  // ── application list ──
  async function drawList() {
    clear(listSection);
    if (!overview.pool) { listSection.hidden = true; return; }
    listSection.hidden = false;
    const apps = await api.grantsList(year, filter);
    const opt = (value, label) => ({ value, label });
    const status = field({ label: t('grants.filter_status'), name: 'filter_status', value: filter.status || '', options: [opt('', t('grants.all')), ...STATUSES.map((s) => opt(s, t(`grants.status.${s}`)))] });
    const kind = field({ label: t('grants.filter_kind'), name: 'filter_kind', value: filter.partner_kind || '', options: [opt('', t('grants.all')), ...KINDS.map((k) => opt(k, t(`grants.kind.${k}`)))] });
    const goal = field({ label: t('grants.filter_goal'), name: 'filter_goal', value: filter.goal_id || '', options: [opt('', t('grants.all')), ...goals.map((g) => opt(g.id, g.title))] });
    const onFilter = async () => {
      filter.status = status.input.value || null;
      filter.partner_kind = kind.input.value || null;
      filter.goal_id = goal.input.value || null;
      await drawList();
      const again = listSection.querySelector(`select[name="${document.activeElement && document.activeElement.name}"]`);
      if (again) again.focus();
    };
    [status, kind, goal].forEach((f) => f.input.addEventListener('change', onFilter));
    const add = h('button', { class: 'btn', type: 'button', id: 'grant-new', text: t('grants.new') });
    add.addEventListener('click', () => openForm(null));
    const rows = apps.map((a) => {
      const open = h('button', { class: 'btn small secondary', type: 'button', 'data-action': 'open', text: t('grants.open'), 'aria-label': t('grants.open_label', { purpose: a.purpose }) });
      open.addEventListener('click', () => openDetail(a.id));
      return h('tr', { 'data-id': a.id, 'aria-selected': a.id === selected ? 'true' : 'false' },
        h('td', { text: shortDate(a.received_on) }),
        h('td', { text: a.partner_name }),
        h('td', { text: a.purpose }),
        h('td', { class: 'num', text: money(a.requested_ore) }),
        h('td', { class: 'num', 'data-col': 'granted', text: a.granted_ore === null ? '–' : money(a.granted_ore) }),
        h('td', { 'data-col': 'status' }, h('span', { class: `status status-${a.status}`, text: t(`grants.status.${a.status}`) })),
        h('td', {}, open));
    });
    listSection.append(
      h('div', { class: 'list-head' }, h('h3', { id: 'grant-list-h', text: t('grants.applications', { n: apps.length }) }), add),
      h('div', { class: 'filters' }, status.wrap, kind.wrap, goal.wrap),
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

  // ── application form (new or edit) ──
  function openForm(app) {
    selected = app ? app.id : null;
    detail.hidden = false;
    clear(detail);
    if (partners.length === 0) {
      detail.append(h('h3', { text: t('grants.new') }), h('p', { class: 'banner error', text: t('grants.no_partners') }));
      return;
    }
    const partnerOptions = [{ value: '', label: t('grants.choose_partner') }, ...partners.map((p) => ({ value: p.id, label: p.name }))];
    const partner = field({ label: t('grants.partner'), name: 'grant_partner', value: app ? app.partner_id : '', options: partnerOptions, required: true });
    const received = field({ label: t('grants.received_on'), name: 'grant_received_on', value: shortDate(app ? app.received_on : todayIso()), hint: t('common.date_hint'), required: true, attrs: { autocomplete: 'off' } });
    const purpose = field({ label: t('grants.purpose'), name: 'grant_purpose', value: app ? app.purpose : '', required: true, attrs: { maxlength: 200, autocomplete: 'off' } });
    const description = field({ label: t('grants.description'), name: 'grant_description', value: app ? app.description : '', multiline: true, attrs: { maxlength: 4000, rows: 3 } });
    const planned = field({ label: t('grants.planned_on'), name: 'grant_planned_on', value: shortDate(app ? app.planned_on : ''), hint: t('common.date_hint'), attrs: { autocomplete: 'off' } });
    const reach = field({ label: t('grants.expected_reach'), name: 'grant_expected_reach', value: app && app.expected_reach !== null ? String(app.expected_reach) : '', hint: t('grants.reach_hint'), attrs: { inputmode: 'numeric', autocomplete: 'off' } });
    const requested = field({ label: t('grants.requested'), name: 'amount_requested', value: app ? money(app.requested_ore).replace(' kr.', '') : '', hint: t('grants.amount_hint_max', { max: money(overview.pool.max_per_application_ore) }), required: true, attrs: { inputmode: 'decimal', autocomplete: 'off' } });
    const locked = app && !['modtaget', 'under_behandling'].includes(app.status);
    if (locked) {
      partner.input.disabled = true;
      requested.input.disabled = true;
    }
    const save = h('button', { class: 'btn', type: 'submit', text: app ? t('grants.save_changes') : t('grants.register') });
    const cancel = h('button', { class: 'btn secondary', type: 'button', text: t('common.cancel') });
    cancel.addEventListener('click', () => { dirty = false; if (app) openDetail(app.id); else { detail.hidden = true; selected = null; } });
    const form = h('form', { novalidate: true, id: 'grant-form' },
      h('h3', { id: 'grant-form-h', text: app ? t('grants.edit') : t('grants.new') }),
      h('div', { class: 'grid-2' }, partner.wrap, received.wrap),
      purpose.wrap, description.wrap,
      h('div', { class: 'grid-2' }, planned.wrap, reach.wrap),
      h('div', { class: 'grid-2' }, requested.wrap),
      h('div', { class: 'actions' }, save, cancel));
    form.addEventListener('input', () => { dirty = true; });
    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      clearErrors(form);
      const reachValue = wholeNumber(reach.input.value);
      if (Number.isNaN(reachValue)) {
        showFieldError(form, { field: 'grant_expected_reach', message: t('grants.reach_invalid') }, notify);
        return;
      }
      const input = {
        year,
        partner_id: partner.input.value,
        received_on: received.input.value,
        purpose: purpose.input.value,
        description: description.input.value,
        planned_on: planned.input.value,
        expected_reach: reachValue,
        requested: requested.input.value,
      };
      save.disabled = true;
      try {
        const saved = app ? await api.grantsUpdate(app.id, input) : await api.grantsCreate(input);
        dirty = false;
        notify(app ? t('grants.saved') : t('grants.registered'));
        selected = saved.id;
        await reload();
      } catch (err) { fail(form)(err); } finally { save.disabled = false; }
    });
    detail.append(form);
    detail.scrollIntoView({ block: 'nearest' });
    partner.input.focus();
  }

  // ── one application: facts, history, actions ──
  async function openDetail(id) {
    selected = id;
    let d;
    try { d = await api.grantsGet(id); } catch (err) { notify(err.message, 'error'); return; }
    const a = d.application;
    detail.hidden = false;
    clear(detail);
    listSection.querySelectorAll('tr[data-id]').forEach((tr) => tr.setAttribute('aria-selected', tr.dataset.id === id ? 'true' : 'false'));
    const fact = (label, value) => (value === null || value === undefined || value === '' ? null
      : h('div', { class: 'figure' }, h('dt', { text: label }), h('dd', { text: value })));
    detail.append(
      h('h3', { id: 'grant-detail-h' }, a.purpose, ' ', h('span', { class: `status status-${a.status}`, id: 'grant-detail-status', text: t(`grants.status.${a.status}`) })),
      h('dl', { class: 'facts' },
        fact(t('grants.partner'), a.partner_name),
        fact(t('grants.received_on'), shortDate(a.received_on)),
        fact(t('grants.planned_on'), shortDate(a.planned_on)),
        fact(t('grants.expected_reach'), a.expected_reach === null ? null : String(a.expected_reach)),
        fact(t('grants.requested'), money(a.requested_ore)),
        fact(t('grants.col_granted'), a.granted_ore === null ? null : money(a.granted_ore)),
        fact(t('grants.decided_on'), shortDate(a.decided_on)),
        fact(t('grants.reason'), a.decision_reason),
        fact(t('grants.paid_on'), shortDate(a.paid_on)),
        fact(t('grants.actual_reach'), a.actual_reach === null ? null : String(a.actual_reach)),
        fact(t('grants.report_text'), a.report_text)));
    if (a.description) detail.append(h('p', { class: 'description', text: a.description }));

    const actions = h('div', { class: 'grant-actions' });
    detail.append(actions);
    const after = async (message) => { dirty = false; notify(message); await reload(); };

    if (a.status === 'modtaget') {
      const start = h('button', { class: 'btn', type: 'button', id: 'grant-start-review', text: t('grants.start_review') });
      start.addEventListener('click', async () => {
        try { await api.grantsStartReview(a.id); await after(t('grants.review_started')); } catch (err) { notify(err.message, 'error'); }
      });
      actions.append(h('div', { class: 'actions' }, start));
    }
    if (['under_behandling', 'bevilget', 'delvist_bevilget', 'afslaaet'].includes(a.status)) {
      actions.append(decisionForm(a, after));
    }
    if (['bevilget', 'delvist_bevilget'].includes(a.status)) {
      actions.append(simpleForm('grant-pay-form', t('grants.pay_h'), [
        field({ label: t('grants.paid_on'), name: 'grant_paid_on', value: shortDate(todayIso()), hint: t('common.date_hint'), required: true, attrs: { autocomplete: 'off' } }),
      ], t('grants.pay'), ([paid]) => api.grantsPay(a.id, paid.input.value), () => after(t('grants.paid_done'))));
    }
    if (['udbetalt', 'afrapporteret'].includes(a.status)) {
      const reach = field({ label: t('grants.actual_reach'), name: 'grant_actual_reach', value: a.actual_reach === null ? '' : String(a.actual_reach), attrs: { inputmode: 'numeric', autocomplete: 'off' } });
      actions.append(simpleForm('grant-report-form', t('grants.report_h'), [
        reach,
        field({ label: t('grants.report_text'), name: 'grant_report_text', value: a.report_text, multiline: true, attrs: { maxlength: 4000, rows: 3 } }),
        field({ label: t('grants.reported_on'), name: 'grant_reported_on', value: shortDate(a.reported_on || todayIso()), hint: t('common.date_hint'), attrs: { autocomplete: 'off' } }),
      ], t('grants.report_save'), ([r, text, on]) => {
        const n = wholeNumber(r.input.value);
        if (Number.isNaN(n)) return Promise.reject({ field: 'grant_actual_reach', message: t('grants.reach_invalid') });
        return api.grantsReport(a.id, { actual_reach: n, report_text: text.input.value, reported_on: on.input.value });
      }, () => after(t('grants.report_saved'))));
      actions.append(simpleForm('grant-adjust-form', t('grants.adjust_h'), [
        field({ label: t('grants.adjust_amount'), name: 'adjustment_amount', value: money(a.granted_ore || 0).replace(' kr.', ''), hint: t('grants.adjust_hint'), attrs: { inputmode: 'decimal', autocomplete: 'off' } }),
        field({ label: t('grants.adjusted_on'), name: 'adjusted_on', value: shortDate(todayIso()), hint: t('common.date_hint'), attrs: { autocomplete: 'off' } }),
        field({ label: t('grants.adjust_reason'), name: 'adjustment_reason', multiline: true, attrs: { maxlength: 500, rows: 2 } }),
      ], t('grants.adjust'), ([amount, on, reason]) => api.grantsAdjust(a.id, { amount: amount.input.value, adjusted_on: on.input.value, reason: reason.input.value }),
      () => after(t('grants.adjusted'))));
    }
    if (a.decided_on && ['bevilget', 'delvist_bevilget', 'afslaaet', 'udbetalt', 'afrapporteret'].includes(a.status)) {
      actions.append(await letterForm(a));
    }
    const buttons = h('div', { class: 'actions' });
    const edit = h('button', { class: 'btn secondary', type: 'button', id: 'grant-edit', text: t('grants.edit') });
    edit.addEventListener('click', () => openForm(a));
    buttons.append(edit);
    if (!['udbetalt', 'afrapporteret'].includes(a.status)) {
      const del = h('button', { class: 'btn danger', type: 'button', id: 'grant-delete', text: t('grants.delete') });
      del.addEventListener('click', async () => {
        if (!(await confirmDialog(t('grants.delete_confirm', { purpose: a.purpose }), { ok: t('grants.delete'), danger: true }))) return;
        try { await api.grantsDelete(a.id); selected = null; detail.hidden = true; await after(t('grants.deleted')); } catch (err) { notify(err.message, 'error'); }
      });
      buttons.append(del);
    } else {
      buttons.append(h('p', { class: 'hint', text: t('grants.paid_no_delete') }));
    }
    actions.append(buttons);
    if (d.history.length > 0) {
      detail.append(h('details', { class: 'history' },
        h('summary', { text: t('grants.history', { n: d.history.length }) }),
        h('ol', {}, d.history.map((e) => h('li', {}, historyLine(e))))));
    }
  }

  function historyLine(e) {
    const parts = [shortDate(e.changed_on), '–', t(`grants.event.${e.event}`)];
    if (e.status_from || e.status_to) {
      parts.push(`${e.status_from ? t(`grants.status.${e.status_from}`) : ''} → ${e.status_to ? t(`grants.status.${e.status_to}`) : ''}`.trim());
    }
    if (e.amount_from_ore !== null || e.amount_to_ore !== null) {
      const from = e.amount_from_ore === null ? '–' : money(e.amount_from_ore);
      const to = e.amount_to_ore === null ? '–' : money(e.amount_to_ore);
      parts.push(`(${from} → ${to})`);
    }
    if (e.note) parts.push(`: ${e.note}`);
    return parts.join(' ');
  }

  // A small form: fields, one submit button, errors at the fields.
  function simpleForm(id, title, fields, label, send, done) {
    const submit = h('button', { class: 'btn', type: 'submit', text: label });
    const form = h('form', { class: 'subform', novalidate: true, id },
      h('h4', { text: title }),
      h('div', { class: 'grid-2' }, fields.map((f) => f.wrap)),
      h('div', { class: 'actions' }, submit));
    form.addEventListener('input', () => { dirty = true; });
    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      clearErrors(form);
      submit.disabled = true;
      try { await send(fields); await done(); } catch (err) { fail(form)(err); } finally { submit.disabled = false; }
    });
    return form;
  }

  function decisionForm(a, after) {
    const outcome = field({
      label: t('grants.outcome'), name: 'grant_outcome', value: a.status === 'afslaaet' ? 'reject' : 'grant',
      options: [{ value: 'grant', label: t('grants.outcome_grant') }, { value: 'reject', label: t('grants.outcome_reject') }],
    });
    const amount = field({ label: t('grants.amount_granted'), name: 'amount_granted', value: money(a.granted_ore === null ? a.requested_ore : a.granted_ore).replace(' kr.', ''), hint: t('grants.granted_hint', { requested: money(a.requested_ore) }), attrs: { inputmode: 'decimal', autocomplete: 'off' } });
    const on = field({ label: t('grants.decided_on'), name: 'grant_decided_on', value: shortDate(a.decided_on || todayIso()), hint: t('common.date_hint'), attrs: { autocomplete: 'off' } });
    const reason = field({ label: t('grants.reason'), name: 'grant_decision_reason', value: a.decision_reason, hint: t('grants.reason_hint'), multiline: true, attrs: { maxlength: 4000, rows: 2 } });
    const sync = () => { amount.wrap.hidden = outcome.input.value === 'reject'; };
    outcome.input.addEventListener('change', sync);
    sync();
    const title = a.status === 'under_behandling' ? t('grants.decide_h') : t('grants.redecide_h');
    return simpleForm('grant-decide-form', title, [outcome, amount, on, reason], t('grants.decide'),
      () => api.grantsDecide(a.id, { outcome: outcome.input.value, amount: amount.input.value, decided_on: on.input.value, reason: reason.input.value }),
      () => after(t('grants.decided')));
  }

  async function letterForm(a) {
    let signer = { name: '', title: '' };
    try { signer = await api.grantsSignerGet(); } catch (err) { /* an empty form is fine */ }
    const name = field({ label: t('grants.signer_name'), name: 'signatory_name', value: signer.name, attrs: { maxlength: 200, autocomplete: 'off' } });
    const title = field({ label: t('grants.signer_title'), name: 'signatory_title', value: signer.title, attrs: { maxlength: 200, autocomplete: 'off' } });
    const label = a.status === 'afslaaet' ? t('grants.letter_reject') : t('grants.letter_grant');
    return simpleForm('grant-letter-form', t('grants.letter_h'), [name, title], label,
      async () => {
        const path = await api.grantsLetter(a.id, { name: name.input.value, title: title.input.value }, true);
        notify(t('grants.letter_saved', { path }));
      },
      async () => { dirty = false; });
  }

  async function reload() {
    [pools, overview] = await Promise.all([api.grantsPools(), api.grantsOverview(year)]);
    drawToolbar();
    drawPool();
    drawTotals();
    await drawList();
    if (selected) {
      const stillThere = listSection.querySelector(`tr[data-id="${CSS.escape(selected)}"]`);
      if (stillThere) await openDetail(selected); else { selected = null; detail.hidden = true; }
    }
  }

  [partners, goals] = await Promise.all([
    api.grantsPartners(),
    api.settingsGet().then((s) => s.goals.filter((g) => !g.retired)),
  ]);
  await reload();
  return { canLeave: () => !dirty };
}
