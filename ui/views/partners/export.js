// The export buttons for the partner list: `getQuery()` gives the list's
// current search, filters and sort. "Gem som" opens first (see ../../save.js);
// the file goes where it was chosen, or in the partners' folder, and the
// notice tells where.
import { h } from '../../dom.js';
import { t } from '../../i18n/index.js';
import { fileStamp } from '../../format.js';
import { saveDocument } from '../../save.js';

export function exportButtons(api, notify, getQuery) {
  const make = (format) => {
    const btn = h('button', { class: 'btn secondary', type: 'button', 'data-export': format, text: t(`export.${format}`) });
    btn.addEventListener('click', async () => {
      btn.disabled = true;
      try {
        const name = t('export.file_name', { stamp: fileStamp(), ext: format });
        const path = await saveDocument('partners', name, (p) => api.partnerExport(getQuery(), format, p));
        if (path) notify(t('export.saved', { path }));
      } catch (err) {
        notify(err.message || String(err), 'error');
      } finally {
        btn.disabled = false;
      }
    });
    return btn;
  };
  return h('div', { class: 'actions export-actions', role: 'group', 'aria-label': t('export.label') },
    make('csv'), make('xlsx'));
}
