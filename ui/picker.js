// The one partner picker (any list of named things, in fact): type to filter,
// the chosen ones shown as chips with a remove button, fully usable from the
// keyboard, labelled for screen readers (an ARIA combobox with a listbox).
// Used wherever partners are picked (an event's organisers, adding a
// participant, a grant application's partner, …).
//
//   picker({ label, name, options, chosen = [], multiple = true, id, hint, emptyText, onChange })
//     -> { wrap, input, error, value(), set(ids), focus() }
//   options   [{ id, label, hint? }] in the order to show them
//   chosen    ids picked from the start
//   multiple  false: one choice; picking another replaces it
//   value()   the chosen ids, in the order they were picked
//   onChange(ids) after every pick or removal
//
// Keys in the text field: ↓/↑ move through the matches, Enter picks,
// Escape closes the list, Backspace in an empty field removes the last chip.
import { h, nextId } from './dom.js';
import { t } from './i18n/index.js';

const MAX_SHOWN = 50;
const fold = (s) => String(s).toLocaleLowerCase('da').normalize('NFC');

export function picker({ label, name, options, chosen = [], multiple = true, id = null, hint = '', emptyText = '', onChange = null }) {
  const inputId = id || nextId(name);
  const listId = `${inputId}-list`;
  const hintId = `${inputId}-hint`;
  const errId = `${inputId}-err`;
  const byId = new Map(options.map((o) => [o.id, o]));
  let picked = chosen.filter((c) => byId.has(c));
  if (!multiple) picked = picked.slice(0, 1);
  let matches = [];
  let active = -1;

  const chips = h('ul', { class: 'picker-chips', 'aria-label': t('picker.chosen', { label }) });
  const input = h('input', {
    type: 'text', id: inputId, class: 'picker-input', autocomplete: 'off', role: 'combobox',
    'aria-autocomplete': 'list', 'aria-expanded': 'false', 'aria-controls': listId,
    'aria-describedby': `${hintId} ${errId}`, placeholder: t('picker.placeholder'), 'data-picker-input': name,
  });
  const list = h('ul', { class: 'picker-list', id: listId, role: 'listbox', 'aria-label': label, hidden: true });
  const status = h('span', { class: 'hint', id: hintId, text: hint || t(multiple ? 'picker.hint_many' : 'picker.hint_one') });
  const error = h('p', { class: 'field-error', id: errId, 'data-error-for': name });
  const wrap = h('div', { class: 'field picker', 'data-picker': name },
    h('label', { for: inputId, text: label }),
    chips,
    h('div', { class: 'picker-box' }, input, list),
    status,
    error);
  if (!options.length && emptyText) input.replaceWith(h('p', { class: 'hint', text: emptyText }));

  // The choice changing counts as input in the surrounding form (unsaved changes).
  const changed = () => { drawChips(); wrap.dispatchEvent(new Event('input', { bubbles: true })); if (onChange) onChange(picked.slice()); };

  function drawChips() {
    chips.replaceChildren(...picked.map((pid) => {
      const o = byId.get(pid);
      const remove = h('button', { class: 'chip-remove', type: 'button', 'aria-label': t('picker.remove', { name: o.label }), text: '×' });
      remove.addEventListener('click', () => { unpick(pid); input.focus(); });
      return h('li', { class: 'chip picker-chip', 'data-id': pid }, h('span', { text: o.label }), remove);
    }));
    chips.hidden = picked.length === 0;
  }

  function pick(pid) {
    if (!byId.has(pid)) return;
    if (multiple) { if (!picked.includes(pid)) picked.push(pid); } else picked = [pid];
    input.value = '';
    changed();
    if (multiple) drawList(); else close();
  }

  function unpick(pid) {
    picked = picked.filter((p) => p !== pid);
    changed();
    if (!list.hidden) drawList();
  }

  function drawList() {
    const q = fold(input.value.trim());
    matches = options.filter((o) => !picked.includes(o.id) && (!q || fold(o.label).includes(q))).slice(0, MAX_SHOWN);
    active = matches.length ? Math.min(Math.max(active, 0), matches.length - 1) : -1;
    list.replaceChildren(...(matches.length ? matches.map((o, i) => {
      const li = h('li', { role: 'option', id: `${inputId}-opt-${i}`, class: 'picker-option', 'data-id': o.id, 'aria-selected': i === active ? 'true' : 'false' },
        h('span', { text: o.label }), o.hint ? h('span', { class: 'hint', text: ` ${o.hint}` }) : null);
      // mousedown, not click: the text field keeps the focus.
      li.addEventListener('mousedown', (e) => { e.preventDefault(); pick(o.id); });
      return li;
    }) : [h('li', { class: 'picker-none', role: 'presentation', text: t('picker.no_match') })]));
    list.hidden = false;
    input.setAttribute('aria-expanded', 'true');
    if (active >= 0) input.setAttribute('aria-activedescendant', `${inputId}-opt-${active}`);
    else input.removeAttribute('aria-activedescendant');
    const el = active >= 0 ? list.children[active] : null;
    if (el && el.scrollIntoView) el.scrollIntoView({ block: 'nearest' });
  }

  function close() {
    list.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
    active = -1;
  }

  // Typing in the filter is no change to the form: only a pick is (see changed).
  input.addEventListener('input', (e) => { e.stopPropagation(); active = 0; drawList(); });
  input.addEventListener('click', () => drawList());
  input.addEventListener('blur', () => close());
  input.addEventListener('keydown', (e) => {
    if (e.key === 'ArrowDown') { e.preventDefault(); active = Math.min(active + 1, matches.length - 1); drawList(); }
    else if (e.key === 'ArrowUp') { e.preventDefault(); active = Math.max(active - 1, 0); drawList(); }
    else if (e.key === 'Enter') {
      if (!list.hidden && active >= 0 && matches[active]) { e.preventDefault(); pick(matches[active].id); }
    } else if (e.key === 'Escape') {
      if (!list.hidden) { e.preventDefault(); e.stopPropagation(); close(); }
    } else if (e.key === 'Backspace' && !input.value && picked.length) {
      unpick(picked[picked.length - 1]);
    }
  });
  drawChips();
  return {
    wrap,
    input,
    error,
    value: () => picked.slice(),
    set: (ids) => { picked = ids.filter((c) => byId.has(c)); if (!multiple) picked = picked.slice(0, 1); drawChips(); },
    focus: () => input.focus(),
  };
}
