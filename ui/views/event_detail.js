// One event: the detail page with its participants (#/arrangementer/<id>) and
// the form to create or change it (#/arrangementer/ny, #/arrangementer/<id>/rediger).
// Every error from Rust lands at the field it names.
import { h, field, showFieldError, clearErrors, nextId } from '../dom.js';
import { t, shortDate } from '../i18n/index.js';
import { confirmDialog } from '../dialog.js';
import { KINDS, STATUSES, whenLabel } from './events.js';

export async function render(main, ctx) {
  const [id, action] = ctx.params;
  if (id === 'ny') return renderForm(main, ctx, null);
  if (action === 'rediger') {
    const detail = await ctx.api.eventGet(id).catch((err) => { ctx.notify(err.message, 'error'); return null; });
    if (!detail) return renderMissing(main);
    return renderForm(main, ctx, detail.event);
  }
  return renderDetail(main, ctx, id);
}

function renderMissing(main) {
  main.append(h('div', { class: 'empty' },
    h('h2', { text: t('events.missing') }),
    h('a', { class: 'btn', href: '#/arrangementer', text: t('events.back') })));
  return {};
}

function back() {
  return h('p', { class: 'back' }, h('a', { href: '#/arrangementer', text: `← ${t('events.back')}` }));
}

// ── detail ──

