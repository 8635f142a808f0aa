// The one file chooser of the app, in the UI's language: a labelled button
// ("Vælg fil …" / "Choose file …") with the chosen file's name beside it,
// instead of WebKit's own "Choose File / no file selected". The native
// <input type=file> lies invisibly over the button, so a click, Enter/Space
// on focus, and WebDriver's file upload all reach the real control.
//
//   filePick({ label, name, accept, hint, id, pending }) -> { wrap, input, error, file(), clear(), onChange(fn) }
//     label   the field's label (a <label for=…>)
//     hint    a hint under it (optional); `pending` a second hint shown
//             while a chosen file waits to be saved (optional)
//     file()  the chosen File or null; clear() forgets it
//     onChange(fn) calls fn(file) when a file is chosen
import { h, nextId } from './dom.js';
import { t } from './i18n/index.js';

export function filePick({ label, name, accept = '', hint = '', id = null, pending = '', disabled = false }) {
  const inputId = id || nextId(name);
  const nameId = `${inputId}-name`;
  const hintId = hint ? `${inputId}-hint` : null;
  const errId = `${inputId}-err`;
  const input = h('input', {
    type: 'file', id: inputId, name, accept, class: 'filepick-input', disabled,
    'aria-describedby': [nameId, hintId, errId].filter(Boolean).join(' '),
  });
  const chosen = h('span', { class: 'filepick-name', id: nameId, 'aria-live': 'polite', text: t('files.none_chosen') });
  const button = h('span', { class: 'btn secondary filepick-button', 'aria-hidden': 'true', text: t('files.choose') });
  const error = h('p', { class: 'field-error', id: errId, 'data-error-for': name });
  const waiting = pending ? h('span', { class: 'hint filepick-pending', hidden: true, text: pending }) : null;
  const wrap = h('div', { class: 'field filepick' },
    h('label', { for: inputId, text: label }),
    h('div', { class: 'filepick-row' }, h('span', { class: 'filepick-control' }, button, input), chosen),
    hint ? h('span', { class: 'hint', id: hintId, text: hint }) : null,
    waiting,
    error);
  const listeners = [];
  const file = () => (input.files && input.files[0]) || null;
  const show = () => {
    const f = file();
    chosen.textContent = f ? f.name : t('files.none_chosen');
    if (waiting) waiting.hidden = !f;
  };
  input.addEventListener('change', () => { show(); const f = file(); if (f) listeners.forEach((fn) => fn(f)); });
  return {
    wrap,
    input,
    error,
    file,
    clear: () => { input.value = ''; show(); },
    onChange: (fn) => { listeners.push(fn); },
  };
}
