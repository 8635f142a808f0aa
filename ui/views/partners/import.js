// Import of partners (route #/partnere/import): choose a CSV or XLSX file →
// map the file's columns to fields (guessed from the headers) → preview with
// every row problem → choose what to do with likely duplicates → import (all
// or nothing) → result, with "Fortryd importen" to undo the whole batch.
//
// One `page` object per visit holds the state (file data, preview, mapping,
// report) and the sections; `draw…(page)` build a section's DOM from it, the
// `on…` handlers call the api and redraw.
import { h, fileToBase64, nextId } from '../../dom.js';
import { filePick } from '../../filepick.js';
import { t } from '../../i18n/index.js';
import { shortDate } from '../../format.js';
import { confirmDialog } from '../../dialog.js';

const MAX_MB = 50;
const MAX_PROBLEMS = 500;
const MAX_DUPLICATES = 50;
const MAX_BATCHES = 20;

const message = (err) => (err && err.message) || String(err);

export async function render(main, ctx) {
  const page = {
    api: ctx.api,
    notify: ctx.notify,
    state: { data: null, fileName: '', preview: null, mapping: null, report: null, choice: 'skip', busy: false },
    fileSection: h('section', { class: 'card', 'aria-labelledby': 'import-file-h' }),
    mappingSection: h('section', { class: 'card', id: 'import-mapping', 'aria-labelledby': 'import-mapping-h', hidden: true }),
    previewSection: h('section', { class: 'card', id: 'import-preview', 'aria-labelledby': 'import-preview-h', hidden: true }),
    runSection: h('section', { class: 'card', id: 'import-run', 'aria-labelledby': 'import-run-h', hidden: true }),
    resultSection: h('section', { class: 'card', id: 'import-result', 'aria-labelledby': 'import-result-h', tabindex: '-1', hidden: true }),
    historySection: h('section', { class: 'card', id: 'import-history', 'aria-labelledby': 'import-history-h' }),
    file: null,
    formatLine: null,
  };
  main.append(
    h('div', { class: 'page-head' },
      h('p', {}, h('a', { href: '#/partnere', text: t('import.back') })),
      h('h2', { text: t('import.title') }),
      h('p', { class: 'lead', text: t('import.intro') })),
    page.fileSection, page.mappingSection, page.previewSection, page.runSection, page.resultSection, page.historySection);
  drawFileStep(page);
  page.file.input.addEventListener('change', () => onFileChosen(page));
  await loadHistory(page);
  return {
    // A chosen file that has not been imported is work in progress.
    canLeave: () => !page.state.preview,
  };
}

// ── 1. file ──

