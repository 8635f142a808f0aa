// Indstillinger, the programme: municipality, name and period.
import { h, field, clearErrors } from '../../dom.js';
import { t } from '../../i18n/index.js';
import { shortDate } from '../../format.js';

export function programmeCard(page) {
  const { api, notify } = page;
  const p = page.settings.programme;
  const muni = field({ label: t('settings.municipality'), name: 'municipality', value: p.municipality, required: true, attrs: { maxlength: 200, autocomplete: 'off' } });
  const name = field({ label: t('settings.programme_name'), name: 'programme_name', value: p.name, required: true, attrs: { maxlength: 200, autocomplete: 'off' } });
  const from = field({ label: t('settings.period_from'), name: 'period_from', value: shortDate(p.period_from), hint: t('common.date_hint') });
  const to = field({ label: t('settings.period_to'), name: 'period_to', value: shortDate(p.period_to), hint: t('common.date_hint') });
  const save = h('button', { class: 'btn', type: 'submit', text: t('settings.save_programme') });
  const form = h('form', { class: 'card', 'aria-labelledby': 'settings-programme-h', novalidate: true },
    h('h3', { id: 'settings-programme-h', text: t('settings.programme') }),
    h('div', { class: 'grid-2' }, muni.wrap, name.wrap, from.wrap, to.wrap),
    h('div', { class: 'actions' }, save));
  form.addEventListener('input', () => page.dirty.add('programme'));
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    clearErrors(form);
    save.disabled = true;
    try {
      page.settings.programme = await api.programmeSave({
        municipality: muni.input.value,
        name: name.input.value,
        period_from: from.input.value,
        period_to: to.input.value,
      });
      page.dirty.delete('programme');
      notify(t('settings.programme_saved'));
      await page.ctx.refreshHeader();
    } catch (err) {
      page.fail(form)(err);
    } finally {
      save.disabled = false;
    }
  });
  return form;
}
