// Rapporter, the figures of a period: the period (programme period by
// default), the key figures, each number a link to the list it counts, the
// charts (SVG drawn by the core, the same as in the PDF) with their text
// tables, the highlights for the status report and its exports.
import { h, fill, field, showFieldError, clearErrors } from '../../dom.js';
import { t } from '../../i18n/index.js';
import { count, money, shortDate, todayIso } from '../../format.js';
import { saveDocument, openSaved } from '../../save.js';

// Remembered while the app runs (empty = the programme's period).
const state = { from: '', to: '' };

// The route of the list a figure counts.
export function linkHref(link) {
  if (!link) return null;
  const area = { partners: 'partnere', events: 'arrangementer', grants: 'pulje', diplomas: 'diplomer' }[link.list];
  if (!area) return null;
  const query = new URLSearchParams(link.filter).toString();
  return `#/${area}/vis/${encodeURIComponent(query)}`;
}

// A number with its label; a link when the figure has a list.
function figure(value, label, link, id) {
  const href = linkHref(link);
  const body = [h('span', { class: 'stat-value', text: value }), h('span', { class: 'stat-label', text: label })];
  return href
    ? h('a', { class: 'stat stat-link', href, id, 'data-figure': id }, body)
    : h('div', { class: 'stat', id, 'data-figure': id }, body);
}

function countTable(caption, rows, head, id) {
  return h('table', { class: 'data', id },
    h('caption', { text: caption }),
    h('thead', {}, h('tr', {}, head.map((c, i) => h('th', { scope: 'col', class: i ? 'num' : null, text: c })))),
    h('tbody', {}, rows.map((r) => h('tr', {}, r.map((c, i) => {
      const cell = h(i ? 'td' : 'th', i ? { class: 'num' } : { scope: 'row' });
      if (c && c.href) cell.append(h('a', { href: c.href, text: c.text, 'data-key': c.channel || null }));
      else cell.textContent = c;
      return cell;
    })))));
}

// A chart: the core's SVG as an image, and its numbers as a table on demand.
function chart(c) {
  const url = URL.createObjectURL(new Blob([c.svg], { type: 'image/svg+xml' }));
  const table = h('table', { class: 'data' },
    h('thead', {}, h('tr', {}, c.table_head.map((x) => h('th', { scope: 'col', text: x })))),
    h('tbody', {}, c.table_rows.map((r) => h('tr', {}, r.map((x) => h('td', { text: x }))))));
  return {
    url,
    el: h('figure', { class: 'card report-chart', id: `report-chart-${c.id}` },
      h('figcaption', { text: c.title }),
      h('img', { src: url, alt: c.title, class: 'chart-img' }),
      h('details', {}, h('summary', { text: t('reports.chart_table') }), h('div', { class: 'table-scroll' }, table))),
  };
}

function partnersSection(f) {
  const p = f.partners;
  const sentence = h('p', { id: 'report-kind-sentence', class: 'lead' });
  sentence.append(t('reports.active_partners', { n: count(p.active) }));
  if (p.by_kind.length) {
    sentence.append(': ');
    p.by_kind.forEach((k, i) => {
      if (i) sentence.append(i === p.by_kind.length - 1 ? t('reports.and') : ', ');
      sentence.append(h('a', { href: linkHref(k.link), 'data-kind': k.key, text: k.label }));
    });
  }
  return h('section', { class: 'card', 'aria-labelledby': 'report-partners-h' },
    h('h3', { id: 'report-partners-h', text: t('reports.partners') }),
    h('div', { class: 'stats' },
      figure(count(p.registered), t('reports.registered'), null, 'fig-registered'),
      figure(count(p.active), t('reports.active'), { list: 'partners', filter: { status: 'aktiv' } }, 'fig-active'),
      figure(count(p.joined_in_period), t('reports.joined'), null, 'fig-joined')),
    sentence,
    h('div', { class: 'grid-2' },
      countTable(t('reports.by_status'), p.by_status.map((c) => [{ text: c.label, href: linkHref(c.link) }, count(c.value)]),
        [t('reports.status'), t('reports.count')], 'report-by-status'),
      countTable(t('reports.by_goal'), p.by_goal.map((c) => [{ text: c.label, href: linkHref(c.link) }, count(c.value)]),
        [t('reports.goal'), t('reports.active')], 'report-by-goal')),
    countTable(t('reports.by_channel'), p.by_channel.map((c) => [c.label,
      { text: count(c.recruited), href: linkHref(c.link), channel: c.key },
      { text: count(c.became_active), href: linkHref(c.active_link), channel: c.key }]),
    [t('reports.channel'), t('reports.recruited'), t('reports.became_active')], 'report-by-channel'),
    p.by_channel.length ? h('p', { class: 'hint', text: t('reports.became_active_hint') }) : null);
}

