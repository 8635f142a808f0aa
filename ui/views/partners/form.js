// The form to create or edit a partner. Every problem is shown at its field
// (the core checks them all at once); likely duplicates (same name apart from
// case, spacing, punctuation and ApS/A/S/forening, or a shared email) are
// warned about with links; unsaved changes are guarded by canLeave().
//
// The `…Fields` functions build the cards; one `page` object per visit holds
// the partner, the fields and whether anything changed; the handlers
// (checkDuplicates, onSubmit) call the api and draw the answer.
import { h, field, clearErrors, nextId } from '../../dom.js';
import { t } from '../../i18n/index.js';
import { shortDate, todayDanish } from '../../format.js';
import { kindOptions, statusOptions, channelOptions } from '../../domain/partners.js';

// Name, kind, status (with the date it changed) and joining date.
function basicsFields(p, dupBox) {
  const name = field({ label: t('partners.name'), name: 'name', value: p ? p.name : '', required: true, attrs: { maxlength: 200, autocomplete: 'off' } });
  const kind = field({
    label: t('partners.kind'), name: 'kind', value: p ? p.kind : '', required: true,
    options: [{ value: '', label: t('partners.choose') }, ...kindOptions()],
  });
  const status = field({
    label: t('partners.status'), name: 'status', value: p ? p.status : 'interesseret',
    options: statusOptions(),
  });
  const statusOn = field({ label: t('partners.status_changed_on'), name: 'status_changed_on', value: todayDanish(), hint: t('partners.status_changed_on_hint') });
  const joined = field({ label: t('partners.joined_on'), name: 'joined_on', value: p ? shortDate(p.joined_on) : '', hint: t('common.date_hint') });
  const statusOnWrap = statusOn.wrap;
  const syncStatusDate = () => { statusOnWrap.hidden = Boolean(p) && status.input.value === p.status; };
  status.input.addEventListener('change', syncStatusDate);
  syncStatusDate();
  const basics = h('section', { class: 'card', 'aria-labelledby': 'pf-basics' },
    h('h3', { id: 'pf-basics', text: t('partners.basics') }),
    dupBox,
    h('div', { class: 'grid-2' }, name.wrap, kind.wrap, status.wrap, joined.wrap, statusOnWrap));
  return { name, kind, status, statusOnWrap, statusOn, joined, basics };
}

// The programme's goals as checkboxes; a retired goal only if the partner has it.
function goalsFieldset(p, settings) {
  const have = new Set(p ? p.goals.map((g) => g.id) : []);
  const offered = settings.goals.filter((g) => !g.retired || have.has(g.id));
  const goalBoxes = offered.map((g) => {
    const gid = nextId('goal');
    const box = h('input', { type: 'checkbox', id: gid, value: g.id, name: 'goals', checked: have.has(g.id) });
    return h('li', {}, box, h('label', { for: gid },
      h('span', { class: 'chip-num', text: String(g.position) }), ' ', g.title,
      g.retired ? h('span', { class: 'muted', text: ` (${t('partners.goal_retired')})` }) : null));
  });
  const goalsErr = h('p', { class: 'field-error', id: 'pf-goals-err', 'data-error-for': 'goals' });
  const goals = h('fieldset', { class: 'card goals-fieldset', 'aria-describedby': 'pf-goals-hint pf-goals-err' },
    h('legend', { text: t('partners.goals') }),
    h('p', { class: 'hint', id: 'pf-goals-hint', text: t('partners.goals_hint') }),
    h('ul', { class: 'goal-checks', id: 'pf-goals' }, goalBoxes),
    goalsErr);
  return goals;
}

function initiativeFields(p) {
  const initiative = field({ label: t('partners.initiative'), name: 'initiative', value: p ? p.initiative : '', multiline: true, hint: t('partners.initiative_hint'), attrs: { maxlength: 4000 } });
  const target = field({ label: t('partners.target_group'), name: 'target_group', value: p ? p.target_group : '', attrs: { maxlength: 200 } });
  const arena = field({ label: t('partners.arena'), name: 'arena', value: p ? p.arena : '', attrs: { maxlength: 200 } });
  const initiativeCard = h('section', { class: 'card', 'aria-labelledby': 'pf-initiative' },
    h('h3', { id: 'pf-initiative', text: t('partners.initiative') }),
    initiative.wrap, h('div', { class: 'grid-2' }, target.wrap, arena.wrap));
  return { initiative, target, arena, initiativeCard };
}

