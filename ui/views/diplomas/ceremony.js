// Diplomer, the ceremony: pick a saved one or make a new one (date, place,
// who hands out the diplomas).
import { h, field, clearErrors } from '../../dom.js';
import { t } from '../../i18n/index.js';
import { shortDate, todayIso } from '../../format.js';
import { named } from './named.js';

export function ceremonyCard(page) {
  const { api, notify } = page;
  // ── page.ceremony ──
  const cerSelect = field({
    label: t('diplomas.ceremony_pick'), name: 'ceremony_pick', value: '',
    options: [{ value: '', label: t('diplomas.ceremony_new') }].concat(
      page.ceremonies.map((c) => ({ value: c.id, label: `${shortDate(c.held_on)} ${c.place}`.trim() }))),
  });
  named(cerSelect, 'ceremony-pick');
  const date = field({ label: t('diplomas.date'), name: 'held_on', value: '', hint: t('common.date_hint'), required: true, attrs: { autocomplete: 'off' } });
  named(date, 'ceremony-date');
  const place = field({ label: t('diplomas.place'), name: 'place', value: '', attrs: { maxlength: 200, autocomplete: 'off' } });
  named(place, 'ceremony-place');
  const slotBoxes = page.signatories.map((s) => {
    const box = h('input', { type: 'checkbox', id: `ceremony-slot-${s.slot}`, value: String(s.slot), checked: page.dset.signatory_slots.includes(s.slot) });
    return { slot: s.slot, box, wrap: h('div', { class: 'check' }, box, h('label', { for: box.id, text: `${s.name} (${s.title})` })) };
  });
  const saveCer = h('button', { class: 'btn', type: 'submit', id: 'ceremony-save', text: t('diplomas.ceremony_save') });
  const cerForm = h('form', { class: 'card', 'aria-labelledby': 'dip-cer-h', novalidate: true },
    h('h3', { id: 'dip-cer-h', text: t('diplomas.ceremony') }),
    cerSelect.wrap,
    h('div', { class: 'grid-2' }, date.wrap, place.wrap),
    h('fieldset', { class: 'plain' },
      h('legend', { class: 'label', text: t('diplomas.handed_out_by') }),
      slotBoxes.length ? slotBoxes.map((s) => s.wrap) : h('p', { class: 'hint', text: t('diplomas.no_signatories') }),
      h('p', { class: 'field-error', 'data-error-for': 'signatory_slots' })),
    h('div', { class: 'actions' }, saveCer));
  page.left.append(cerForm);

  // keepPicked: a ceremony just saved takes over what was ticked before.
  function fillCeremony(c, { keepPicked = false } = {}) {
    page.ceremony = c;
    const waiting = new Set(page.queue.map((q) => q.partner_id));
    if (!keepPicked || !c) page.picked = c ? c.selection.filter((id) => waiting.has(id)) : page.picked;
    page.lastPdf = null;
    date.input.value = c ? shortDate(c.held_on) : '';
    place.input.value = c ? c.place : '';
    for (const s of slotBoxes) s.box.checked = c ? c.signatory_slots.includes(s.slot) : page.dset.signatory_slots.includes(s.slot);
    cerSelect.input.value = c ? c.id : '';
    page.dirty.delete('ceremony');
    if (keepPicked && c && page.picked.length) page.saving = api.ceremonySelectionSave(c.id, page.picked.slice())
      .then((kept) => { c.selection = kept; }).catch((err) => notify(err.message, 'error'));
    page.drawQueue();
    page.drawPicked();
    page.drawActions();
    page.drawDone();
  }
  cerSelect.input.addEventListener('change', () => {
    fillCeremony(page.ceremonies.find((c) => c.id === cerSelect.input.value) || null);
    page.schedulePreview();
  });
  cerForm.addEventListener('input', (e) => {
    if (e.target === cerSelect.input) return;
    page.dirty.add('ceremony');
    page.schedulePreview();
  });
  cerForm.addEventListener('submit', async (e) => {
    e.preventDefault();
    clearErrors(cerForm);
    saveCer.disabled = true;
    try {
      const saved = await api.ceremonySave({
        id: page.ceremony ? page.ceremony.id : null,
        held_on: date.input.value,
        place: place.input.value,
        signatory_slots: slotBoxes.filter((s) => s.box.checked).map((s) => s.slot),
        notes: '',
      });
      page.ceremonies = await api.ceremonyList();
      cerSelect.input.replaceChildren(...[{ value: '', label: t('diplomas.ceremony_new') }].concat(
        page.ceremonies.map((c) => ({ value: c.id, label: `${shortDate(c.held_on)} ${c.place}`.trim() })))
        .map((o) => h('option', { value: o.value, text: o.label })));
      fillCeremony(saved, { keepPicked: true });
      notify(t('diplomas.ceremony_saved'));
    } catch (err) { page.fail(cerForm)(err); } finally { saveCer.disabled = false; }
  });
  function occasion() {
    return {
      held_on: date.input.value || todayIso(),
      place: place.input.value,
      signatory_slots: slotBoxes.length ? slotBoxes.filter((s) => s.box.checked).map((s) => s.slot) : null,
    };
  }
  Object.assign(page, { fillCeremony, occasion, focusCeremony: () => date.input.focus() });
}