async function renderDetail(main, ctx, id) {
  const { api, notify } = ctx;
  let detail;
  try {
    detail = await api.eventGet(id);
  } catch (err) {
    notify(err.message, 'error');
    return renderMissing(main);
  }
  const partners = await api.eventPartnerOptions().catch(() => []);
  const head = h('div', { class: 'page-head' });
  const info = h('section', { class: 'card', 'aria-labelledby': 'event-info-h' });
  const people = h('section', { class: 'card', id: 'participants', 'aria-labelledby': 'participants-h' });
  main.append(back(), head, info, people);

  function drawHead() {
    const e = detail.event;
    const icsBtn = h('button', { class: 'btn secondary', type: 'button', id: 'event-ics', text: t('events.ics') });
    const pdfBtn = h('button', { class: 'btn secondary', type: 'button', id: 'event-signin', text: t('events.signin') });
    const delBtn = h('button', { class: 'btn danger', type: 'button', id: 'event-delete', text: t('events.delete') });
    const saved = (res) => notify(t('events.saved_file', { path: res.paths.join(', ') }));
    icsBtn.addEventListener('click', async () => {
      try { saved(await api.eventIcsSave(e.id)); } catch (err) { notify(err.message, 'error'); }
    });
    pdfBtn.addEventListener('click', async () => {
      try { saved(await api.eventSigninSave(e.id)); } catch (err) { notify(err.message, 'error'); }
    });
    delBtn.addEventListener('click', async () => {
      const ok = await confirmDialog(t('events.delete_confirm', { title: e.title }), { ok: t('events.delete'), danger: true });
      if (!ok) return;
      try {
        await api.eventDelete(e.id);
        notify(t('events.deleted'));
        location.hash = '#/arrangementer';
      } catch (err) { notify(err.message, 'error'); }
    });
    head.replaceChildren(
      h('p', {}, h('span', { class: 'chip', text: t(`events.kind_${e.kind}`) })),
      h('h2', { id: 'event-title', text: e.title }),
      h('p', { class: 'lead', id: 'event-when', text: [whenLabel(e), e.place].filter(Boolean).join(' · ') }),
      h('div', { class: 'actions' },
        h('a', { class: 'btn', href: `#/arrangementer/${encodeURIComponent(e.id)}/rediger`, id: 'event-edit', text: t('events.edit') }),
        icsBtn, pdfBtn, delBtn));
  }

  function drawInfo() {
    const e = detail.event;
    const who = [];
    if (e.by_municipality) who.push(t('events.by_municipality_short'));
    for (const o of e.organisers) who.push(o.removed ? t('events.removed_partner', { name: o.name }) : o.name);
    const rows = [
      [t('events.organiser'), who.join(', ')],
      [t('events.goals'), e.goals.map((g) => g.title).join(', ') || t('events.none_chosen')],
    ];
    if (e.booths !== null) rows.push([t('events.booths'), String(e.booths)]);
    if (e.visitors !== null) rows.push([t('events.visitors'), String(e.visitors)]);
    if (e.citizens_reached !== null) rows.push([t('events.citizens_reached'), String(e.citizens_reached)]);
    const dl = h('dl', { class: 'facts' }, rows.map(([k, v]) => [h('dt', { text: k }), h('dd', { text: v })]));
    const texts = [
      [t('events.description'), e.description],
      [t('events.notes'), e.notes],
      [t('events.follow_up'), e.follow_up],
    ].filter(([, v]) => v).map(([k, v]) => h('div', { class: 'event-text' }, h('h4', { text: k }), h('p', { class: 'pre-line', text: v })));
    info.replaceChildren(h('h3', { id: 'event-info-h', text: t('events.details') }), dl, texts);
  }

  function drawPeople() {
    const c = detail.counts;
    const summary = h('p', { class: 'hint', id: 'participant-counts', text: t('events.counts', {
      invited: c.invited, signed_up: c.signed_up, attended: c.attended, cancelled: c.cancelled, people: c.people_attended,
    }) });
    const inviteAll = h('button', { class: 'btn secondary', type: 'button', id: 'invite-all', text: t('events.invite_all') });
    inviteAll.addEventListener('click', async () => {
      try {
        const res = await api.eventInviteAllActive(detail.event.id);
        detail = res.detail;
        drawPeople();
        notify(t('events.invited_n', { n: res.added }));
        people.querySelector('#invite-all').focus();
      } catch (err) { notify(err.message, 'error'); }
    });
    const onList = new Set(detail.participants.map((p) => p.partner_id).filter(Boolean));
    const addId = nextId('add');
    const addSel = h('select', { id: addId, name: 'partner' },
      h('option', { value: '', text: t('events.choose_partner') }),
      partners.filter((p) => !onList.has(p.id)).map((p) => h('option', { value: p.id, text: p.name })));
    const addBtn = h('button', { class: 'btn secondary', type: 'submit', text: t('events.add_participant') });
    const addForm = h('form', { class: 'inline-form', novalidate: true },
      h('div', { class: 'field' }, h('label', { for: addId, text: t('events.add_label') }), addSel), addBtn);
    addForm.addEventListener('submit', async (ev) => {
      ev.preventDefault();
      if (!addSel.value) return;
      try {
        detail = await api.eventParticipantAdd(detail.event.id, addSel.value);
        drawPeople();
        people.querySelector(`#${addId}`)?.focus();
      } catch (err) { notify(err.message, 'error'); }
    });

    const table = h('table', { class: 'data participants' });
    const selectAllId = nextId('all');
    const selectAll = h('input', { type: 'checkbox', id: selectAllId });
    const tbody = h('tbody');
    for (const p of detail.participants) tbody.append(participantRow(p));
    selectAll.addEventListener('change', () => {
      tbody.querySelectorAll('input[type="checkbox"]').forEach((cb) => { cb.checked = selectAll.checked; });
    });
    table.append(
      h('caption', { class: 'visually-hidden', text: t('events.participants') }),
      h('thead', {}, h('tr', {},
        h('th', { scope: 'col' }, h('label', { for: selectAllId, class: 'visually-hidden', text: t('events.select_all') }), selectAll),
        h('th', { scope: 'col', text: t('events.col_partner') }),
        h('th', { scope: 'col', text: t('events.col_status') }),
        h('th', { scope: 'col', text: t('events.col_people') }),
        h('th', { scope: 'col', text: t('events.col_note') }),
        h('th', { scope: 'col' }, h('span', { class: 'visually-hidden', text: t('events.col_actions') })))),
      tbody);

    const bulk = (status, label, bid) => {
      const b = h('button', { class: 'btn small secondary', type: 'button', id: bid, text: label });
      b.addEventListener('click', async () => {
        const ids = [...tbody.querySelectorAll('input[type="checkbox"]:checked')].map((cb) => cb.value);
        if (ids.length === 0) { notify(t('events.select_some'), 'error'); return; }
        try {
          detail = await api.eventParticipantsSetStatus(detail.event.id, ids, status);
          drawPeople();
          notify(t('events.marked_n', { n: ids.length }));
          people.querySelector(`#${bid}`)?.focus();
        } catch (err) { notify(err.message, 'error'); }
      });
      return b;
    };
    const bulkBar = h('div', { class: 'actions bulk', role: 'group', 'aria-label': t('events.bulk_label') },
      h('span', { class: 'hint', text: t('events.bulk_label') }),
      bulk('deltog', t('events.mark_attended'), 'mark-attended'),
      bulk('tilmeldt', t('events.mark_signed_up'), 'mark-signed-up'),
      bulk('afbud', t('events.mark_cancelled'), 'mark-cancelled'));

    people.replaceChildren(
      h('h3', { id: 'participants-h', text: t('events.participants') }),
      summary,
      h('div', { class: 'actions participant-tools' }, inviteAll, addForm),
      detail.participants.length
        ? [bulkBar, h('div', { class: 'table-wrap' }, table)]
        : h('p', { class: 'hint', text: t('events.no_participants') }));
  }

  function participantRow(p) {
    const cbId = nextId('p');
    const statusId = nextId('st');
    const peopleId = nextId('n');
    const noteId = nextId('note');
    const name = p.removed ? t('events.removed_partner', { name: p.name }) : p.name;
    const cb = h('input', { type: 'checkbox', id: cbId, value: p.id });
    const status = h('select', { id: statusId, name: 'participant_status' },
      STATUSES.map((s) => h('option', { value: s, text: t(`events.status_${s}`) })));
    status.value = p.status;
    const count = h('input', { id: peopleId, name: 'people', type: 'text', inputmode: 'numeric', value: String(p.people), class: 'narrow', 'aria-describedby': `${peopleId}-err` });
    const note = h('input', { id: noteId, name: 'participant_note', type: 'text', value: p.note, maxlength: 200, 'aria-describedby': `${noteId}-err` });
    const remove = h('button', { class: 'btn small danger', type: 'button', text: t('common.remove'), 'aria-label': t('events.remove_label', { name }) });
    const row = h('tr', { 'data-participant-id': p.id, 'data-status': p.status },
      h('td', {}, cb),
      h('td', {}, h('label', { for: cbId, text: name })),
      h('td', {}, h('label', { for: statusId, class: 'visually-hidden', text: t('events.status_for', { name }) }), status,
        h('p', { class: 'field-error', 'data-error-for': 'participant_status' })),
      h('td', {}, h('label', { for: peopleId, class: 'visually-hidden', text: t('events.people_for', { name }) }), count,
        h('p', { class: 'field-error', id: `${peopleId}-err`, 'data-error-for': 'people' })),
      h('td', {}, h('label', { for: noteId, class: 'visually-hidden', text: t('events.note_for', { name }) }), note,
        h('p', { class: 'field-error', id: `${noteId}-err`, 'data-error-for': 'participant_note' })),
      h('td', {}, remove));
    const update = async () => {
      clearErrors(row);
      try {
        detail = await api.eventParticipantUpdate(p.id, { status: status.value, people: count.value, note: note.value });
        const c = detail.counts;
        people.querySelector('#participant-counts').textContent = t('events.counts', {
          invited: c.invited, signed_up: c.signed_up, attended: c.attended, cancelled: c.cancelled, people: c.people_attended,
        });
        row.dataset.status = status.value;
      } catch (err) {
        showFieldError(row, err, notify);
      }
    };
    status.addEventListener('change', update);
    count.addEventListener('change', update);
    note.addEventListener('change', update);
    remove.addEventListener('click', async () => {
      const ok = await confirmDialog(t('events.remove_confirm', { name }), { ok: t('common.remove'), danger: true });
      if (!ok) return;
      try {
        detail = await api.eventParticipantRemove(p.id);
        drawPeople();
      } catch (err) { notify(err.message, 'error'); }
    });
    return row;
  }

  drawHead();
  drawInfo();
  drawPeople();
  return {};
}

