// Diplomer, printing: the queue of partners waiting for a diploma (pick or
// unpick, in the chosen order), the picked list, the combined PDF with
// "Markér som overrakt", and the diplomas handed out at the ceremony.
import { h } from '../../dom.js';
import { t } from '../../i18n/index.js';
import { shortDate, localStamp } from '../../format.js';
import { confirmDialog } from '../../dialog.js';
import { saveDocument, openSaved, revealSaved } from '../../save.js';
import { reprintDiploma } from './reprint.js';

// The picked partners are kept with the saved ceremony at once, so they are
// still there after a restart and "Markér som overrakt" can follow days later.
function persist(page) {
  const c = page.ceremony;
  if (!c || page.dirty.has('ceremony')) return Promise.resolve();
  const ids = page.picked.slice();
  return page.api.ceremonySelectionSave(c.id, ids)
    .then((kept) => { c.selection = kept; })
    .catch((err) => page.notify(err.message, 'error'));
}

function changed(page) {
  page.lastPdf = null;
  drawActions(page);
  page.saving = persist(page);
}

function drawQueue(page) {
  const list = h('ul', { class: 'queue-list', id: 'diploma-queue' });
  for (const q of page.queue) {
    const id = `queue-${q.partner_id}`;
    const box = h('input', { type: 'checkbox', id, checked: page.picked.includes(q.partner_id), 'data-partner-id': q.partner_id });
    box.addEventListener('change', () => {
      if (box.checked) page.picked.push(q.partner_id);
      else page.picked = page.picked.filter((p) => p !== q.partner_id);
      changed(page);
      drawPicked(page);
    });
    const show = h('button', { class: 'btn small secondary', type: 'button', text: t('diplomas.show'), 'aria-label': t('diplomas.show_label', { name: q.name }) });
    show.addEventListener('click', () => { page.previewId = q.partner_id; page.schedulePreview(0); });
    list.append(h('li', { class: 'queue-row' },
      box,
      h('label', { for: id },
        h('span', { class: 'queue-name', text: q.name }),
        h('span', { class: 'hint', text: q.joined_on ? ` ${t('diplomas.joined', { date: shortDate(q.joined_on) })}` : '' })),
      show));
  }
  const all = h('button', { class: 'btn small secondary', type: 'button', id: 'queue-all', text: t('diplomas.pick_all'), disabled: !page.queue.length });
  all.addEventListener('click', () => {
    for (const q of page.queue) if (!page.picked.includes(q.partner_id)) page.picked.push(q.partner_id);
    changed(page);
    drawQueue(page); drawPicked(page);
  });
  const none = h('button', { class: 'btn small secondary', type: 'button', text: t('diplomas.pick_none'), disabled: !page.picked.length });
  none.addEventListener('click', () => { page.picked = []; changed(page); drawQueue(page); drawPicked(page); });
  page.cards.queue.replaceChildren(
    h('h3', { id: 'dip-queue-h', text: t('diplomas.queue', { n: page.queue.length }) }),
    h('p', { class: 'hint', text: t('diplomas.queue_intro') }),
    page.queue.length ? list : h('p', { class: 'empty-note', id: 'queue-empty', text: t('diplomas.queue_empty') }),
    h('div', { class: 'actions' }, all, none));
}

function drawPicked(page) {
  const list = h('ol', { class: 'picked-list', id: 'diploma-picked' });
  page.picked.forEach((pid, i) => {
    const name = page.nameOf(pid);
    const up = h('button', { class: 'btn small secondary icon', type: 'button', text: '↑', disabled: i === 0, 'aria-label': t('diplomas.up', { name }) });
    const down = h('button', { class: 'btn small secondary icon', type: 'button', text: '↓', disabled: i === page.picked.length - 1, 'aria-label': t('diplomas.down', { name }) });
    const move = (d) => { const j = i + d; [page.picked[i], page.picked[j]] = [page.picked[j], page.picked[i]]; changed(page); drawPicked(page); };
    up.addEventListener('click', () => move(-1));
    down.addEventListener('click', () => move(1));
    list.append(h('li', { class: 'picked-row' }, h('span', { text: name }), h('span', { class: 'actions' }, up, down)));
  });
  page.cards.picked.replaceChildren(
    h('h3', { id: 'dip-picked-h', text: t('diplomas.picked', { n: page.picked.length }) }),
    page.picked.length ? list : h('p', { class: 'hint', text: t('diplomas.picked_none') }));
}

async function drawDone(page) {
  const { api, notify } = page;
  if (!page.ceremony) { page.cards.done.hidden = true; return; }
  const list = await api.ceremonyDiplomas(page.ceremony.id).catch(() => []);
  page.cards.done.hidden = list.length === 0;
  page.cards.done.replaceChildren(
    h('h3', { id: 'dip-done-h', text: t('diplomas.done', { n: list.length }) }),
    h('ul', { class: 'picked-list', id: 'diploma-done' }, list.map((d) => {
      const again = h('button', { class: 'btn small secondary', type: 'button', text: t('diplomas.reprint'), 'aria-label': t('diplomas.reprint_label', { name: d.partner_name }) });
      again.addEventListener('click', async () => {
        const g = await reprintDiploma(page, d);
        if (g && page.dset.open_after) openSaved(g.path, notify);
      });
      return h('li', { class: 'picked-row' }, h('span', { text: `${t('diplomas.number', { number: d.number })} ${d.partner_name}` }), again);
    })));
}

