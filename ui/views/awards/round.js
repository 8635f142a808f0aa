// Priser, one round's page: its tabs (overblik, indstillinger, bedømmelse,
// afstemning, vindere), the page state they share (`page`) and the round's
// overview: its settings, prizes, criteria and committee.
import { h, clear, field, showFieldError, clearErrors } from '../../dom.js';
import { t } from '../../i18n/index.js';
import { shortDate, longDate } from '../../format.js';
import { confirmDialog } from '../../dialog.js';
import { saveDocument } from '../../save.js';
import { ROUND_STATUSES, DECIDED_BY, roundStatusLabel, decidedByLabel } from '../../domain/awards.js';
import { drawNominations } from './nominations.js';
import { drawScoring } from './scoring.js';
import { drawVote } from './vote.js';
import { drawWinners } from './winners.js';

const TABS = [
  ['overblik', 'awards.tab_overview', drawOverview],
  ['indstillinger', 'awards.tab_nominations', drawNominations],
  ['bedoemmelse', 'awards.tab_scoring', drawScoring],
  ['afstemning', 'awards.tab_vote', drawVote],
  ['vindere', 'awards.tab_winners', drawWinners],
];

export async function renderRound(container, ctx, roundId, tab, extra) {
  const { api, notify } = ctx;
  const page = {
    api, notify, roundId, extra,
    tab: TABS.some((x) => x[0] === tab) ? tab : 'overblik',
    detail: await api.awardsRound(roundId),
    partners: [],
    dirty: false,
    fail: (scope) => (err) => showFieldError(scope, err, notify),
  };
  const title = h('h2', { id: 'award-round-title' });
  const sub = h('p', { class: 'lead' });
  const tabs = h('div', { class: 'award-tabs', role: 'tablist', 'aria-label': t('awards.tabs') });
  const body = h('div', { id: 'award-tab-body', role: 'tabpanel', tabindex: '-1' });
  container.append(h('p', {}, h('a', { href: '#/priser', text: t('awards.back') })),
    h('div', { class: 'page-head' }, title, sub), tabs, body);
  page.body = body;
  page.reload = async () => {
    page.detail = await api.awardsRound(roundId);
    draw();
  };
  page.show = (name) => {
    page.tab = name;
    history.replaceState(null, '', `#/priser/${encodeURIComponent(roundId)}/${name}`);
    draw();
  };
  function draw() {
    const r = page.detail.round;
    title.textContent = r.name;
    sub.textContent = [roundStatusLabel(r.status),
      r.nomination_deadline ? t('awards.deadline_on', { date: longDate(r.nomination_deadline) }) : null,
      r.celebration_on ? t('awards.celebration_at', { date: longDate(r.celebration_on), place: r.celebration_place }) : null,
    ].filter(Boolean).join(' · ');
    clear(tabs);
    for (const [name, label] of TABS) {
      const b = h('button', { type: 'button', role: 'tab', class: 'award-tab', id: `award-tab-${name}`, 'aria-selected': String(name === page.tab), 'aria-controls': 'award-tab-body', text: t(label) });
      b.addEventListener('click', () => page.show(name));
      tabs.append(b);
    }
    body.setAttribute('aria-labelledby', `award-tab-${page.tab}`);
    clear(body);
    const drawTab = TABS.find((x) => x[0] === page.tab)[2];
    Promise.resolve(drawTab(page)).catch((err) => body.append(h('p', { class: 'banner error', text: err.message })));
  }
  page.partners = await api.awardsPartners();
  draw();
  return { canLeave: () => !page.dirty };
}

