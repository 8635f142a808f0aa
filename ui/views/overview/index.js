// Overblik, the page the app opens on (issue 17): what needs the consultant
// now, one card per part, each line a link to where it is done. Empty parts
// say what is good. `#/overblik/rekruttering` is the recruitment pipeline,
// `#/overblik/opfoelgninger` every follow-up due (the page lists the first).
// All data comes from one command (`overview_get`); the rules live in Rust.
import { h } from '../../dom.js';
import { t, tn } from '../../i18n/index.js';
import { shortDate, longDate, money, count, clock } from '../../format.js';
import { kindLabel as eventKindLabel, dayLabel } from '../../domain/events.js';
import { statusLabel as grantStatusLabel } from '../../domain/grants.js';
import { kindLabel as activityKindLabel, stateLabel } from '../../domain/activities.js';
import { kindLabel as partnerKindLabel } from '../../domain/partners.js';

function card(id, title, ...body) {
  return h('section', { class: 'card overview-card', id, 'aria-labelledby': `${id}-h` },
    h('h3', { id: `${id}-h`, text: title }), ...body);
}

function good(text) {
  return h('p', { class: 'overview-good', text });
}

function lines(items) {
  return h('ul', { class: 'overview-lines' }, items);
}

function line(href, text, extra, cls = '') {
  return h('li', { class: cls || null }, h('a', { href, text }), extra ? h('span', { class: 'muted', text: ` ${extra}` }) : null);
}

function partnerNames(list) {
  const more = list.count - list.first.length;
  return lines([
    ...list.first.map((p) => line(p.link, p.name)),
    more > 0 ? h('li', { class: 'muted', text: tn('overview.and_more', more) }) : null,
  ]);
}

function followUpLine(f) {
  const overdue = f.follow_up.state === 'overdue';
  return h('li', { class: overdue ? 'overdue' : 'due', 'data-follow-up': f.follow_up.id },
    h('span', { class: `badge state ${f.follow_up.state}`, text: overdue ? t('overview.overdue_since', { date: shortDate(f.follow_up.due_on) }) : stateLabel('due') }),
    ' ', h('a', { href: f.link, text: f.partner_name }), h('span', { text: `: ${f.follow_up.text}` }));
}

function drawFollowUps(o) {
  const f = o.follow_ups;
  const more = f.count - f.first.length;
  const body = f.count
    ? [h('p', { class: 'muted', id: 'overview-follow-ups-count', text: t('overview.follow_ups_count', { n: count(f.count), overdue: count(f.overdue) }) }),
      lines([
        ...f.first.map(followUpLine),
        more > 0 ? h('li', {}, h('a', { href: f.link, id: 'overview-follow-ups-all', text: tn('overview.follow_ups_more', more) })) : null,
      ])]
    : [good(t('overview.no_follow_ups'))];
  return card('overview-follow-ups', t('overview.follow_ups'), ...body);
}

function drawDiplomas(o) {
  const q = o.diploma_queue;
  const c = o.next_ceremony;
  return card('overview-diplomas', t('nav.diplomas'),
    q.count ? lines([line('#/diplomer', tn('overview.diploma_waiting', q.count))]) : good(t('overview.no_diploma_waiting')),
    q.count ? partnerNames(q) : null,
    c ? lines([line(c.link, t('overview.next_ceremony', { date: longDate(c.held_on), place: c.place }))])
      : lines([line('#/diplomer', t('overview.no_ceremony'))]));
}

function grantLine(g, extra) {
  return line(g.link, `${g.partner_name}: ${g.purpose}`, extra);
}

function drawGrants(o) {
  const parts = [];
  if (o.grants_awaiting.length) {
    parts.push(h('h4', { text: tn('overview.awaiting', o.grants_awaiting.length) }),
      lines(o.grants_awaiting.map((g) => grantLine(g, `(${grantStatusLabel(g.status)}, ${money(g.requested_ore)})`))));
  } else parts.push(good(t('overview.no_awaiting')));
  if (o.reports_missing.length) {
    parts.push(h('h4', { text: tn('overview.reports_missing', o.reports_missing.length) }),
      lines(o.reports_missing.map((g) => grantLine(g, t('overview.report_expected', { date: shortDate(g.report_due_on) })))));
  }
  parts.push(o.pool
    ? lines([line(o.pool.link, t('overview.pool_remaining', { year: o.pool.year, amount: money(o.pool.remaining_ore) }))])
    : lines([line('#/pulje', t('overview.no_pool'))]));
  return card('overview-grants', t('nav.grants'), ...parts);
}

function drawEvents(o) {
  const body = o.events.length
    ? lines(o.events.map((e) => line(e.link, e.title,
      `${dayLabel(e.starts_at)} ${clock(e.starts_at)} · ${eventKindLabel(e.kind)} · ${t('overview.signed_up', { signed: count(e.signed_up), invited: count(e.invited) })}`)))
    : good(t('overview.no_events'));
  return card('overview-events', t('overview.events'), body);
}

function drawNewsletter(o) {
  const n = o.newsletter;
  let text;
  if (n.due && !n.last_issued_on) text = t('overview.newsletter_first');
  else if (n.due) text = t('overview.newsletter_due', { date: shortDate(n.last_issued_on) });
  else text = t('overview.newsletter_next', { date: shortDate(n.due_on) });
  return card('overview-newsletter', t('overview.newsletter'),
    n.due ? lines([line('#/arrangementer/nyhedsbrev', text, null, 'due')]) : good(text));
}

