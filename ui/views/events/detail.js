// One event's page (#/arrangementer/<id>): its facts and its participants,
// with bulk status changes, .ics and the sign-in sheet. Every error from
// Rust lands at the field it names.
import { h, showFieldError, clearErrors, nextId } from '../../dom.js';
import { t } from '../../i18n/index.js';
import { confirmDialog } from '../../dialog.js';
import { saveDocument } from '../../save.js';
import { facts } from '../../facts.js';
import { picker } from '../../picker.js';
import { count } from '../../format.js';
import { registeredEventPanels } from '../../panels.js';
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

function drawHead(page) {
  const { api, notify } = page;
  const e = page.detail.event;
  const icsBtn = h('button', { class: 'btn secondary', type: 'button', id: 'event-ics', text: t('events.ics') });
  const pdfBtn = h('button', { class: 'btn secondary', type: 'button', id: 'event-signin', text: t('events.signin') });
  const delBtn = h('button', { class: 'btn danger', type: 'button', id: 'event-delete', text: t('events.delete') });
  // The names the core gives the files (in Danish, as the documents are):
  // "Netværksmøde 2026-11-22.ics", "Deltagerliste Netværksmøde 2026-11-22.pdf".
  const date = String(e.starts_at || '').slice(0, 10);
  const saveAs = async (name, save) => {
    try {
      const res = await saveDocument('events', name, save);
      if (res) notify(t('events.saved_file', { path: res.paths.join(', ') }));
    } catch (err) { notify(err.message, 'error'); }
  };
  icsBtn.addEventListener('click', () => saveAs(`${e.title.trim() || 'Arrangement'} ${date}.ics`, (path) => api.eventIcsSave(e.id, path)));
  pdfBtn.addEventListener('click', () => saveAs(`Deltagerliste ${e.title} ${date}.pdf`, (path) => api.eventSigninSave(e.id, path)));
  delBtn.addEventListener('click', async () => {
    const ok = await confirmDialog(t('events.delete_confirm', { title: e.title }), { ok: t('events.delete'), danger: true });
    if (!ok) return;
    try {
      await api.eventDelete(e.id);
      notify(t('events.deleted'));
      location.hash = '#/arrangementer';
    } catch (err) { notify(err.message, 'error'); }
  });
  page.head.replaceChildren(
    h('p', {}, h('span', { class: 'chip', text: kindLabel(e.kind) })),
    h('h2', { id: 'event-title', text: e.title }),
    h('p', { class: 'lead', id: 'event-when', text: [whenLabel(e), e.place].filter(Boolean).join(' · ') }),
    h('div', { class: 'actions' },
      h('a', { class: 'btn', href: `#/arrangementer/${encodeURIComponent(e.id)}/rediger`, id: 'event-edit', text: t('events.edit') }),
      h('a', { class: 'btn', href: `#/messe/${encodeURIComponent(e.id)}`, id: 'event-fair', text: t('fair.open') }),
      icsBtn, pdfBtn, delBtn));
}

function drawInfo(page) {
  const e = page.detail.event;
  const who = [];
  if (e.by_municipality) who.push(t('events.by_municipality_short'));
  for (const o of e.organisers) who.push(o.removed ? t('events.removed_partner', { name: o.name }) : o.name);
  const rows = [
    [t('events.organiser'), who.join(', ')],
    [t('events.goals'), e.goals.map((g) => g.title).join(', ') || t('events.none_chosen')],
  ];
  if (e.booths !== null) rows.push([t('events.booths'), count(e.booths)]);
  if (e.visitors !== null) rows.push([t('events.visitors'), count(e.visitors)]);
  if (e.citizens_reached !== null) rows.push([t('events.citizens_reached'), count(e.citizens_reached)]);
  const dl = facts(rows, { id: 'event-facts' });
  const texts = [
    [t('events.description'), e.description],
    [t('events.notes'), e.notes],
    [t('events.follow_up'), e.follow_up],
  ].filter(([, v]) => v).map(([k, v]) => h('div', { class: 'event-text' }, h('h4', { text: k }), h('p', { class: 'pre-line', text: v })));
  page.info.replaceChildren(h('h3', { id: 'event-info-h', text: t('events.details') }), dl, ...texts);
}

