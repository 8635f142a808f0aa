// The diplomas of one partner, as a panel of the partner page (see
// ../../panels.js): number, date, ceremony, copy or original, and
// "Genudskriv", which prints the stored snapshot again (identical to the
// original) and records the copy.
import { h } from '../../dom.js';
import { t, tn } from '../../i18n/index.js';
import { shortDate } from '../../format.js';
import { registerPartnerPanel } from '../../panels.js';
import { reprintDiploma } from './reprint.js';

export async function renderPartnerDiplomas(container, partner, ctx) {
  const { api } = ctx;
  const el = h('div', { id: 'partner-diplomas' });
  container.append(h('section', { class: 'card', 'aria-labelledby': 'pd-diplomas' },
    h('h3', { id: 'pd-diplomas', text: t('nav.diplomas') }), el));
  const partnerId = partner.id;
  const draw = async () => {
    const list = await api.diplomasForPartner(partnerId);
    const originals = list.filter((d) => !d.is_copy);
    if (!originals.length) {
      el.replaceChildren(h('p', { class: 'hint', 'data-diploma': 'none', text: t('diplomas.partner_none') }));
      return;
    }
    const rows = originals.map((d) => {
      const copies = list.filter((c) => c.is_copy && c.number === d.number).length;
      const again = h('button', { class: 'btn small secondary', type: 'button', text: t('diplomas.reprint') });
      again.addEventListener('click', async () => {
        if (await reprintDiploma(ctx, d)) await draw();
      });
      return h('li', { class: 'picked-row', 'data-diploma': String(d.number) },
        h('span', { text: d.award_title
          ? t('diplomas.partner_award_row', { number: d.number, date: shortDate(d.issued_on), title: d.award_title })
          : t('diplomas.partner_row', { number: d.number, date: shortDate(d.issued_on), place: d.ceremony_place || '' }) }),
        copies ? h('span', { class: 'badge', text: tn('diplomas.copies', copies) }) : null,
        again);
    });
    el.replaceChildren(h('ul', { class: 'picked-list' }, rows));
  };
  await draw();
}

registerPartnerPanel('diplomas', 10, renderPartnerDiplomas);
