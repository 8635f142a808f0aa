// Fair mode (#/messe/<event id>): a full-window, large and calm layout for a
// crowded stand. A quick sign-up form (Enter saves, the form clears, "Gemt:
// [name]" with an undo), the visitor counter (the +1 button or the "+" key,
// stored at once), the booths' check-in. Leaving asks first (Escape then
// Enter stays: the dialog's focus is on "Bliv"). The open fair is
// remembered, so the window resumes it after a power cut.
import { h, field, showFieldError, clearErrors } from '../../dom.js';
import { t, tn } from '../../i18n/index.js';
import { picker } from '../../picker.js';
import { confirmDialog } from '../../dialog.js';
import { count } from '../../format.js';
import { kindOptions } from '../../domain/partners.js';

export async function render(main, ctx) {
  const { api, notify, params } = ctx;
  const eventId = params[0];
  if (!eventId) {
    location.hash = '#/arrangementer';
    return {};
  }
  const [state, settings] = await Promise.all([api.fairState(eventId), api.settingsGet()]);
  await api.fairSetActive(eventId);
  document.body.classList.add('fair-mode');
  const page = { api, notify, eventId, state, settings, leaving: false, last: null, pending: null };

  const visitors = h('p', { class: 'fair-count', id: 'fair-visitors', 'aria-live': 'polite' });
  const plus = h('button', { class: 'btn fair-plus', type: 'button', id: 'fair-plus', 'aria-describedby': 'fair-plus-hint', text: t('fair.plus_one') });
  const minus = h('button', { class: 'btn secondary', type: 'button', id: 'fair-minus', text: t('fair.minus_one') });
  const drawCount = () => { visitors.textContent = count(page.state.visitors); };
  // The counter's taps and the booths' check-ins are sent one after the
  // other through one queue: commands run on several threads, so answers
  // could arrive out of order, and a check-in's state read before a tap
  // committed would draw an older count last (the stored count was right,
  // the screen was not).
  let queue = Promise.resolve();
  const serial = (work) => {
    queue = queue.then(async () => {
      try { await work(); } catch (err) { notify(err.message, 'error'); }
    });
    return queue;
  };
  const bump = (delta) => serial(async () => {
    page.state.visitors = await api.fairCount(eventId, delta);
    drawCount();
  });
  plus.addEventListener('click', () => bump(1));
  minus.addEventListener('click', () => bump(-1));

  // ── the sign-up form ──
  const form = h('form', { class: 'fair-form', id: 'fair-form', novalidate: true });
  const f = {
    name: field({ label: t('fair.name'), name: 'name', required: true }),
    kind: field({ label: t('fair.kind'), name: 'kind', options: kindOptions(), value: 'borger' }),
    contact: field({ label: t('fair.contact'), name: 'contact_name' }),
    email: field({ label: t('fair.email'), name: 'email', type: 'email' }),
    phone: field({ label: t('fair.phone'), name: 'phone', type: 'tel' }),
    note: field({ label: t('fair.note'), name: 'note' }),
  };
  const goals = h('fieldset', { class: 'fair-goals' }, h('legend', { text: t('fair.goals') }),
    settings.goals.filter((g) => !g.retired).map((g) => h('label', { class: 'check' },
      h('input', { type: 'checkbox', name: 'goals', value: g.id }), ` ${g.title}`)));
  const consentEmail = h('input', { type: 'checkbox', id: 'fair-consent-email' });
  const consentPublic = h('input', { type: 'checkbox', id: 'fair-consent-public' });
  const consents = h('fieldset', { class: 'fair-consents' }, h('legend', { text: t('fair.consents') }),
    h('label', { class: 'check', for: 'fair-consent-email' }, consentEmail, ` ${t('fair.consent_email')}`),
    h('label', { class: 'check', for: 'fair-consent-public' }, consentPublic, ` ${t('fair.consent_public')}`));
  const saveBtn = h('button', { class: 'btn fair-save', type: 'submit', id: 'fair-save', text: t('fair.save') });
  const savedLine = h('p', { class: 'fair-saved', id: 'fair-saved', role: 'status' });
  const matchBox = h('div', { class: 'fair-matches', id: 'fair-matches' });
  form.append(
    h('div', { class: 'grid-2' }, f.name.wrap, f.kind.wrap, f.contact.wrap, f.email.wrap, f.phone.wrap, f.note.wrap),
    goals, consents, matchBox,
    h('div', { class: 'actions' }, saveBtn),
    savedLine);

  const input = (extra = {}) => ({
    name: f.name.input.value,
    kind: f.kind.input.value,
    contact_name: f.contact.input.value,
    email: f.email.input.value,
    phone: f.phone.input.value,
    note: f.note.input.value,
    goals: [...goals.querySelectorAll('input:checked')].map((b) => b.value),
    consent_email: consentEmail.checked,
    consent_public: consentPublic.checked,
    update_of: null,
    force_new: false,
    ...extra,
  });
  const reset = () => {
    form.reset();
    f.kind.input.value = 'borger';
    matchBox.replaceChildren();
    page.pending = null;
    f.name.input.focus();
  };
  const drawSaved = () => {
    if (!page.last) { savedLine.replaceChildren(); return; }
    const undo = h('button', { class: 'btn secondary', type: 'button', id: 'fair-undo', text: t('fair.undo') });
    undo.addEventListener('click', async () => {
      try {
        await api.fairUndo(page.last.signup_id);
        notify(t('fair.undone', { name: page.last.name }));
        page.last = null;
        drawSaved();
        await refresh();
      } catch (err) { notify(err.message, 'error'); }
    });
    savedLine.replaceChildren(
      h('span', { class: 'strong', text: t(page.last.created ? 'fair.saved_new' : 'fair.saved_update', { name: page.last.name }) }),
      ' ', undo);
  };
  const save = async (extra) => {
    clearErrors(form);
    try {
      const out = await api.fairSignUp(eventId, input(extra));
      if (out.outcome === 'matches') {
        drawMatches(out.matches);
        return;
      }
      page.last = out;
      drawSaved();
      reset();
      await refresh();
    } catch (err) { showFieldError(form, err, notify); }
  };
  const drawMatches = (matches) => {
    const list = h('ul', { class: 'plain' }, matches.map((m) => {
      const use = h('button', { class: 'btn', type: 'button', 'data-partner': m.id, text: t('fair.update_existing', { name: m.name }) });
      use.addEventListener('click', () => save({ update_of: m.id }));
      return h('li', {}, use, ' ', h('span', { class: 'hint', text: m.reason === 'email' ? t('fair.match_email', { email: m.email || '' }) : t('fair.match_name') }));
    }));
    const anew = h('button', { class: 'btn secondary', type: 'button', id: 'fair-force-new', text: t('fair.save_as_new') });
    anew.addEventListener('click', () => save({ force_new: true }));
    matchBox.replaceChildren(h('div', { class: 'banner warn', role: 'alert' },
      h('p', { class: 'strong', text: t('fair.matches') }), list, anew));
    const first = list.querySelector('button');
    if (first) first.focus();
  };
  form.addEventListener('submit', (e) => { e.preventDefault(); save({}); });

  // ── booths: the shared picker; picking an exhibitor checks it in at once
  // (one click), removing its chip checks it out ──
  const boothCount = h('p', { class: 'lead', id: 'fair-booths' });
  const boothBox = h('div', { id: 'fair-booth-picker-box' });
  const drawBoothCount = () => { boothCount.textContent = tn('fair.booths_count', page.state.booths, { n: count(page.state.booths) }); };
  const drawBooths = () => {
    drawBoothCount();
    let inNow = page.state.exhibitors.filter((x) => x.checked_in).map((x) => x.partner_id);
    const booths = picker({
      label: t('fair.booth_filter'), name: 'booths', id: 'fair-booth-picker',
      options: page.state.exhibitors.map((x) => ({ id: x.partner_id, label: x.name })),
      chosen: inNow,
      onChange: async (ids) => {
        const added = ids.filter((id) => !inNow.includes(id));
        const removed = inNow.filter((id) => !ids.includes(id));
        inNow = ids;
        await serial(async () => {
          try {
            for (const id of added) page.state = await api.fairCheckIn(eventId, id, true);
            for (const id of removed) page.state = await api.fairCheckIn(eventId, id, false);
            drawCount();
            drawBoothCount();
          } catch (err) {
            drawBooths();
            throw err;
          }
        });
      },
    });
    boothBox.replaceChildren(booths.wrap);
  };

  const refresh = async () => {
    page.state = await api.fairState(eventId);
    drawCount();
    drawBooths();
  };

  const leave = h('button', { class: 'btn secondary', type: 'button', id: 'fair-leave', text: t('fair.leave') });
  leave.addEventListener('click', async () => {
    const ok = await confirmDialog(t('fair.leave_confirm'), { ok: t('fair.leave_ok'), cancel: t('fair.stay') });
    if (!ok) return;
    page.leaving = true;
    await api.fairSetActive(null);
    location.hash = `#/arrangementer/${encodeURIComponent(eventId)}`;
  });
  const onKey = (e) => {
    const typing = e.target && ['INPUT', 'TEXTAREA', 'SELECT'].includes(e.target.tagName);
    if (!typing && (e.key === '+' || e.key === 'F2')) { e.preventDefault(); bump(1); }
    if (typing && e.key === 'F2') { e.preventDefault(); bump(1); }
  };
  document.addEventListener('keydown', onKey);

  main.append(h('div', { class: 'fair' },
    h('div', { class: 'fair-head' },
      h('div', {}, h('p', { class: 'topbar-municipality', text: t('fair.mode') }), h('h2', { id: 'fair-title', text: state.title })),
      leave),
    h('div', { class: 'fair-body' },
      h('section', { class: 'card fair-signup', 'aria-labelledby': 'fair-signup-h' },
        h('h3', { id: 'fair-signup-h', text: t('fair.signup') }), form),
      h('div', { class: 'fair-side' },
        h('section', { class: 'card fair-counter', 'aria-labelledby': 'fair-count-h' },
          h('h3', { id: 'fair-count-h', text: t('fair.visitors') }), visitors,
          h('div', { class: 'actions' }, plus, minus),
          h('p', { class: 'hint', id: 'fair-plus-hint', text: t('fair.plus_hint') })),
        h('section', { class: 'card fair-booth', 'aria-labelledby': 'fair-booth-h' },
          h('h3', { id: 'fair-booth-h', text: t('fair.booths') }), boothCount, boothBox)))));
  drawCount();
  drawBooths();
  f.name.input.focus();
  return {
    canLeave: () => page.leaving,
    destroy: () => {
      document.removeEventListener('keydown', onKey);
      document.body.classList.remove('fair-mode');
    },
  };
}
