// Indstillinger, retention: the personal data the programme no longer needs
// (after the programme's period, or partners that ended longer ago than the
// period set here), erased all at once after a confirmation.
import { h, fill, field, showFieldError, clearErrors } from '../../dom.js';
import { t, tn } from '../../i18n/index.js';
import { shortDate } from '../../format.js';
import { confirmDialog } from '../../dialog.js';

async function draw(page, card) {
  const { api, notify } = page;
  let list = null;
  try {
    list = await api.retentionList();
  } catch (err) {
    notify(err.message, 'error');
    return;
  }
  const months = field({
    label: t('settings.retention_months'), name: 'retention_months', type: 'number',
    value: String(list.settings.months_after_end), attrs: { min: '0', max: '240' },
  });
  const save = h('button', { class: 'btn', type: 'submit', text: t('settings.retention_save') });
  const form = h('form', { id: 'settings-retention-form' }, months.wrap, h('div', { class: 'actions' }, save));
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    clearErrors(form);
    try {
      await api.retentionSettingsSave({ months_after_end: Math.max(0, parseInt(months.input.value, 10) || 0) });
      notify(t('settings.retention_saved'));
      await draw(page, card);
    } catch (err) { showFieldError(form, err, notify); }
  });
  const erase = h('button', { class: 'btn danger', type: 'button', id: 'settings-retention-erase', text: t('settings.retention_erase') });
  erase.addEventListener('click', async () => {
    const yes = await confirmDialog(tn('settings.retention_confirm', list.due.length), { ok: t('settings.retention_erase'), danger: true });
    if (!yes) return;
    try {
      const n = await api.retentionErase();
      notify(tn('settings.retention_erased', n));
      await draw(page, card);
    } catch (err) { notify(err.message, 'error'); }
  });
  const rows = list.due.map((d) => h('tr', { 'data-partner-id': d.id },
    h('td', { text: d.name }),
    h('td', { text: d.ended_on ? shortDate(d.ended_on) : '' }),
    h('td', { text: d.reason === 'programme_ended' ? t('settings.retention_reason_programme') : t('settings.retention_reason_partner') })));
  fill(card,
    h('h3', { id: 'settings-retention-h', text: t('settings.retention') }),
    h('p', { class: 'hint', text: t('settings.retention_intro') }),
    form,
    list.due.length
      ? h('table', { class: 'data', id: 'settings-retention' },
        h('thead', {}, h('tr', {},
          h('th', { scope: 'col', text: t('settings.retention_col_partner') }),
          h('th', { scope: 'col', text: t('settings.retention_col_ended') }),
          h('th', { scope: 'col', text: t('settings.retention_col_reason') }))),
        h('tbody', {}, rows))
      : h('p', { id: 'settings-retention-none', text: t('settings.retention_none') }),
    list.due.length ? h('div', { class: 'actions' }, erase) : null);
}

export function retentionCard(page) {
  const card = h('section', { class: 'card', 'aria-labelledby': 'settings-retention-h', id: 'settings-retention-card' });
  draw(page, card);
  return card;
}
