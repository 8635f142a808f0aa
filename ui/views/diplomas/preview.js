// Diplomer, the live preview: drawn by the same layout as the PDF, of the
// partner shown (or a sample), with unsaved wording and design.
import { h } from '../../dom.js';
import { t } from '../../i18n/index.js';
import { warningList } from './print.js';

export function previewCard(page) {
  const { api } = page;
  // The image keeps the page's shape (A4 across or upright) before its
  // picture arrives, and the note has its text from the start: nothing
  // below the preview moves when the preview is drawn.
  const img = h('img', { class: 'diploma-preview', id: 'diploma-preview', alt: '' });
  const shape = () => {
    const orientation = (page.draft || page.dset).orientation;
    img.classList.toggle('portrait', orientation === 'portrait');
    img.classList.toggle('landscape', orientation !== 'portrait');
  };
  shape();
  const previewNote = h('p', { class: 'hint', id: 'diploma-preview-note', text: t('diplomas.preview_sample') });
  const previewWarn = h('div', { id: 'diploma-preview-warnings' });
  page.right.append(h('section', { class: 'card', 'aria-labelledby': 'dip-prev-h' },
    h('h3', { id: 'dip-prev-h', text: t('diplomas.preview') }), previewNote, img, previewWarn));

  function schedulePreview(delay = 250) {
    clearTimeout(page.previewTimer);
    page.previewTimer = setTimeout(drawPreview, delay);
  }
  async function drawPreview() {
    const seq = ++page.previewSeq;
    try {
      const p = await api.diplomaPreview(page.previewId, page.occasion(), page.draft);
      if (seq !== page.previewSeq) return;
      if (page.objectUrl) URL.revokeObjectURL(page.objectUrl);
      shape();
      page.objectUrl = URL.createObjectURL(new Blob([p.svg], { type: 'image/svg+xml' }));
      img.src = page.objectUrl;
      const who = page.previewId ? page.nameOf(page.previewId) : t('diplomas.sample');
      img.alt = t('diplomas.preview_alt', { name: who });
      img.dataset.partner = who;
      previewNote.textContent = page.previewId ? t('diplomas.preview_of', { name: who }) : t('diplomas.preview_sample');
      previewWarn.replaceChildren(p.warnings.length ? warningList(p.warnings) : '');
    } catch (err) {
      if (seq !== page.previewSeq) return;
      previewWarn.replaceChildren(h('p', { class: 'banner error', text: err.message }));
    }
  }
  Object.assign(page, { schedulePreview, drawPreview });
}
