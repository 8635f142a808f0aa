// Priser, the kiosk ballot for a laptop at an event: one large button per
// nominee; a tap records one vote and shows a thank-you screen, then a
// fresh ballot for the next voter. A code chosen at the start stops it.
// It cannot tell a person who votes twice: it suits a supervised stand.
import { h, clear } from '../../dom.js';
import { t } from '../../i18n/index.js';

export function openKiosk(page, prize, ballot) {
  const code = String(Math.floor(1000 + Math.random() * 9000));
  const overlay = h('div', { class: 'kiosk', id: 'award-kiosk', role: 'dialog', 'aria-modal': 'true', 'aria-labelledby': 'kiosk-h' });
  const screen = h('div', { class: 'kiosk-screen' });
  overlay.append(screen);
  document.body.append(overlay);
  let votes = 0;
  const close = async () => {
    overlay.remove();
    page.notify(t('awards.kiosk_closed', { n: votes }));
    await page.reload();
  };
  function askCode() {
    clear(screen);
    const input = h('input', { id: 'kiosk-code', type: 'password', inputmode: 'numeric', autocomplete: 'off' });
    const err = h('p', { class: 'field-error', role: 'alert' });
    const form = h('form', { class: 'kiosk-code' },
      h('h2', { id: 'kiosk-h', text: t('awards.kiosk_stop_h') }),
      h('label', { for: 'kiosk-code', text: t('awards.kiosk_code') }), input, err,
      h('div', { class: 'actions' }, h('button', { class: 'btn', type: 'submit', text: t('awards.kiosk_stop') }),
        h('button', { class: 'btn secondary', type: 'button', text: t('awards.kiosk_back'), onclick: ballotScreen })));
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      if (input.value.trim() === code) close();
      else { err.textContent = t('awards.kiosk_wrong_code'); input.value = ''; input.focus(); }
    });
    screen.append(form);
    input.focus();
  }
  function ballotScreen() {
    clear(screen);
    const buttons = ballot.map((n) => {
      const b = h('button', { type: 'button', class: 'kiosk-choice', 'data-id': n.id }, h('strong', { text: n.partner_name }), h('span', { text: n.title }));
      b.addEventListener('click', async () => {
        screen.querySelectorAll('button').forEach((x) => { x.disabled = true; });
        try {
          await page.api.awardsBallotCast(prize.id, n.id);
          votes += 1;
          thanks();
        } catch (err) { page.notify(err.message, 'error'); ballotScreen(); }
      });
      return b;
    });
    const stop = h('button', { type: 'button', class: 'btn secondary kiosk-stop', text: t('awards.kiosk_stop') });
    stop.addEventListener('click', askCode);
    screen.append(h('h2', { id: 'kiosk-h', text: t('awards.kiosk_title', { name: prize.name }) }),
      h('p', { class: 'lead', text: t('awards.kiosk_lead') }), h('div', { class: 'kiosk-choices' }, buttons), stop);
    if (buttons[0]) buttons[0].focus();
  }
  function thanks() {
    clear(screen);
    screen.append(h('h2', { id: 'kiosk-h', role: 'status', text: t('awards.kiosk_thanks') }));
    setTimeout(ballotScreen, 1500);
  }
  // The code is shown once, to the person who starts the kiosk.
  clear(screen);
  const start = h('button', { class: 'btn', type: 'button', text: t('awards.kiosk_begin') });
  start.addEventListener('click', ballotScreen);
  screen.append(h('h2', { id: 'kiosk-h', text: t('awards.kiosk_title', { name: prize.name }) }),
    h('p', { text: t('awards.kiosk_code_is') }), h('p', { class: 'kiosk-code-show', id: 'kiosk-code-show', text: code }),
    h('p', { class: 'hint', text: t('awards.kiosk_double') }),
    h('div', { class: 'actions' }, start, h('button', { class: 'btn secondary', type: 'button', text: t('common.cancel'), onclick: () => overlay.remove() })));
  start.focus();
}
