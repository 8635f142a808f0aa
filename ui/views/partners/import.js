// Import of partners (route #/partnere/import): choose a CSV or XLSX file →
// map the file's columns to fields (guessed from the headers) → preview with
// every row problem → choose what to do with likely duplicates → import (all
// or nothing) → result, with "Fortryd importen" to undo the whole batch.
import { h, field, fileToBase64, nextId } from '../../dom.js';
import { t } from '../../i18n/index.js';
import { shortDate } from '../../format.js';
import { confirmDialog } from '../../dialog.js';

const MAX_MB = 50;

export async function render(main, ctx) {
  const { api, notify } = ctx;
  const state = { data: null, fileName: '', preview: null, mapping: null, report: null, busy: false };

  const fileSection = h('section', { class: 'card', 'aria-labelledby': 'import-file-h' });
  const mappingSection = h('section', { class: 'card', id: 'import-mapping', 'aria-labelledby': 'import-mapping-h', hidden: true });
  const previewSection = h('section', { class: 'card', id: 'import-preview', 'aria-labelledby': 'import-preview-h', hidden: true });
  const runSection = h('section', { class: 'card', id: 'import-run', 'aria-labelledby': 'import-run-h', hidden: true });
  const resultSection = h('section', { class: 'card', id: 'import-result', 'aria-labelledby': 'import-result-h', tabindex: '-1', hidden: true });
  const historySection = h('section', { class: 'card', id: 'import-history', 'aria-labelledby': 'import-history-h' });

  main.append(
    h('div', { class: 'page-head' },
      h('p', {}, h('a', { href: '#/partnere', text: t('import.back') })),
      h('h2', { text: t('import.title') }),
      h('p', { class: 'lead', text: t('import.intro') })),
    fileSection, mappingSection, previewSection, runSection, resultSection, historySection);

  // ── 1. file ──
  const file = field({
    label: t('import.file'), name: 'import_file', type: 'file', hint: t('import.file_hint'),
    attrs: { accept: '.csv,.txt,.xlsx,.xls,.ods,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', id: 'import-file-input' },
  });
  file.wrap.querySelector('label').setAttribute('for', 'import-file-input');
  file.input.id = 'import-file-input';
  const formatLine = h('p', { class: 'hint', id: 'import-format' });
  fileSection.append(h('h3', { id: 'import-file-h', text: t('import.step_file') }), file.wrap, formatLine);

  function fileError(message) {
    file.error.textContent = message;
    file.input.setAttribute('aria-invalid', 'true');
  }

  file.input.addEventListener('change', async () => {
    const f = file.input.files && file.input.files[0];
    file.error.textContent = '';
    file.input.removeAttribute('aria-invalid');
    reset();
    if (!f) return;
    if (f.size > MAX_MB * 1024 * 1024) {
      fileError(t('import.too_large', { mb: MAX_MB }));
      return;
    }
    try {
      state.data = await fileToBase64(f);
      state.fileName = f.name;
      await refresh(null);
      mappingSection.querySelector('select')?.focus();
    } catch (err) {
      state.data = null;
      fileError(err && err.message ? err.message : String(err));
    }
  });

  function reset() {
    state.data = null; state.preview = null; state.mapping = null; state.report = null;
    formatLine.textContent = '';
    for (const s of [mappingSection, previewSection, runSection, resultSection]) { s.hidden = true; s.replaceChildren(); }
  }

  async function refresh(mapping) {
    const p = await api.partnerImportPreview(state.data, mapping);
    state.preview = p;
    state.mapping = p.columns.map((c) => c.field);
    formatLine.textContent = t('import.format', { format: p.format.description, rows: p.row_count, columns: p.columns.length });
    drawMapping();
    drawPreview();
    drawRun();
  }

  // ── 2. mapping ──
  function drawMapping() {
    const p = state.preview;
    const options = [{ value: '', label: t('import.skip_column') }]
      .concat(p.fields.map((f) => ({ value: f, label: t(`import.field.${f}`) })));
    const body = h('tbody');
    p.columns.forEach((c, i) => {
      const id = nextId('map');
      const select = h('select', { id, 'data-column': i, 'aria-describedby': `${id}-samples` },
        options.map((o) => h('option', { value: o.value, text: o.label })));
      select.value = c.field || '';
      select.addEventListener('change', async () => {
        const mapping = state.mapping.slice();
        mapping[i] = select.value || null;
        // A field chosen here is taken away from any other column.
        if (select.value) mapping.forEach((m, j) => { if (j !== i && m === select.value) mapping[j] = null; });
        try {
          await refresh(mapping);
          mappingSection.querySelector(`select[data-column="${i}"]`)?.focus();
        } catch (err) { notify(err.message || String(err), 'error'); }
      });
      body.append(h('tr', {},
        h('th', { scope: 'row' }, h('label', { for: id, text: c.header || t('import.no_header', { n: i + 1 }) })),
        h('td', { id: `${id}-samples`, class: 'samples', text: c.samples.join(' · ') }),
        h('td', {}, select)));
    });
    mappingSection.replaceChildren(...[
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
    mappingSection.hidden = false;
  }

  // ── 3. preview and problems ──
  function drawPreview() {
    const p = state.preview;
    const head = h('tr', {}, h('th', { scope: 'col', text: t('import.row') }),
      p.columns.map((c, i) => h('th', { scope: 'col' },
        c.header || t('import.no_header', { n: i + 1 }),
        c.field ? h('span', { class: 'mapped', text: ` → ${t(`import.field.${c.field}`)}` }) : null)));
    const sample = h('table', { class: 'data', id: 'import-sample' },
      h('thead', {}, head),
      h('tbody', {}, p.sample.map((r) => h('tr', {},
        h('td', { text: String(r.row) }),
        r.cells.map((c) => h('td', { text: c }))))));
    const parts = [
      h('h3', { id: 'import-preview-h', text: t('import.step_preview') }),
      h('p', { text: t('import.sample', { n: p.sample.length, total: p.row_count }) }),
      h('div', { class: 'table-scroll' }, sample),
    ];
    if (p.problems.length) {
      parts.push(
        h('p', { class: 'banner error', role: 'alert', id: 'import-problem-summary',
          text: t('import.problems', { rows: p.rows_with_problems, n: p.problem_count }) }),
        h('div', { class: 'table-scroll problems' },
          h('table', { class: 'data', id: 'import-problems' },
            h('caption', { text: t('import.problems_caption') }),
            h('thead', {}, h('tr', {},
              h('th', { scope: 'col', text: t('import.row') }),
              h('th', { scope: 'col', text: t('import.column') }),
              h('th', { scope: 'col', text: t('import.reason') }))),
            h('tbody', {}, p.problems.slice(0, 500).map((x) => h('tr', {},
              h('td', { text: String(x.row) }),
              h('td', { text: x.column || '' }),
              h('td', { text: x.message })))))),
        p.problem_count > 500 ? h('p', { class: 'hint', text: t('import.more_problems', { n: p.problem_count - 500 }) }) : null);
    } else if (!p.name_missing) {
      parts.push(h('p', { class: 'banner ok', id: 'import-ok', text: t('import.no_problems', { n: p.row_count }) }));
    }
    previewSection.replaceChildren(...parts.filter(Boolean));
    previewSection.hidden = false;
  }

  // ── 4. duplicates and 5. import ──
  function drawRun() {
    const p = state.preview;
    const parts = [h('h3', { id: 'import-run-h', text: t('import.step_run') })];
    let choice = 'skip';
    if (p.duplicates.length) {
      const name = nextId('dup');
      const radios = ['skip', 'update', 'import'].map((v) => {
        const id = `${name}-${v}`;
        const input = h('input', { type: 'radio', name, id, value: v, checked: v === 'skip' });
        input.addEventListener('change', () => { if (input.checked) choice = v; });
        return h('div', { class: 'radio' }, input, h('label', { for: id, text: t(`import.dup_${v}`) }));
      });
      parts.push(
        h('p', { id: 'import-dup-summary', text: t('import.duplicates', { n: p.duplicate_count }) }),
        h('ul', { class: 'dup-list', id: 'import-duplicates' }, p.duplicates.slice(0, 50).map((d) => h('li', {},
          t('import.row_n', { n: d.row }), ' ', h('strong', { text: d.name }), ' ',
          t(d.reason === 'file' ? 'import.dup_in_file' : (d.reason === 'email' ? 'import.dup_email' : 'import.dup_name')), ' ',
          d.existing_id ? h('a', { href: `#/partnere/${encodeURIComponent(d.existing_id)}`, text: d.existing_name }) : h('span', { text: d.existing_name })))),
        h('fieldset', { class: 'choices' }, h('legend', { text: t('import.dup_question') }), radios));
    }
    const blocked = p.name_missing || p.problems.length > 0 || p.row_count === 0;
    const go = h('button', { class: 'btn', type: 'button', id: 'import-go', disabled: blocked,
      text: t('import.go', { n: p.row_count }) });
    go.addEventListener('click', async () => {
      if (state.busy) return;
      state.busy = true;
      go.disabled = true;
      try {
        state.report = await api.partnerImportRun(state.data, state.fileName, state.mapping, choice);
        drawResult();
        await drawHistory();
      } catch (err) {
        notify(err.message || String(err), 'error');
        go.disabled = false;
        // The file may have changed meaning (e.g. a duplicate appeared): show why.
        try { await refresh(state.mapping); } catch (_) { /* the notice says enough */ }
      } finally {
        state.busy = false;
      }
    });
    parts.push(
      blocked ? h('p', { class: 'hint', text: t('import.blocked') }) : null,
      h('div', { class: 'actions' }, go));
    runSection.replaceChildren(...parts.filter(Boolean));
    runSection.hidden = false;
  }

  // ── 6. result with undo ──
  function drawResult() {
    const r = state.report;
    const undo = h('button', { class: 'btn danger', type: 'button', id: 'import-undo', text: t('import.undo') });
    undo.addEventListener('click', async () => {
      const ok = await confirmDialog(t('import.undo_confirm', { n: r.created, u: r.updated }), { ok: t('import.undo'), danger: true });
      if (!ok) return;
      try {
        const u = await api.partnerImportUndo(r.batch_id);
        resultSection.replaceChildren(
          h('h3', { id: 'import-result-h', text: t('import.undone_title') }),
          h('p', { class: 'banner ok', id: 'import-undone', role: 'status', text: t('import.undone', { n: u.removed, u: u.restored }) }),
          h('div', { class: 'actions' }, h('a', { class: 'btn secondary', href: '#/partnere', text: t('import.to_list') })));
        state.report = null;
        notify(t('import.undone', { n: u.removed, u: u.restored }));
        await drawHistory();
        resultSection.focus();
      } catch (err) { notify(err.message || String(err), 'error'); }
    });
    for (const s of [mappingSection, previewSection, runSection]) { s.hidden = true; s.replaceChildren(); }
    resultSection.replaceChildren(
      h('h3', { id: 'import-result-h', text: t('import.done_title') }),
      h('p', { class: 'banner ok', id: 'import-done', role: 'status',
        text: t('import.done', { n: r.created, u: r.updated, s: r.skipped, file: r.file_name }) }),
      h('div', { class: 'actions' },
        h('a', { class: 'btn', href: '#/partnere', text: t('import.to_list') }),
        undo));
    resultSection.hidden = false;
    file.input.value = '';
    state.data = null;
    state.preview = null;
    resultSection.focus();
  }

  // ── earlier imports ──
  async function drawHistory() {
    let batches = [];
    try { batches = await api.partnerImportBatches(); } catch (err) { notify(err.message, 'error'); }
    const list = h('ul', { class: 'batch-list' });
    for (const b of batches.slice(0, 20)) {
      const item = h('li', {},
        h('span', { text: t('import.batch_line', { file: b.file_name, date: shortDate(b.created_at), n: b.row_count }) }));
      if (b.undone_at) {
        item.append(' ', h('span', { class: 'badge', text: t('import.batch_undone') }));
      } else {
        const btn = h('button', { class: 'btn small secondary', type: 'button', text: t('import.undo'), 'data-batch': b.id });
        btn.addEventListener('click', async () => {
          const ok = await confirmDialog(t('import.undo_confirm_batch', { file: b.file_name, n: b.partners }), { ok: t('import.undo'), danger: true });
          if (!ok) return;
          try {
            const u = await api.partnerImportUndo(b.id);
            notify(t('import.undone', { n: u.removed, u: u.restored }));
            if (state.report && state.report.batch_id === b.id) { state.report = null; resultSection.hidden = true; }
            await drawHistory();
          } catch (err) { notify(err.message || String(err), 'error'); }
        });
        item.append(' ', btn);
      }
      list.append(item);
    }
    historySection.replaceChildren(
      h('h3', { id: 'import-history-h', text: t('import.history') }),
      batches.length ? list : h('p', { class: 'hint', text: t('import.history_empty') }));
  }
  await drawHistory();

  return {
    // A chosen file that has not been imported is work in progress.
    canLeave: () => !state.preview,
  };
}