// The contact rows; a change marks the form dirty, an email checks for duplicates.
function contactFields(p, markDirty, checkDuplicates) {
  const contactList = h('div', { class: 'contact-rows', id: 'pf-contacts' });
  const primaryGroup = nextId('primary');
  function contactRow(c = {}) {
    const f = (label, key, type, max) => {
      const x = field({ label, name: `contact_${key}`, value: c[key] || '', type, attrs: { maxlength: max, autocomplete: 'off', 'data-contact': key } });
      x.error.setAttribute('data-error-for', key === 'email' || key === 'phone' ? key : `contact_${key}`);
      return x;
    };
    const cname = f(t('partners.contact_name'), 'name', 'text', 200);
    const role = f(t('partners.contact_role'), 'role', 'text', 100);
    const email = f(t('partners.email'), 'email', 'email', 254);
    const phone = f(t('partners.phone'), 'phone', 'tel', 30);
    phone.wrap.append(h('span', { class: 'hint', text: t('partners.phone_hint') }));
    const rid = nextId('prim');
    const primary = h('input', { type: 'radio', name: primaryGroup, id: rid, checked: Boolean(c.is_primary), 'data-contact': 'primary' });
    const remove = h('button', { type: 'button', class: 'btn small secondary', text: t('partners.contact_remove') });
    const row = h('fieldset', { class: 'contact-row', 'data-contact-id': c.id || '' },
      h('legend', { class: 'sr-only', text: t('partners.contact') }),
      h('div', { class: 'grid-4' }, cname.wrap, role.wrap, email.wrap, phone.wrap),
      h('div', { class: 'actions' },
        h('span', { class: 'radio' }, primary, h('label', { for: rid, text: t('partners.primary_contact') })),
        remove));
    remove.addEventListener('click', () => { row.remove(); markDirty(); renumber(); });
    email.input.addEventListener('change', checkDuplicates);
    return row;
  }
  function renumber() {
    contactList.querySelectorAll('.contact-row').forEach((row, i) => {
      row.querySelector('legend').textContent = t('partners.contact_n', { n: i + 1 });
    });
  }
  (p ? p.contacts : []).forEach((c) => contactList.append(contactRow(c)));
  const addContact = h('button', { type: 'button', class: 'btn secondary small', id: 'pf-add-contact', text: t('partners.contact_add') });
  addContact.addEventListener('click', () => {
    const row = contactRow({ is_primary: contactList.children.length === 0 });
    contactList.append(row);
    renumber();
    row.querySelector('input').focus();
  });
  renumber();
  const contactsCard = h('section', { class: 'card', 'aria-labelledby': 'pf-contacts-h' },
    h('h3', { id: 'pf-contacts-h', text: t('partners.contacts') }),
    h('p', { class: 'hint', text: t('partners.contacts_hint') }),
    contactList, h('div', { class: 'actions' }, addContact));
  return { contactList, contactsCard };
}

// Recruitment, consents (with their dates), address, website and notes.
function moreFields(p) {
  const channel = field({
    label: t('partners.recruitment_channel'), name: 'recruitment_channel', value: p && p.recruitment_channel ? p.recruitment_channel : '',
    options: [{ value: '', label: t('partners.choose') }, ...channelOptions()],
  });
  const recruitedBy = field({ label: t('partners.recruited_by'), name: 'recruited_by', value: p ? p.recruited_by : '', attrs: { maxlength: 200 } });
  const recruitmentNotes = field({ label: t('partners.recruitment_notes'), name: 'recruitment_notes', value: p ? p.recruitment_notes : '', multiline: true, attrs: { maxlength: 4000 } });
  const consent = (key, label, checked, date) => {
    const cid = nextId(key);
    const box = h('input', { type: 'checkbox', id: cid, name: key, checked });
    const d = field({ label: t('partners.consent_date'), name: `${key}_on`, value: shortDate(date) || '', hint: t('common.date_hint') });
    const sync = () => { d.wrap.hidden = !box.checked; if (box.checked && !d.input.value) d.input.value = todayDanish(); };
    box.addEventListener('change', sync);
    sync();
    return { box, date: d, wrap: h('div', { class: 'consent' }, h('span', { class: 'check' }, box, h('label', { for: cid, text: label })), d.wrap) };
  };
  const cPublic = consent('consent_public', t('partners.consent_public'), p ? p.consent_public : false, p && p.consent_public_on);
  const cEmail = consent('consent_email', t('partners.consent_email'), p ? p.consent_email : false, p && p.consent_email_on);
  const someId = nextId('some');
  const some = h('input', { type: 'checkbox', id: someId, name: 'some_commitment', checked: p ? p.some_commitment : false });
  const recruitCard = h('section', { class: 'card', 'aria-labelledby': 'pf-recruit' },
    h('h3', { id: 'pf-recruit', text: t('partners.recruitment') }),
    h('div', { class: 'grid-2' }, channel.wrap, recruitedBy.wrap),
    recruitmentNotes.wrap);
  const consentCard = h('section', { class: 'card', 'aria-labelledby': 'pf-consents' },
    h('h3', { id: 'pf-consents', text: t('partners.consents') }),
    cPublic.wrap, cEmail.wrap,
    h('span', { class: 'check' }, some, h('label', { for: someId, text: t('partners.some_commitment') })));
  const address = field({ label: t('partners.address'), name: 'address', value: p ? p.address : '', multiline: true, attrs: { maxlength: 300, rows: 2 } });
  const website = field({ label: t('partners.website'), name: 'website', value: p ? p.website : '', type: 'url', attrs: { maxlength: 300 } });
  const notes = field({ label: t('partners.notes'), name: 'notes', value: p ? p.notes : '', multiline: true, attrs: { maxlength: 10000 } });
  const moreCard = h('section', { class: 'card', 'aria-labelledby': 'pf-more' },
    h('h3', { id: 'pf-more', text: t('partners.address_notes') }),
    h('div', { class: 'grid-2' }, address.wrap, website.wrap), notes.wrap);
  return { channel, recruitedBy, recruitmentNotes, cPublic, cEmail, some, recruitCard, consentCard, address, website, notes, moreCard };
}