function eventsSection(f) {
  const e = f.events;
  return h('section', { class: 'card', 'aria-labelledby': 'report-events-h' },
    h('h3', { id: 'report-events-h', text: t('reports.events') }),
    h('div', { class: 'stats' },
      figure(count(e.events), t('reports.events_held'), { list: 'events', filter: { when: 'all' } }, 'fig-events'),
      figure(count(e.attended), t('reports.attended'), null, 'fig-attended'),
      figure(count(e.fair_booths), t('reports.booths'), { list: 'events', filter: { kind: 'messe', when: 'all' } }, 'fig-booths'),
      figure(count(e.fair_visitors), t('reports.visitors'), { list: 'events', filter: { kind: 'messe', when: 'all' } }, 'fig-visitors'),
      figure(count(e.citizens_reached), t('reports.citizens'), { list: 'events', filter: { kind: 'offentligt', when: 'all' } }, 'fig-citizens')),
    countTable(t('reports.by_kind'), e.by_kind.map((k) => [{ text: k.label, href: linkHref(k.link) }, count(k.events), count(k.attended)]),
      [t('reports.kind'), t('reports.events_held'), t('reports.attended')], 'report-events-by-kind'));
}

function restSection(f) {
  const pool = f.pool;
  return h('div', { class: 'grid-2' },
    h('section', { class: 'card', 'aria-labelledby': 'report-pool-h' },
      h('h3', { id: 'report-pool-h', text: t('reports.pool') }),
      h('div', { class: 'stats' },
        h('a', { class: 'stat stat-link', href: linkHref(pool.granted_link), id: 'fig-granted' },
          h('span', { class: 'stat-value', text: money(pool.granted_ore) }), h('span', { class: 'stat-label', text: t('reports.granted', { n: count(pool.granted_count) }) })),
        h('div', { class: 'stat', id: 'fig-paid' },
          h('span', { class: 'stat-value', text: money(pool.paid_ore) }), h('span', { class: 'stat-label', text: t('reports.paid') }))),
      pool.by_goal.length
        ? countTable(t('reports.pool_by_goal'), pool.by_goal.map((c) => [{ text: c.label, href: linkHref(c.link) }, money(c.value)]),
          [t('reports.goal'), t('reports.pool_granted')], 'report-pool-by-goal')
        : null,
      pool.by_goal.length ? h('p', { class: 'hint', text: t('reports.pool_by_goal_hint') }) : null,
      h('p', { text: t('reports.reach', { expected: count(pool.expected_reach), reported: count(pool.reported_reach), n: count(pool.reported_count) }) }),
      pool.years.length
        ? countTable(t('reports.pool_years'), pool.years.map((y) => [String(y.year), money(y.total_ore), money(y.granted_ore), money(y.paid_ore), money(y.remaining_ore)]),
          [t('reports.year'), t('reports.pool_total'), t('reports.pool_granted'), t('reports.paid'), t('reports.remaining')], 'report-pool-years')
        : h('p', { class: 'hint', text: t('reports.no_pool') })),
    h('section', { class: 'card', 'aria-labelledby': 'report-diplomas-h' },
      h('h3', { id: 'report-diplomas-h', text: t('reports.diplomas') }),
      h('div', { class: 'stats' },
        figure(count(f.diplomas.handed_out), t('reports.handed_out'), { list: 'events', filter: { kind: 'overraekkelse', when: 'all' } }, 'fig-diplomas'),
        figure(count(f.newsletters.issues), t('reports.newsletters'), null, 'fig-newsletters'),
        figure(count(f.newsletters.recipients), t('reports.recipients'), null, 'fig-recipients')),
      countTable(t('reports.per_ceremony'), f.diplomas.ceremonies.map((c) => {
        const name = `${shortDate(c.date)}${c.place ? ` · ${c.place}` : ''}`;
        return [c.link ? { text: name, href: linkHref(c.link) } : name, count(c.diplomas)];
      }),
        [t('reports.ceremony'), t('reports.diplomas')], 'report-ceremonies'),
      h('h3', { text: t('reports.awards') }),
      h('p', { class: 'hint', id: 'report-awards', text: f.awards ? t('reports.awards_figures', { rounds: count(f.awards.rounds), n: count(f.awards.nominations) }) : t('reports.awards_none') })));
}

function highlightsCard(page) {
  const f = field({ label: t('reports.highlights'), name: 'report_highlights', multiline: true, hint: t('reports.highlights_hint'), value: page.view.highlights.join('\n'), attrs: { rows: 5 } });
  const save = h('button', { class: 'btn secondary', type: 'button', id: 'report-highlights-save', text: t('reports.highlights_save') });
  const card = h('section', { class: 'card', 'aria-labelledby': 'report-highlights-h' },
    h('h3', { id: 'report-highlights-h', text: t('reports.highlights_title') }), f.wrap, save);
  save.addEventListener('click', async () => {
    clearErrors(card);
    try {
      page.view.highlights = await page.api.reportsHighlightsSave(f.input.value.split('\n'));
      page.dirty = false;
      page.notify(t('reports.highlights_saved'));
    } catch (err) { showFieldError(card, err, page.notify); }
  });
  f.input.addEventListener('input', () => { page.dirty = true; });
  return card;
}

