// Publikationer: the inspiration catalogue's editable texts (each saved
// when it loses focus), the partners whose examples appear, a preview of
// the catalogue's sections that follows the typing, the PDF through the
// save dialog (or as an editable Word document), and the export of the partner pages for the website with
// what to publish and what to take down. The rules (consent, order, the
// change list) live in Rust.
import { h, clear, field } from '../../dom.js';
import { t } from '../../i18n/index.js';
import { count } from '../../format.js';
import { saveDocument } from '../../save.js';

function textLabel(key, goals) {
  if (key.startsWith('example:')) {
    const goal = goals.find((g) => `example:${g.goal_id}` === key);
    return t('publications.example_text', { goal: goal ? goal.title : '' });
  }
  return t(`publications.text.${key}`);
}

function drawPreview(page) {
  clear(page.preview);
  const body = (key) => page.bodies.get(key) || '';
  page.preview.append(
    h('h3', { id: 'pub-preview-h', text: t('publications.preview') }),
    h('p', { class: 'hint', text: t('publications.preview_hint') }),
    h('h4', { text: t('publications.text.intro') }),
    h('p', { 'data-preview': 'intro', text: body('intro') }),
    h('h4', { text: t('publications.text.commitment') }),
    h('p', { 'data-preview': 'commitment', text: body('commitment') }));
  for (const g of page.start.goals) {
    page.preview.append(h('h4', { text: g.title }));
    const chosen = g.examples.filter((e) => page.chosen.has(e.partner_id));
    const list = h('ul', {}, chosen.map((e) => h('li', { text: `${e.name} · ${e.kind}: ${e.initiative}` })));
    if (chosen.length) page.preview.append(list);
    const own = body(`example:${g.goal_id}`);
    if (chosen.length < 2 && own) page.preview.append(h('p', { class: 'quote', text: own }));
  }
  page.preview.append(h('h4', { text: t('publications.text.join') }),
    h('p', { 'data-preview': 'join', text: body('join') }),
    h('h4', { text: t('publications.text.contact') }),
    h('p', { 'data-preview': 'contact', text: body('contact') }));
}

function drawTexts(page) {
  clear(page.texts);
  page.texts.append(h('h3', { id: 'pub-texts-h', text: t('publications.texts') }));
  for (const text of page.start.texts) {
    const f = field({ label: textLabel(text.key, page.start.goals), name: 'body', value: text.body, multiline: true,
      attrs: { 'data-key': text.key, rows: '4' } });
    f.input.addEventListener('input', () => { page.bodies.set(text.key, f.input.value); drawPreview(page); });
    f.input.addEventListener('change', async () => {
      f.error.textContent = '';
      try {
        const saved = await page.api.publicationTextSave(text.key, f.input.value);
        page.bodies.set(text.key, saved.body);
        if (saved.default) f.input.value = saved.body;
        drawPreview(page);
      } catch (err) { f.error.textContent = err.message; }
    });
    page.texts.append(f.wrap);
  }
}

function drawPartners(page) {
  clear(page.partners);
  page.partners.append(h('h3', { id: 'pub-partners-h', text: t('publications.partners') }),
    h('p', { class: 'hint', text: t('publications.partners_hint') }));
  if (!page.start.candidates.length) page.partners.append(h('p', { text: t('publications.no_partners') }));
  for (const c of page.start.candidates) {
    const box = h('input', { type: 'checkbox', id: `pub-p-${c.id}`, 'data-partner': c.id });
    box.checked = page.chosen.has(c.id);
    box.addEventListener('change', () => {
      if (box.checked) page.chosen.add(c.id); else page.chosen.delete(c.id);
      drawPreview(page);
    });
    page.partners.append(h('div', { class: 'check' }, box, h('label', { for: `pub-p-${c.id}`, text: c.name })));
  }
}

function input(page) {
  return { partner_ids: [...page.chosen] };
}

function drawActions(page) {
  const { api, notify } = page;
  const catalogueButton = (id, label, file, format, cls) => {
    const b = h('button', { class: cls, type: 'button', id, text: t(label) });
    b.addEventListener('click', async () => {
      b.disabled = true;
      try {
        const saved = await saveDocument('publications', t(file), (p) => api.catalogueSave(input(page), p, format));
        if (saved) notify(t('publications.saved', { path: saved.path }));
      } catch (err) { notify(err.message, 'error'); } finally { b.disabled = false; }
    });
    return b;
  };
  const pdf = catalogueButton('catalogue-save', 'publications.catalogue_save', 'publications.catalogue_file', 'pdf', 'btn');
  const docx = catalogueButton('catalogue-save-docx', 'publications.catalogue_save_docx',
    'publications.catalogue_file_docx', 'docx', 'btn secondary');
  const web = h('button', { class: 'btn secondary', type: 'button', id: 'webpages-export', text: t('publications.webpages_export') });
  web.addEventListener('click', async () => {
    web.disabled = true;
    try {
      const r = await api.webpagesExport();
      drawExport(page, r);
      notify(t('publications.exported', { path: r.folder }));
    } catch (err) { notify(err.message, 'error'); } finally { web.disabled = false; }
  });
  page.actions.replaceChildren(pdf, docx, web);
}

function drawExport(page, r) {
  clear(page.result);
  page.result.hidden = false;
  const list = (title, rows, line) => (rows.length
    ? [h('h4', { text: title }), h('ul', {}, rows.map((x) => h('li', { text: line(x) })))] : []);
  page.result.append(
    h('h3', { text: t('publications.export_result') }),
    h('p', { text: t('publications.export_folder', { path: r.folder }) }),
    h('p', { text: t('publications.export_pages', { n: count(r.pages) }) }),
    r.ended ? h('p', { class: 'warning', text: t('publications.ended') }) : null,
    ...list(t('publications.new'), r.new, (p) => `${p.name} (${p.file_name})`),
    ...list(t('publications.changed'), r.changed, (p) => `${p.name} (${p.file_name})`),
    ...list(t('publications.remove'), r.remove, (p) => `${p.file_name}: ${t(`publications.reason.${p.reason}`)}`));
}

export async function render(container, ctx) {
  const { api, notify } = ctx;
  const start = await api.publicationsStart({ partner_ids: null });
  const page = {
    api,
    notify,
    start,
    bodies: new Map(start.texts.map((x) => [x.key, x.body])),
    chosen: new Set(start.candidates.map((c) => c.id)),
    texts: h('section', { class: 'card', id: 'pub-texts', 'aria-labelledby': 'pub-texts-h' }),
    partners: h('section', { class: 'card', id: 'pub-partners', 'aria-labelledby': 'pub-partners-h' }),
    preview: h('section', { class: 'card', id: 'pub-preview', 'aria-live': 'polite', 'aria-labelledby': 'pub-preview-h' }),
    actions: h('div', { class: 'actions' }),
    result: h('section', { class: 'card', id: 'pub-result', 'aria-live': 'polite', hidden: true }),
  };
  container.append(h('div', { class: 'page-head' },
    h('h2', { text: t('publications.title') }),
    h('p', { class: 'lead', text: t('publications.intro') })),
  page.actions, page.texts, page.partners, page.preview, page.result);
  drawTexts(page);
  drawPartners(page);
  drawPreview(page);
  drawActions(page);
}