export async function render(main, ctx, id) {
  const { api } = ctx;
  const settings = await api.settingsGet();
  let p = null;
  if (id) {
    try {
      p = await api.partnerGet(id);
    } catch (err) {
      main.append(h('p', { class: 'banner error', role: 'alert', text: err.message }),
        h('a', { class: 'btn secondary', href: '#/partnere', text: t('partners.back_to_list') }));
      return { canLeave: () => true };
    }
  }
  const page = { api, notify: ctx.notify, p, dirty: false, dupSeq: 0 };
  drawForm(main, page, settings);
  const markDirty = () => { page.dirty = true; };
  page.form.addEventListener('input', markDirty);
  page.form.addEventListener('change', markDirty);
  page.form.addEventListener('submit', (e) => onSubmit(page, e));
  page.fields.name.input.addEventListener('change', () => checkDuplicates(page));
  if (p) checkDuplicates(page);
  page.fields.name.input.focus();
  return { canLeave: () => !page.dirty };
}

// Builds the form's cards; `page.fields` keeps the fields formInput reads.
function drawForm(main, page, settings) {
  const { p } = page;
  const cancelHref = p ? `#/partnere/${encodeURIComponent(p.id)}` : '#/partnere';
  page.form = h('form', { class: 'partner-form', novalidate: true, id: 'partner-form' });
  page.summary = h('div', { class: 'banner error', role: 'alert', id: 'partner-form-summary', hidden: true });
  page.dupBox = h('div', { class: 'banner warn', role: 'status', id: 'partner-duplicates', hidden: true });
  const basics = basicsFields(p, page.dupBox);
  const initiative = initiativeFields(p);
  const contacts = contactFields(p, () => { page.dirty = true; }, () => checkDuplicates(page));
  const more = moreFields(p);
  page.fields = { ...basics, ...initiative, ...contacts, ...more, goals: goalsFieldset(p, settings) };
  page.save = h('button', { class: 'btn', type: 'submit', id: 'pf-save', text: p ? t('partners.save') : t('partners.create') });
  const cancel = h('a', { class: 'btn secondary', href: cancelHref, text: t('common.cancel') });
  page.form.append(page.summary, basics.basics, page.fields.goals, initiative.initiativeCard, contacts.contactsCard,
    more.recruitCard, more.consentCard, more.moreCard,
    h('div', { class: 'actions form-actions' }, page.save, cancel));
  main.append(
    h('div', { class: 'page-head' },
      h('a', { class: 'back-link', href: cancelHref, text: `← ${p ? p.name : t('partners.all')}` }),
      h('h2', { text: p ? t('partners.edit_title') : t('partners.new_title') })),
    page.form);
}

function contactsInput(contactList) {
  return Array.from(contactList.querySelectorAll('.contact-row')).map((row) => ({
    id: row.dataset.contactId || '',
    name: row.querySelector('[data-contact="name"]').value,
    role: row.querySelector('[data-contact="role"]').value,
    email: row.querySelector('[data-contact="email"]').value,
    phone: row.querySelector('[data-contact="phone"]').value,
    is_primary: row.querySelector('[data-contact="primary"]').checked,
  }));
}

