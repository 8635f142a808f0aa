// The events a partner organised or is on the list of, as a panel of the
// partner page (see ../../panels.js).
import { h } from '../../dom.js';
import { t } from '../../i18n/index.js';
import { registerPartnerPanel } from '../../panels.js';
import { kindLabel, statusLabel, whenLabel } from '../../domain/events.js';

export async function renderPartnerEvents(container, partner, ctx) {
  const { api } = ctx;
  const section = h('section', { class: 'card partner-events', 'aria-labelledby': 'partner-events-h' },
    h('h3', { id: 'partner-events-h', text: t('events.partner_events') }));
  container.append(section);
  let list;
  try {
    list = await api.partnerEvents(partner.id);
  } catch (err) {
    section.append(h('p', { class: 'banner error', text: err.message }));
    return;
  }
  if (list.length === 0) {
    section.append(h('p', { class: 'hint', text: t('events.partner_none') }));
    return;
  }
  const rows = list.map((e) => h('tr', { 'data-event-id': e.event_id },
    h('td', {}, h('a', { href: `#/arrangementer/${encodeURIComponent(e.event_id)}`, text: e.title })),
    h('td', { text: whenLabel(e) }),
    h('td', { text: kindLabel(e.kind) }),
    h('td', { class: 'partner-event-role', text: e.role === 'organiser' ? t('events.role_organiser') : statusLabel(e.status) })));
  section.append(h('table', { class: 'data' },
    h('thead', {}, h('tr', {},
      h('th', { scope: 'col', text: t('events.col_event') }),
      h('th', { scope: 'col', text: t('events.col_when') }),
      h('th', { scope: 'col', text: t('events.kind') }),
      h('th', { scope: 'col', text: t('events.col_part') }))),
    h('tbody', {}, rows)));
}

registerPartnerPanel('events', 20, renderPartnerEvents);