function drawActions(page) {
  const { api, notify } = page;
  const gen = h('button', { class: 'btn', type: 'button', id: 'diploma-generate', text: t('diplomas.generate', { n: page.picked.length }) });
  gen.addEventListener('click', () => generate(page));
  // Why "Markér som overrakt" cannot be used yet, said beside it.
  let why = null;
  if (!page.ceremony || page.dirty.has('ceremony')) why = t('diplomas.save_ceremony_first');
  else if (!page.picked.length) why = t('diplomas.mark_needs_partners');
  const mark = h('button', {
    class: 'btn secondary', type: 'button', id: 'diploma-mark', text: t('diplomas.mark'),
    disabled: Boolean(why), 'aria-describedby': why ? 'diploma-mark-why' : null,
  });
  mark.addEventListener('click', () => markIssued(page));
  const parts = [h('h3', { id: 'dip-act-h', text: t('diplomas.print') })];
  parts.push(h('div', { class: 'actions' }, gen, mark));
  if (why) parts.push(h('p', { class: 'hint', id: 'diploma-mark-why', text: why }));
  else if (page.ceremony.printed_at && !page.lastPdf) {
    parts.push(h('p', { class: 'hint', id: 'diploma-printed', text: t('diplomas.printed_on', { date: localStamp(page.ceremony.printed_at).date }) }));
  }
  if (page.lastPdf) {
    const open = h('button', { class: 'btn small secondary', type: 'button', id: 'diploma-open', text: t('diplomas.open_pdf') });
    open.addEventListener('click', () => openSaved(page.lastPdf.path, notify));
    const reveal = h('button', { class: 'btn small secondary', type: 'button', id: 'diploma-reveal', text: t('diplomas.reveal') });
    reveal.addEventListener('click', () => revealSaved(page.lastPdf.path, notify));
    parts.push(h('div', { class: 'banner ok', id: 'diploma-result', role: 'status' },
      h('p', { text: t('diplomas.saved_as', { file: page.lastPdf.file, pages: page.lastPdf.pages }) }),
      h('p', { class: 'hint', text: page.lastPdf.folder }),
      h('div', { class: 'actions' }, open, reveal)));
    if (page.lastPdf.warnings.length) parts.push(warningList(page.lastPdf.warnings));
  }
  page.cards.action.replaceChildren(...parts);
}

async function generate(page) {
  const { api, notify } = page;
  if (!page.ceremony || page.dirty.has('ceremony')) {
    notify(t('diplomas.save_ceremony_first'), 'error');
    page.focusCeremony();
    return;
  }
  try {
    const name = `Diplomer ${page.ceremony.held_on} ${page.ceremony.place}`.trim();
    const picked = page.picked.slice();
    const g = await saveDocument('diplomas', `${name}.pdf`, (path) => api.diplomaGenerate(page.ceremony.id, picked, path));
    if (!g) return;
    page.lastPdf = { path: g.path, file: g.file_name, folder: g.folder, pages: g.pages, warnings: g.warnings, ids: picked };
    page.ceremony.selection = picked;
    page.ceremony.printed_at = new Date().toISOString();
    drawActions(page);
    notify(t('diplomas.generated', { file: g.file_name }));
    if (page.dset.open_after) openSaved(g.path, notify);
  } catch (err) { notify(err.message, 'error'); }
}

async function markIssued(page) {
  const { api, notify } = page;
  if (!page.ceremony || !page.picked.length) return;
  await page.saving;
  const ids = page.picked.slice();
  const names = ids.map(page.nameOf).join(', ');
  const ok = await confirmDialog(t('diplomas.mark_confirm', { n: ids.length, names }), { ok: t('diplomas.mark'), cancel: t('common.cancel') });
  if (!ok) return;
  try {
    const issued = await api.diplomaMarkIssued(page.ceremony.id, ids);
    notify(t('diplomas.marked', { n: issued.length, numbers: issued.map((d) => d.number).join(', ') }));
    page.queue = await api.diplomaQueue();
    page.picked = page.picked.filter((p) => !ids.includes(p));
    page.ceremony.selection = page.picked.slice();
    page.lastPdf = null;
    drawQueue(page); drawPicked(page); drawActions(page); drawDone(page);
  } catch (err) { notify(err.message, 'error'); }
}

export function warningList(warnings) {
  return h('ul', { class: 'warnings', 'aria-label': t('diplomas.warnings') },
    warnings.map((w) => h('li', { text: w.message })));
}

export function printCards(page) {
  const card = (labelledBy) => h('section', { class: 'card', 'aria-labelledby': labelledBy });
  page.cards = { queue: card('dip-queue-h'), picked: card('dip-picked-h'), action: card('dip-act-h'), done: card('dip-done-h') };
  page.left.append(page.cards.queue, page.cards.picked, page.cards.action, page.cards.done);
  Object.assign(page, {
    drawQueue: () => drawQueue(page),
    drawPicked: () => drawPicked(page),
    drawActions: () => drawActions(page),
    drawDone: () => drawDone(page),
  });
}
