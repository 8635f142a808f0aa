// Priser, the vote tab: for each public-vote prize the nominees who
// consented (a page with photos to screenshot for the post), the post's
// text, the result typed in or imported from a CSV (unknown names listed,
// nothing imported), the standing, and the kiosk ballot for an event.
import { h, clear, field, showFieldError, clearErrors } from '../../dom.js';
import { t } from '../../i18n/index.js';
import { count } from '../../format.js';
import { openKiosk } from './kiosk.js';

export function drawVote(page) {
  const prizes = page.detail.prizes.filter((p) => p.decided_by === 'vote');
  if (prizes.length === 0) {
    page.body.append(h('p', { class: 'hint', text: t('awards.no_vote_prizes') }));
    return;
  }
  for (const p of prizes) page.body.append(voteCard(page, p));
}

const ballotOf = (detail, prize) => detail.nominations.filter((n) => n.consent_vote && !n.erased && n.prize_ids.includes(prize.id));

function voteCard(page, prize) {
  const { api, notify, detail } = page;
  const ballot = ballotOf(detail, prize);
  const standing = detail.standings.find((s) => s.prize_id === prize.id);
  const card = h('section', { class: 'card award-vote', 'data-prize': prize.id, 'aria-labelledby': `award-vote-${prize.id}` },
    h('h3', { id: `award-vote-${prize.id}`, text: prize.name }));
  const left = detail.nominations.filter((n) => n.prize_ids.includes(prize.id) && !ballot.includes(n));
  if (left.length) card.append(h('p', { class: 'hint', text: t('awards.not_in_vote', { names: left.map((n) => n.partner_name).join(', ') }) }));
  if (ballot.length === 0) {
    card.append(h('p', { class: 'banner', text: t('awards.no_consented') }));
    return card;
  }
  // The page to show or screenshot for the post: photo, name, initiative.
  const gallery = h('ol', { class: 'award-ballot', id: `award-ballot-${prize.id}` }, ballot.map((n) => {
    const img = h('img', { class: 'award-ballot-photo', alt: '', hidden: true });
    if (n.has_photo) api.awardsPhotoDataUrl(n.id).then((url) => { if (url) { img.src = url; img.alt = t('awards.photo_alt', { name: n.partner_name }); img.hidden = false; } }).catch(() => {});
    return h('li', { 'data-id': n.id }, img, h('strong', { text: n.partner_name }), h('span', { text: n.title }));
  }));
  const post = h('textarea', { id: `award-post-${prize.id}`, readonly: true, rows: 6, class: 'award-post' });
  const postLabel = h('label', { for: post.id, text: t('awards.post_text') });
  api.awardsVoteText(prize.id).then((text) => { post.value = text; }).catch((err) => { post.value = err.message; });
  const copy = h('button', { type: 'button', class: 'btn secondary', text: t('awards.copy_text') });
  copy.addEventListener('click', async () => {
    post.select();
    try { await navigator.clipboard.writeText(post.value); notify(t('awards.copied')); } catch { notify(t('awards.copy_manual')); }
  });
  const kiosk = h('button', { type: 'button', class: 'btn secondary', id: `award-kiosk-${prize.id}`, text: t('awards.kiosk_start') });
  kiosk.addEventListener('click', () => openKiosk(page, prize, ballot));
  card.append(h('h4', { text: t('awards.ballot') }), gallery,
    h('div', { class: 'field' }, postLabel, post), h('div', { class: 'actions' }, copy, kiosk));
  card.append(resultForm(page, prize, ballot), importForm(page, prize));
  if (standing && standing.rows.some((r) => r.votes !== null)) {
    if (standing.leaders.length > 1) card.append(h('p', { class: 'banner', role: 'status', text: t('awards.tie_at_top', { n: standing.leaders.length }) }));
    card.append(h('table', { class: 'data award-vote-standing' },
      h('thead', {}, h('tr', {}, h('th', { scope: 'col', class: 'num', text: t('awards.rank') }), h('th', { scope: 'col', text: t('awards.nominee') }), h('th', { scope: 'col', class: 'num', text: t('awards.votes') }))),
      h('tbody', {}, standing.rows.map((r) => h('tr', { 'data-id': r.nomination_id },
        h('td', { class: 'num', text: r.tied ? t('awards.rank_tied', { n: r.rank }) : String(r.rank) }),
        h('td', { text: r.nominee }),
        h('td', { class: 'num', text: r.votes === null ? '—' : count(r.votes) }))))));
  }
  return card;
}

