// The partner's nominations and prizes, as a panel of the partner page (see
// ../../panels.js), with "Indstil til pris".
import { h } from '../../dom.js';
import { t } from '../../i18n/index.js';
import { registerPartnerPanel } from '../../panels.js';
import { roundStatusLabel } from '../../domain/awards.js';

export async function renderPartnerAwards(container, partner, ctx) {
  const { api } = ctx;
  const nominate = h('a', { class: 'btn secondary', id: 'partner-nominate', href: `#/priser/indstil/${encodeURIComponent(partner.id)}`, text: t('awards.nominate_partner') });
  const section = h('section', { class: 'card partner-awards', 'aria-labelledby': 'partner-awards-h' },
    h('div', { class: 'card-head' }, h('h3', { id: 'partner-awards-h', text: t('awards.partner_h') }), nominate));
  container.append(section);
  let list;
  try {
    list = await api.awardsForPartner(partner.id);
  } catch (err) {
    section.append(h('p', { class: 'banner error', text: err.message }));
    return;
  }
  if (list.length === 0) {
    section.append(h('p', { class: 'hint', text: t('awards.partner_none') }));
    return;
  }
  section.append(h('ul', { class: 'award-list', id: 'partner-award-list' }, list.map((a) => h('li', { 'data-id': a.nomination_id },
    h('a', { href: `#/priser/${encodeURIComponent(a.round_id)}/indstillinger`, text: a.round_name }),
    ` · ${a.title} · ${roundStatusLabel(a.round_status)}`,
    h('ul', {}, a.prizes.map((p) => h('li', { class: p.won ? 'award-won' : null,
      text: p.won ? (p.diploma_number ? t('awards.won_with_diploma', { name: p.name, n: p.diploma_number }) : t('awards.won', { name: p.name })) : t('awards.nominated_for', { name: p.name }) })))))));
}

registerPartnerPanel('awards', 30, renderPartnerAwards);
