// Diplomer: the ceremony form, the queue of partners waiting for a diploma
// (pick/unpick, in the chosen order), a live preview drawn by the same layout
// as the PDF, the combined PDF, "Markér som overrakt", and the diploma
// wording/design settings with a live preview of unsaved changes.
//
// Routes: #/diplomer (the newest ceremony), #/diplomer/vis/ceremony=<id>
// (that ceremony, with the diplomas handed out at it: where a report's
// per-ceremony row leads).
//
// This module holds the page's state (`page`); ceremony.js, print.js,
// preview.js and wording.js draw its cards and add their draw functions to it.
import { h, showFieldError } from '../../dom.js';
import { t } from '../../i18n/index.js';
import { ceremonyCard } from './ceremony.js';
import { printCards } from './print.js';
import { previewCard } from './preview.js';
import { wordingCard } from './wording.js';

export async function render(main, ctx) {
  const { api, notify } = ctx;
  const [view, queue, ceremonies, settings] = await Promise.all([
    api.diplomaSettingsGet(), api.diplomaQueue(), api.ceremonyList(), api.settingsGet(),
  ]);
  const page = {
    api,
    notify,
    view,
    dset: view.settings,
    queue,
    ceremonies,
    ceremony: null,        // the saved ceremony in use
    picked: [],            // partner ids, in the chosen order
    previewId: null,       // partner shown in the preview (null: sample)
    lastPdf: null,         // { path, ids }
    draft: null,           // unsaved diploma settings being previewed
    objectUrl: null,
    previewTimer: null,
    previewSeq: 0,
    dirty: new Set(),
    signatories: settings.signatories.filter((s) => s.name || s.title),
    nameOf: (id) => (page.queue.find((q) => q.partner_id === id) || {}).name || id,
    fail: (scope) => (err) => showFieldError(scope, err, notify),
    left: h('div', { class: 'diploma-col' }),
    right: h('div', { class: 'diploma-col' }),
  };

  main.append(h('div', { class: 'page-head' },
    h('h2', { text: t('diplomas.title') }),
    h('p', { class: 'lead', text: t('diplomas.intro') })));
  main.append(h('div', { class: 'diploma-grid' }, page.left, page.right));

  ceremonyCard(page);
  printCards(page);
  previewCard(page);
  wordingCard(page);

  const asked = ctx.params[0] === 'vis' ? new URLSearchParams(ctx.params[1] || '').get('ceremony') : null;
  page.fillCeremony((asked && page.ceremonies.find((c) => c.id === asked)) || page.ceremonies[0] || null);
  await page.drawPreview();

  return {
    canLeave: () => page.dirty.size === 0,
    destroy: () => { clearTimeout(page.previewTimer); if (page.objectUrl) URL.revokeObjectURL(page.objectUrl); },
  };
}