// ── form ──

async function renderForm(main, ctx, event) {
  const { api, notify } = ctx;
  const settings = await api.settingsGet();
  const partners = await api.eventPartnerOptions().catch(() => []);
  const e = event || {
    title: '', kind: 'netvaerksmoede', starts_at: '', ends_at: '', place: '', description: '',
    by_municipality: true, organisers: [], goals: [], booths: null, visitors: null, citizens_reached: null,
    notes: '', follow_up: '',
  };
  let dirty = false;
  const num = (v) => (v === null || v === undefined ? '' : String(v));
  const date = (s) => (s ? shortDate(s.slice(0, 10)) : '');
  const time = (s) => (s ? s.slice(11, 16) : '');
  const sameDay = e.starts_at && e.ends_at && e.starts_at.slice(0, 10) === e.ends_at.slice(0, 10);

  const title = field({ label: t('events.f_title'), name: 'event_title', value: e.title, required: true, attrs: { maxlength: 200, autocomplete: 'off' } });
  const kind = field({ label: t('events.kind'), name: 'event_kind', value: e.kind, options: KINDS.map((k) => ({ value: k, label: t(`events.kind_${k}`) })) });
  const startDate = field({ label: t('events.f_start_date'), name: 'start_date', value: date(e.starts_at), required: true, hint: t('common.date_hint'), attrs: { autocomplete: 'off' } });
  const startTime = field({ label: t('events.f_start_time'), name: 'start_time', value: time(e.starts_at), required: true, hint: t('events.time_hint'), attrs: { autocomplete: 'off', inputmode: 'numeric' } });
  const endDate = field({ label: t('events.f_end_date'), name: 'end_date', value: sameDay ? '' : date(e.ends_at), hint: t('events.end_date_hint'), attrs: { autocomplete: 'off' } });
  const endTime = field({ label: t('events.f_end_time'), name: 'end_time', value: time(e.ends_at), required: true, hint: t('events.time_hint'), attrs: { autocomplete: 'off', inputmode: 'numeric' } });
  const place = field({ label: t('events.f_place'), name: 'event_place', value: e.place, attrs: { maxlength: 200 } });
  const description = field({ label: t('events.description'), name: 'event_description', value: e.description, multiline: true });
  const booths = field({ label: t('events.booths'), name: 'booths', value: num(e.booths), attrs: { inputmode: 'numeric' } });
  const visitors = field({ label: t('events.visitors'), name: 'visitors', value: num(e.visitors), attrs: { inputmode: 'numeric' } });
  const citizens = field({ label: t('events.citizens_reached'), name: 'citizens_reached', value: num(e.citizens_reached), attrs: { inputmode: 'numeric' } });
  const notes = field({ label: t('events.notes'), name: 'event_notes', value: e.notes, multiline: true });
  const followUp = field({ label: t('events.follow_up'), name: 'follow_up', value: e.follow_up, multiline: true });

  // Organiser: the municipality and/or partners.
  const muniId = nextId('muni');
  const muni = h('input', { type: 'checkbox', id: muniId, name: 'by_municipality', checked: e.by_municipality });
  const chosen = new Set(e.organisers.map((o) => o.partner_id).filter(Boolean));
  const orgChecks = partners.map((p) => {
    const cid = nextId('org');
    return h('label', { class: 'check', for: cid },
      h('input', { type: 'checkbox', id: cid, value: p.id, name: 'organiser', checked: chosen.has(p.id) }), ` ${p.name}`);
  });
  const removedOrgs = e.organisers.filter((o) => o.removed).map((o) => h('p', { class: 'hint', text: t('events.removed_partner', { name: o.name }) }));
  const organisers = h('fieldset', { class: 'field checks' },
    h('legend', { text: t('events.organiser') }),
    h('label', { class: 'check', for: muniId }, muni, ` ${t('events.by_municipality')}`),
    partners.length ? h('div', { class: 'check-list', role: 'group', 'aria-label': t('events.organiser_partners') }, orgChecks) : h('p', { class: 'hint', text: t('events.no_partners') }),
    removedOrgs,
    h('p', { class: 'field-error', 'data-error-for': 'organisers' }));

  const goalIds = new Set(e.goals.map((g) => g.id));
  const goalChecks = settings.goals.filter((g) => !g.retired || goalIds.has(g.id)).map((g) => {
    const cid = nextId('goal');
    return h('label', { class: 'check', for: cid },
      h('input', { type: 'checkbox', id: cid, value: g.id, name: 'goal', checked: goalIds.has(g.id) }), ` ${g.title}`);
  });
  const goals = h('fieldset', { class: 'field checks' },
    h('legend', { text: t('events.goals') }), goalChecks,
    h('p', { class: 'field-error', 'data-error-for': 'event_goals' }));

  const fair = h('div', { class: 'grid-2 kind-fields', 'data-for-kind': 'messe' }, booths.wrap, visitors.wrap);
  const pub = h('div', { class: 'grid-2 kind-fields', 'data-for-kind': 'offentligt' }, citizens.wrap);
  const showKindFields = () => {
    // Fields of the other kinds stay visible when they hold a value, so
    // nothing typed is hidden.
    fair.hidden = kind.input.value !== 'messe' && !booths.input.value && !visitors.input.value;
    pub.hidden = kind.input.value !== 'offentligt' && !citizens.input.value;
  };
  kind.input.addEventListener('change', showKindFields);
  showKindFields();

  const save = h('button', { class: 'btn', type: 'submit', id: 'event-save', text: t('events.save') });
  const cancel = h('a', { class: 'btn secondary', href: event ? `#/arrangementer/${encodeURIComponent(event.id)}` : '#/arrangementer', text: t('common.cancel') });
  const form = h('form', { class: 'card event-form', novalidate: true, 'aria-labelledby': 'event-form-h' },
    h('h3', { id: 'event-form-h', class: 'visually-hidden', text: event ? t('events.edit_title') : t('events.new_title') }),
    h('div', { class: 'grid-2' }, title.wrap, kind.wrap),
    h('div', { class: 'grid-4' }, startDate.wrap, startTime.wrap, endDate.wrap, endTime.wrap),
    place.wrap,
    organisers,
    goals,
    fair, pub,
    description.wrap,
    notes.wrap,
    followUp.wrap,
    h('div', { class: 'actions' }, save, cancel));
  main.append(back(), h('div', { class: 'page-head' }, h('h2', { text: event ? t('events.edit_title') : t('events.new_title') })), form);
  form.addEventListener('input', () => { dirty = true; });
  form.addEventListener('change', () => { dirty = true; });
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    clearErrors(form);
    save.disabled = true;
    const checked = (name) => [...form.querySelectorAll(`input[name="${name}"]:checked`)].map((i) => i.value);
    try {
      const detail = await api.eventSave({
        id: event ? event.id : null,
        title: title.input.value,
        kind: kind.input.value,
        start_date: startDate.input.value,
        start_time: startTime.input.value,
        end_date: endDate.input.value,
        end_time: endTime.input.value,
        place: place.input.value,
        description: description.input.value,
        by_municipality: muni.checked,
        organiser_ids: checked('organiser'),
        goal_ids: checked('goal'),
        booths: booths.input.value,
        visitors: visitors.input.value,
        citizens_reached: citizens.input.value,
        notes: notes.input.value,
        follow_up: followUp.input.value,
      });
      dirty = false;
      notify(t('events.saved'));
      location.hash = `#/arrangementer/${encodeURIComponent(detail.event.id)}`;
    } catch (err) {
      if (err.field === 'booths' || err.field === 'visitors') fair.hidden = false;
      if (err.field === 'citizens_reached') pub.hidden = false;
      showFieldError(form, err, notify);
    } finally {
      save.disabled = false;
    }
  });
  title.input.focus();
  return { canLeave: () => !dirty };
}

