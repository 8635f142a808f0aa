// Pulje, the form to register an application or change it; partner and
// amount are locked once it is decided.
import { h, clear, field, showFieldError, clearErrors } from '../../dom.js';
import { t } from '../../i18n/index.js';
import { shortDate, todayIso, money, amount, wholeNumber } from '../../format.js';
import { isOpen } from '../../domain/grants.js';
import { picker } from '../../picker.js';

export function openForm(page, app) {
  const { api, notify } = page;
  page.selected = app ? app.id : null;
  page.detail.hidden = false;
  clear(page.detail);
  if (page.partners.length === 0) {
    page.detail.append(h('h3', { text: t('grants.new') }), h('p', { class: 'banner error', text: t('grants.no_partners') }));
    return;
  }
  const locked = app && !isOpen(app.status);
  // The shared partner picker (one partner); a decided application keeps its partner.
  const partner = locked
    ? { wrap: h('div', { class: 'field' }, h('span', { class: 'label', text: t('grants.partner') }), h('p', { id: 'grant-partner-locked', text: app.partner_name })), value: () => [app.partner_id] }
    : picker({
      label: t('grants.partner'), name: 'grant_partner', id: 'grant-partner', multiple: false,
      options: page.partners.map((p) => ({ id: p.id, label: p.name })), chosen: app ? [app.partner_id] : [],
    });
  const received = field({ label: t('grants.received_on'), name: 'grant_received_on', value: shortDate(app ? app.received_on : todayIso()), hint: t('common.date_hint'), required: true, attrs: { autocomplete: 'off' } });
  const purpose = field({ label: t('grants.purpose'), name: 'grant_purpose', value: app ? app.purpose : '', required: true, attrs: { maxlength: 200, autocomplete: 'off' } });
  const description = field({ label: t('grants.description'), name: 'grant_description', value: app ? app.description : '', multiline: true, attrs: { maxlength: 4000, rows: 3 } });
  const planned = field({ label: t('grants.planned_on'), name: 'grant_planned_on', value: shortDate(app ? app.planned_on : ''), hint: t('common.date_hint'), attrs: { autocomplete: 'off' } });
  const reach = field({ label: t('grants.expected_reach'), name: 'grant_expected_reach', value: app && app.expected_reach !== null ? String(app.expected_reach) : '', hint: t('grants.reach_hint'), attrs: { inputmode: 'numeric', autocomplete: 'off' } });
  const requested = field({ label: t('grants.requested'), name: 'amount_requested', value: app ? amount(app.requested_ore) : '', hint: t('grants.amount_hint_max', { max: money(page.overview.pool.max_per_application_ore) }), required: true, attrs: { inputmode: 'decimal', autocomplete: 'off' } });
  if (locked) requested.input.disabled = true;
  const save = h('button', { class: 'btn', type: 'submit', text: app ? t('grants.save_changes') : t('grants.register') });
  const cancel = h('button', { class: 'btn secondary', type: 'button', text: t('common.cancel') });
  cancel.addEventListener('click', () => { page.dirty = false; if (app) page.openDetail(app.id); else { page.detail.hidden = true; page.selected = null; } });
  const form = h('form', { novalidate: true, id: 'grant-form' },
    h('h3', { id: 'grant-form-h', text: app ? t('grants.edit') : t('grants.new') }),
    h('div', { class: 'grid-2' }, partner.wrap, received.wrap),
    purpose.wrap, description.wrap,
    h('div', { class: 'grid-2' }, planned.wrap, reach.wrap),
    h('div', { class: 'grid-2' }, requested.wrap),
    h('div', { class: 'actions' }, save, cancel));
  form.addEventListener('input', () => { page.dirty = true; });
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    clearErrors(form);
    const reachValue = wholeNumber(reach.input.value);
    if (Number.isNaN(reachValue)) {
      showFieldError(form, { field: 'grant_expected_reach', message: t('grants.reach_invalid') }, notify);
      return;
    }
    const input = {
      year: page.year,
      partner_id: partner.value()[0] || '',
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
      page.dirty = false;
      notify(app ? t('grants.saved') : t('grants.registered'));
      page.selected = saved.id;
      await page.reload();
    } catch (err) { page.fail(form)(err); } finally { save.disabled = false; }
  });
  page.detail.append(form);
  page.detail.scrollIntoView({ block: 'nearest' });
  if (partner.focus) partner.focus();
}