function drawLeads(o) {
  const l = o.leads;
  return card('overview-leads', t('overview.recruitment'),
    l.count
      ? lines([line(l.link, t('overview.leads', { n: count(l.count), without: count(l.without_follow_up) }))])
      : good(t('overview.no_leads')));
}

function drawData(o) {
  const parts = [];
  if (!o.incomplete.count && !o.no_email_consent.count) parts.push(good(t('overview.data_complete')));
  if (o.incomplete.count) parts.push(h('h4', { text: tn('overview.incomplete', o.incomplete.count) }), partnerNames(o.incomplete));
  if (o.no_email_consent.count) parts.push(h('h4', { text: tn('overview.no_consent', o.no_email_consent.count) }), partnerNames(o.no_email_consent));
  return card('overview-data', t('overview.data'), ...parts);
}

function drawWelcome(ctx, container) {
  const demo = h('button', { class: 'btn', type: 'button', id: 'overview-demo', text: t('overview.load_demo') });
  demo.addEventListener('click', async () => {
    demo.disabled = true;
    try {
      const n = await ctx.api.partnersDemo();
      ctx.notify(t('partners.demo_loaded', { n }));
      await ctx.refreshHeader();
      container.replaceChildren();
      await renderOverview(container, ctx);
    } catch (err) {
      ctx.notify(err.message, 'error');
      demo.disabled = false;
    }
  });
  return h('section', { class: 'card', id: 'overview-welcome', 'aria-labelledby': 'overview-welcome-h' },
    h('h3', { id: 'overview-welcome-h', text: t('overview.welcome') }),
    h('p', { text: t('overview.welcome_body') }),
    h('p', { class: 'actions' }, demo, ' ', h('a', { class: 'btn secondary', href: '#/partnere/ny', text: t('overview.first_partner') })));
}

async function renderOverview(container, ctx) {
  const o = await ctx.api.overviewGet();
  container.append(h('div', { class: 'page-head' },
    h('h2', { text: t('nav.overview') }),
    h('p', { class: 'lead', text: t('overview.intro', { date: longDate(o.today) }) })));
  if (!o.partners) container.append(drawWelcome(ctx, container));
  container.append(
    drawFollowUps(o),
    h('div', { class: 'grid-2 overview-grid' },
      drawDiplomas(o), drawGrants(o), drawEvents(o), drawNewsletter(o), drawLeads(o), drawData(o)));
}

async function renderPipeline(container, ctx) {
  const leads = await ctx.api.recruitmentPipeline();
  container.append(h('div', { class: 'page-head' },
    h('p', {}, h('a', { href: '#/overblik', text: t('overview.back') })),
    h('h2', { text: t('overview.pipeline') }),
    h('p', { class: 'lead', text: t('overview.pipeline_intro') })));
  if (!leads.length) {
    container.append(h('section', { class: 'card' }, good(t('overview.no_leads'))));
    return;
  }
  const rows = leads.map((l) => h('tr', { 'data-partner-id': l.partner_id },
    h('td', {}, h('a', { href: l.link, text: l.name }), h('span', { class: 'muted', text: ` · ${partnerKindLabel(l.kind)}` })),
    h('td', { text: shortDate(l.created_at) }),
    h('td', {}, l.last_activity_on
      ? [h('span', { class: 'when', text: `${shortDate(l.last_activity_on)} ${activityKindLabel(l.last_activity_kind)}: ` }), h('span', { text: l.last_activity_text })]
      : h('span', { class: 'muted', text: t('overview.no_activity') })),
    h('td', {}, l.next_follow_up_on
      ? [h('span', { class: `badge state ${l.next_follow_up_state}`, text: `${shortDate(l.next_follow_up_on)} · ${stateLabel(l.next_follow_up_state)}` }), ' ', h('span', { text: l.next_follow_up_text })]
      : h('span', { class: 'badge state overdue', text: t('overview.no_next') }))));
  container.append(h('section', { class: 'card', id: 'pipeline' }, h('table', { class: 'data' },
    h('caption', { class: 'sr-only', text: t('overview.pipeline') }),
    h('thead', {}, h('tr', {},
      h('th', { scope: 'col', text: t('overview.col_lead') }),
      h('th', { scope: 'col', text: t('overview.col_registered') }),
      h('th', { scope: 'col', text: t('overview.col_last') }),
      h('th', { scope: 'col', text: t('overview.col_next') }))),
    h('tbody', {}, rows))));
}

async function renderFollowUps(container, ctx) {
  const due = await ctx.api.followUpsDue();
  container.append(h('div', { class: 'page-head' },
    h('p', {}, h('a', { href: '#/overblik', text: t('overview.back') })),
    h('h2', { text: t('overview.follow_ups') }),
    h('p', { class: 'lead', text: due.length ? tn('overview.follow_ups_all', due.length) : t('overview.no_follow_ups') })));
  if (due.length) container.append(h('section', { class: 'card', id: 'follow-ups-due' }, lines(due.map(followUpLine))));
}

export async function render(container, ctx) {
  if (ctx.params[0] === 'rekruttering') await renderPipeline(container, ctx);
  else if (ctx.params[0] === 'opfoelgninger') await renderFollowUps(container, ctx);
  else await renderOverview(container, ctx);
}
