// Priser, the scoring tab: enter a committee member's sheet (a score per
// nomination and criterion on the round's scale, a comment per nomination)
// and see each committee prize's standing: rank, mean, total, each
// member's sum, the spread between members, ties and who has not scored.
import { h, clear, field, showFieldError, clearErrors } from '../../dom.js';
import { t } from '../../i18n/index.js';
import { decimal1, count } from '../../format.js';
import { nomineeLabel } from '../../domain/awards.js';

export function drawScoring(page) {
  const { detail } = page;
  if (detail.members.length === 0) {
    page.body.append(h('p', { class: 'banner', text: t('awards.need_members') }));
  } else {
    page.body.append(sheetCard(page));
  }
  detail.prizes.forEach((p, i) => {
    if (p.decided_by === 'committee') page.body.append(standingCard(page, p, detail.standings[i]));
  });
}

function sheetCard(page) {
  const { api, notify, detail } = page;
  const r = detail.round;
  const member = field({ label: t('awards.member'), name: 'score_member', value: page.member || detail.members[0].id,
    options: detail.members.map((m) => ({ value: m.id, label: m.name })) });
  const grid = h('div', { class: 'table-wrap' });
  const save = h('button', { class: 'btn', type: 'submit', text: t('awards.save_scores') });
  const form = h('form', { novalidate: true, class: 'card', id: 'award-score-form', 'aria-labelledby': 'award-score-h' },
    h('h3', { id: 'award-score-h', text: t('awards.score_sheet') }),
    h('p', { class: 'hint', text: t('awards.score_hint', { min: r.scale_min, max: r.scale_max }) }),
    member.wrap, grid, h('p', { class: 'field-error', 'data-error-for': 'award_score' }), h('div', { class: 'actions' }, save));
  const drawGrid = () => {
    page.member = member.input.value;
    const mine = new Map(detail.scores.filter((s) => s.member_id === page.member).map((s) => [`${s.nomination_id}|${s.criterion_id}`, s]));
    clear(grid);
    const memberName = detail.members.find((m) => m.id === page.member).name;
    grid.append(h('table', { class: 'data award-score-grid', id: 'award-score-grid' },
      h('thead', {}, h('tr', {},
        h('th', { scope: 'col', text: t('awards.nominee') }),
        detail.criteria.map((c, i) => h('th', { scope: 'col', class: 'num', title: c.text, text: t('awards.criterion_short', { n: i + 1 }) })),
        h('th', { scope: 'col', text: t('awards.comment') }))),
      h('tbody', {}, detail.nominations.filter((n) => n.prize_ids.some((p) => detail.prizes.find((x) => x.id === p && x.decided_by === 'committee'))).map((n) => {
        const first = detail.criteria[0] ? mine.get(`${n.id}|${detail.criteria[0].id}`) : null;
        return h('tr', { 'data-id': n.id },
          h('th', { scope: 'row', text: nomineeLabel(n) }),
          detail.criteria.map((c, i) => {
            const s = mine.get(`${n.id}|${c.id}`);
            return h('td', { class: 'num' }, h('input', { class: 'score-input', type: 'text', inputmode: 'numeric', size: 3, 'data-nomination': n.id, 'data-criterion': c.id, value: s ? String(s.score) : '',
              'aria-label': t('awards.score_label', { member: memberName, name: n.partner_name, n: i + 1 }) }));
          }),
          h('td', {}, h('input', { class: 'comment-input', type: 'text', 'data-nomination': n.id, value: first ? first.comment : '', 'aria-label': t('awards.comment_label', { name: n.partner_name }) })));
      }))));
  };
  member.input.addEventListener('change', drawGrid);
  drawGrid();
  form.addEventListener('input', () => { page.dirty = true; });
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    clearErrors(form);
    grid.querySelectorAll('.score-input').forEach((i) => i.removeAttribute('aria-invalid'));
    const comments = new Map([...grid.querySelectorAll('.comment-input')].map((i) => [i.dataset.nomination, i.value]));
    const scores = [...grid.querySelectorAll('.score-input')].map((i) => ({
      nomination_id: i.dataset.nomination, member_id: page.member, criterion_id: i.dataset.criterion, score: i.value,
      comment: detail.criteria[0] && i.dataset.criterion === detail.criteria[0].id ? comments.get(i.dataset.nomination) || '' : '',
    }));
    save.disabled = true;
    try {
      await api.awardsScoresSet(detail.round.id, scores);
      page.dirty = false;
      notify(t('awards.scores_saved'));
      await page.reload();
    } catch (err) {
      if (err && err.code === 'awards.score_out_of_range') {
        const lo = detail.round.scale_min;
        const hi = detail.round.scale_max;
        const bad = [...grid.querySelectorAll('.score-input')].find((i) => i.value.trim() && !(/^\d+$/.test(i.value.trim()) && Number(i.value) >= lo && Number(i.value) <= hi));
        if (bad) { bad.setAttribute('aria-invalid', 'true'); bad.focus(); }
      }
      showFieldError(form, err, notify);
    } finally { save.disabled = false; }
  });
  return form;
}

function standingCard(page, prize, standing) {
  const { detail } = page;
  const card = h('section', { class: 'card award-standing', 'data-prize': prize.id, 'aria-labelledby': `award-st-${prize.id}` },
    h('h3', { id: `award-st-${prize.id}`, text: t('awards.standing_of', { name: prize.name }) }));
  if (!standing || standing.rows.length === 0) {
    card.append(h('p', { class: 'hint', text: t('awards.no_nominations') }));
    return card;
  }
  if (standing.leaders.length > 1) card.append(h('p', { class: 'banner', role: 'status', text: t('awards.tie_at_top', { n: standing.leaders.length }) }));
  card.append(h('div', { class: 'table-wrap' }, h('table', { class: 'data' },
    h('thead', {}, h('tr', {},
      h('th', { scope: 'col', class: 'num', text: t('awards.rank') }),
      h('th', { scope: 'col', text: t('awards.nominee') }),
      h('th', { scope: 'col', class: 'num', text: t('awards.mean') }),
      h('th', { scope: 'col', class: 'num', text: t('awards.total') }),
      detail.members.map((m) => h('th', { scope: 'col', class: 'num', text: m.name })),
      h('th', { scope: 'col', class: 'num', text: t('awards.spread') }),
      h('th', { scope: 'col', class: 'num', text: t('awards.given') }))),
    h('tbody', {}, standing.rows.map((row) => h('tr', { 'data-id': row.nomination_id, class: row.tied ? 'tied' : null },
      h('td', { class: 'num', text: row.tied ? t('awards.rank_tied', { n: row.rank }) : String(row.rank) }),
      h('td', { text: row.nominee }),
      h('td', { class: 'num', text: row.scores_given ? decimal1(row.mean) : '—' }),
      h('td', { class: 'num', text: count(row.total) }),
      row.member_totals.map((v) => h('td', { class: 'num', text: v === null ? '—' : String(v) })),
      h('td', { class: 'num', text: row.spread === null ? '—' : String(row.spread) }),
      h('td', { class: 'num', text: t('awards.given_of', { given: row.scores_given, expected: row.scores_expected }) })))))));
  if (standing.missing.length) {
    card.append(h('h4', { text: t('awards.missing_h') }),
      h('ul', { class: 'award-missing' }, standing.missing.map((m) => h('li', { text: t('awards.missing_line', { member: m.member, name: m.nominee, n: m.missing }) }))));
  } else card.append(h('p', { class: 'hint', text: t('awards.all_scored') }));
  return card;
}