function drawOverview(page) {
  const { api, notify, detail } = page;
  const r = detail.round;
  const name = field({ label: t('awards.round_name'), name: 'round_name', value: r.name, required: true, attrs: { maxlength: 200 } });
  const intro = field({ label: t('awards.round_intro'), name: 'round_intro', value: r.intro, multiline: true, hint: t('awards.round_intro_hint'), attrs: { rows: 4, maxlength: 6000 } });
  const deadline = field({ label: t('awards.deadline'), name: 'nomination_deadline', value: shortDate(r.nomination_deadline || ''), hint: t('common.date_hint') });
  const celebration = field({ label: t('awards.celebration_on'), name: 'celebration_on', value: shortDate(r.celebration_on || ''), hint: t('common.date_hint') });
  const place = field({ label: t('awards.celebration_place'), name: 'celebration_place', value: r.celebration_place });
  const min = field({ label: t('awards.scale_min'), name: 'scale_min', value: String(r.scale_min), attrs: { inputmode: 'numeric' } });
  const max = field({ label: t('awards.scale_max'), name: 'scale_max', value: String(r.scale_max), attrs: { inputmode: 'numeric' } });
  const crit = detail.criteria.map((c, i) => field({ label: t('awards.criterion_n', { n: i + 1 }), name: 'criterion_wording', value: c.text, multiline: true, attrs: { rows: 2, maxlength: 400, 'data-id': c.id } }));
  const critBox = h('div', { id: 'award-criteria' }, crit.map((c) => c.wrap));
  const addCrit = h('button', { type: 'button', class: 'btn secondary', text: t('awards.add_criterion') });
  addCrit.addEventListener('click', () => {
    const f = field({ label: t('awards.criterion_n', { n: critBox.children.length + 1 }), name: 'criterion_wording', multiline: true, attrs: { rows: 2, maxlength: 400 } });
    critBox.append(f.wrap);
    f.input.focus();
  });
  const status = field({ label: t('awards.status_h'), name: 'round_status', value: r.status, options: ROUND_STATUSES.map((s) => ({ value: s, label: roundStatusLabel(s) })) });
  const save = h('button', { class: 'btn', type: 'submit', text: t('common.save') });
  const form = h('form', { novalidate: true, class: 'card', id: 'award-round-form', 'aria-labelledby': 'award-round-form-h' },
    h('h3', { id: 'award-round-form-h', text: t('awards.round_settings') }),
    name.wrap, intro.wrap,
    h('div', { class: 'grid-2' }, deadline.wrap, celebration.wrap),
    h('div', { class: 'grid-2' }, place.wrap, status.wrap),
    h('div', { class: 'grid-2' }, min.wrap, max.wrap),
    h('h4', { text: t('awards.criteria') }), critBox, h('div', { class: 'actions' }, addCrit),
    h('div', { class: 'actions' }, save));
  form.addEventListener('input', () => { page.dirty = true; });
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    clearErrors(form);
    save.disabled = true;
    try {
      const criteria = [...critBox.querySelectorAll('textarea')].map((ta) => ({ id: ta.dataset.id || null, text: ta.value }));
      await api.awardsRoundUpdate(r.id, {
        name: name.input.value, intro: intro.input.value,
        nomination_deadline: deadline.input.value, celebration_on: celebration.input.value,
        celebration_place: place.input.value, scale_min: min.input.value, scale_max: max.input.value, criteria,
      });
      if (status.input.value !== r.status) await api.awardsRoundStatus(r.id, status.input.value);
      page.dirty = false;
      notify(t('common.saved'));
      await page.reload();
    } catch (err) { page.fail(form)(err); } finally { save.disabled = false; }
  });
  page.body.append(h('div', { class: 'grid-2 award-overview' }, form, h('div', {}, documentsCard(page), prizesCard(page), membersCard(page))));
}

