// Priser, the winners tab: per prize the standing's leaders, the winner
// chosen (anyone but the sole leader, or one of tied leaders, only with a
// reason, which is recorded), and the winner's award diploma: the diploma
// area's preview, then the numbered PDF, then reprints.
import { h, field, showFieldError, clearErrors } from '../../dom.js';
import { t } from '../../i18n/index.js';
import { longDate } from '../../format.js';
import { saveDocument } from '../../save.js';
import { basisLabel, decidedByLabel } from '../../domain/awards.js';

export function drawWinners(page) {
  const { detail } = page;
  if (detail.prizes.length === 0) {
    page.body.append(h('p', { class: 'hint', text: t('awards.no_prizes') }));
    return;
  }
  detail.prizes.forEach((p, i) => page.body.append(prizeCard(page, p, detail.standings[i])));
}

function prizeCard(page, prize, standing) {
  const { api, notify, detail } = page;
  const card = h('section', { class: 'card award-winner', 'data-prize': prize.id, 'aria-labelledby': `award-win-${prize.id}` },
    h('h3', { id: `award-win-${prize.id}`, text: `${prize.name} · ${decidedByLabel(prize.decided_by)}` }));
  const rows = standing ? standing.rows : [];
  const leaders = standing ? standing.leaders : [];
  const leaderNames = leaders.map((id) => detail.nominations.find((n) => n.id === id)).filter(Boolean).map((n) => n.partner_name);
  card.append(h('p', { class: 'lead', text: leaders.length === 0 ? t('awards.no_ranking_yet')
    : leaders.length === 1 ? t('awards.leader_is', { name: leaderNames[0] }) : t('awards.leaders_tied', { names: leaderNames.join(', ') }) }));
  if (prize.winner_id) {
    const w = detail.nominations.find((n) => n.id === prize.winner_id);
    card.append(h('p', { class: 'award-decided', role: 'status' },
      h('strong', { text: t('awards.winner_is', { name: w ? w.partner_name : '—' }) }),
      ` · ${basisLabel(prize.winner_basis)}`, prize.decided_on ? ` · ${longDate(prize.decided_on)}` : '',
      prize.winner_reason ? h('span', { class: 'award-reason', text: ` · ${t('awards.reason')}: ${prize.winner_reason}` }) : null));
  }
  if (!prize.diploma) card.append(decideForm(page, prize, rows, leaders));
  if (prize.winner_id) card.append(diplomaBox(page, prize));
  return card;
}

function decideForm(page, prize, rows, leaders) {
  const { api, notify } = page;
  const options = [{ value: '', label: t('awards.choose_winner') }, ...rows.map((r) => ({ value: r.nomination_id,
    label: `${r.rank}. ${r.nominee}${r.votes !== null && prize.decided_by === 'vote' ? ` (${r.votes})` : ''}` }))];
  const winner = field({ label: t('awards.winner'), name: 'winner', value: prize.winner_id || (leaders.length === 1 ? leaders[0] : ''), options });
  const reason = field({ label: t('awards.reason'), name: 'winner_reason', value: prize.winner_reason, multiline: true, attrs: { rows: 2, maxlength: 1000 } });
  const hint = h('p', { class: 'hint', 'aria-live': 'polite' });
  const sync = () => {
    const v = winner.input.value;
    hint.textContent = !v ? '' : leaders.length > 1 && leaders.includes(v) ? t('awards.tie_needs_reason')
      : leaders.length >= 1 && !leaders.includes(v) ? t('awards.override_needs_reason') : '';
  };
  winner.input.addEventListener('change', sync);
  sync();
  const save = h('button', { class: 'btn', type: 'submit', text: t('awards.decide') });
  const form = h('form', { novalidate: true, class: 'award-decide-form' }, h('div', { class: 'grid-2' }, winner.wrap, reason.wrap), hint, h('div', { class: 'actions' }, save));
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    clearErrors(form);
    save.disabled = true;
    try {
      await api.awardsDecide({ prize_id: prize.id, nomination_id: winner.input.value || null, reason: reason.input.value });
      notify(t('awards.decided'));
      await page.reload();
    } catch (err) { showFieldError(form, err, notify); } finally { save.disabled = false; }
  });
  return form;
}

function diplomaBox(page, prize) {
  const { api, notify } = page;
  const img = h('img', { class: 'diploma-preview award-diploma-preview', alt: t('awards.diploma_preview_alt', { name: prize.name }) });
  const warn = h('div', {});
  const box = h('div', { class: 'award-diploma' }, h('h4', { text: t('awards.diploma') }), img, warn);
  api.awardsDiplomaPreview(prize.id).then((p) => {
    img.src = URL.createObjectURL(new Blob([p.svg], { type: 'image/svg+xml' }));
    warn.replaceChildren(...p.warnings.map((w) => h('p', { class: 'banner', text: w.message })));
  }).catch((err) => warn.replaceChildren(h('p', { class: 'banner error', text: err.message })));
  if (prize.diploma) {
    const again = h('button', { type: 'button', class: 'btn secondary', text: t('awards.diploma_reprint') });
    again.addEventListener('click', async () => {
      try {
        const g = await saveDocument('diplomas', `Diplom ${prize.name}.pdf`, (path) => api.diplomaReprint(prize.diploma.id, path));
        if (g) notify(t('awards.diploma_saved', { path: g.path }));
      } catch (err) { notify(err.message, 'error'); }
    });
    box.append(h('p', { text: t('awards.diploma_issued', { n: prize.diploma.number }) }), h('div', { class: 'actions' }, again));
  } else {
    const make = h('button', { type: 'button', class: 'btn', id: `award-diploma-${prize.id}`, text: t('awards.diploma_make') });
    make.addEventListener('click', async () => {
      make.disabled = true;
      try {
        const g = await saveDocument('diplomas', `Diplom ${prize.name}.pdf`, (path) => api.awardsDiplomaIssue(prize.id, path));
        if (g) { notify(t('awards.diploma_saved', { path: g.path })); await page.reload(); }
      } catch (err) { notify(err.message, 'error'); } finally { make.disabled = false; }
    });
    box.append(h('p', { class: 'hint', text: t('awards.diploma_hint') }), h('div', { class: 'actions' }, make));
  }
  return box;
}
