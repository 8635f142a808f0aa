// Priser: award rounds. `#/priser` lists the rounds with a form for a new
// one; `#/priser/<id>/<tab>` is a round's page (round.js);
// `#/priser/indstil/<partnerId>` starts a nomination from the partner page.
// Every rule lives in Rust; a refusal comes back as {code, message, field}
// and is shown next to its field.
import { h, field, showFieldError, clearErrors } from '../../dom.js';
import { t } from '../../i18n/index.js';
import { longDate, count } from '../../format.js';
import { roundStatusLabel } from '../../domain/awards.js';
import { renderRound } from './round.js';

export async function render(container, ctx) {
  const [first, second, third] = ctx.params;
  if (first === 'indstil') return renderPick(container, ctx, second);
  if (first) return renderRound(container, ctx, first, second, third);
  return renderList(container, ctx);
}

function head(container) {
  container.append(h('div', { class: 'page-head' },
    h('h2', { text: t('awards.title') }),
    h('p', { class: 'lead', text: t('awards.intro') })));
}

function roundTable(rounds, hrefOf) {
  return h('table', { class: 'data', id: 'award-rounds' },
    h('thead', {}, h('tr', {},
      h('th', { scope: 'col', text: t('awards.round') }),
      h('th', { scope: 'col', text: t('awards.celebration') }),
      h('th', { scope: 'col', text: t('awards.status_h') }),
      h('th', { scope: 'col', class: 'num', text: t('awards.prizes') }),
      h('th', { scope: 'col', class: 'num', text: t('awards.nominations') }))),
    h('tbody', {}, rounds.map((r) => h('tr', { 'data-id': r.id },
      h('td', {}, h('a', { href: hrefOf(r), text: r.name })),
      h('td', { text: r.celebration_on ? longDate(r.celebration_on) : '—' }),
      h('td', { text: roundStatusLabel(r.status) }),
      h('td', { class: 'num', text: count(r.prize_count) }),
      h('td', { class: 'num', text: count(r.nomination_count) })))));
}

async function renderList(container, ctx) {
  const { api, notify } = ctx;
  head(container);
  const rounds = await api.awardsRounds();
  const listCard = h('section', { class: 'card', 'aria-labelledby': 'award-rounds-h' },
    h('h3', { id: 'award-rounds-h', text: t('awards.rounds') }),
    rounds.length ? roundTable(rounds, (r) => `#/priser/${encodeURIComponent(r.id)}`) : h('p', { class: 'hint', text: t('awards.no_rounds') }));
  const name = field({ label: t('awards.round_name'), name: 'round_name', required: true, hint: t('awards.round_name_hint'), attrs: { maxlength: 200, autocomplete: 'off' } });
  const deadline = field({ label: t('awards.deadline'), name: 'nomination_deadline', hint: t('common.date_hint'), attrs: { autocomplete: 'off' } });
  const celebration = field({ label: t('awards.celebration_on'), name: 'celebration_on', hint: t('common.date_hint'), attrs: { autocomplete: 'off' } });
  const place = field({ label: t('awards.celebration_place'), name: 'celebration_place', attrs: { maxlength: 200 } });
  const create = h('button', { class: 'btn', type: 'submit', text: t('awards.create_round') });
  const form = h('form', { novalidate: true, id: 'award-round-new', class: 'card', 'aria-labelledby': 'award-new-h' },
    h('h3', { id: 'award-new-h', text: t('awards.new_round') }),
    h('p', { class: 'hint', text: t('awards.new_round_hint') }),
    name.wrap, h('div', { class: 'grid-2' }, deadline.wrap, celebration.wrap), place.wrap,
    h('div', { class: 'actions' }, create));
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    clearErrors(form);
    create.disabled = true;
    try {
      const r = await api.awardsRoundCreate({
        name: name.input.value,
        nomination_deadline: deadline.input.value,
        celebration_on: celebration.input.value,
        celebration_place: place.input.value,
      });
      notify(t('awards.round_created'));
      location.hash = `#/priser/${encodeURIComponent(r.id)}`;
    } catch (err) { showFieldError(form, err, notify); } finally { create.disabled = false; }
  });
  container.append(listCard, form);
}

// From the partner page: pick the round to nominate the partner in.
async function renderPick(container, ctx, partnerId) {
  const { api } = ctx;
  head(container);
  const rounds = (await api.awardsRounds()).filter((r) => r.status !== 'afgjort');
  const card = h('section', { class: 'card', 'aria-labelledby': 'award-pick-h' },
    h('h3', { id: 'award-pick-h', text: t('awards.pick_round') }));
  if (rounds.length === 0) {
    card.append(h('p', { class: 'hint', text: t('awards.no_open_rounds') }),
      h('a', { class: 'btn secondary', href: '#/priser', text: t('awards.to_rounds') }));
  } else {
    card.append(roundTable(rounds, (r) => `#/priser/${encodeURIComponent(r.id)}/indstillinger/${encodeURIComponent(partnerId)}`));
  }
  container.append(card);
}