function resultForm(page, prize, ballot) {
  const { api, notify, detail } = page;
  const votes = new Map(detail.votes.filter((v) => v.prize_id === prize.id).map((v) => [v.nomination_id, v.votes]));
  const source = field({ label: t('awards.vote_source'), name: 'vote_source', value: prize.vote_source, hint: t('awards.vote_source_hint'), attrs: { maxlength: 200 } });
  const closed = field({ label: t('awards.vote_closed_on'), name: 'vote_closed_on', value: prize.vote_closed_on ? prize.vote_closed_on.split('-').reverse().join('.') : '', hint: t('common.date_hint') });
  const inputs = ballot.map((n) => ({ n, f: field({ label: t('awards.votes_for', { name: n.partner_name }), name: 'award_votes', value: votes.has(n.id) ? String(votes.get(n.id)) : '', attrs: { inputmode: 'numeric', 'data-id': n.id } }) }));
  const save = h('button', { class: 'btn', type: 'submit', text: t('awards.save_votes') });
  const form = h('form', { novalidate: true, class: 'award-votes-form', 'aria-labelledby': `award-res-${prize.id}` },
    h('h4', { id: `award-res-${prize.id}`, text: t('awards.result') }),
    h('div', { class: 'grid-2' }, source.wrap, closed.wrap),
    h('div', { class: 'grid-2' }, inputs.map((x) => x.f.wrap)),
    h('p', { class: 'field-error', 'data-error-for': 'award_votes' }),
    h('div', { class: 'actions' }, save));
  form.addEventListener('input', () => { page.dirty = true; });
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    clearErrors(form);
    save.disabled = true;
    try {
      await api.awardsVotesSet({ prize_id: prize.id, source: source.input.value, closed_on: closed.input.value, counts: inputs.map((x) => [x.n.id, x.f.input.value]) });
      page.dirty = false;
      notify(t('awards.votes_saved'));
      await page.reload();
    } catch (err) {
      if (err && err.code === 'awards.bad_vote_count') {
        const bad = inputs.find((x) => x.f.input.value.trim() && !/^\d+$/.test(x.f.input.value.trim().replace(/\./g, '')));
        if (bad) { bad.f.error.textContent = err.message; bad.f.input.setAttribute('aria-invalid', 'true'); bad.f.input.focus(); return; }
      }
      showFieldError(form, err, notify);
    } finally { save.disabled = false; }
  });
  return form;
}

function importForm(page, prize) {
  const { api, notify } = page;
  const file = field({ label: t('awards.vote_file'), name: 'vote_file', type: 'file', hint: t('awards.vote_file_hint'), attrs: { accept: '.csv,text/csv,text/plain' } });
  const source = field({ label: t('awards.vote_source'), name: 'vote_source', value: prize.vote_source, attrs: { maxlength: 200 } });
  const closed = field({ label: t('awards.vote_closed_on'), name: 'vote_closed_on', hint: t('common.date_hint') });
  const go = h('button', { class: 'btn secondary', type: 'submit', text: t('awards.import_votes') });
  const problems = h('div', { 'aria-live': 'polite' });
  const form = h('form', { novalidate: true, class: 'award-import-form', 'aria-labelledby': `award-imp-${prize.id}` },
    h('h4', { id: `award-imp-${prize.id}`, text: t('awards.import_h') }), file.wrap,
    h('div', { class: 'grid-2' }, source.wrap, closed.wrap), problems, h('div', { class: 'actions' }, go));
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    clearErrors(form);
    clear(problems);
    const f = file.input.files && file.input.files[0];
    if (!f) { showFieldError(form, { field: 'vote_file', message: t('awards.vote_file_missing') }, notify); return; }
    go.disabled = true;
    try {
      await api.awardsVotesImport(prize.id, await f.text(), source.input.value, closed.input.value);
      notify(t('awards.votes_imported'));
      await page.reload();
    } catch (err) { showFieldError(form, err, notify); } finally { go.disabled = false; }
  });
  return form;
}
