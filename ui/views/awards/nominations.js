// Priser, the nominations tab: the round's nominations and the form to
// nominate a partner (or change a nomination): prizes, initiative, one text
// per criterion, who wrote it, consent, the date received (a late one only
// when accepted explicitly) and a photo. The partner is picked with the
// shared picker (ui/picker.js).
import { h, clear, field, showFieldError, clearErrors, nextId, fileToBase64 } from '../../dom.js';
import { picker } from '../../picker.js';
import { t } from '../../i18n/index.js';
import { shortDate, todayIso } from '../../format.js';
import { confirmDialog } from '../../dialog.js';
import { nomineeLabel, nominatedByLabel } from '../../domain/awards.js';

export function drawNominations(page) {
  const { detail } = page;
  const formBox = h('div', { id: 'award-nomination-box', 'aria-live': 'polite' });
  const newBtn = h('button', { type: 'button', class: 'btn', id: 'award-nominate', text: t('awards.nominate') });
  newBtn.addEventListener('click', () => openForm(page, formBox, null, null));
  const prizeName = (id) => (detail.prizes.find((p) => p.id === id) || {}).name || '';
  const rows = detail.nominations.map((n) => {
    const edit = h('button', { type: 'button', class: 'btn secondary small', text: t('awards.edit'), 'aria-label': t('awards.edit_of', { name: n.partner_name }), disabled: n.erased });
    edit.addEventListener('click', () => openForm(page, formBox, n, null));
    const flags = [n.consent_catalogue ? t('awards.in_catalogue') : t('awards.not_in_catalogue'),
      n.consent_vote ? t('awards.in_vote') : null, n.late_accepted ? t('awards.late_accepted') : null,
      n.has_photo ? t('awards.has_photo') : null].filter(Boolean).join(' · ');
    return h('tr', { 'data-id': n.id },
      h('td', { text: nomineeLabel(n) }),
      h('td', { text: n.title || '—' }),
      h('td', { text: n.prize_ids.map(prizeName).join(', ') }),
      h('td', { class: 'hint', text: flags }),
      h('td', {}, edit));
  });
  page.body.append(h('section', { class: 'card', 'aria-labelledby': 'award-noms-h' },
    h('div', { class: 'card-head' }, h('h3', { id: 'award-noms-h', text: t('awards.nominations_n', { n: detail.nominations.length }) }), newBtn),
    detail.nominations.length
      ? h('table', { class: 'data', id: 'award-nominations' },
        h('thead', {}, h('tr', {},
          h('th', { scope: 'col', text: t('awards.nominee') }),
          h('th', { scope: 'col', text: t('awards.initiative') }),
          h('th', { scope: 'col', text: t('awards.prizes') }),
          h('th', { scope: 'col', text: t('awards.notes') }),
          h('th', { scope: 'col', text: t('awards.actions') }))),
        h('tbody', {}, rows))
      : h('p', { class: 'hint', text: t('awards.no_nominations') })),
  formBox);
  if (page.extra) {
    const pid = page.extra;
    page.extra = null;
    openForm(page, formBox, null, pid);
  }
}

// The shared partner picker: one partner, active or former.
function partnerPicker(page, chosen) {
  return picker({
    label: t('awards.partner'), name: 'award_partner', id: 'award-partner', multiple: false,
    options: page.partners.map((p) => ({ id: p.id, label: p.name })), chosen: chosen ? [chosen] : [],
    emptyText: t('awards.no_partners'),
  });
}

function check(label, name, checked) {
  const id = nextId(name);
  const input = h('input', { type: 'checkbox', id, name, checked });
  return { input, wrap: h('div', { class: 'check' }, input, h('label', { for: id, text: label })) };
}