function prizesCard(page) {
  const { api, notify, detail } = page;
  const card = h('section', { class: 'card', id: 'award-prizes', 'aria-labelledby': 'award-prizes-h' },
    h('h3', { id: 'award-prizes-h', text: t('awards.prizes') }));
  if (detail.prizes.length) {
    card.append(h('ul', { class: 'award-list' }, detail.prizes.map((p) => {
      const rm = h('button', { type: 'button', class: 'btn secondary small', text: t('common.remove'), 'aria-label': t('awards.remove_prize', { name: p.name }) });
      rm.addEventListener('click', async () => {
        if (!(await confirmDialog(t('awards.remove_prize_confirm', { name: p.name }), { danger: true }))) return;
        try { await api.awardsPrizeRemove(p.id); await page.reload(); } catch (err) { notify(err.message, 'error'); }
      });
      return h('li', { 'data-id': p.id }, h('strong', { text: p.name }), ` · ${decidedByLabel(p.decided_by)} `, p.description ? h('span', { class: 'hint', text: p.description }) : null, ' ', rm);
    })));
  } else card.append(h('p', { class: 'hint', text: t('awards.no_prizes') }));
  const name = field({ label: t('awards.prize_name'), name: 'prize_name', required: true, hint: t('awards.prize_name_hint'), attrs: { maxlength: 200 } });
  const by = field({ label: t('awards.decided_by_h'), name: 'decided_by', value: 'committee', options: DECIDED_BY.map((d) => ({ value: d, label: decidedByLabel(d) })) });
  const desc = field({ label: t('awards.prize_description'), name: 'prize_description', multiline: true, attrs: { rows: 2 } });
  const add = h('button', { class: 'btn', type: 'submit', text: t('awards.add_prize') });
  const form = h('form', { novalidate: true, id: 'award-prize-form' }, h('div', { class: 'grid-2' }, name.wrap, by.wrap), desc.wrap, h('div', { class: 'actions' }, add));
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    clearErrors(form);
    try {
      await api.awardsPrizeSave({ id: null, round_id: detail.round.id, name: name.input.value, decided_by: by.input.value, description: desc.input.value });
      notify(t('awards.prize_added'));
      await page.reload();
    } catch (err) { page.fail(form)(err); }
  });
  card.append(form);
  return card;
}

function membersCard(page) {
  const { api, notify, detail } = page;
  const card = h('section', { class: 'card', id: 'award-members', 'aria-labelledby': 'award-members-h' },
    h('h3', { id: 'award-members-h', text: t('awards.committee') }));
  if (detail.members.length) {
    card.append(h('ul', { class: 'award-list' }, detail.members.map((m) => {
      const rm = h('button', { type: 'button', class: 'btn secondary small', text: t('common.remove'), 'aria-label': t('awards.remove_member', { name: m.name }) });
      rm.addEventListener('click', async () => {
        if (!(await confirmDialog(t('awards.remove_member_confirm', { name: m.name }), { danger: true }))) return;
        try { await api.awardsMemberRemove(m.id); await page.reload(); } catch (err) { notify(err.message, 'error'); }
      });
      return h('li', { 'data-id': m.id }, h('strong', { text: m.name }), m.role ? ` · ${m.role} ` : ' ', rm);
    })));
  } else card.append(h('p', { class: 'hint', text: t('awards.no_members') }));
  const name = field({ label: t('awards.member_name'), name: 'member_name', required: true, attrs: { maxlength: 200 } });
  const role = field({ label: t('awards.member_role'), name: 'member_role', attrs: { maxlength: 200 } });
  const add = h('button', { class: 'btn', type: 'submit', text: t('awards.add_member') });
  const form = h('form', { novalidate: true, id: 'award-member-form' }, h('div', { class: 'grid-2' }, name.wrap, role.wrap), h('div', { class: 'actions' }, add));
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    clearErrors(form);
    try {
      await api.awardsMemberAdd({ round_id: detail.round.id, name: name.input.value, role: role.input.value });
      await page.reload();
    } catch (err) { page.fail(form)(err); }
  });
  card.append(form);
  return card;
}

// The nomination catalogue and the committee's scoring sheet (PDF).
function documentsCard(page) {
  const { api, notify, detail } = page;
  const doc = (id, label, file, save) => {
    const b = h('button', { type: 'button', class: 'btn secondary', id, text: label });
    b.addEventListener('click', async () => {
      b.disabled = true;
      try {
        const path = await saveDocument('awards', `${file} ${detail.round.name}.pdf`, save);
        if (path) notify(t('awards.document_saved', { path }));
      } catch (err) { notify(err.message, 'error'); } finally { b.disabled = false; }
    });
    return b;
  };
  return h('section', { class: 'card', id: 'award-documents', 'aria-labelledby': 'award-docs-h' },
    h('h3', { id: 'award-docs-h', text: t('awards.documents') }),
    h('p', { class: 'hint', text: t('awards.documents_hint') }),
    h('div', { class: 'actions' },
      doc('award-catalogue', t('awards.catalogue'), 'Indstillingskatalog', (path) => api.awardsCatalogueSave(detail.round.id, path)),
      doc('award-scoring-sheet', t('awards.scoring_sheet'), 'Pointark', (path) => api.awardsScoringSheetSave(detail.round.id, path))));
}
