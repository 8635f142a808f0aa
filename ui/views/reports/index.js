// Rapporter: routes `#/rapporter/...` to the area's views.
//
// Routes: #/rapporter (the figures and charts of a period, the highlights,
// the status report's exports), #/rapporter/evaluering (the evaluations),
// #/rapporter/case (the case for Sund By Netværket's case bank and the
// consultant's contact).
import { h } from '../../dom.js';
import { t } from '../../i18n/index.js';

const TABS = [
  { route: '', label: 'reports.tab_figures' },
  { route: 'evaluering', label: 'reports.tab_evaluation' },
  { route: 'case', label: 'reports.tab_case' },
];

function tabs(active) {
  return h('nav', { class: 'report-tabs', 'aria-label': t('reports.tabs_label') },
    h('ul', {}, TABS.map((tab) => {
      const a = h('a', { href: `#/rapporter${tab.route ? `/${tab.route}` : ''}`, text: t(tab.label), 'data-tab': tab.route || 'figures' });
      if (tab.route === active) a.setAttribute('aria-current', 'page');
      return h('li', {}, a);
    })));
}

export async function render(container, ctx) {
  const [first] = ctx.params;
  const active = TABS.some((tab) => tab.route === first) ? (first || '') : '';
  container.append(h('div', { class: 'page-head' },
    h('h2', { text: t('reports.title') }),
    h('p', { class: 'lead', text: t('reports.intro') })), tabs(active));
  if (active === 'evaluering') return (await import('./evaluation.js')).render(container, ctx);
  if (active === 'case') return (await import('./case.js')).render(container, ctx);
  return (await import('./figures.js')).render(container, ctx);
}
