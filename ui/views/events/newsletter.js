// Nyhedsbrev (#/arrangementer/nyhedsbrev): pick a period (offered from where
// the last issue ended), write stories, build, then copy the HTML for Outlook,
// the plain text and the Bcc list, or save the files; and record the issue as
// sent. What is typed is kept as a draft in the database as you go.
//
// The HTML made for the e-mail carries inline styles, which this page's CSP
// forbids, so it is not rendered here: the page shows the plain-text version
// and the HTML source, and the e-mail program renders the HTML.
//
// One `page` object per visit holds the state (the start answer, the stories,
// the built newsletter) and the elements; `draw…(page)` build DOM from it,
// the `on…` handlers call the api and redraw.
import { h, clear, field, showFieldError, clearErrors, nextId } from '../../dom.js';
import { t } from '../../i18n/index.js';
import { shortDate } from '../../format.js';
import { confirmDialog } from '../../dialog.js';
import { saveDocument } from '../../save.js';
import { copyText } from '../../clipboard.js';

// How long after the last change the draft is saved.
const DRAFT_DELAY_MS = 600;

export async function render(main, ctx) {
  const { api, notify } = ctx;
  const start = await api.newsletterStart();
  const draft = start.draft;
  const page = {
    api,
    notify,
    start,
    stories: draft && draft.stories.length ? draft.stories.map((s) => ({ ...s })) : [],
    built: null,
    draftTimer: null,
    ...drawForm(start),
    result: h('div', { id: 'newsletter-result', 'aria-live': 'polite' }),
    history: h('section', { class: 'card', 'aria-labelledby': 'nl-history-h' }),
  };
  main.append(
    h('p', { class: 'back' }, h('a', { href: '#/arrangementer', text: `← ${t('events.back')}` })),
    h('div', { class: 'page-head' }, h('h2', { text: t('newsletter.title') }), h('p', { class: 'lead', text: t('newsletter.intro') })),
    page.form, page.result, page.history);
  page.addStory.addEventListener('click', () => onAddStory(page));
  page.from.input.addEventListener('input', () => saveDraft(page));
  page.to.input.addEventListener('input', () => saveDraft(page));
  page.form.addEventListener('submit', (e) => onBuild(page, e));
  drawStories(page);
  drawHistory(page);
  return {
    destroy: () => {
      clearTimeout(page.draftTimer);
      api.newsletterDraftSave(newsletterInput(page)).catch(() => {});
    },
  };
}

// The period (the draft's, else the one offered) and the stories' frame.
function drawForm(start) {
  const draft = start.draft;
  const from = field({ label: t('newsletter.from'), name: 'newsletter_from', value: shortDate(draft ? draft.from : start.period.from) || (draft ? draft.from : ''), hint: t('common.date_hint'), required: true, attrs: { autocomplete: 'off' } });
  const to = field({ label: t('newsletter.to'), name: 'newsletter_to', value: shortDate(draft ? draft.to : start.period.to) || (draft ? draft.to : ''), hint: t('common.date_hint'), required: true, attrs: { autocomplete: 'off' } });
  const storyBox = h('div', { class: 'stories', id: 'stories' });
  const addStory = h('button', { class: 'btn secondary', type: 'button', id: 'story-add', text: t('newsletter.add_story') });
  const buildBtn = h('button', { class: 'btn', type: 'submit', id: 'newsletter-build', text: t('newsletter.build') });
  const form = h('form', { class: 'card', novalidate: true, 'aria-labelledby': 'nl-form-h' },
    h('h3', { id: 'nl-form-h', text: t('newsletter.period') }),
    h('p', { class: 'hint', text: start.issues.length ? t('newsletter.period_hint_last', { to: shortDate(start.issues[0].period_to) }) : t('newsletter.period_hint_first') }),
    h('div', { class: 'grid-2' }, from.wrap, to.wrap),
    h('h3', { text: t('newsletter.stories') }),
    h('p', { class: 'hint', text: t('newsletter.stories_hint') }),
    storyBox,
    h('div', { class: 'actions' }, addStory),
    h('div', { class: 'actions form-end' }, buildBtn));
  return { from, to, storyBox, addStory, buildBtn, form };
}

