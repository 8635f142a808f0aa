// A partner's detail page: goals as labelled chips, initiative, contacts,
// status history, recruitment and consents, notes; edit, delete (to the bin),
// restore and "slet persondata" (GDPR erasure). Every piece of user text is
// set with textContent through h(), so HTML typed into a field shows as text.
import { h } from '../../dom.js';
import { t } from '../../i18n/index.js';
import { shortDate, longDate } from '../../format.js';
import { confirmDialog } from '../../dialog.js';
import { registeredPartnerPanels } from '../../panels.js';
import { kindLabel, channelLabel } from '../../domain/partners.js';
import { statusPill } from './status_pill.js';
import { facts } from '../../facts.js';
import { saveDocument } from '../../save.js';

function dl(pairs) {
  return facts(pairs);
}

function textBlock(text) {
  return h('p', { class: 'prose', text });
}

// The record itself, one card per part.
// One contact person's own register extract (GDPR art. 15 is per person),
// from their row: PDF through the shared print writer, or JSON.
function contactExtract(ctx, c, format) {
  const { api, notify } = ctx;
  const btn = h('button', {
    class: 'btn small', type: 'button', 'data-contact': c.id, 'data-format': format,
    'aria-label': t(`partners.contact_extract_${format}_label`, { name: c.name }),
    text: t(`partners.contact_extract_${format}`),
  });
  btn.addEventListener('click', async () => {
    try {
      const name = `Registerudtræk ${c.name}.${format}`;
      const path = await saveDocument('partners', name, (at) => api.contactExtractSave(c.id, format, at));
      if (path) notify(t('partners.extract_saved', { path }));
    } catch (err) { notify(err.message, 'error'); }
  });
  return btn;
}

function cards(p, ctx) {
  // ── goals ──
  const goals = h('section', { class: 'card', 'aria-labelledby': 'pd-goals' },
    h('h3', { id: 'pd-goals', text: t('partners.goals') }),
    p.goals.length
      ? h('ul', { class: 'chips', id: 'partner-goals' }, p.goals.map((g) => h('li', { class: g.retired ? 'chip retired' : 'chip' },
        h('span', { class: 'chip-num', text: `${g.position}` }), ' ', g.title,
        g.retired ? h('span', { class: 'chip-note', text: ` (${t('partners.goal_retired')})` }) : null)))
      : h('p', { class: 'muted', text: t('partners.no_goals') }));

  // ── initiative ──
  const initiative = h('section', { class: 'card', 'aria-labelledby': 'pd-initiative' },
    h('h3', { id: 'pd-initiative', text: t('partners.initiative') }),
    p.initiative ? textBlock(p.initiative) : h('p', { class: 'muted', text: t('partners.no_initiative') }),
    dl([[t('partners.target_group'), p.target_group], [t('partners.arena'), p.arena]]));

  // ── contacts ──
  const contacts = h('section', { class: 'card', 'aria-labelledby': 'pd-contacts' },
    h('h3', { id: 'pd-contacts', text: t('partners.contacts') }),
    p.contacts.length
      ? h('ul', { class: 'contact-list', id: 'partner-contacts' }, p.contacts.map((c) => h('li', { class: 'contact' },
        h('p', { class: 'contact-name' }, h('strong', { text: c.name }),
          c.is_primary ? h('span', { class: 'badge primary', text: t('partners.primary') }) : null),
        c.role ? h('p', { class: 'muted', text: c.role }) : null,
        c.email ? h('p', { class: 'contact-line', text: c.email }) : null,
        c.phone ? h('p', { class: 'contact-line', text: c.phone }) : null,
        p.erased_at ? null : h('div', { class: 'actions contact-extract' },
          contactExtract(ctx, c, 'pdf'), contactExtract(ctx, c, 'json')))))
      : h('p', { class: 'muted', text: t('partners.no_contacts') }));

  // ── status history ──
  const history = h('section', { class: 'card', 'aria-labelledby': 'pd-history' },
    h('h3', { id: 'pd-history', text: t('partners.status_history') }),
    h('ol', { class: 'timeline', id: 'partner-history' }, p.status_history.slice().reverse().map((s) => h('li', {},
      h('span', { class: 'when', text: shortDate(s.changed_on) }), ' ', statusPill(s.status)))));

  // ── facts ──
  const yesNo = (b, date) => (b ? (date ? t('partners.yes_since', { date: shortDate(date) }) : t('common.yes')) : t('common.no'));
  const facts = h('section', { class: 'card', 'aria-labelledby': 'pd-facts' },
    h('h3', { id: 'pd-facts', text: t('partners.details') }),
    dl([
      [t('partners.joined_on'), shortDate(p.joined_on)],
      [t('partners.address'), p.address],
      [t('partners.website'), p.website],
      [t('partners.recruitment_channel'), p.recruitment_channel ? channelLabel(p.recruitment_channel) : ''],
      [t('partners.recruited_by'), p.recruited_by],
      [t('partners.recruitment_notes'), p.recruitment_notes],
      [t('partners.consent_public'), yesNo(p.consent_public, p.consent_public_on)],
      [t('partners.consent_email'), yesNo(p.consent_email, p.consent_email_on)],
      [t('partners.some_commitment'), p.some_commitment ? t('common.yes') : t('common.no')],
    ]));

  const notes = p.notes
    ? h('section', { class: 'card', 'aria-labelledby': 'pd-notes' },
      h('h3', { id: 'pd-notes', text: t('partners.notes') }), textBlock(p.notes))
    : null;
  return { goals, initiative, contacts, history, facts, notes };
}

