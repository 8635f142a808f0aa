// One event's page (#/arrangementer/<id>): its facts and its participants,
// with bulk status changes, .ics and the sign-in sheet. Every error from
// Rust lands at the field it names.
import { h, showFieldError, clearErrors, nextId } from '../../dom.js';
import { t } from '../../i18n/index.js';
import { confirmDialog } from '../../dialog.js';
import { STATUSES, kindLabel, statusLabel, whenLabel } from '../../domain/events.js';

export function renderMissing(main) {
  main.append(h('div', { class: 'empty' },
    h('h2', { text: t('events.missing') }),
    h('a', { class: 'btn', href: '#/arrangementer', text: t('events.back') })));
  return {};
}

export function back() {
  return h('p', { class: 'back' }, h('a', { href: '#/arrangementer', text: `← ${t('events.back')}` }));
}

// ── detail ──

export async function render(main, ctx, id) {
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
      h('p', {}, h('span', { class: 'chip', text: kindLabel(e.kind) })),
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
    info.replaceChildren(h('h3', { id: 'event-info-h', text: t('events.details') }), dl, ...texts);
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
      ...(detail.participants.length
        ? [bulkBar, h('div', { class: 'table-wrap' }, table)]
        : [h('p', { class: 'hint', text: t('events.no_participants') })]));
  }

  function participantRow(p) {
    const cbId = nextId('p');
    const statusId = nextId('st');
    const peopleId = nextId('n');
    const noteId = nextId('note');
    const name = p.removed ? t('events.removed_partner', { name: p.name }) : p.name;
    const cb = h('input', { type: 'checkbox', id: cbId, value: p.id });
    const status = h('select', { id: statusId, name: 'participant_status' },
      STATUSES.map((s) => h('option', { value: s, text: statusLabel(s) })));
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
