// Copies to a fair and back (#/kopier, linked from Indstillinger): "Tag en
// kopi med" writes a copy (the save dialog chooses where, e.g. a USB stick);
// "Flet en kopi ind" chooses a copy (the open dialog, or one in the copies'
// folder), shows the three-way preview before anything changes (counts, the
// changed fields old → new, and each conflict with both values, the office's
// chosen by default), and applies it in one go. "Åbn en kopi" (on the
// laptop) chooses a copy the same way and the window goes on with it until
// "Luk kopien" returns to the office database; the app opens the copy again
// after a restart (a power cut) until then.
import { h, clear, fill } from '../../dom.js';
import { t } from '../../i18n/index.js';
import { confirmDialog } from '../../dialog.js';
import { saveDocument } from '../../save.js';
import { count, shortDate, fileStamp } from '../../format.js';
import { tableLabel, fieldLabel } from './labels.js';

export async function render(main, ctx) {
  const { api, notify } = ctx;
  const page = { api, notify, path: null, preview: null };
  const copyOut = h('section', { class: 'card', 'aria-labelledby': 'copy-out-h' });
  const mergeIn = h('section', { class: 'card', 'aria-labelledby': 'merge-in-h' });
  const openCopy = h('section', { class: 'card', id: 'copy-open-card', 'aria-labelledby': 'copy-open-h' });
  const result = h('div', { id: 'merge-result' });
  main.append(
    h('p', { class: 'back' }, h('a', { href: '#/indstillinger', text: `← ${t('merge.back')}` })),
    h('div', { class: 'page-head' },
      h('h2', { text: t('merge.title') }),
      h('p', { class: 'lead', text: t('merge.intro') })),
    openCopy, copyOut, mergeIn, result);

  const drawCopies = async () => {
    const copies = await api.copiesList();
    const take = h('button', { class: 'btn', type: 'button', id: 'copy-take', text: t('merge.take') });
    take.addEventListener('click', async () => {
      try {
        const res = await saveDocument('copies', `Sund By Partner kopi ${fileStamp()}.sqlite3`, (path) => api.copyTake(path));
        if (res) {
          notify(t('merge.taken', { path: res.path }));
          await drawCopies();
          await drawMerge();
        }
      } catch (err) { notify(err.message, 'error'); }
    });
    copyOut.replaceChildren(
      h('h3', { id: 'copy-out-h', text: t('merge.take_title') }),
      h('p', { class: 'hint', text: t('merge.take_intro') }),
      h('div', { class: 'actions' }, take),
      copies.length === 0 ? h('p', { class: 'hint', text: t('merge.none_out') }) :
        h('table', { class: 'data', id: 'copies-out' },
          h('thead', {}, h('tr', {},
            h('th', { scope: 'col', text: t('merge.col_taken') }),
            h('th', { scope: 'col', text: t('merge.col_file') }),
            h('th', { scope: 'col', text: t('merge.col_merged') }))),
          h('tbody', {}, copies.map((c) => h('tr', {},
            h('td', { text: shortDate(c.taken_at) }),
            h('td', { text: c.file_name }),
            h('td', { text: c.merged_at ? shortDate(c.merged_at) : t('merge.not_merged') }))))));
  };

  const choose = async (path) => {
    page.path = path;
    clear(result);
    try {
      page.preview = await api.mergePreview(path);
      drawPreview(page, result);
    } catch (err) {
      result.replaceChildren(h('p', { class: 'banner error', role: 'alert', id: 'merge-error', text: err.message }));
    }
  };

  const drawMerge = async () => {
    const files = await api.copyFiles();
    const pick = h('button', { class: 'btn secondary', type: 'button', id: 'merge-pick', text: t('merge.pick') });
    pick.addEventListener('click', async () => {
      try {
        const path = await api.copyOpenDialog();
        if (path) await choose(path);
      } catch (err) { notify(err.message, 'error'); }
    });
    fill(mergeIn,
      h('h3', { id: 'merge-in-h', text: t('merge.in_title') }),
      h('p', { class: 'hint', text: t('merge.in_intro') }),
      h('div', { class: 'actions' }, pick),
      files.length === 0 ? null : h('ul', { class: 'plain', id: 'merge-files' }, files.map((f) => {
        const b = h('button', { class: 'btn secondary', type: 'button', 'data-path': f, text: f.split(/[\\/]/).pop() });
        b.addEventListener('click', () => choose(f));
        return h('li', {}, b);
      })));
  };

  // The window reads everything afresh from the database it now has.
  const reopen = () => { location.hash = '#/overblik'; location.reload(); };
  const drawOpen = async () => {
    const copy = await api.copyInfo().catch(() => null);
    const problem = h('p', { class: 'banner error', role: 'alert', id: 'copy-open-error', hidden: true });
    const fail = (err) => { problem.textContent = err.message; problem.hidden = false; };
    if (copy) {
      const close = h('button', { class: 'btn', type: 'button', id: 'copy-close', text: t('merge.close_copy') });
      close.addEventListener('click', async () => {
        const ok = await confirmDialog(t('merge.close_confirm'), { ok: t('merge.close_copy') });
        if (!ok) return;
        try { await api.copyClose(); reopen(); } catch (err) { fail(err); }
      });
      openCopy.replaceChildren(
        h('h3', { id: 'copy-open-h', text: t('merge.open_title') }),
        h('p', { class: 'lead', id: 'copy-open-now', text: t('merge.open_now', { programme: copy.programme, date: shortDate(String(copy.taken_at).slice(0, 10)) }) }),
        h('p', { class: 'hint', text: t('merge.close_intro') }),
        h('div', { class: 'actions' }, close), problem);
      return;
    }
    const open = async (path) => {
      try { await api.copyOpen(path); reopen(); } catch (err) { fail(err); }
    };
    const pick = h('button', { class: 'btn secondary', type: 'button', id: 'copy-open-pick', text: t('merge.open_pick') });
    pick.addEventListener('click', async () => {
      try {
        const path = await api.copyOpenDialog();
        if (path) await open(path);
      } catch (err) { fail(err); }
    });
    const files = await api.copyFiles().catch(() => []);
    fill(openCopy,
      h('h3', { id: 'copy-open-h', text: t('merge.open_title') }),
      h('p', { class: 'hint', text: t('merge.open_intro') }),
      h('div', { class: 'actions' }, pick),
      files.length === 0 ? null : h('ul', { class: 'plain', id: 'copy-open-files' }, files.map((f) => {
        const name = f.split(/[\\/]/).pop();
        const b = h('button', { class: 'btn secondary', type: 'button', 'data-path': f, text: name,
          'aria-label': t('merge.open_file', { name }) });
        b.addEventListener('click', () => open(f));
        return h('li', {}, b);
      })),
      problem);
  };

  page.done = async () => { await drawCopies(); await drawMerge(); };
  await drawOpen();
  await drawCopies();
  await drawMerge();
  return {};
}