function drawPanels(links, p, ctx) {
  for (const panel of registeredPartnerPanels()) {
    const container = h('div', { class: 'partner-panel', 'data-panel': panel.id });
    links.append(container);
    Promise.resolve()
      .then(() => panel.render(container, p, ctx))
      .catch((err) => ctx.notify(err.message || String(err), 'error'));
  }
}

export async function render(main, ctx, id) {
  const { api, notify } = ctx;
  let p;
  try {
    p = await api.partnerGet(id);
  } catch (err) {
    main.append(h('section', { class: 'card', role: 'alert' },
      h('p', { class: 'banner error', text: err.message }),
      h('a', { class: 'btn secondary', href: '#/partnere', text: t('partners.back_to_list') })));
    return { canLeave: () => true };
  }
  const page = { main, ctx, api, notify, p, inBin: Boolean(p.deleted_at), erased: Boolean(p.erased_at) };
  drawPage(page);
  main.dataset.partnerId = p.id;
  return { canLeave: () => true, destroy: () => { delete main.dataset.partnerId; } };
}

// Edit and delete; in the bin restore and erase; nothing once erased.
function actionButtons(page) {
  const { p } = page;
  const button = (id, cls, label, onClick) => {
    const b = h('button', { class: cls, type: 'button', id, text: label });
    b.addEventListener('click', () => onClick(page));
    return b;
  };
  return {
    edit: h('a', { class: 'btn', href: `#/partnere/${encodeURIComponent(p.id)}/rediger`, id: 'partner-edit', text: t('partners.edit') }),
    del: button('partner-delete', 'btn danger', t('partners.delete'), onDelete),
    restore: button('partner-restore', 'btn', t('partners.restore'), onRestore),
    erase: button('partner-erase', 'btn danger', t('partners.erase'), onErase),
  };
}

function drawHead(page, buttons) {
  const { p, inBin, erased } = page;
  const { edit, del, restore, erase } = buttons;
  const back = inBin
    ? h('a', { class: 'back-link', href: '#/partnere/papirkurv', text: `← ${t('partners.bin_title')}` })
    : h('a', { class: 'back-link', href: '#/partnere', text: `← ${t('partners.all')}` });
  return h('div', { class: 'page-head detail-head' },
    back,
    h('div', { class: 'detail-title' },
      h('div', {},
        h('h2', { id: 'partner-name', text: erased && p.kind === 'borger' ? t('partners.erased_name') : p.name }),
        h('p', { class: 'meta' },
          h('span', { class: 'badge kind', text: kindLabel(p.kind) }), ' ',
          statusPill(p.status),
          p.joined_on ? h('span', { class: 'meta-text', text: ` ${t('partners.joined_on_text', { date: longDate(p.joined_on) })}` }) : null)),
      h('div', { class: 'actions' }, ...(erased ? [] : inBin ? [restore, erase] : [edit, del]))));
}

function drawBanner({ p, inBin, erased }) {
  if (erased) return h('p', { class: 'banner', text: t('partners.erased_banner') });
  if (inBin) return h('p', { class: 'banner warn', id: 'partner-in-bin', text: t('partners.in_bin_banner', { date: shortDate(p.deleted_at) }) });
  return null;
}

function drawGdpr({ p, inBin, erased }, erase) {
  if (erased) return null;
  return h('section', { class: 'card subtle', 'aria-labelledby': 'pd-gdpr' },
    h('h3', { id: 'pd-gdpr', text: t('partners.personal_data') }),
    h('p', { class: 'hint', text: t(p.kind === 'borger' ? 'partners.personal_data_borger' : 'partners.personal_data_help') }),
    inBin ? null : h('div', { class: 'actions' }, erase));
}

function drawPage(page) {
  const { main, p, erased } = page;
  const buttons = actionButtons(page);
  const { goals, initiative, contacts, history, facts, notes } = cards(p, page.ctx);
  // What other areas know of this partner (diplomas, events, ...): each
  // registered panel draws into a container of its own (see panels.js).
  // Empty until they do; the CSS hides it while empty.
  const links = h('div', { id: 'partner-links', class: 'partner-links', 'data-partner-id': p.id });
  if (!erased) drawPanels(links, p, page.ctx);
  const stamp = h('p', { class: 'stamp', text: t('partners.stamp', { created: shortDate(p.created_at), updated: shortDate(p.updated_at) }) });
  const banner = drawBanner(page);
  main.append(drawHead(page, buttons), ...(banner ? [banner] : []),
    h('div', { class: 'detail-grid' },
      h('div', { class: 'detail-main' }, goals, initiative, contacts, notes, links),
      h('div', { class: 'detail-side' }, history, facts, drawGdpr(page, buttons.erase))),
    stamp);
}

async function onDelete({ api, notify, p }) {
  const ok = await confirmDialog(t('partners.delete_confirm', { name: p.name }), { ok: t('partners.delete'), danger: true });
  if (!ok) return;
  try {
    await api.partnerDelete(p.id);
    notify(t('partners.deleted', { name: p.name }));
    location.hash = '#/partnere';
  } catch (err) { notify(err.message, 'error'); }
}

async function onRestore({ main, ctx, api, notify, p }) {
  try {
    await api.partnerRestore(p.id);
    notify(t('partners.restored', { name: p.name }));
    main.replaceChildren();
    await render(main, ctx, p.id);
  } catch (err) { notify(err.message, 'error'); }
}

async function onErase({ api, notify, p, inBin }) {
  const ok = await confirmDialog(t('partners.erase_confirm', { name: p.name }), { ok: t('partners.erase'), danger: true });
  if (!ok) return;
  try {
    await api.partnerErase(p.id);
    notify(t('partners.erased'));
    location.hash = inBin ? '#/partnere/papirkurv' : '#/partnere';
  } catch (err) { notify(err.message, 'error'); }
}
