// Pulje, one application: its facts and history, and the actions its status
// allows (review, decision, payout, report, adjustment, decision letter).
import { h, clear, field, clearErrors } from '../../dom.js';
import { t } from '../../i18n/index.js';
import { shortDate, todayIso, todayDanish, money, amount, wholeNumber } from '../../format.js';
import { confirmDialog } from '../../dialog.js';
import { saveDocument, openSaved } from '../../save.js';
import { facts } from '../../facts.js';
import { statusLabel, eventLabel, canDecide, canPay, isPaid, hasLetter } from '../../domain/grants.js';

// The application's title, status and facts.
function detailHead(a) {
  return [
    h('h3', { id: 'grant-detail-h' }, a.purpose, ' ', h('span', { class: `status status-${a.status}`, id: 'grant-detail-status', text: statusLabel(a.status) })),
    facts([
      [t('grants.partner'), a.partner_name],
      [t('grants.received_on'), shortDate(a.received_on)],
      [t('grants.planned_on'), shortDate(a.planned_on)],
      [t('grants.expected_reach'), a.expected_reach === null ? null : String(a.expected_reach)],
      [t('grants.requested'), money(a.requested_ore)],
      [t('grants.col_granted'), a.granted_ore === null ? null : money(a.granted_ore)],
      [t('grants.decided_on'), shortDate(a.decided_on)],
      [t('grants.reason'), a.decision_reason],
      [t('grants.paid_on'), shortDate(a.paid_on)],
      [t('grants.actual_reach'), a.actual_reach === null ? null : String(a.actual_reach)],
      [t('grants.report_text'), a.report_text],
    ], { id: 'grant-facts', layout: 'tiles' }),
  ];
}

export async function openDetail(page, id) {
  const { api, notify } = page;
  page.selected = id;
  let d;
  try { d = await api.grantsGet(id); } catch (err) { notify(err.message, 'error'); return; }
  const a = d.application;
  page.detail.hidden = false;
  clear(page.detail);
  page.listSection.querySelectorAll('tr[data-id]').forEach((tr) => tr.setAttribute('aria-selected', tr.dataset.id === id ? 'true' : 'false'));
  page.detail.append(...detailHead(a));
  if (a.description) page.detail.append(h('p', { class: 'description', text: a.description }));

  const actions = h('div', { class: 'grant-actions' });
  page.detail.append(actions);
  const after = async (message) => { page.dirty = false; notify(message); await page.reload(); };

  if (a.status === 'modtaget') {
    const start = h('button', { class: 'btn', type: 'button', id: 'grant-start-review', text: t('grants.start_review') });
    start.addEventListener('click', async () => {
      try { await api.grantsStartReview(a.id); await after(t('grants.review_started')); } catch (err) { notify(err.message, 'error'); }
    });
    actions.append(h('div', { class: 'actions' }, start));
  }
  if (canDecide(a.status)) {
    actions.append(decisionForm(page, a, after));
  }
  if (canPay(a.status)) {
    actions.append(simpleForm(page, 'grant-pay-form', t('grants.pay_h'), [
      field({ label: t('grants.paid_on'), name: 'grant_paid_on', value: todayDanish(), hint: t('common.date_hint'), required: true, attrs: { autocomplete: 'off' } }),
    ], t('grants.pay'), async ([paid]) => {
      // A payout cannot be undone: ask first, as "Markér som overrakt" does.
      const sure = await confirmDialog(t('grants.pay_confirm', {
        amount: money(a.granted_ore || 0), partner: a.partner_name, date: paid.input.value,
      }), { ok: t('grants.pay'), cancel: t('common.cancel') });
      if (!sure) return { cancelled: true };
      return api.grantsPay(a.id, paid.input.value);
    }, (res) => (res && res.cancelled ? null : after(t('grants.paid_done')))));
  }
  if (isPaid(a.status)) {
    const reach = field({ label: t('grants.actual_reach'), name: 'grant_actual_reach', value: a.actual_reach === null ? '' : String(a.actual_reach), attrs: { inputmode: 'numeric', autocomplete: 'off' } });
    actions.append(simpleForm(page, 'grant-report-form', t('grants.report_h'), [
      reach,
      field({ label: t('grants.report_text'), name: 'grant_report_text', value: a.report_text, multiline: true, attrs: { maxlength: 4000, rows: 3 } }),
      field({ label: t('grants.reported_on'), name: 'grant_reported_on', value: shortDate(a.reported_on || todayIso()), hint: t('common.date_hint'), attrs: { autocomplete: 'off' } }),
    ], t('grants.report_save'), ([r, text, on]) => {
      const n = wholeNumber(r.input.value);
      if (Number.isNaN(n)) return Promise.reject({ field: 'grant_actual_reach', message: t('grants.reach_invalid') });
      return api.grantsReport(a.id, { actual_reach: n, report_text: text.input.value, reported_on: on.input.value });
    }, () => after(t('grants.report_saved'))));
    actions.append(simpleForm(page, 'grant-adjust-form', t('grants.adjust_h'), [
      field({ label: t('grants.adjust_amount'), name: 'adjustment_amount', value: amount(a.granted_ore || 0), hint: t('grants.adjust_hint'), attrs: { inputmode: 'decimal', autocomplete: 'off' } }),
      field({ label: t('grants.adjusted_on'), name: 'adjusted_on', value: todayDanish(), hint: t('common.date_hint'), attrs: { autocomplete: 'off' } }),
      field({ label: t('grants.adjust_reason'), name: 'adjustment_reason', multiline: true, attrs: { maxlength: 500, rows: 2 } }),
    ], t('grants.adjust'), ([amount, on, reason]) => api.grantsAdjust(a.id, { amount: amount.input.value, adjusted_on: on.input.value, reason: reason.input.value }),
    () => after(t('grants.adjusted'))));
  }
  if (hasLetter(a)) {
    actions.append(await letterForm(page, a));
  }
  const buttons = h('div', { class: 'actions' });
  const edit = h('button', { class: 'btn secondary', type: 'button', id: 'grant-edit', text: t('grants.edit') });
  edit.addEventListener('click', () => page.openForm(a));
  buttons.append(edit);
  if (!isPaid(a.status)) {
    const del = h('button', { class: 'btn danger', type: 'button', id: 'grant-delete', text: t('grants.delete') });
    del.addEventListener('click', async () => {
      if (!(await confirmDialog(t('grants.delete_confirm', { purpose: a.purpose }), { ok: t('grants.delete'), danger: true }))) return;
      try { await api.grantsDelete(a.id); page.selected = null; page.detail.hidden = true; await after(t('grants.deleted')); } catch (err) { notify(err.message, 'error'); }
    });
    buttons.append(del);
  } else {
    buttons.append(h('p', { class: 'hint', text: t('grants.paid_no_delete') }));
  }
  actions.append(buttons);
  if (d.history.length > 0) {
    page.detail.append(h('details', { class: 'history' },
      h('summary', { text: t('grants.history', { n: d.history.length }) }),
      h('ol', {}, d.history.map((e) => h('li', {}, historyLine(e))))));
  }
}

