// The welcome pack, as a panel of the partner page (see ../../panels.js):
// the diploma queue reminder (waiting for a diploma? the next ceremony),
// the welcome e-mail copied as HTML or text, the pack saved as a folder
// (the e-mail and the inspiration catalogue beside it), "Markér som sendt"
// and the days it was sent. The e-mail itself is made in Rust.
import { h } from '../../dom.js';
import { t } from '../../i18n/index.js';
import { shortDate } from '../../format.js';
import { registerPartnerPanel } from '../../panels.js';
import { copyText } from '../../clipboard.js';
import { revealSaved } from '../../save.js';

function reminder(d) {
  if (!d.waiting) return h('p', { class: 'hint', 'data-welcome': 'no-queue', text: t('welcome.not_waiting') });
  const c = d.next_ceremony;
  let text;
  if (!c) text = t('welcome.waiting_no_ceremony', { n: d.position });
  else if (c.chosen) text = t('welcome.waiting_chosen', { n: d.position, date: shortDate(c.held_on), place: c.place });
  else text = t('welcome.waiting_next', { n: d.position, date: shortDate(c.held_on), place: c.place });
  return h('p', { class: 'banner', 'data-welcome': 'queue' }, text, ' ',
    h('a', { href: '#/diplomer', text: t('welcome.to_diplomas') }));
}

function sentLine(sent) {
  return h('p', { id: 'welcome-sent', 'data-count': String(sent.length), text: sent.length
    ? t('welcome.sent_on', { dates: sent.map((s) => shortDate(s.sent_on)).join(', ') })
    : t('welcome.never_sent') });
}

export async function renderPartnerWelcome(container, partner, ctx) {
  const { api, notify } = ctx;
  const section = h('section', { class: 'card partner-welcome', id: 'partner-welcome', 'aria-labelledby': 'partner-welcome-h' },
    h('h3', { id: 'partner-welcome-h', text: t('welcome.title') }));
  container.append(section);
  const body = h('div', {});
  section.append(body);
  const draw = async () => {
    let w;
    try {
      w = await api.welcomeBuild(partner.id);
    } catch (err) {
      body.replaceChildren(h('p', { class: 'banner error', text: err.message }));
      return;
    }
    const button = (id, cls, label, onClick) => {
      const b = h('button', { class: cls, type: 'button', id, text: label });
      b.addEventListener('click', async () => {
        b.disabled = true;
        try { await onClick(); } finally { b.disabled = false; }
      });
      return b;
    };
    const copied = (ok) => notify(ok ? t('welcome.copied') : t('welcome.copy_failed'), ok ? 'ok' : 'error');
    body.replaceChildren(
      reminder(w.diploma),
      h('p', { class: 'hint', text: w.to ? t('welcome.to', { to: w.to, subject: w.subject }) : t('welcome.no_address', { subject: w.subject }) }),
      h('div', { class: 'actions' },
        button('welcome-copy-html', 'btn', t('welcome.copy_html'), async () => copied(await copyText(w.text, w.html))),
        button('welcome-copy-text', 'btn secondary', t('welcome.copy_text'), async () => copied(await copyText(w.text))),
        button('welcome-save', 'btn secondary', t('welcome.save'), async () => {
          try {
            const saved = await api.welcomeSave(partner.id);
            notify(t('welcome.saved', { path: saved.folder }), 'ok',
              { actions: [{ label: t('files.reveal'), run: () => revealSaved(saved.folder, notify) }] });
          } catch (err) { notify(err.message, 'error'); }
        }),
        button('welcome-record', 'btn secondary', t('welcome.record'), async () => {
          try {
            await api.welcomeRecordSent(partner.id);
            notify(t('welcome.recorded'));
            await draw();
          } catch (err) { notify(err.message, 'error'); }
        })),
      sentLine(w.sent));
  };
  await draw();
}

registerPartnerPanel('welcome', 15, renderPartnerWelcome);
