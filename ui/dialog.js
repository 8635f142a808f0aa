// An accessible confirm dialog (the web view's window.confirm is not reliable
// in Tauri). Focus is trapped inside; Escape cancels; focus returns after.
import { h } from './dom.js';
import { t } from './i18n/index.js';

export function confirmDialog(message, { ok = t('common.yes'), cancel = t('common.cancel'), danger = false } = {}) {
  return new Promise((resolve) => {
    const previous = document.activeElement;
    const titleId = 'dialog-msg';
    const okBtn = h('button', { class: danger ? 'btn danger' : 'btn', type: 'button', text: ok });
    const cancelBtn = h('button', { class: 'btn secondary', type: 'button', text: cancel });
    const box = h('div', { class: 'dialog', role: 'alertdialog', 'aria-modal': 'true', 'aria-labelledby': titleId },
      h('p', { id: titleId, text: message }),
      h('div', { class: 'actions' }, cancelBtn, okBtn));
    const backdrop = h('div', { class: 'dialog-backdrop' }, box);
    const close = (answer) => {
      backdrop.remove();
      document.removeEventListener('keydown', onKey, true);
      if (previous && previous.focus) previous.focus();
      resolve(answer);
    };
    const onKey = (e) => {
      if (e.key === 'Escape') { e.preventDefault(); close(false); }
      if (e.key === 'Tab') {
        e.preventDefault();
        (document.activeElement === okBtn ? cancelBtn : okBtn).focus();
      }
    };
    okBtn.addEventListener('click', () => close(true));
    cancelBtn.addEventListener('click', () => close(false));
    document.addEventListener('keydown', onKey, true);
    document.body.append(backdrop);
    cancelBtn.focus();
  });
}
