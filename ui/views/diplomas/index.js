// Diplomer: the ceremony form, the queue of partners waiting for a diploma
// (pick/unpick, in the chosen order), a live preview drawn by the same layout
// as the PDF, the combined PDF, "Markér som overrakt", and the diploma
// wording/design settings with a live preview of unsaved changes.
import { h, field, showFieldError, clearErrors } from '../../dom.js';
import { t } from '../../i18n/index.js';
import { shortDate, todayIso } from '../../format.js';
import { confirmDialog } from '../../dialog.js';

// Gives a field a stable id (used by the tests) and keeps its label attached.
function named(f, id) {
  f.input.id = id;
  const label = f.wrap.querySelector('label');
  if (label) label.htmlFor = id;
  return f;
}

export async function render(main, ctx) {
  const { api, notify } = ctx;
  const [view, queue0, ceremonies0, settings] = await Promise.all([
    api.diplomaSettingsGet(), api.diplomaQueue(), api.ceremonyList(), api.settingsGet(),
  ]);
  let dset = view.settings;
  let queue = queue0;
  let ceremonies = ceremonies0;
  let ceremony = null;              // the saved ceremony in use
  let picked = [];                  // partner ids, in the chosen order
  let previewId = null;             // partner shown in the preview (null: sample)
  let lastPdf = null;               // { path, ids }
  let draft = null;                 // unsaved diploma settings being previewed
  let objectUrl = null;
  let previewTimer = null;
  let previewSeq = 0;
  const dirty = new Set();

  const signatories = settings.signatories.filter((s) => s.name || s.title);
  const nameOf = (id) => (queue.find((q) => q.partner_id === id) || {}).name || id;
  const fail = (scope) => (err) => showFieldError(scope, err, notify);

  main.append(h('div', { class: 'page-head' },
    h('h2', { text: t('diplomas.title') }),
    h('p', { class: 'lead', text: t('diplomas.intro') })));
  const grid = h('div', { class: 'diploma-grid' });
  const left = h('div', { class: 'diploma-col' });
  const right = h('div', { class: 'diploma-col' });
  grid.append(left, right);
  main.append(grid);

  // ── ceremony ──
  const cerSelect = field({
    label: t('diplomas.ceremony_pick'), name: 'ceremony_pick', value: '',
    options: [{ value: '', label: t('diplomas.ceremony_new') }].concat(
      ceremonies.map((c) => ({ value: c.id, label: `${shortDate(c.held_on)} ${c.place}`.trim() }))),
  });
  named(cerSelect, 'ceremony-pick');
  const date = field({ label: t('diplomas.date'), name: 'held_on', value: '', hint: t('common.date_hint'), required: true, attrs: { autocomplete: 'off' } });
  named(date, 'ceremony-date');
  const place = field({ label: t('diplomas.place'), name: 'place', value: '', attrs: { maxlength: 200, autocomplete: 'off' } });
  named(place, 'ceremony-place');
  const slotBoxes = signatories.map((s) => {
    const box = h('input', { type: 'checkbox', id: `ceremony-slot-${s.slot}`, value: String(s.slot), checked: dset.signatory_slots.includes(s.slot) });
    return { slot: s.slot, box, wrap: h('div', { class: 'check' }, box, h('label', { for: box.id, text: `${s.name} (${s.title})` })) };
  });
  const saveCer = h('button', { class: 'btn', type: 'submit', id: 'ceremony-save', text: t('diplomas.ceremony_save') });
  const cerForm = h('form', { class: 'card', 'aria-labelledby': 'dip-cer-h', novalidate: true },
    h('h3', { id: 'dip-cer-h', text: t('diplomas.ceremony') }),
    cerSelect.wrap,
    h('div', { class: 'grid-2' }, date.wrap, place.wrap),
    h('fieldset', { class: 'plain' },
      h('legend', { class: 'label', text: t('diplomas.handed_out_by') }),
      slotBoxes.length ? slotBoxes.map((s) => s.wrap) : h('p', { class: 'hint', text: t('diplomas.no_signatories') }),
      h('p', { class: 'field-error', 'data-error-for': 'signatory_slots' })),
    h('div', { class: 'actions' }, saveCer));
  left.append(cerForm);

  function fillCeremony(c) {
    ceremony = c;
    date.input.value = c ? shortDate(c.held_on) : '';
    place.input.value = c ? c.place : '';
    for (const s of slotBoxes) s.box.checked = c ? c.signatory_slots.includes(s.slot) : dset.signatory_slots.includes(s.slot);
    cerSelect.input.value = c ? c.id : '';
    dirty.delete('ceremony');
    drawActions();
    drawDone();
  }
  cerSelect.input.addEventListener('change', () => {
    fillCeremony(ceremonies.find((c) => c.id === cerSelect.input.value) || null);
    schedulePreview();
  });
  cerForm.addEventListener('input', (e) => {
    if (e.target === cerSelect.input) return;
    dirty.add('ceremony');
    schedulePreview();
  });
  cerForm.addEventListener('submit', async (e) => {
    e.preventDefault();
    clearErrors(cerForm);
    saveCer.disabled = true;
    try {
      const saved = await api.ceremonySave({
        id: ceremony ? ceremony.id : null,
        held_on: date.input.value,
        place: place.input.value,
        signatory_slots: slotBoxes.filter((s) => s.box.checked).map((s) => s.slot),
        notes: '',
      });
      ceremonies = await api.ceremonyList();
      cerSelect.input.replaceChildren(...[{ value: '', label: t('diplomas.ceremony_new') }].concat(
        ceremonies.map((c) => ({ value: c.id, label: `${shortDate(c.held_on)} ${c.place}`.trim() })))
        .map((o) => h('option', { value: o.value, text: o.label })));
      fillCeremony(saved);
      notify(t('diplomas.ceremony_saved'));
    } catch (err) { fail(cerForm)(err); } finally { saveCer.disabled = false; }
  });

  // ── queue ──
  const queueCard = h('section', { class: 'card', 'aria-labelledby': 'dip-queue-h' });
  left.append(queueCard);
  function drawQueue() {
    const list = h('ul', { class: 'queue-list', id: 'diploma-queue' });
    for (const q of queue) {
      const id = `queue-${q.partner_id}`;
      const box = h('input', { type: 'checkbox', id, checked: picked.includes(q.partner_id), 'data-partner-id': q.partner_id });
      box.addEventListener('change', () => {
        if (box.checked) picked.push(q.partner_id);
        else picked = picked.filter((p) => p !== q.partner_id);
        lastPdf = null;
        drawPicked();
        drawActions();
      });
      const show = h('button', { class: 'btn small secondary', type: 'button', text: t('diplomas.show'), 'aria-label': t('diplomas.show_label', { name: q.name }) });
      show.addEventListener('click', () => { previewId = q.partner_id; schedulePreview(0); });
      list.append(h('li', { class: 'queue-row' },
        box,
        h('label', { for: id },
          h('span', { class: 'queue-name', text: q.name }),
          h('span', { class: 'hint', text: q.joined_on ? ` ${t('diplomas.joined', { date: shortDate(q.joined_on) })}` : '' })),
        show));
    }
    const all = h('button', { class: 'btn small secondary', type: 'button', id: 'queue-all', text: t('diplomas.pick_all'), disabled: !queue.length });
    all.addEventListener('click', () => {
      for (const q of queue) if (!picked.includes(q.partner_id)) picked.push(q.partner_id);
      lastPdf = null;
      drawQueue(); drawPicked(); drawActions();
    });
    const none = h('button', { class: 'btn small secondary', type: 'button', text: t('diplomas.pick_none'), disabled: !picked.length });
    none.addEventListener('click', () => { picked = []; lastPdf = null; drawQueue(); drawPicked(); drawActions(); });
    queueCard.replaceChildren(
      h('h3', { id: 'dip-queue-h', text: t('diplomas.queue', { n: queue.length }) }),
      h('p', { class: 'hint', text: t('diplomas.queue_intro') }),
      queue.length ? list : h('p', { class: 'empty-note', id: 'queue-empty', text: t('diplomas.queue_empty') }),
      h('div', { class: 'actions' }, all, none));
  }

  // ── picked, in order ──
  const pickedCard = h('section', { class: 'card', 'aria-labelledby': 'dip-picked-h' });
  left.append(pickedCard);
  function drawPicked() {
    const list = h('ol', { class: 'picked-list', id: 'diploma-picked' });
    picked.forEach((pid, i) => {
      const name = nameOf(pid);
      const up = h('button', { class: 'btn small secondary icon', type: 'button', text: '↑', disabled: i === 0, 'aria-label': t('diplomas.up', { name }) });
      const down = h('button', { class: 'btn small secondary icon', type: 'button', text: '↓', disabled: i === picked.length - 1, 'aria-label': t('diplomas.down', { name }) });
      const move = (d) => { const j = i + d; [picked[i], picked[j]] = [picked[j], picked[i]]; lastPdf = null; drawPicked(); drawActions(); };
      up.addEventListener('click', () => move(-1));
      down.addEventListener('click', () => move(1));
      list.append(h('li', { class: 'picked-row' }, h('span', { text: name }), h('span', { class: 'actions' }, up, down)));
    });
    pickedCard.replaceChildren(
      h('h3', { id: 'dip-picked-h', text: t('diplomas.picked', { n: picked.length }) }),
      picked.length ? list : h('p', { class: 'hint', text: t('diplomas.picked_none') }));
  }

  // ── handed out at this ceremony ──
  const doneCard = h('section', { class: 'card', 'aria-labelledby': 'dip-done-h' });
  async function drawDone() {
    if (!ceremony) { doneCard.hidden = true; return; }
    const list = await api.ceremonyDiplomas(ceremony.id).catch(() => []);
    doneCard.hidden = list.length === 0;
    doneCard.replaceChildren(
      h('h3', { id: 'dip-done-h', text: t('diplomas.done', { n: list.length }) }),
      h('ul', { class: 'picked-list', id: 'diploma-done' }, list.map((d) => {
        const again = h('button', { class: 'btn small secondary', type: 'button', text: t('diplomas.reprint'), 'aria-label': t('diplomas.reprint_label', { name: d.partner_name }) });
        again.addEventListener('click', async () => {
          try {
            const g = await api.diplomaReprint(d.id);
            notify(t('diplomas.reprinted', { file: g.file_name }));
            if (dset.open_after) api.diplomaOpen(g.path).catch((err) => notify(err.message, 'error'));
          } catch (err) { notify(err.message, 'error'); }
        });
        return h('li', { class: 'picked-row' }, h('span', { text: `${t('diplomas.number', { number: d.number })} ${d.partner_name}` }), again);
      })));
  }

  // ── actions: generate, open, mark as handed out ──
  const actionCard = h('section', { class: 'card', 'aria-labelledby': 'dip-act-h' });
  left.append(actionCard);
  left.append(doneCard);
  function drawActions() {
    const gen = h('button', { class: 'btn', type: 'button', id: 'diploma-generate', text: t('diplomas.generate', { n: picked.length }) });
    gen.addEventListener('click', generate);
    const mark = h('button', { class: 'btn secondary', type: 'button', id: 'diploma-mark', text: t('diplomas.mark'), disabled: !lastPdf });
    mark.addEventListener('click', markIssued);
    const parts = [h('h3', { id: 'dip-act-h', text: t('diplomas.print') })];
    if (!ceremony) parts.push(h('p', { class: 'hint', text: t('diplomas.save_ceremony_first') }));
    parts.push(h('div', { class: 'actions' }, gen, mark));
    if (lastPdf) {
      const open = h('button', { class: 'btn small secondary', type: 'button', id: 'diploma-open', text: t('diplomas.open_pdf') });
      open.addEventListener('click', () => api.diplomaOpen(lastPdf.path).catch((err) => notify(err.message, 'error')));
      const reveal = h('button', { class: 'btn small secondary', type: 'button', id: 'diploma-reveal', text: t('diplomas.reveal') });
      reveal.addEventListener('click', () => api.diplomaReveal(lastPdf.path).catch((err) => notify(err.message, 'error')));
      parts.push(h('div', { class: 'banner ok', id: 'diploma-result', role: 'status' },
        h('p', { text: t('diplomas.saved_as', { file: lastPdf.file, pages: lastPdf.pages }) }),
        h('p', { class: 'hint', text: lastPdf.folder }),
        h('div', { class: 'actions' }, open, reveal)));
      if (lastPdf.warnings.length) parts.push(warningList(lastPdf.warnings));
    }
    actionCard.replaceChildren(...parts);
  }

  async function generate() {
    if (!ceremony || dirty.has('ceremony')) {
      notify(t('diplomas.save_ceremony_first'), 'error');
      date.input.focus();
      return;
    }
    try {
      const g = await api.diplomaGenerate(ceremony.id, picked);
      lastPdf = { path: g.path, file: g.file_name, folder: g.folder, pages: g.pages, warnings: g.warnings, ids: picked.slice() };
      drawActions();
      notify(t('diplomas.generated', { file: g.file_name }));
      if (dset.open_after) api.diplomaOpen(g.path).catch((err) => notify(err.message, 'error'));
    } catch (err) { notify(err.message, 'error'); }
  }

  async function markIssued() {
    if (!lastPdf || !ceremony) return;
    const names = lastPdf.ids.map(nameOf).join(', ');
    const ok = await confirmDialog(t('diplomas.mark_confirm', { n: lastPdf.ids.length, names }), { ok: t('diplomas.mark'), cancel: t('common.cancel') });
    if (!ok) return;
    try {
      const issued = await api.diplomaMarkIssued(ceremony.id, lastPdf.ids);
      notify(t('diplomas.marked', { n: issued.length, numbers: issued.map((d) => d.number).join(', ') }));
      queue = await api.diplomaQueue();
      picked = picked.filter((p) => !lastPdf.ids.includes(p));
      lastPdf = null;
      drawQueue(); drawPicked(); drawActions(); drawDone();
    } catch (err) { notify(err.message, 'error'); }
  }

  function warningList(warnings) {
    return h('ul', { class: 'warnings', 'aria-label': t('diplomas.warnings') },
      warnings.map((w) => h('li', { text: w.message })));
  }

  // ── preview ──
  const img = h('img', { class: 'diploma-preview', id: 'diploma-preview', alt: '' });
  const previewNote = h('p', { class: 'hint', id: 'diploma-preview-note' });
  const previewWarn = h('div', { id: 'diploma-preview-warnings' });
  right.append(h('section', { class: 'card', 'aria-labelledby': 'dip-prev-h' },
    h('h3', { id: 'dip-prev-h', text: t('diplomas.preview') }), previewNote, img, previewWarn));

  function occasion() {
    return {
      held_on: date.input.value || todayIso(),
      place: place.input.value,
      signatory_slots: slotBoxes.length ? slotBoxes.filter((s) => s.box.checked).map((s) => s.slot) : null,
    };
  }
  function schedulePreview(delay = 250) {
    clearTimeout(previewTimer);
    previewTimer = setTimeout(drawPreview, delay);
  }
  async function drawPreview() {
    const seq = ++previewSeq;
    try {
      const p = await api.diplomaPreview(previewId, occasion(), draft);
      if (seq !== previewSeq) return;
      if (objectUrl) URL.revokeObjectURL(objectUrl);
      objectUrl = URL.createObjectURL(new Blob([p.svg], { type: 'image/svg+xml' }));
      img.src = objectUrl;
      const who = previewId ? nameOf(previewId) : t('diplomas.sample');
      img.alt = t('diplomas.preview_alt', { name: who });
      img.dataset.partner = who;
      previewNote.textContent = previewId ? t('diplomas.preview_of', { name: who }) : t('diplomas.preview_sample');
      previewWarn.replaceChildren(p.warnings.length ? warningList(p.warnings) : '');
    } catch (err) {
      if (seq !== previewSeq) return;
      previewWarn.replaceChildren(h('p', { class: 'banner error', text: err.message }));
    }
  }

  // ── wording and design (settings) ──
  const w = dset.wording;
  const fTitle = field({ label: t('diplomas.w_title'), name: 'diploma_title', value: w.title, attrs: { maxlength: 600 } });
  const fSub = field({ label: t('diplomas.w_subtitle'), name: 'diploma_subtitle', value: w.subtitle, attrs: { maxlength: 600 } });
  const fBody = field({ label: t('diplomas.w_body'), name: 'diploma_body', value: w.body, multiline: true, hint: t('diplomas.w_body_hint'), attrs: { maxlength: 600 } });
  const fFoot = field({ label: t('diplomas.w_footer'), name: 'diploma_footer', value: w.footer, attrs: { maxlength: 600 } });
  const fDesign = field({ label: t('diplomas.design'), name: 'diploma_design', value: dset.design, options: [
    { value: 'classic', label: t('diplomas.design_classic') }, { value: 'modern', label: t('diplomas.design_modern') }] });
  const fOrient = field({ label: t('diplomas.orientation'), name: 'diploma_orientation', value: dset.orientation, options: [
    { value: 'landscape', label: t('diplomas.landscape') }, { value: 'portrait', label: t('diplomas.portrait') }] });
  const fColour = field({ label: t('diplomas.colour'), name: 'diploma_colour', value: dset.colour, type: 'color' });
  const fFolder = field({ label: t('diplomas.folder'), name: 'diploma_folder', value: dset.folder, hint: t('diplomas.folder_hint', { folder: view.default_folder }), attrs: { autocomplete: 'off' } });
  named(fFolder, 'diploma-folder');
  const openAfter = h('input', { type: 'checkbox', id: 'diploma-open-after', checked: dset.open_after });
  const defaultSlots = signatories.map((s) => {
    const box = h('input', { type: 'checkbox', id: `diploma-slot-${s.slot}`, checked: dset.signatory_slots.includes(s.slot) });
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
    fFolder.wrap,
    h('div', { class: 'check' }, openAfter, h('label', { for: openAfter.id, text: t('diplomas.open_after') })),
    h('div', { class: 'actions' }, saveSet, reset));
  right.append(setForm);

  function formSettings() {
    return {
      wording: { title: fTitle.input.value, subtitle: fSub.input.value, body: fBody.input.value, footer: fFoot.input.value },
      design: fDesign.input.value,
      orientation: fOrient.input.value,
      colour: fColour.input.value,
      folder: fFolder.input.value,
      signatory_slots: defaultSlots.length ? defaultSlots.filter((d) => d.box.checked).map((d) => d.slot) : dset.signatory_slots,
      open_after: openAfter.checked,
    };
  }
  setForm.addEventListener('input', () => { dirty.add('settings'); draft = formSettings(); schedulePreview(); });
  setForm.addEventListener('change', () => { dirty.add('settings'); draft = formSettings(); schedulePreview(); });
  reset.addEventListener('click', () => {
    fTitle.input.value = dset.wording.title; fSub.input.value = dset.wording.subtitle;
    fBody.input.value = dset.wording.body; fFoot.input.value = dset.wording.footer;
    fDesign.input.value = dset.design; fOrient.input.value = dset.orientation;
    fColour.input.value = dset.colour; fFolder.input.value = dset.folder; openAfter.checked = dset.open_after;
    for (const d of defaultSlots) d.box.checked = dset.signatory_slots.includes(d.slot);
    draft = null; dirty.delete('settings'); clearErrors(setForm); schedulePreview(0);
  });
  setForm.addEventListener('submit', async (e) => {
    e.preventDefault();
    clearErrors(setForm);
    saveSet.disabled = true;
    try {
      dset = await api.diplomaSettingsSave(formSettings());
      draft = null;
      dirty.delete('settings');
      lastPdf = null;
      drawActions();
      notify(t('diplomas.settings_saved'));
      schedulePreview(0);
    } catch (err) { fail(setForm)(err); } finally { saveSet.disabled = false; }
  });

  fillCeremony(ceremonies[0] || null);
  drawQueue();
  drawPicked();
  drawActions();
  await drawPreview();

  return {
    canLeave: () => dirty.size === 0,
    destroy: () => { clearTimeout(previewTimer); if (objectUrl) URL.revokeObjectURL(objectUrl); },
  };
}
