// The merge history of a partner and of an event, as a panel of the partner
// page and of the event page (see ../../panels.js): every value that lost a
// conflict when a laptop's copy was merged, every row the merge removed or
// could not carry. Shown only when there is something to show.
import { h } from '../../dom.js';
import { t } from '../../i18n/index.js';
import { registerPartnerPanel, registerEventPanel } from '../../panels.js';
import { shortDate } from '../../format.js';
import { fieldLabel, valueText } from './labels.js';

function historyPanel(load) {
  return (container, record, ctx) => renderMergeHistory(container, () => load(ctx.api, record.id));
}

export async function renderMergeHistory(container, load) {
  let list;
  try {
    list = await load();
  } catch (err) {
    container.append(h('p', { class: 'banner error', text: err.message }));
    return;
  }
  if (list.length === 0) return;
  const rows = list.map((e) => h('tr', { 'data-history-id': e.id, 'data-column': e.column },
    h('td', { text: shortDate(e.merged_at) }),
    h('td', { text: fieldLabel(e.table, e.column) }),
    h('td', { text: t(`merge.kind.${e.kind}`) }),
    h('td', { class: 'merge-office', text: valueText(e.office_value) }),
    h('td', { class: 'merge-copy', text: valueText(e.copy_value) }),
    h('td', { text: t(`merge.kept.${e.kept}`) })));
  container.append(h('section', { class: 'card merge-history', 'aria-labelledby': 'merge-history-h' },
    h('h3', { id: 'merge-history-h', text: t('merge.history') }),
    h('p', { class: 'hint', text: t('merge.history_intro') }),
    h('table', { class: 'data' },
      h('thead', {}, h('tr', {},
        h('th', { scope: 'col', text: t('merge.col_date') }),
        h('th', { scope: 'col', text: t('merge.col_field') }),
        h('th', { scope: 'col', text: t('merge.col_kind') }),
        h('th', { scope: 'col', text: t('merge.col_office') }),
        h('th', { scope: 'col', text: t('merge.col_copy') }),
        h('th', { scope: 'col', text: t('merge.col_kept') }))),
      h('tbody', {}, rows))));
}

registerPartnerPanel('merge-history', 90, historyPanel((api, id) => api.mergeHistoryPartner(id)));
registerEventPanel('merge-history', 90, historyPanel((api, id) => api.mergeHistoryEvent(id)));