function newsletterInput(page) {
  return {
    from: page.from.input.value,
    to: page.to.input.value,
    stories: page.stories.map((s) => ({ title: s.title, body: s.body })),
  };
}

// Draft: saved shortly after each change, so nothing typed is lost.
function saveDraft(page) {
  clearTimeout(page.draftTimer);
  page.draftTimer = setTimeout(() => { page.api.newsletterDraftSave(newsletterInput(page)).catch(() => {}); }, DRAFT_DELAY_MS);
}

// ── stories ──

function storyFieldset(page, s, i) {
  const title = field({ label: t('newsletter.story_title', { n: i + 1 }), name: 'story_title', value: s.title, attrs: { maxlength: 200 } });
  const body = field({ label: t('newsletter.story_body', { n: i + 1 }), name: 'story_body', value: s.body, multiline: true });
  title.input.addEventListener('input', () => { s.title = title.input.value; saveDraft(page); });
  body.input.addEventListener('input', () => { s.body = body.input.value; saveDraft(page); });
  const remove = h('button', { class: 'btn small danger', type: 'button', text: t('newsletter.remove_story'), 'aria-label': t('newsletter.remove_story_n', { n: i + 1 }) });
  remove.addEventListener('click', () => onRemoveStory(page, s, i));
  const set = h('fieldset', { class: 'story', 'data-story': String(i) },
    h('legend', { text: t('newsletter.story_n', { n: i + 1 }) }), title.wrap, body.wrap, h('div', { class: 'actions' }, remove));
  return { set, title };
}

function drawStories(page, focusIndex) {
  clear(page.storyBox);
  page.stories.forEach((s, i) => {
    const { set, title } = storyFieldset(page, s, i);
    page.storyBox.append(set);
    if (focusIndex === i) title.input.focus();
  });
}

function onAddStory(page) {
  page.stories.push({ title: '', body: '' });
  drawStories(page, page.stories.length - 1);
}

async function onRemoveStory(page, s, i) {
  if ((s.title || s.body) && !(await confirmDialog(t('newsletter.remove_confirm'), { ok: t('common.remove'), danger: true }))) return;
  page.stories.splice(i, 1);
  drawStories(page);
  saveDraft(page);
  page.addStory.focus();
}

// ── building and the result ──

async function onBuild(page, e) {
  e.preventDefault();
  clearErrors(page.form);
  page.buildBtn.disabled = true;
  try {
    page.built = await page.api.newsletterBuild(newsletterInput(page));
    drawResult(page);
    const heading = page.result.querySelector('h3');
    heading.setAttribute('tabindex', '-1');
    heading.focus();
  } catch (err) {
    page.built = null;
    drawResult(page);
    showFieldError(page.form, err, page.notify);
  } finally {
    page.buildBtn.disabled = false;
  }
}

async function copy(notify, text, html) {
  if (await copyText(text, html)) notify(t('newsletter.copied'));
  else notify(t('newsletter.copy_failed'), 'error');
}

// Copy (HTML, text, Bcc), save the files, record as sent.
function resultActions(page, n) {
  const button = (id, cls, label, onClick) => {
    const b = h('button', { class: cls, type: 'button', id, text: label });
    b.addEventListener('click', onClick);
    return b;
  };
  return h('div', { class: 'actions' },
    button('copy-html', 'btn', t('newsletter.copy_html'), () => copy(page.notify, n.text, n.html)),
    button('copy-text', 'btn secondary', t('newsletter.copy_text'), () => copy(page.notify, n.text)),
    button('copy-bcc', 'btn secondary', t('newsletter.copy_bcc'), () => copy(page.notify, n.bcc)),
    button('newsletter-save', 'btn secondary', t('newsletter.save_files'), () => onSaveFiles(page, n)),
    button('newsletter-record', 'btn secondary', t('newsletter.record'), () => onRecord(page, n)));
}