function openForm(page, box, n, partnerId) {
  const { api, notify, detail } = page;
  clear(box);
  const partner = partnerPicker(page, n ? n.partner_id : partnerId);
  const prizeBoxes = detail.prizes.map((p) => ({ id: p.id, ...check(p.name, 'nomination_prizes', n ? n.prize_ids.includes(p.id) : true) }));
  const prizes = h('fieldset', { class: 'award-prizes-set' }, h('legend', { text: t('awards.prizes') }), prizeBoxes.map((b) => b.wrap),
    h('p', { class: 'field-error', 'data-error-for': 'nomination_prizes' }));
  const title = field({ label: t('awards.initiative_title'), name: 'nomination_title', value: n ? n.title : '', required: true, attrs: { maxlength: 200 } });
  const goals = field({ label: t('awards.goals'), name: 'nomination_goals', value: n ? n.goals : '', multiline: true, attrs: { rows: 2 } });
  const texts = detail.criteria.map((c, i) => field({ label: t('awards.criterion_text_n', { n: i + 1, text: c.text }), name: 'criterion_text', value: n ? (n.texts[i] || {}).text || '' : '', multiline: true, required: true, attrs: { rows: 4, maxlength: 6000 } }));
  const by = field({ label: t('awards.written_by'), name: 'nominated_by', value: n ? n.nominated_by : 'self', options: ['self', 'other'].map((v) => ({ value: v, label: nominatedByLabel(v) })) });
  const nominator = field({ label: t('awards.nominator_name'), name: 'nominator_name', value: n ? n.nominator_name : '', attrs: { maxlength: 200 } });
  const syncBy = () => { nominator.wrap.hidden = by.input.value !== 'other'; };
  by.input.addEventListener('change', syncBy);
  syncBy();
  const cCat = check(t('awards.consent_catalogue'), 'consent_catalogue', n ? n.consent_catalogue : false);
  const cVote = check(t('awards.consent_vote'), 'consent_vote', n ? n.consent_vote : false);
  const consentOn = field({ label: t('awards.consent_on'), name: 'consent_on', value: shortDate(n ? n.consent_on || '' : ''), hint: t('common.date_hint') });
  const received = field({ label: t('awards.received_on'), name: 'received_on', value: shortDate(n ? n.received_on : todayIso()), hint: t('common.date_hint') });
  const late = check(t('awards.accept_late'), 'accept_late', n ? n.late_accepted : false);
  const lateReason = field({ label: t('awards.late_reason'), name: 'late_reason', value: n ? n.late_reason : '', attrs: { maxlength: 1000 } });
  const save = h('button', { class: 'btn', type: 'submit', text: n ? t('common.save') : t('awards.save_nomination') });
  const cancel = h('button', { class: 'btn secondary', type: 'button', text: t('common.cancel') });
  cancel.addEventListener('click', () => { page.dirty = false; clear(box); });
  const form = h('form', { novalidate: true, class: 'card', id: 'award-nomination-form', 'aria-labelledby': 'award-nom-form-h' },
    h('h3', { id: 'award-nom-form-h', text: n ? t('awards.edit_nomination', { name: n.partner_name }) : t('awards.new_nomination') }),
    h('div', { class: 'grid-2' }, partner.wrap, prizes),
    title.wrap, goals.wrap, texts.map((x) => x.wrap),
    h('div', { class: 'grid-2' }, by.wrap, nominator.wrap),
    h('div', { class: 'grid-2' }, h('div', {}, cCat.wrap, cVote.wrap), consentOn.wrap),
    h('div', { class: 'grid-2' }, received.wrap, h('div', {}, late.wrap, lateReason.wrap)),
    h('div', { class: 'actions' }, save, cancel));
  form.addEventListener('input', () => { page.dirty = true; });
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    clearErrors(form);
    const input = {
      round_id: detail.round.id,
      partner_id: partner.value()[0] || '',
      prize_ids: prizeBoxes.filter((b) => b.input.checked).map((b) => b.id),
      title: title.input.value, goals: goals.input.value,
      nominated_by: by.input.value, nominator_name: nominator.input.value,
      texts: texts.map((x) => x.input.value),
      consent_catalogue: cCat.input.checked, consent_vote: cVote.input.checked, consent_on: consentOn.input.value,
      received_on: received.input.value, accept_late: late.input.checked, late_reason: lateReason.input.value,
    };
    save.disabled = true;
    try {
      if (n) await api.awardsNominationUpdate(n.id, input);
      else await api.awardsNominate(input);
      page.dirty = false;
      notify(t('awards.nomination_saved'));
      await page.reload();
    } catch (err) {
      // A missing text names its criterion: put the message at that text.
      if (err && err.code === 'awards.missing_text') {
        const i = texts.findIndex((x) => !x.input.value.trim());
        if (i >= 0) { texts[i].error.textContent = err.message; texts[i].input.setAttribute('aria-invalid', 'true'); texts[i].input.focus(); return; }
      }
      showFieldError(form, err, notify);
    } finally { save.disabled = false; }
  });
  box.append(form);
  if (n) box.append(photoCard(page, n));
  box.scrollIntoView({ block: 'nearest' });
  partner.focus();
}

function photoCard(page, n) {
  const { api, notify } = page;
  const img = h('img', { class: 'award-photo', alt: t('awards.photo_alt', { name: n.partner_name }), hidden: true });
  const fileId = nextId('nomination_photo');
  const input = h('input', { type: 'file', id: fileId, accept: 'image/png,image/jpeg' });
  const err = h('p', { class: 'field-error', 'data-error-for': 'nomination_photo' });
  const remove = h('button', { type: 'button', class: 'btn secondary', text: t('awards.photo_remove'), hidden: !n.has_photo });
  const card = h('section', { class: 'card', id: 'award-photo-card', 'aria-labelledby': 'award-photo-h' },
    h('h3', { id: 'award-photo-h', text: t('awards.photo') }), img,
    h('div', { class: 'field' }, h('label', { for: fileId, text: t('awards.photo_pick') }), input, h('span', { class: 'hint', text: t('awards.photo_hint') }), err), remove);
  const show = async () => {
    const url = await api.awardsPhotoDataUrl(n.id);
    img.hidden = !url;
    if (url) img.src = url;
    remove.hidden = !url;
  };
  input.addEventListener('change', async () => {
    err.textContent = '';
    const file = input.files && input.files[0];
    if (!file) return;
    try {
      await api.awardsPhotoSet(n.id, await fileToBase64(file));
      notify(t('awards.photo_saved'));
      await show();
    } catch (e) { showFieldError(card, e, notify); }
  });
  remove.addEventListener('click', async () => {
    if (!(await confirmDialog(t('awards.photo_remove_confirm')))) return;
    try { await api.awardsPhotoRemove(n.id); await show(); } catch (e) { notify(e.message, 'error'); }
  });
  if (n.has_photo) show();
  return card;
}
