// A partner's consent history and register extract (GDPR articles 15 and
// 20), as a panel of the partner page (see ../../panels.js).
import { h } from '../../dom.js';
import { t } from '../../i18n/index.js';
import { shortDate } from '../../format.js';
import { registerPartnerPanel } from '../../panels.js';
import { saveDocument } from '../../save.js';

function label(prefix, code) {
  const key = `${prefix}.${code}`;
  const text = t(key);
  return text === key ? code : text;
}

function consentTable(list) {
  return h('table', { class: 'data', id: 'partner-consents' },
    h('thead', {}, h('tr', {},
      h('th', { scope: 'col', text: t('partners.consents_col_date') }),
      h('th', { scope: 'col', text: t('partners.consents_col_consent') }),
      h('th', { scope: 'col', text: t('partners.consents_col_change') }),
      h('th', { scope: 'col', text: t('partners.consents_col_source') }))),
    h('tbody', {}, list.map((c) => h('tr', { 'data-consent': c.consent, 'data-given': String(c.given) },
      h('td', { text: shortDate(c.changed_on) }),
      h('td', { text: label('partners.consent_kind', c.consent) }),
      h('td', { text: c.given ? t('partners.consent_given') : t('partners.consent_withdrawn') }),
      h('td', { text: label('partners.consent_source', c.source) })))));
}

function extractButton(ctx, partner, format, id, text) {
  const { api, notify } = ctx;
  const btn = h('button', { class: 'btn', type: 'button', id, text });
  btn.addEventListener('click', async () => {
    try {
      const name = `Registerudtræk ${partner.name}.${format}`;
      const path = await saveDocument('partners', name, (p) => api.partnerExtractSave(partner.id, format, p));
      if (path) notify(t('partners.extract_saved', { path }));
    } catch (err) { notify(err.message, 'error'); }
  });
  return btn;
}

export async function renderPrivacy(container, partner, ctx) {
  const { api } = ctx;
  const consents = h('section', { class: 'card partner-consents', 'aria-labelledby': 'partner-consents-h' },
    h('h3', { id: 'partner-consents-h', text: t('partners.consents_title') }));
  const extract = h('section', { class: 'card partner-extract', 'aria-labelledby': 'partner-extract-h' },
    h('h3', { id: 'partner-extract-h', text: t('partners.extract_title') }),
    h('p', { class: 'hint', text: t('partners.extract_intro') }),
    h('div', { class: 'actions' },
      extractButton(ctx, partner, 'json', 'partner-extract-json', t('partners.extract_json')),
      extractButton(ctx, partner, 'pdf', 'partner-extract-pdf', t('partners.extract_pdf'))));
  container.append(consents, extract);
  try {
    const list = await api.partnerConsents(partner.id);
    consents.append(list.length
      ? consentTable(list)
      : h('p', { class: 'hint', id: 'partner-consents-none', text: t('partners.consents_none') }));
  } catch (err) {
    consents.append(h('p', { class: 'banner error', text: err.message }));
  }
}

registerPartnerPanel('privacy', 90, renderPrivacy);
