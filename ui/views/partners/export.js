// The export buttons for the partner list: `getQuery()` gives the list's
// current search, filters and sort. Writes into Dokumenter/Sund By Partner
// and tells where.
import { h } from '../../dom.js';
import { t } from '../../i18n/index.js';

export function exportButtons(api, notify, getQuery) {
  const make = (format) => {
    const btn = h('button', { class: 'btn secondary', type: 'button', 'data-export': format, text: t(`export.${format}`) });
    btn.addEventListener('click', async () => {
      btn.disabled = true;
      try {
        const path = await api.partnerExport(getQuery(), format);
        notify(t('export.saved', { path }));
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
