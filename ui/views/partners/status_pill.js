// A partner's status as a coloured pill (list, page, status history).
import { h } from '../../dom.js';
import { statusLabel } from '../../domain/partners.js';

export function statusPill(status) {
  return h('span', { class: `pstatus pstatus-${status}`, text: statusLabel(status) });
}