function historyLine(e) {
  const parts = [shortDate(e.changed_on), '–', eventLabel(e.event)];
  if (e.status_from || e.status_to) {
    parts.push(`${e.status_from ? statusLabel(e.status_from) : ''} → ${e.status_to ? statusLabel(e.status_to) : ''}`.trim());
  }
  if (e.amount_from_ore !== null || e.amount_to_ore !== null) {
    const from = e.amount_from_ore === null ? '–' : money(e.amount_from_ore);
    const to = e.amount_to_ore === null ? '–' : money(e.amount_to_ore);
    parts.push(`(${from} → ${to})`);
  }
  if (e.note) parts.push(`: ${e.note}`);
  return parts.join(' ');
}

function simpleForm(page, id, title, fields, label, send, done) {
  const submit = h('button', { class: 'btn', type: 'submit', text: label });
  const form = h('form', { class: 'subform', novalidate: true, id },
    h('h4', { text: title }),
    h('div', { class: 'grid-2' }, fields.map((f) => f.wrap)),
    h('div', { class: 'actions' }, submit));
  form.addEventListener('input', () => { page.dirty = true; });
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    clearErrors(form);
    submit.disabled = true;
    try { const res = await send(fields); await done(res); } catch (err) { page.fail(form)(err); } finally { submit.disabled = false; }
  });
  return form;
}

function decisionForm(page, a, after) {
  const { api } = page;
  const outcome = field({
    label: t('grants.outcome'), name: 'grant_outcome', value: a.status === 'afslaaet' ? 'reject' : 'grant',
    options: [{ value: 'grant', label: t('grants.outcome_grant') }, { value: 'reject', label: t('grants.outcome_reject') }],
  });
  const granted = field({ label: t('grants.amount_granted'), name: 'amount_granted', value: amount(a.granted_ore === null ? a.requested_ore : a.granted_ore), hint: t('grants.granted_hint', { requested: money(a.requested_ore) }), attrs: { inputmode: 'decimal', autocomplete: 'off' } });
  const on = field({ label: t('grants.decided_on'), name: 'grant_decided_on', value: shortDate(a.decided_on || todayIso()), hint: t('common.date_hint'), attrs: { autocomplete: 'off' } });
  const reason = field({ label: t('grants.reason'), name: 'grant_decision_reason', value: a.decision_reason, hint: t('grants.reason_hint'), multiline: true, attrs: { maxlength: 4000, rows: 2 } });
  const sync = () => { granted.wrap.hidden = outcome.input.value === 'reject'; };
  outcome.input.addEventListener('change', sync);
  sync();
  const title = a.status === 'under_behandling' ? t('grants.decide_h') : t('grants.redecide_h');
  return simpleForm(page, 'grant-decide-form', title, [outcome, granted, on, reason], t('grants.decide'),
    () => api.grantsDecide(a.id, { outcome: outcome.input.value, amount: granted.input.value, decided_on: on.input.value, reason: reason.input.value }),
    () => after(t('grants.decided')));
}

async function letterForm(page, a) {
  const { api, notify } = page;
  let signer = { name: '', title: '' };
  try { signer = await api.grantsSignerGet(); } catch (err) { /* an empty form is fine */ }
  const name = field({ label: t('grants.signer_name'), name: 'signatory_name', value: signer.name, attrs: { maxlength: 200, autocomplete: 'off' } });
  const title = field({ label: t('grants.signer_title'), name: 'signatory_title', value: signer.title, attrs: { maxlength: 200, autocomplete: 'off' } });
  const label = a.status === 'afslaaet' ? t('grants.letter_reject') : t('grants.letter_grant');
  return simpleForm(page, 'grant-letter-form', t('grants.letter_h'), [name, title], label,
    async () => {
      // The core's name: "Bevillingsbrev 2026 Løberne.pdf" (or "Afslag …").
      const file = `${a.status === 'afslaaet' ? 'Afslag' : 'Bevillingsbrev'} ${a.year} ${a.partner_name}.pdf`;
      const signer = { name: name.input.value, title: title.input.value };
      const path = await saveDocument('grant_letters', file, (p) => api.grantsLetter(a.id, signer, p));
      if (path) { notify(t('grants.letter_saved', { path })); await openSaved(path, notify); }
    },
    async () => { page.dirty = false; });
}
