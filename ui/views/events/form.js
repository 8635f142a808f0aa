// The form to create or change an event (#/arrangementer/ny,
// #/arrangementer/<id>/rediger). Every error from Rust lands at the field it
// names; unsaved changes are guarded by canLeave().
//
// The `…Fields`/`…Fieldset` functions and drawForm build the form from an
// event; one `page` object per visit holds it and whether anything changed;
// onSave reads it (eventInput), calls the api and shows the answer.
import { h, field, showFieldError, clearErrors, nextId } from '../../dom.js';
import { picker } from '../../picker.js';
import { t } from '../../i18n/index.js';
import { shortDate } from '../../format.js';
import { KINDS, kindLabel } from '../../domain/events.js';
import { back, renderMissing } from './detail.js';

export function renderNew(main, ctx) {
  return renderForm(main, ctx, null);
}

export async function renderEdit(main, ctx, id) {
  const detail = await ctx.api.eventGet(id).catch((err) => { ctx.notify(err.message, 'error'); return null; });
  if (!detail) return renderMissing(main);
  return renderForm(main, ctx, detail.event);
}

// A new event's values.
const BLANK = {
  title: '', kind: 'netvaerksmoede', starts_at: '', ends_at: '', place: '', description: '',
  by_municipality: true, organisers: [], goals: [], booths: null, visitors: null, citizens_reached: null,
  notes: '', follow_up: '',
};

async function renderForm(main, ctx, event) {
  const { api, notify } = ctx;
  const settings = await api.settingsGet();
  const partners = await api.eventPartnerOptions().catch(() => []);
  const page = { api, notify, event, dirty: false, ...drawForm(event, partners, settings) };
  main.append(back(), h('div', { class: 'page-head' }, h('h2', { text: event ? t('events.edit_title') : t('events.new_title') })), page.form);
  page.form.addEventListener('input', () => { page.dirty = true; });
  page.form.addEventListener('change', () => { page.dirty = true; });
  page.form.addEventListener('submit', (ev) => onSave(page, ev));
  page.fields.title.input.focus();
  return { canLeave: () => !page.dirty };
}

// The plain fields, filled from event e.
function eventFields(e) {
  const num = (v) => (v === null || v === undefined ? '' : String(v));
  const date = (s) => (s ? shortDate(s.slice(0, 10)) : '');
  const time = (s) => (s ? s.slice(11, 16) : '');
  const sameDay = e.starts_at && e.ends_at && e.starts_at.slice(0, 10) === e.ends_at.slice(0, 10);
  // Ceremonies are made under Diplomer (one record, shown here by itself);
  // an event already of that kind keeps it.
  const kinds = KINDS.filter((k) => k !== 'overraekkelse' || e.kind === 'overraekkelse');
  return {
    title: field({ label: t('events.f_title'), name: 'event_title', value: e.title, required: true, attrs: { maxlength: 200, autocomplete: 'off' } }),
    kind: field({ label: t('events.kind'), name: 'event_kind', value: e.kind, hint: t('events.ceremony_hint'), options: kinds.map((k) => ({ value: k, label: kindLabel(k) })) }),
    startDate: field({ label: t('events.f_start_date'), name: 'start_date', value: date(e.starts_at), required: true, hint: t('common.date_hint'), attrs: { autocomplete: 'off' } }),
    startTime: field({ label: t('events.f_start_time'), name: 'start_time', value: time(e.starts_at), required: true, hint: t('events.time_hint'), attrs: { autocomplete: 'off', inputmode: 'numeric' } }),
    endDate: field({ label: t('events.f_end_date'), name: 'end_date', value: sameDay ? '' : date(e.ends_at), hint: t('events.end_date_hint'), attrs: { autocomplete: 'off' } }),
    endTime: field({ label: t('events.f_end_time'), name: 'end_time', value: time(e.ends_at), required: true, hint: t('events.time_hint'), attrs: { autocomplete: 'off', inputmode: 'numeric' } }),
    place: field({ label: t('events.f_place'), name: 'event_place', value: e.place, attrs: { maxlength: 200 } }),
    description: field({ label: t('events.description'), name: 'event_description', value: e.description, multiline: true }),
    booths: field({ label: t('events.booths'), name: 'booths', value: num(e.booths), attrs: { inputmode: 'numeric' } }),
    visitors: field({ label: t('events.visitors'), name: 'visitors', value: num(e.visitors), attrs: { inputmode: 'numeric' } }),
    citizens: field({ label: t('events.citizens_reached'), name: 'citizens_reached', value: num(e.citizens_reached), attrs: { inputmode: 'numeric' } }),
    notes: field({ label: t('events.notes'), name: 'event_notes', value: e.notes, multiline: true }),
    followUp: field({ label: t('events.follow_up'), name: 'follow_up', value: e.follow_up, multiline: true }),
  };
}

