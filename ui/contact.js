// The consultant's contact (name, title, unit, phone, e-mail): a part of the
// programme settings, edited in Indstillinger and in Rapporter → Case (the
// case bank's contact). One form, saved through the one core function
// (`contact_save`); a refused field shows its message beside it.
import { h, field, showFieldError, clearErrors } from './dom.js';
import { t } from './i18n/index.js';

const CONTACT = ['name', 'title', 'unit', 'phone', 'email'];

// `contact` as loaded; `onDirty()` when typed in; `onSaved(saved)` after a save.
export function contactForm({ api, notify, contact, onDirty = () => {}, onSaved = () => {} }) {
  const fields = Object.fromEntries(CONTACT.map((k) => [k, field({
    label: t(`reports.contact_${k}`), name: `programme_contact_${k}`, value: contact[k],
    type: k === 'email' ? 'email' : 'text', attrs: { autocomplete: 'off' },
  })]));
  const save = h('button', { class: 'btn secondary', type: 'submit', id: 'contact-save', text: t('reports.contact_save') });
  const el = h('form', { class: 'card', id: 'contact-form', 'aria-labelledby': 'contact-h', novalidate: true },
    h('h3', { id: 'contact-h', text: t('reports.contact') }),
    h('p', { class: 'hint', text: t('reports.contact_hint') }),
    h('div', { class: 'grid-2' }, CONTACT.map((k) => fields[k].wrap)), save);
  el.addEventListener('input', () => onDirty());
  el.addEventListener('submit', async (e) => {
    e.preventDefault();
    clearErrors(el);
    save.disabled = true;
    try {
      const saved = await api.contactSave(Object.fromEntries(CONTACT.map((k) => [k, fields[k].input.value])));
      notify(t('reports.contact_saved'));
      await onSaved(saved);
    } catch (err) { showFieldError(el, err, notify); } finally { save.disabled = false; }
  });
  return el;
}