function stat(id, label, value) {
  return h('div', { class: 'stat', id }, h('span', { class: 'stat-value', text: String(value) }), h('span', { class: 'stat-label', text: label }));
}

function drawResult(page) {
  clear(page.result);
  const n = page.built;
  if (!n) return;
  const bccId = nextId('bcc');
  const srcId = nextId('src');
  page.result.append(h('section', { class: 'card', 'aria-labelledby': 'nl-result-h' },
    h('h3', { id: 'nl-result-h', text: n.subject }),
    h('div', { class: 'stats' },
      stat('nl-new-partners', t('newsletter.new_partners'), n.new_partners.length),
      stat('nl-upcoming', t('newsletter.upcoming'), n.upcoming.length),
      n.grants_available ? stat('nl-grants', t('newsletter.grants'), n.grants.length) : null,
      stat('nl-recipients', t('newsletter.recipients'), n.recipients.length)),
    n.grants_available ? null : h('p', { class: 'hint', text: t('newsletter.no_grants_area') }),
    resultActions(page, n),
    h('div', { class: 'field' },
      h('label', { for: bccId, text: t('newsletter.bcc') }),
      h('textarea', { id: bccId, readonly: true, rows: 3, class: 'mono', value: n.bcc || t('newsletter.no_recipients') })),
    h('h4', { text: t('newsletter.preview_text') }),
    h('pre', { class: 'newsletter-text', id: 'newsletter-text', tabindex: '0', text: n.text }),
    h('details', {},
      h('summary', { text: t('newsletter.html_source') }),
      h('label', { for: srcId, class: 'visually-hidden', text: t('newsletter.html_source') }),
      h('textarea', { id: srcId, readonly: true, rows: 12, class: 'mono', value: n.html }))));
}

// "Gem som" asks for the HTML's place; the text and the CSV go beside it.
async function onSaveFiles(page, n) {
  const input = newsletterInput(page);
  const name = `Nyhedsbrev ${n.period_from} til ${n.period_to}.html`;
  try {
    const res = await saveDocument('newsletters', name, (path) => page.api.newsletterSave(input, path));
    if (res) page.notify(t('events.saved_file', { path: res.paths.join(', ') }));
  } catch (err) { showFieldError(page.form, err, page.notify); }
}

async function onRecord(page, n) {
  const { api, notify } = page;
  const ok = await confirmDialog(t('newsletter.record_confirm', { n: n.recipients.length }), { ok: t('newsletter.record') });
  if (!ok) return;
  try {
    await api.newsletterRecord(newsletterInput(page));
    notify(t('newsletter.recorded'));
    // Offer the next period at once.
    const next = await api.newsletterStart();
    page.start.issues = next.issues;
    page.from.input.value = shortDate(next.period.from);
    page.to.input.value = shortDate(next.period.to);
    page.stories = [];
    page.built = null;
    drawStories(page);
    drawResult(page);
    drawHistory(page);
  } catch (err) { showFieldError(page.form, err, notify); }
}

// ── issues sent ──

function drawHistory(page) {
  const { history, start } = page;
  clear(history);
  history.append(h('h3', { id: 'nl-history-h', text: t('newsletter.history') }));
  if (!start.issues.length) {
    history.append(h('p', { class: 'hint', text: t('newsletter.history_none') }));
    return;
  }
  history.append(h('table', { class: 'data', id: 'newsletter-issues' },
    h('thead', {}, h('tr', {},
      h('th', { scope: 'col', text: t('newsletter.col_period') }),
      h('th', { scope: 'col', text: t('newsletter.col_sent') }),
      h('th', { scope: 'col', text: t('newsletter.recipients') }))),
    h('tbody', {}, start.issues.map((i) => h('tr', {},
      h('td', { text: `${shortDate(i.period_from)} – ${shortDate(i.period_to)}` }),
      h('td', { text: shortDate(i.issued_on) }),
      h('td', { text: String(i.recipient_count) }))))));
}
