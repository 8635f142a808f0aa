// Diplomer, wording and design (the diploma settings), previewed live
// before they are saved.
import { h, field, clearErrors } from '../../dom.js';
import { t } from '../../i18n/index.js';

export function wordingCard(page) {
  const { api, notify } = page;
  const w = page.dset.wording;
  const fTitle = field({ label: t('diplomas.w_title'), name: 'diploma_title', value: w.title, attrs: { maxlength: 600 } });
  const fSub = field({ label: t('diplomas.w_subtitle'), name: 'diploma_subtitle', value: w.subtitle, attrs: { maxlength: 600 } });
  const fBody = field({ label: t('diplomas.w_body'), name: 'diploma_body', value: w.body, multiline: true, hint: t('diplomas.w_body_hint'), attrs: { maxlength: 600 } });
  const fFoot = field({ label: t('diplomas.w_footer'), name: 'diploma_footer', value: w.footer, attrs: { maxlength: 600 } });
  const fDesign = field({ label: t('diplomas.design'), name: 'diploma_design', value: page.dset.design, options: [
    { value: 'classic', label: t('diplomas.design_classic') }, { value: 'modern', label: t('diplomas.design_modern') }] });
  const fOrient = field({ label: t('diplomas.orientation'), name: 'diploma_orientation', value: page.dset.orientation, options: [
    { value: 'landscape', label: t('diplomas.landscape') }, { value: 'portrait', label: t('diplomas.portrait') }] });
  const fColour = field({ label: t('diplomas.colour'), name: 'diploma_colour', value: page.dset.colour, type: 'color' });
  // Where the PDFs go: the documents folder of Indstillinger, shown here.
  const where = h('p', { id: 'diploma-folder' },
    t('diplomas.folder_in'), ' ', h('code', { id: 'diploma-folder-path', text: page.view.folder }), ' ',
    h('a', { href: '#/indstillinger', id: 'diploma-folder-link', text: t('diplomas.folder_change') }));
  const openAfter = h('input', { type: 'checkbox', id: 'diploma-open-after', checked: page.dset.open_after });
  const defaultSlots = page.signatories.map((s) => {
    const box = h('input', { type: 'checkbox', id: `diploma-slot-${s.slot}`, checked: page.dset.signatory_slots.includes(s.slot) });
    return { slot: s.slot, box, wrap: h('div', { class: 'check' }, box, h('label', { for: box.id, text: `${s.name} (${s.title})` })) };
  });
  const saveSet = h('button', { class: 'btn', type: 'submit', id: 'diploma-settings-save', text: t('diplomas.settings_save') });
  const reset = h('button', { class: 'btn secondary', type: 'button', text: t('diplomas.settings_reset') });
  const setForm = h('form', { class: 'card', 'aria-labelledby': 'dip-set-h', novalidate: true },
    h('h3', { id: 'dip-set-h', text: t('diplomas.settings') }),
    h('p', { class: 'hint', text: t('diplomas.placeholders') }),
    fTitle.wrap, fSub.wrap, fBody.wrap, fFoot.wrap,
    h('div', { class: 'grid-2' }, fDesign.wrap, fOrient.wrap, fColour.wrap),
    defaultSlots.length ? h('fieldset', { class: 'plain' },
      h('legend', { class: 'label', text: t('diplomas.default_signers') }),
      defaultSlots.map((d) => d.wrap),
      h('p', { class: 'field-error', 'data-error-for': 'signatory_slots' })) : null,
    where,
    h('div', { class: 'check' }, openAfter, h('label', { for: openAfter.id, text: t('diplomas.open_after') })),
    h('div', { class: 'actions' }, saveSet, reset));
  page.right.append(setForm);

  function formSettings() {
    return {
      wording: { title: fTitle.input.value, subtitle: fSub.input.value, body: fBody.input.value, footer: fFoot.input.value },
      design: fDesign.input.value,
      orientation: fOrient.input.value,
      colour: fColour.input.value,
      signatory_slots: defaultSlots.length ? defaultSlots.filter((d) => d.box.checked).map((d) => d.slot) : page.dset.signatory_slots,
      open_after: openAfter.checked,
    };
  }
  setForm.addEventListener('input', () => { page.dirty.add('settings'); page.draft = formSettings(); page.schedulePreview(); });
  setForm.addEventListener('change', () => { page.dirty.add('settings'); page.draft = formSettings(); page.schedulePreview(); });
  reset.addEventListener('click', () => {
    fTitle.input.value = page.dset.wording.title; fSub.input.value = page.dset.wording.subtitle;
    fBody.input.value = page.dset.wording.body; fFoot.input.value = page.dset.wording.footer;
    fDesign.input.value = page.dset.design; fOrient.input.value = page.dset.orientation;
    fColour.input.value = page.dset.colour; openAfter.checked = page.dset.open_after;
    for (const d of defaultSlots) d.box.checked = page.dset.signatory_slots.includes(d.slot);
    page.draft = null; page.dirty.delete('settings'); clearErrors(setForm); page.schedulePreview(0);
  });
  setForm.addEventListener('submit', async (e) => {
    e.preventDefault();
    clearErrors(setForm);
    saveSet.disabled = true;
    try {
      page.dset = await api.diplomaSettingsSave(formSettings());
      page.draft = null;
      page.dirty.delete('settings');
      page.lastPdf = null;
      page.drawActions();
      notify(t('diplomas.settings_saved'));
      page.schedulePreview(0);
    } catch (err) { page.fail(setForm)(err); } finally { saveSet.disabled = false; }
  });
}