function drawFileStep(page) {
  const file = filePick({
    label: t('import.file'), name: 'import_file', id: 'import-file-input', hint: t('import.file_hint'),
    accept: '.csv,.txt,.xlsx,.xls,.ods,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  });
  page.file = file;
  page.formatLine = h('p', { class: 'hint', id: 'import-format' });
  page.fileSection.append(h('h3', { id: 'import-file-h', text: t('import.step_file') }), file.wrap, page.formatLine);
}

function drawFileError(page, text) {
  page.file.error.textContent = text;
  page.file.input.setAttribute('aria-invalid', 'true');
}

async function onFileChosen(page) {
  const { file, state } = page;
  const f = file.input.files && file.input.files[0];
  file.error.textContent = '';
  file.input.removeAttribute('aria-invalid');
  resetImport(page);
  if (!f) return;
  if (f.size > MAX_MB * 1024 * 1024) {
    drawFileError(page, t('import.too_large', { mb: MAX_MB }));
    return;
  }
  try {
    state.data = await fileToBase64(f);
    state.fileName = f.name;
    await loadPreview(page, null);
    page.mappingSection.querySelector('select')?.focus();
  } catch (err) {
    state.data = null;
    drawFileError(page, message(err));
  }
}

function hideSteps(page, sections) {
  for (const s of sections) { s.hidden = true; s.replaceChildren(); }
}

function resetImport(page) {
  const { state } = page;
  state.data = null; state.preview = null; state.mapping = null; state.report = null;
  page.formatLine.textContent = '';
  hideSteps(page, [page.mappingSection, page.previewSection, page.runSection, page.resultSection]);
}

// Asks the core how the file reads with `mapping` (null: guessed) and draws
// steps 2–5 from the answer.
async function loadPreview(page, mapping) {
  const { state } = page;
  const p = await page.api.partnerImportPreview(state.data, mapping);
  state.preview = p;
  state.mapping = p.columns.map((c) => c.field);
  page.formatLine.textContent = t('import.format', { format: p.format.description, rows: p.row_count, columns: p.columns.length });
  drawMapping(page);
  drawPreview(page);
  drawRun(page);
}

// ── 2. mapping ──

const columnLabel = (c, i) => c.header || t('import.no_header', { n: i + 1 });

function mappingRow(page, c, i, options) {
  const id = nextId('map');
  const select = h('select', { id, 'data-column': i, 'aria-describedby': `${id}-samples` },
    options.map((o) => h('option', { value: o.value, text: o.label })));
  select.value = c.field || '';
  select.addEventListener('change', () => onMappingChange(page, i, select.value));
  return h('tr', {},
    h('th', { scope: 'row' }, h('label', { for: id, text: columnLabel(c, i) })),
    h('td', { id: `${id}-samples`, class: 'samples', text: c.samples.join(' · ') }),
    h('td', {}, select));
}

function drawMapping(page) {
  const p = page.state.preview;
  const options = [{ value: '', label: t('import.skip_column') }]
    .concat(p.fields.map((f) => ({ value: f, label: t(`import.field.${f}`) })));
  const body = h('tbody', {}, p.columns.map((c, i) => mappingRow(page, c, i, options)));
  page.mappingSection.replaceChildren(...[
    h('h3', { id: 'import-mapping-h', text: t('import.step_mapping') }),
    h('p', { class: 'hint', text: t('import.mapping_intro') }),
    p.name_missing ? h('p', { class: 'banner error', role: 'alert', id: 'import-name-missing', text: t('import.name_missing') }) : null,
    h('div', { class: 'table-scroll' },
      h('table', { class: 'data', id: 'import-mapping-table' },
        h('thead', {}, h('tr', {},
          h('th', { scope: 'col', text: t('import.col_header') }),
          h('th', { scope: 'col', text: t('import.col_samples') }),
          h('th', { scope: 'col', text: t('import.col_field') }))),
        body)),
  ].filter(Boolean));
  page.mappingSection.hidden = false;
}

async function onMappingChange(page, i, value) {
  const mapping = page.state.mapping.slice();
  mapping[i] = value || null;
  // A field chosen here is taken away from any other column.
  if (value) mapping.forEach((m, j) => { if (j !== i && m === value) mapping[j] = null; });
  try {
    await loadPreview(page, mapping);
    page.mappingSection.querySelector(`select[data-column="${i}"]`)?.focus();
  } catch (err) { page.notify(message(err), 'error'); }
}

// ── 3. preview and problems ──

function sampleTable(p) {
  const head = h('tr', {}, h('th', { scope: 'col', text: t('import.row') }),
    p.columns.map((c, i) => h('th', { scope: 'col' },
      columnLabel(c, i),
      c.field ? h('span', { class: 'mapped', text: ` → ${t(`import.field.${c.field}`)}` }) : null)));
  return h('table', { class: 'data', id: 'import-sample' },
    h('thead', {}, head),
    h('tbody', {}, p.sample.map((r) => h('tr', {},
      h('td', { text: String(r.row) }),
      r.cells.map((c) => h('td', { text: c }))))));
}

function problemsTable(p) {
  return h('div', { class: 'table-scroll problems' },
    h('table', { class: 'data', id: 'import-problems' },
      h('caption', { text: t('import.problems_caption') }),
      h('thead', {}, h('tr', {},
        h('th', { scope: 'col', text: t('import.row') }),
        h('th', { scope: 'col', text: t('import.column') }),
        h('th', { scope: 'col', text: t('import.reason') }))),
      h('tbody', {}, p.problems.slice(0, MAX_PROBLEMS).map((x) => h('tr', {},
        h('td', { text: String(x.row) }),
        h('td', { text: x.column || '' }),
        h('td', { text: x.message }))))));
}

function drawPreview(page) {
  const p = page.state.preview;
  const parts = [
    h('h3', { id: 'import-preview-h', text: t('import.step_preview') }),
    h('p', { text: t('import.sample', { n: p.sample.length, total: p.row_count }) }),
    h('div', { class: 'table-scroll' }, sampleTable(p)),
  ];
  if (p.problems.length) {
    parts.push(
      h('p', { class: 'banner error', role: 'alert', id: 'import-problem-summary',
        text: t('import.problems', { rows: p.rows_with_problems, n: p.problem_count }) }),
      problemsTable(p),
      p.problem_count > MAX_PROBLEMS ? h('p', { class: 'hint', text: t('import.more_problems', { n: p.problem_count - MAX_PROBLEMS }) }) : null);
  } else if (!p.name_missing) {
    parts.push(h('p', { class: 'banner ok', id: 'import-ok', text: t('import.no_problems', { n: p.row_count }) }));
  }
  page.previewSection.replaceChildren(...parts.filter(Boolean));
  page.previewSection.hidden = false;
}

// ── 4. duplicates and 5. import ──

const DUP_REASONS = { file: 'import.dup_in_file', email: 'import.dup_email' };

function duplicateItem(d) {
  return h('li', {},
    t('import.row_n', { n: d.row }), ' ', h('strong', { text: d.name }), ' ',
    t(DUP_REASONS[d.reason] || 'import.dup_name'), ' ',
    d.existing_id
      ? h('a', { href: `#/partnere/${encodeURIComponent(d.existing_id)}`, text: d.existing_name })
      : h('span', { text: d.existing_name }));
}

// The duplicates found and the choice of what to do with them (skip first).
function duplicatesBlock(page) {
  const p = page.state.preview;
  const name = nextId('dup');
  const radios = ['skip', 'update', 'import'].map((v) => {
    const id = `${name}-${v}`;
    const input = h('input', { type: 'radio', name, id, value: v, checked: v === 'skip' });
    input.addEventListener('change', () => { if (input.checked) page.state.choice = v; });
    return h('div', { class: 'radio' }, input, h('label', { for: id, text: t(`import.dup_${v}`) }));
  });
  return [
    h('p', { id: 'import-dup-summary', text: t('import.duplicates', { n: p.duplicate_count }) }),
    h('ul', { class: 'dup-list', id: 'import-duplicates' }, p.duplicates.slice(0, MAX_DUPLICATES).map(duplicateItem)),
    h('fieldset', { class: 'choices' }, h('legend', { text: t('import.dup_question') }), radios),
  ];
}

function drawRun(page) {
  const p = page.state.preview;
  page.state.choice = 'skip';
  const blocked = p.name_missing || p.problems.length > 0 || p.row_count === 0;
  const go = h('button', { class: 'btn', type: 'button', id: 'import-go', disabled: blocked,
    text: t('import.go', { n: p.row_count }) });
  go.addEventListener('click', () => onImport(page, go));
  page.runSection.replaceChildren(...[
    h('h3', { id: 'import-run-h', text: t('import.step_run') }),
    ...(p.duplicates.length ? duplicatesBlock(page) : []),
    blocked ? h('p', { class: 'hint', text: t('import.blocked') }) : null,
    h('div', { class: 'actions' }, go),
  ].filter(Boolean));
  page.runSection.hidden = false;
}

async function onImport(page, go) {
  const { state } = page;
  if (state.busy) return;
  state.busy = true;
  go.disabled = true;
  try {
    state.report = await page.api.partnerImportRun(state.data, state.fileName, state.mapping, state.choice);
    drawResult(page);
    await loadHistory(page);
  } catch (err) {
    page.notify(message(err), 'error');
    go.disabled = false;
    // The file may have changed meaning (e.g. a duplicate appeared): show why.
    try { await loadPreview(page, state.mapping); } catch (_) { /* the notice says enough */ }
  } finally {
    state.busy = false;
  }
}

// ── 6. result with undo ──

function drawResult(page) {
  const { state } = page;
  const r = state.report;
  const undo = h('button', { class: 'btn danger', type: 'button', id: 'import-undo', text: t('import.undo') });
  undo.addEventListener('click', () => onUndoLatest(page, r));
  hideSteps(page, [page.mappingSection, page.previewSection, page.runSection]);
  page.resultSection.replaceChildren(
    h('h3', { id: 'import-result-h', text: t('import.done_title') }),
    h('p', { class: 'banner ok', id: 'import-done', role: 'status',
      text: t('import.done', { n: r.created, u: r.updated, s: r.skipped, file: r.file_name }) }),
    h('div', { class: 'actions' },
      h('a', { class: 'btn', href: '#/partnere', text: t('import.to_list') }),
      undo));
  page.resultSection.hidden = false;
  page.file.clear();
  state.data = null;
  state.preview = null;
  page.resultSection.focus();
}

function drawUndone(page, u) {
  page.resultSection.replaceChildren(
    h('h3', { id: 'import-result-h', text: t('import.undone_title') }),
    h('p', { class: 'banner ok', id: 'import-undone', role: 'status', text: t('import.undone', { n: u.removed, u: u.restored }) }),
    h('div', { class: 'actions' }, h('a', { class: 'btn secondary', href: '#/partnere', text: t('import.to_list') })));
}

async function onUndoLatest(page, r) {
  const ok = await confirmDialog(t('import.undo_confirm', { n: r.created, u: r.updated }), { ok: t('import.undo'), danger: true });
  if (!ok) return;
  try {
    const u = await page.api.partnerImportUndo(r.batch_id);
    drawUndone(page, u);
    page.state.report = null;
    page.notify(t('import.undone', { n: u.removed, u: u.restored }));
    await loadHistory(page);
    page.resultSection.focus();
  } catch (err) { page.notify(message(err), 'error'); }
}

// ── earlier imports ──

async function loadHistory(page) {
  let batches = [];
  try { batches = await page.api.partnerImportBatches(); } catch (err) { page.notify(err.message, 'error'); }
  drawHistory(page, batches);
}

function batchItem(page, b) {
  const item = h('li', {},
    h('span', { text: t('import.batch_line', { file: b.file_name, date: shortDate(b.created_at), n: b.row_count }) }));
  if (b.undone_at) {
    item.append(' ', h('span', { class: 'badge', text: t('import.batch_undone') }));
  } else {
    const btn = h('button', { class: 'btn small secondary', type: 'button', text: t('import.undo'), 'data-batch': b.id });
    btn.addEventListener('click', () => onUndoBatch(page, b));
    item.append(' ', btn);
  }
  return item;
}

function drawHistory(page, batches) {
  const list = h('ul', { class: 'batch-list' }, batches.slice(0, MAX_BATCHES).map((b) => batchItem(page, b)));
  page.historySection.replaceChildren(
    h('h3', { id: 'import-history-h', text: t('import.history') }),
    batches.length ? list : h('p', { class: 'hint', text: t('import.history_empty') }));
}

async function onUndoBatch(page, b) {
  const ok = await confirmDialog(t('import.undo_confirm_batch', { file: b.file_name, n: b.partners }), { ok: t('import.undo'), danger: true });
  if (!ok) return;
  try {
    const u = await page.api.partnerImportUndo(b.id);
    page.notify(t('import.undone', { n: u.removed, u: u.restored }));
    if (page.state.report && page.state.report.batch_id === b.id) { page.state.report = null; page.resultSection.hidden = true; }
    await loadHistory(page);
  } catch (err) { page.notify(message(err), 'error'); }
}
