// Small DOM helpers. `h()` builds elements; strings become text nodes, so user
// data can never turn into markup. Nothing here uses innerHTML.

export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key === 'class') el.className = value;
    else if (key === 'text') el.textContent = value;
    else if (key.startsWith('on') && typeof value === 'function') el.addEventListener(key.slice(2), value);
    else if (key === 'value') el.value = value;
    else if (key === 'checked') el.checked = Boolean(value);
    else el.setAttribute(key, value === true ? '' : String(value));
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

export function clear(el) {
  while (el.firstChild) el.removeChild(el.firstChild);
}

// Replaces el's children, skipping null/undefined/false as h() does (the
// DOM's own replaceChildren would show a null as the text "null").
export function fill(el, ...children) {
  clear(el);
  append(el, children);
}

let uid = 0;
export function nextId(prefix = 'f') {
  uid += 1;
  return `${prefix}-${uid}`;
}

// A labelled form field: <label> + control + hint + error slot, wired with
// for/id and aria-describedby. Returns { wrap, input, error }.
export function field({ label, name, value = '', type = 'text', hint, required, multiline, options, attrs = {} }) {
  const id = nextId(name);
  const errId = `${id}-err`;
  const hintId = hint ? `${id}-hint` : null;
  let input;
  if (options) {
    input = h('select', { id, name, ...attrs }, options.map((o) => h('option', { value: o.value, text: o.label })));
    input.value = value;
  } else if (multiline) {
    input = h('textarea', { id, name, ...attrs });
    input.value = value;
  } else {
    input = h('input', { id, name, type, value, ...attrs });
  }
  if (required) input.setAttribute('aria-required', 'true');
  input.setAttribute('aria-describedby', [hintId, errId].filter(Boolean).join(' '));
  const error = h('p', { class: 'field-error', id: errId, 'data-error-for': name });
  const wrap = h('div', { class: 'field' },
    h('label', { for: id, text: label }),
    input,
    hint ? h('span', { class: 'hint', id: hintId, text: hint }) : null,
    error);
  return { wrap, input, error };
}

// Shows a command error next to the field it names (inside `scope`), or as a
// notice when no field there matches. Returns true when placed at a field.
export function showFieldError(scope, err, notify) {
  const name = err && err.field;
  const slot = name ? scope.querySelector(`[data-error-for="${CSS.escape(name)}"]`) : null;
  if (slot) {
    slot.textContent = err.message;
    const input = slot.parentElement && slot.parentElement.querySelector('input, select, textarea');
    if (input) {
      input.setAttribute('aria-invalid', 'true');
      input.focus();
    }
    return true;
  }
  notify(err && err.message ? err.message : String(err), 'error');
  return false;
}

export function clearErrors(scope) {
  scope.querySelectorAll('.field-error').forEach((e) => { e.textContent = ''; });
  scope.querySelectorAll('[aria-invalid="true"]').forEach((e) => e.removeAttribute('aria-invalid'));
}

// Reads a File as base64 (without the data: prefix), for upload commands.
export function fileToBase64(file) {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const s = String(reader.result);
      resolve(s.slice(s.indexOf(',') + 1));
    };
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}