// Invite all active partners, or add one.
function participantTools(page) {
  const { api, notify } = page;
  const inviteAll = h('button', { class: 'btn secondary', type: 'button', id: 'invite-all', text: t('events.invite_all') });
  inviteAll.addEventListener('click', async () => {
    try {
      const res = await api.eventInviteAllActive(page.detail.event.id);
      page.detail = res.detail;
      drawPeople(page);
      notify(t('events.invited_n', { n: res.added }));
      page.people.querySelector('#invite-all').focus();
    } catch (err) { notify(err.message, 'error'); }
  });
  const onList = new Set(page.detail.participants.map((p) => p.partner_id).filter(Boolean));
  // The shared partner picker: type to find, pick one or more, then add them.
  const addPicker = picker({
    label: t('events.add_label'), name: 'partner', id: 'participant-picker',
    options: page.partners.filter((p) => !onList.has(p.id)).map((p) => ({ id: p.id, label: p.name })),
  });
  const addBtn = h('button', { class: 'btn secondary', type: 'submit', id: 'participant-add', text: t('events.add_participant') });
  const addForm = h('form', { class: 'inline-form participant-add', novalidate: true }, addPicker.wrap, addBtn);
  addForm.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const ids = addPicker.value();
    if (!ids.length) { addPicker.focus(); return; }
    try {
      for (const id of ids) page.detail = await api.eventParticipantAdd(page.detail.event.id, id);
      drawPeople(page);
      page.people.querySelector('#participant-picker')?.focus();
    } catch (err) { notify(err.message, 'error'); }
  });
  return [inviteAll, addForm];
}

function participantTable(page) {
  const table = h('table', { class: 'data participants' });
  const selectAllId = nextId('all');
  const selectAll = h('input', { type: 'checkbox', id: selectAllId });
  const tbody = h('tbody');
  for (const p of page.detail.participants) tbody.append(participantRow(page, p));
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
  return { table, tbody };
}

// Buttons that set the status of every ticked participant.
function bulkBar(page, tbody) {
  const { api, notify } = page;
  const bulk = (status, label, bid) => {
    const b = h('button', { class: 'btn small secondary', type: 'button', id: bid, text: label });
    b.addEventListener('click', async () => {
      const ids = [...tbody.querySelectorAll('input[type="checkbox"]:checked')].map((cb) => cb.value);
      if (ids.length === 0) { notify(t('events.select_some'), 'error'); return; }
      try {
        page.detail = await api.eventParticipantsSetStatus(page.detail.event.id, ids, status);
        drawPeople(page);
        notify(t('events.marked_n', { n: ids.length }));
        page.people.querySelector(`#${bid}`)?.focus();
      } catch (err) { notify(err.message, 'error'); }
    });
    return b;
  };
  return h('div', { class: 'actions bulk', role: 'group', 'aria-label': t('events.bulk_label') },
    h('span', { class: 'hint', text: t('events.bulk_label') }),
    bulk('deltog', t('events.mark_attended'), 'mark-attended'),
    bulk('tilmeldt', t('events.mark_signed_up'), 'mark-signed-up'),
    bulk('afbud', t('events.mark_cancelled'), 'mark-cancelled'));
}

function drawPeople(page) {
  const c = page.detail.counts;
  const summary = h('p', { class: 'hint', id: 'participant-counts', text: t('events.counts', {
    invited: c.invited, signed_up: c.signed_up, attended: c.attended, cancelled: c.cancelled, people: c.people_attended,
  }) });
  const { table, tbody } = participantTable(page);
  page.people.replaceChildren(
    h('h3', { id: 'participants-h', text: t('events.participants') }),
    summary,
    h('div', { class: 'actions participant-tools' }, ...participantTools(page)),
    ...(page.detail.participants.length
      ? [bulkBar(page, tbody), h('div', { class: 'table-wrap' }, table)]
      : [h('p', { class: 'hint', text: t('events.no_participants') })]));
}

function participantRow(page, p) {
  const { api, notify } = page;
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
      page.detail = await api.eventParticipantUpdate(p.id, { status: status.value, people: count.value, note: note.value });
      const c = page.detail.counts;
      page.people.querySelector('#participant-counts').textContent = t('events.counts', {
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
      page.detail = await api.eventParticipantRemove(p.id);
      drawPeople(page);
    } catch (err) { notify(err.message, 'error'); }
  });
  return row;
}

export async function render(main, ctx, id) {
  const { api, notify } = ctx;
  let detail;
  try {
    detail = await api.eventGet(id);
  } catch (err) {
    notify(err.message, 'error');
    return renderMissing(main);
  }
  const page = {
    api,
    notify,
    detail,
    partners: await api.eventPartnerOptions().catch(() => []),
    head: h('div', { class: 'page-head' }),
    info: h('section', { class: 'card', 'aria-labelledby': 'event-info-h' }),
    people: h('section', { class: 'card', id: 'participants', 'aria-labelledby': 'participants-h' }),
  };
  const panels = h('div', { id: 'event-panels' });
  main.append(back(), page.head, page.info, page.people, panels);
  drawHead(page);
  drawInfo(page);
  drawPeople(page);
  // Other areas' panels (e.g. the merge history), without knowing them.
  for (const panel of registeredEventPanels()) {
    const container = h('div', { class: 'event-panel', 'data-panel': panel.id });
    panels.append(container);
    Promise.resolve()
      .then(() => panel.render(container, detail.event, ctx))
      .catch((err) => notify(err.message || String(err), 'error'));
  }
  return {};
}
