// The one label/value list of the app (a <dl>): every detail box ("Oplysninger",
// an application's facts, a partner's details, the documents folder). Each
// label and its value are kept together in their own <div class="fact">, so a
// missing or long value can never push the next label out of line.
//
//   facts(pairs, { id, layout }) -> <dl class="facts …"> or null when no pair has a value
//     pairs   [[label, value], …]; value: text or a DOM node; '' / null / undefined are left out
//     layout  'rows' (label beside value, the default), 'tiles' (label above value, in
//             columns), 'stack' (label above value, one column)
import { h } from './dom.js';

export function facts(pairs, { id = null, layout = 'rows' } = {}) {
  const items = pairs.filter(([, v]) => v !== null && v !== undefined && v !== '');
  if (!items.length) return null;
  return h('dl', { class: `facts facts-${layout}`, id },
    items.map(([label, value]) => h('div', { class: 'fact' },
      h('dt', { text: label }),
      value instanceof Node || Array.isArray(value) ? h('dd', {}, value) : h('dd', { text: String(value) }))));
}
