// The one notice (toast) of the app. It lives in the sidebar, below the
// navigation, in the page's flow: it never lies over a button or a field.
// A click on its × (or Escape while it has focus) dismisses it; it also goes
// away by itself. Errors stay longer and are announced as alerts.
//
//   notify(message, kind = 'ok' | 'error', { actions: [{ label, run }] })
//     actions: buttons in the notice (e.g. "Vis i mappe", "Åbn"); a notice
//     with actions stays until dismissed or an action is taken.
import { h, fill } from './dom.js';
import { t } from './i18n/index.js';

let timer = null;

function el() {
  return document.getElementById('notice');
}

export function dismiss() {
  clearTimeout(timer);
  const box = el();
  if (box) { box.hidden = true; box.replaceChildren(); }
}

export function notify(message, kind = 'ok', { actions = [] } = {}) {
  const box = el();
  if (!box) return;
  // The × is drawn by CSS, so the notice's text is only its message.
  const close = h('button', { class: 'notice-close', type: 'button', 'aria-label': t('common.dismiss'), title: t('common.dismiss') });
  close.addEventListener('click', dismiss);
  const buttons = actions.map((a) => {
    const b = h('button', { class: 'btn small', type: 'button', text: a.label });
    b.addEventListener('click', () => { dismiss(); a.run(); });
    return b;
  });
  fill(box,
    h('p', { class: 'notice-text', text: message }),
    buttons.length ? h('div', { class: 'notice-actions' }, buttons) : null,
    close);
  box.className = kind === 'error' ? 'notice error' : 'notice';
  box.setAttribute('role', kind === 'error' ? 'alert' : 'status');
  box.dataset.kind = kind;
  box.hidden = false;
  clearTimeout(timer);
  if (!buttons.length) timer = setTimeout(dismiss, kind === 'error' ? 8000 : 3500);
}

// Escape dismisses the notice when focus is inside it.
document.addEventListener('keydown', (e) => {
  const box = el();
  if (e.key === 'Escape' && box && !box.hidden && box.contains(document.activeElement)) dismiss();
});