function drawPreview(page, box) {
  const { api, notify } = page;
  const p = page.preview;
  const counts = p.counts.filter((c) => c.new + c.changed + c.removed + c.binned + c.not_carried + c.conflicts > 0);
  const choices = new Map();
  const conflictRows = p.conflicts.map((c, i) => {
    const name = `conflict-${i}`;
    const office = h('input', { type: 'radio', name, id: `${name}-o`, value: 'office', checked: true });
    const copy = h('input', { type: 'radio', name, id: `${name}-c`, value: 'copy' });
    copy.addEventListener('change', () => { if (copy.checked) choices.set(c.id, true); });
    office.addEventListener('change', () => { if (office.checked) choices.delete(c.id); });
    return h('fieldset', { class: 'merge-conflict', 'data-conflict': c.id },
      h('legend', { text: `${tableLabel(c.table)} «${c.label}»: ${fieldLabel(c.table, c.column)}` }),
      h('label', { class: 'check', for: `${name}-o` }, office, ` ${t('merge.office_value')}: `, h('span', { class: 'merge-office', text: c.office || '—' })),
      h('label', { class: 'check', for: `${name}-c` }, copy, ` ${t('merge.copy_value')}: `, h('span', { class: 'merge-copy', text: c.copy || '—' })),
      h('p', { class: 'hint', text: t('merge.base_value', { value: c.base || '—' }) }));
  });
  const apply = h('button', { class: 'btn', type: 'button', id: 'merge-apply', text: t('merge.apply') });
  apply.addEventListener('click', async () => {
    const ok = await confirmDialog(t('merge.apply_confirm'), { ok: t('merge.apply') });
    if (!ok) return;
    try {
      const s = await api.mergeApply(page.path, [...choices.keys()]);
      box.replaceChildren(h('p', { class: 'banner ok', role: 'status', id: 'merge-done',
        text: t('merge.done', { inserted: count(s.inserted), updated: count(s.updated), conflicts: count(s.conflicts), history: count(s.history_entries) }) }));
      await page.done();
    } catch (err) { notify(err.message, 'error'); }
  });
  box.replaceChildren(h('section', { class: 'card', id: 'merge-preview', 'aria-labelledby': 'merge-preview-h' },
    h('h3', { id: 'merge-preview-h', text: t('merge.preview') }),
    h('p', { class: 'lead', text: t('merge.preview_intro', { programme: p.programme }) }),
    p.erased_here > 0 ? h('p', { class: 'banner warn', text: t('merge.erased_here', { n: count(p.erased_here) }) }) : null,
    counts.length === 0 ? h('p', { class: 'hint', text: t('merge.nothing') }) :
      h('table', { class: 'data', id: 'merge-counts' },
        h('thead', {}, h('tr', {}, ['table', 'new', 'changed', 'removed', 'binned', 'not_carried', 'conflicts']
          .map((k) => h('th', { scope: 'col', text: t(`merge.count.${k}`) })))),
        h('tbody', {}, counts.map((c) => h('tr', {},
          h('th', { scope: 'row', text: tableLabel(c.table) }),
          ...[c.new, c.changed, c.removed, c.binned, c.not_carried, c.conflicts].map((n) => h('td', { class: 'num', text: count(n) })))))),
    p.conflicts.length ? h('div', { id: 'merge-conflicts' }, h('h4', { text: t('merge.conflicts') }), conflictRows) : null,
    p.changes.length ? h('details', {},
      h('summary', { text: t('merge.changes', { n: count(p.changes.length + p.more_changes) }) }),
      h('ul', { class: 'plain merge-changes' }, p.changes.map((l) => h('li', {
        text: l.column
          ? `${tableLabel(l.table)} «${l.label}» ${fieldLabel(l.table, l.column)}: ${l.old || '—'} → ${l.new || '—'}`
          : `${t(`merge.line.${l.kind}`)}: ${tableLabel(l.table)} «${l.label}»`,
      })))) : null,
    h('div', { class: 'actions' }, apply)));
  notify(t('merge.previewed'));
}
