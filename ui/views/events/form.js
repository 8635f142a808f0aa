// The form to create or change an event (#/arrangementer/ny,
// #/arrangementer/<id>/rediger). Every error from Rust lands at the field it
// names; unsaved changes are guarded by canLeave().
import { h, field, showFieldError, clearErrors, nextId } from '../../dom.js';
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
  // Ceremonies are made under Diplomer (one record, shown here by itself);
  // an event already of that kind keeps it.
  const kinds = KINDS.filter((k) => k !== 'overraekkelse' || e.kind === 'overraekkelse');
  const kind = field({ label: t('events.kind'), name: 'event_kind', value: e.kind, hint: t('events.ceremony_hint'), options: kinds.map((k) => ({ value: k, label: kindLabel(k) })) });
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

