// Rapporter, the case for Sund By Netværket's case bank: every field of the
// case bank's form, prefilled from the data (the programme, the contact,
// the measured figures, the newest evaluation); the consultant edits any
// field and the app keeps the edited case. Exports: Word (.docx) and plain
// text, field by field, for the case bank's web form. The consultant's
// contact (a part of the programme settings, ../../contact.js) is edited
// here and in Indstillinger.
import { h, field, showFieldError, clearErrors } from '../../dom.js';
import { t } from '../../i18n/index.js';
import { saveDocument, openSaved } from '../../save.js';
import { contactForm } from '../../contact.js';

function contactCard(page) {
  return contactForm({
    api: page.api, notify: page.notify, contact: page.contact,
    onDirty: () => { page.dirty = true; },
    onSaved: async (saved) => { page.contact = saved; page.dirty = false; await draw(page); },
  });
}

function caseForm(page) {
  const inputs = new Map();
  const rows = page.case.fields.map((f) => {
    const fl = field({ label: f.label, name: `case_${f.key}`, value: f.value, multiline: f.multiline, attrs: f.multiline ? { rows: 5, 'data-key': f.key } : { 'data-key': f.key } });
    inputs.set(f.key, fl.input);
    const reset = f.edited
      ? h('button', { class: 'btn secondary small', type: 'button', text: t('reports.case_reset'), 'data-reset': f.key,
        onclick: async () => {
          try { page.case = await page.api.caseSave({ [f.key]: null }); await draw(page); } catch (err) { page.notify(err.message, 'error'); }
        } })
      : null;
    return h('div', { class: 'case-field' }, fl.wrap,
      f.edited ? h('p', { class: 'hint', text: t('reports.case_edited') }) : null, reset);
  });
  const save = h('button', { class: 'btn', type: 'submit', id: 'case-save', text: t('reports.case_save') });
  const el = h('form', { class: 'card', id: 'case-form', 'aria-labelledby': 'case-h' },
    h('h3', { id: 'case-h', text: t('reports.case') }),
    h('p', { class: 'hint', text: t('reports.case_hint') }),
    rows, h('div', { class: 'actions form-end' }, save));
  el.addEventListener('input', () => { page.dirty = true; });
  el.addEventListener('submit', async (e) => {
    e.preventDefault();
    clearErrors(el);
    // Only what differs from what the case says now is an edit.
    const edits = {};
    for (const f of page.case.fields) {
      const v = inputs.get(f.key).value;
      if (v !== f.value) edits[f.key] = v;
    }
    try {
      page.case = await page.api.caseSave(edits);
      page.dirty = false;
      page.notify(t('reports.case_saved'));
      await draw(page);
    } catch (err) { showFieldError(el, err, page.notify); }
  });
  return el;
}

function exportsCard(page) {
  const title = page.case.fields.find((f) => f.key === 'title');
  const stem = title && title.value.trim() ? `Case ${title.value.trim()}` : 'Case';
  const button = (id, label, format) => h('button', { class: 'btn secondary', type: 'button', id, text: label,
    onclick: async () => {
      if (page.dirty) { page.notify(t('reports.case_save_first'), 'error'); return; }
      try {
        const path = await saveDocument('reports', `${stem}.${format}`, (p) => page.api.caseExport(format, p));
        if (path) {
          page.notify(t('reports.saved', { path }));
          if (format === 'docx') openSaved(path, page.notify);
        }
      } catch (err) { page.notify(err.message, 'error'); }
    } });
  const text = h('pre', { class: 'newsletter-text', id: 'case-text', hidden: true });
  const show = h('button', { class: 'btn secondary', type: 'button', id: 'case-show-text', text: t('reports.case_show_text'),
    onclick: async () => {
      try { text.textContent = await page.api.caseText(); text.hidden = false; } catch (err) { page.notify(err.message, 'error'); }
    } });
  return h('section', { class: 'card', 'aria-labelledby': 'case-exports-h' },
    h('h3', { id: 'case-exports-h', text: t('reports.case_exports') }),
    h('div', { class: 'actions' }, button('case-docx', t('reports.case_docx'), 'docx'), button('case-txt', t('reports.case_txt'), 'txt'), show),
    text);
}

async function draw(page) {
  page.dirty = false;
  [page.case, page.contact] = await Promise.all([page.api.caseGet(), page.api.contactGet()]);
  page.body.replaceChildren(contactCard(page), caseForm(page), exportsCard(page));
}

export async function render(container, ctx) {
  const page = { api: ctx.api, notify: ctx.notify, case: null, contact: null, dirty: false, body: h('div', { id: 'case-body' }) };
  container.append(page.body);
  await draw(page);
  return { canLeave: () => !page.dirty };
}
