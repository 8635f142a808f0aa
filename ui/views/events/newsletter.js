// Nyhedsbrev (#/arrangementer/nyhedsbrev): pick a period (offered from where
// the last issue ended), write stories, build, then copy the HTML for Outlook,
// the plain text and the Bcc list, or save the files; and record the issue as
// sent. What is typed is kept as a draft in the database as you go.
//
// The HTML made for the e-mail carries inline styles, which this page's CSP
// forbids, so it is not rendered here: the page shows the plain-text version
// and the HTML source, and the e-mail program renders the HTML.
import { h, clear, field, showFieldError, clearErrors, nextId } from '../../dom.js';
import { t } from '../../i18n/index.js';
import { shortDate } from '../../format.js';
import { confirmDialog } from '../../dialog.js';

export async function render(main, ctx) {
  const { api, notify } = ctx;
  const start = await api.newsletterStart();
  const draft = start.draft;
  let built = null;
  let stories = draft && draft.stories.length ? draft.stories.map((s) => ({ ...s })) : [];

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
  const result = h('div', { id: 'newsletter-result', 'aria-live': 'polite' });
  const history = h('section', { class: 'card', 'aria-labelledby': 'nl-history-h' });
  main.append(
    h('p', { class: 'back' }, h('a', { href: '#/arrangementer', text: `← ${t('events.back')}` })),
    h('div', { class: 'page-head' }, h('h2', { text: t('newsletter.title') }), h('p', { class: 'lead', text: t('newsletter.intro') })),
    form, result, history);

  const input = () => ({ from: from.input.value, to: to.input.value, stories: stories.map((s) => ({ title: s.title, body: s.body })) });

  // Draft: saved shortly after each change, so nothing typed is lost.
  let draftTimer = null;
  const saveDraft = () => {
    clearTimeout(draftTimer);
    draftTimer = setTimeout(() => { api.newsletterDraftSave(input()).catch(() => {}); }, 600);
  };

  function drawStories(focusIndex) {
    clear(storyBox);
    stories.forEach((s, i) => {
      const title = field({ label: t('newsletter.story_title', { n: i + 1 }), name: 'story_title', value: s.title, attrs: { maxlength: 200 } });
      const body = field({ label: t('newsletter.story_body', { n: i + 1 }), name: 'story_body', value: s.body, multiline: true });
      title.input.addEventListener('input', () => { s.title = title.input.value; saveDraft(); });
      body.input.addEventListener('input', () => { s.body = body.input.value; saveDraft(); });
      const remove = h('button', { class: 'btn small danger', type: 'button', text: t('newsletter.remove_story'), 'aria-label': t('newsletter.remove_story_n', { n: i + 1 }) });
      remove.addEventListener('click', async () => {
        if ((s.title || s.body) && !(await confirmDialog(t('newsletter.remove_confirm'), { ok: t('common.remove'), danger: true }))) return;
        stories.splice(i, 1);
        drawStories();
        saveDraft();
        addStory.focus();
      });
      storyBox.append(h('fieldset', { class: 'story', 'data-story': String(i) },
        h('legend', { text: t('newsletter.story_n', { n: i + 1 }) }), title.wrap, body.wrap, h('div', { class: 'actions' }, remove)));
      if (focusIndex === i) title.input.focus();
    });
  }
  addStory.addEventListener('click', () => {
    stories.push({ title: '', body: '' });
    drawStories(stories.length - 1);
  });
  from.input.addEventListener('input', saveDraft);
  to.input.addEventListener('input', saveDraft);

  async function copy(text, html) {
    try {
      if (html && window.ClipboardItem && navigator.clipboard && navigator.clipboard.write) {
        await navigator.clipboard.write([new ClipboardItem({
          'text/html': new Blob([html], { type: 'text/html' }),
          'text/plain': new Blob([text], { type: 'text/plain' }),
        })]);
      } else {
        await navigator.clipboard.writeText(text);
      }
      notify(t('newsletter.copied'));
    } catch {
      notify(t('newsletter.copy_failed'), 'error');
    }
  }

  function drawResult() {
    clear(result);
    if (!built) return;
    const n = built;
    const stat = (id, label, value) => h('div', { class: 'stat', id }, h('span', { class: 'stat-value', text: String(value) }), h('span', { class: 'stat-label', text: label }));
    const copyHtml = h('button', { class: 'btn', type: 'button', id: 'copy-html', text: t('newsletter.copy_html') });
    const copyText = h('button', { class: 'btn secondary', type: 'button', id: 'copy-text', text: t('newsletter.copy_text') });
    const copyBcc = h('button', { class: 'btn secondary', type: 'button', id: 'copy-bcc', text: t('newsletter.copy_bcc') });
    const saveFiles = h('button', { class: 'btn secondary', type: 'button', id: 'newsletter-save', text: t('newsletter.save_files') });
    const record = h('button', { class: 'btn secondary', type: 'button', id: 'newsletter-record', text: t('newsletter.record') });
    copyHtml.addEventListener('click', () => copy(n.text, n.html));
    copyText.addEventListener('click', () => copy(n.text));
    copyBcc.addEventListener('click', () => copy(n.bcc));
    saveFiles.addEventListener('click', async () => {
      try {
        const res = await api.newsletterSave(input());
        notify(t('events.saved_file', { path: res.paths.join(', ') }));
      } catch (err) { showFieldError(form, err, notify); }
    });
    record.addEventListener('click', async () => {
      const ok = await confirmDialog(t('newsletter.record_confirm', { n: n.recipients.length }), { ok: t('newsletter.record') });
      if (!ok) return;
      try {
        await api.newsletterRecord(input());
        notify(t('newsletter.recorded'));
        // Offer the next period at once.
        const next = await api.newsletterStart();
        start.issues = next.issues;
        from.input.value = shortDate(next.period.from);
        to.input.value = shortDate(next.period.to);
        stories = [];
        built = null;
        drawStories();
        drawResult();
        drawHistory();
      } catch (err) { showFieldError(form, err, notify); }
    });
    const bccId = nextId('bcc');
    const srcId = nextId('src');
    result.append(h('section', { class: 'card', 'aria-labelledby': 'nl-result-h' },
      h('h3', { id: 'nl-result-h', text: n.subject }),
      h('div', { class: 'stats' },
        stat('nl-new-partners', t('newsletter.new_partners'), n.new_partners.length),
        stat('nl-upcoming', t('newsletter.upcoming'), n.upcoming.length),
        n.grants_available ? stat('nl-grants', t('newsletter.grants'), n.grants.length) : null,
        stat('nl-recipients', t('newsletter.recipients'), n.recipients.length)),
      n.grants_available ? null : h('p', { class: 'hint', text: t('newsletter.no_grants_area') }),
      h('div', { class: 'actions' }, copyHtml, copyText, copyBcc, saveFiles, record),
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

  function drawHistory() {
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

  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    clearErrors(form);
    buildBtn.disabled = true;
    try {
      built = await api.newsletterBuild(input());
      drawResult();
      result.querySelector('h3').setAttribute('tabindex', '-1');
      result.querySelector('h3').focus();
    } catch (err) {
      built = null;
      drawResult();
      showFieldError(form, err, notify);
    } finally {
      buildBtn.disabled = false;
    }
  });

  drawStories();
  drawHistory();
  return { destroy: () => { clearTimeout(draftTimer); api.newsletterDraftSave(input()).catch(() => {}); } };
}