function periodForm(page) {
  const from = field({ label: t('reports.from'), name: 'report_from', value: state.from, hint: t('reports.date_hint') });
  const to = field({ label: t('reports.to'), name: 'report_to', value: state.to });
  const show = h('button', { class: 'btn', type: 'submit', id: 'report-show', text: t('reports.show') });
  const year = new Date().getFullYear();
  const preset = (label, id, a, b) => h('button', { class: 'btn secondary small', type: 'button', id, text: label,
    onclick: () => { from.input.value = a; to.input.value = b; form.requestSubmit(); } });
  const form = h('form', { class: 'card report-period', id: 'report-period', 'aria-label': t('reports.period') },
    h('div', { class: 'grid-2' }, from.wrap, to.wrap),
    h('div', { class: 'actions' }, show,
      preset(t('reports.programme_period'), 'report-preset-programme', '', ''),
      preset(t('reports.this_year'), 'report-preset-year', `01.01.${year}`, `31.12.${year}`),
      preset(t('reports.last_year'), 'report-preset-last-year', `01.01.${year - 1}`, `31.12.${year - 1}`)));
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    clearErrors(form);
    state.from = from.input.value; state.to = to.input.value;
    try { await load(page); } catch (err) { showFieldError(form, err, page.notify); }
  });
  return form;
}

function exportsCard(page) {
  const xlsx = h('button', { class: 'btn secondary', type: 'button', id: 'report-xlsx', text: t('reports.export_xlsx') });
  xlsx.addEventListener('click', async () => {
    const f = page.view.figures;
    const name = `Status ${f.period.from} til ${f.period.to}.xlsx`;
    try {
      const path = await saveDocument('reports', name, (p) => page.api.reportsExportXlsx({ from: f.period.from, to: f.period.to }, p));
      if (path) { page.notify(t('reports.saved', { path })); openSaved(path, page.notify); }
    } catch (err) { page.notify(err.message, 'error'); }
  });
  const pdf = h('button', { class: 'btn', type: 'button', id: 'report-pdf', text: t('reports.export_pdf') });
  pdf.addEventListener('click', async () => {
    if (page.dirty) { page.notify(t('reports.highlights_save_first'), 'error'); return; }
    const f = page.view.figures;
    const name = `Status ${f.period.from} til ${f.period.to}.pdf`;
    try {
      const path = await saveDocument('reports', name, (p) => page.api.reportsExportPdf({ from: f.period.from, to: f.period.to }, p));
      if (path) { page.notify(t('reports.saved', { path })); openSaved(path, page.notify); }
    } catch (err) { page.notify(err.message, 'error'); }
  });
  return h('section', { class: 'card', 'aria-labelledby': 'report-exports-h' },
    h('h3', { id: 'report-exports-h', text: t('reports.exports') }),
    h('p', { class: 'hint', text: t('reports.exports_hint') }),
    h('div', { class: 'actions' }, pdf, xlsx));
}

async function load(page) {
  page.view = await page.api.reportsView({ from: state.from, to: state.to });
  const f = page.view.figures;
  for (const url of page.urls) URL.revokeObjectURL(url);
  page.urls = [];
  const charts = page.view.charts.map(chart);
  page.urls = charts.map((c) => c.url);
  const past = f.period.to < todayIso();
  fill(page.body,
    h('p', { class: 'lead', id: 'report-period-label', text: t('reports.period_label', { period: f.period_label }) }),
    f.empty ? h('p', { class: 'banner', id: 'report-empty', role: 'status', text: t('reports.empty') }) : null,
    past ? h('p', { class: 'hint', text: t('reports.links_today') }) : null,
    partnersSection(f),
    charts.length ? h('div', { class: 'report-charts' }, charts.map((c) => c.el)) : null,
    eventsSection(f),
    restSection(f),
    highlightsCard(page),
    exportsCard(page));
}

export async function render(container, ctx) {
  const page = { api: ctx.api, notify: ctx.notify, view: null, urls: [], dirty: false, body: h('div', { id: 'report-body' }) };
  container.append(periodForm(page), page.body);
  try {
    await load(page);
  } catch (err) {
    // A remembered period that no longer reads: back to the programme's.
    state.from = ''; state.to = '';
    page.notify(err.message, 'error');
    await load(page);
  }
  return {
    canLeave: () => !page.dirty,
    destroy: () => { for (const url of page.urls) URL.revokeObjectURL(url); },
  };
}