// Organiser: the municipality and/or partners (picked with the shared picker).
function organisersFieldset(e, partners) {
  const muniId = nextId('muni');
  const muni = h('input', { type: 'checkbox', id: muniId, name: 'by_municipality', checked: e.by_municipality });
  const chosen = e.organisers.map((o) => o.partner_id).filter(Boolean);
  const orgPicker = picker({
    label: t('events.organiser_partners'), name: 'organisers', id: 'event-organisers',
    options: partners.map((p) => ({ id: p.id, label: p.name })), chosen,
    emptyText: t('events.no_partners'),
  });
  const removedOrgs = e.organisers.filter((o) => o.removed).map((o) => h('p', { class: 'hint', text: t('events.removed_partner', { name: o.name }) }));
  const organisers = h('fieldset', { class: 'field checks' },
    h('legend', { text: t('events.organiser') }),
    h('label', { class: 'check', for: muniId }, muni, ` ${t('events.by_municipality')}`),
    orgPicker.wrap,
    removedOrgs);
  return { muni, organisers, orgPicker };
}

// The programme's goals; a retired goal only if the event has it.
function goalsFieldset(e, settings) {
  const goalIds = new Set(e.goals.map((g) => g.id));
  const goalChecks = settings.goals.filter((g) => !g.retired || goalIds.has(g.id)).map((g) => {
    const cid = nextId('goal');
    return h('label', { class: 'check', for: cid },
      h('input', { type: 'checkbox', id: cid, value: g.id, name: 'goal', checked: goalIds.has(g.id) }), ` ${g.title}`);
  });
  return h('fieldset', { class: 'field checks' },
    h('legend', { text: t('events.goals') }), goalChecks,
    h('p', { class: 'field-error', 'data-error-for': 'event_goals' }));
}

// The fair's and the public event's own fields, shown for their kind.
function kindFieldsets(f) {
  const fair = h('div', { class: 'grid-2 kind-fields', 'data-for-kind': 'messe' }, f.booths.wrap, f.visitors.wrap);
  const pub = h('div', { class: 'grid-2 kind-fields', 'data-for-kind': 'offentligt' }, f.citizens.wrap);
  const showKindFields = () => {
    // Fields of the other kinds stay visible when they hold a value, so
    // nothing typed is hidden.
    fair.hidden = f.kind.input.value !== 'messe' && !f.booths.input.value && !f.visitors.input.value;
    pub.hidden = f.kind.input.value !== 'offentligt' && !f.citizens.input.value;
  };
  f.kind.input.addEventListener('change', showKindFields);
  showKindFields();
  return { fair, pub };
}

function drawForm(event, partners, settings) {
  const e = event || BLANK;
  const fields = eventFields(e);
  const { muni, organisers, orgPicker } = organisersFieldset(e, partners);
  const { fair, pub } = kindFieldsets(fields);
  const save = h('button', { class: 'btn', type: 'submit', id: 'event-save', text: t('events.save') });
  const cancel = h('a', { class: 'btn secondary', href: event ? `#/arrangementer/${encodeURIComponent(event.id)}` : '#/arrangementer', text: t('common.cancel') });
  const form = h('form', { class: 'card event-form', novalidate: true, 'aria-labelledby': 'event-form-h' },
    h('h3', { id: 'event-form-h', class: 'visually-hidden', text: event ? t('events.edit_title') : t('events.new_title') }),
    h('div', { class: 'grid-2' }, fields.title.wrap, fields.kind.wrap),
    h('div', { class: 'grid-4' }, fields.startDate.wrap, fields.startTime.wrap, fields.endDate.wrap, fields.endTime.wrap),
    fields.place.wrap,
    organisers,
    goalsFieldset(e, settings),
    fair, pub,
    fields.description.wrap,
    fields.notes.wrap,
    fields.followUp.wrap,
    h('div', { class: 'actions' }, save, cancel));
  return { fields, muni, orgPicker, fair, pub, save, form };
}

// What the form holds, as the core's event input.
function eventInput(page) {
  const { form, fields: f } = page;
  const checked = (name) => [...form.querySelectorAll(`input[name="${name}"]:checked`)].map((i) => i.value);
  return {
    id: page.event ? page.event.id : null,
    title: f.title.input.value,
    kind: f.kind.input.value,
    start_date: f.startDate.input.value,
    start_time: f.startTime.input.value,
    end_date: f.endDate.input.value,
    end_time: f.endTime.input.value,
    place: f.place.input.value,
    description: f.description.input.value,
    by_municipality: page.muni.checked,
    organiser_ids: page.orgPicker.value(),
    goal_ids: checked('goal'),
    booths: f.booths.input.value,
    visitors: f.visitors.input.value,
    citizens_reached: f.citizens.input.value,
    notes: f.notes.input.value,
    follow_up: f.followUp.input.value,
  };
}

async function onSave(page, ev) {
  ev.preventDefault();
  clearErrors(page.form);
  page.save.disabled = true;
  try {
    const detail = await page.api.eventSave(eventInput(page));
    page.dirty = false;
    page.notify(t('events.saved'));
    location.hash = `#/arrangementer/${encodeURIComponent(detail.event.id)}`;
  } catch (err) {
    if (err.field === 'booths' || err.field === 'visitors') page.fair.hidden = false;
    if (err.field === 'citizens_reached') page.pub.hidden = false;
    showFieldError(page.form, err, page.notify);
  } finally {
    page.save.disabled = false;
  }
}