// What the form holds, as the core's PartnerInput.
function formInput(f) {
  return {
    name: f.name.input.value,
    kind: f.kind.input.value,
    status: f.status.input.value,
    status_changed_on: f.statusOnWrap.hidden ? '' : f.statusOn.input.value,
    joined_on: f.joined.input.value,
    goals: Array.from(f.goals.querySelectorAll('input[name="goals"]:checked')).map((b) => b.value),
    initiative: f.initiative.input.value,
    target_group: f.target.input.value,
    arena: f.arena.input.value,
    address: f.address.input.value,
    website: f.website.input.value,
    recruitment_channel: f.channel.input.value,
    recruited_by: f.recruitedBy.input.value,
    recruitment_notes: f.recruitmentNotes.input.value,
    consent_public: f.cPublic.box.checked,
    consent_public_on: f.cPublic.date.input.value,
    consent_email: f.cEmail.box.checked,
    consent_email_on: f.cEmail.date.input.value,
    some_commitment: f.some.checked,
    notes: f.notes.input.value,
    contacts: contactsInput(f.contactList),
  };
}

// Likely duplicates of the name or an email, as links (hidden when none).
function drawDuplicates(dupBox, dups) {
  if (!dups.length) { dupBox.hidden = true; dupBox.replaceChildren(); return; }
  dupBox.replaceChildren(
    h('p', { class: 'strong', text: t('partners.dup_title') }),
    h('ul', {}, dups.map((d) => h('li', {},
      h('a', { href: `#/partnere/${encodeURIComponent(d.id)}`, text: d.name }),
      ' — ',
      d.reason === 'email' ? t('partners.dup_email', { email: d.email }) : t('partners.dup_name'),
      d.in_bin ? ` (${t('partners.dup_in_bin')})` : ''))),
    h('p', { class: 'hint', text: t('partners.dup_help') }));
  dupBox.hidden = false;
}

async function checkDuplicates(page) {
  const mine = ++page.dupSeq;
  const i = formInput(page.fields);
  if (!i.name.trim() && !i.contacts.some((c) => c.email.trim())) { page.dupBox.hidden = true; return; }
  let dups;
  try {
    dups = await page.api.partnerDuplicates(i.name, i.contacts.map((c) => c.email), page.p ? page.p.id : null);
  } catch (_) { return; }
  if (mine !== page.dupSeq) return;
  drawDuplicates(page.dupBox, dups);
}

// Each problem at its field (a contact's at its row); the rest in the summary.
function showProblems(page, problems) {
  const { form, summary } = page;
  const { contactList, goals } = page.fields;
  clearErrors(form);
  summary.hidden = true;
  let firstInput = null;
  const unplaced = [];
  for (const prob of problems) {
    let scope = form;
    if (prob.index !== null && prob.index !== undefined) {
      scope = contactList.querySelectorAll('.contact-row')[prob.index] || form;
    }
    const slot = prob.field ? scope.querySelector(`[data-error-for="${CSS.escape(prob.field)}"]`) : null;
    if (slot && !slot.textContent) {
      slot.textContent = prob.message;
      const ctl = slot.parentElement.querySelector('input, select, textarea');
      if (ctl) ctl.setAttribute('aria-invalid', 'true');
      if (!firstInput) firstInput = ctl || goals.querySelector('input');
    } else {
      unplaced.push(prob.message);
    }
  }
  if (problems.length) {
    summary.replaceChildren(h('p', { text: t('partners.form_problems', { n: problems.length }) }));
    if (unplaced.length) summary.append(h('ul', {}, unplaced.map((m) => h('li', { text: m }))));
    summary.hidden = false;
  }
  if (firstInput) firstInput.focus();
  else if (problems.length) summary.scrollIntoView();
}

async function onSubmit(page, e) {
  const { api, p, save } = page;
  e.preventDefault();
  save.disabled = true;
  try {
    const i = formInput(page.fields);
    const problems = await api.partnerCheck(p ? p.id : null, i);
    if (problems.length) { showProblems(page, problems); return; }
    const saved = p ? await api.partnerUpdate(p.id, i) : await api.partnerCreate(i);
    page.dirty = false;
    page.notify(p ? t('partners.saved') : t('partners.created', { name: saved.name }));
    location.hash = `#/partnere/${encodeURIComponent(saved.id)}`;
  } catch (err) {
    showProblems(page, [{ field: err.field, index: null, message: err.message }]);
  } finally {
    save.disabled = false;
  }
}
