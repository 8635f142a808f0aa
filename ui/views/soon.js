// The page for an area that is not built yet: says so calmly, breaks nothing.
import { h } from '../dom.js';
import { t } from '../i18n/index.js';

export function render(main, ctx) {
  main.append(h('section', { class: 'card empty' },
    h('h2', { text: t('soon.title', { area: ctx.areaLabel }) }),
    h('p', { text: t('soon.body') }),
    h('a', { class: 'btn secondary', href: '#/indstillinger', text: t('soon.back') })));
}
