// Rapporter, the evaluations: as the case bank asks them (two ratings on
// Slet ikke … I høj grad, evaluated or not, four free texts), saved with
// the date and who wrote them; every evaluation is kept (midway, final).
import { h, field, nextId, showFieldError, clearErrors } from '../../dom.js';
import { t } from '../../i18n/index.js';
import { shortDate } from '../../format.js';
import { confirmDialog } from '../../dialog.js';

const DEGREES = [0, 1, 2, 3];
const EVALUATED = ['nej', 'internt', 'eksternt'];
const TEXTS = ['effect', 'attention', 'barriers', 'promoting'];

// A rating as a group of four radio buttons.
function degreeGroup(name, value) {
  const legendId = nextId(name);
  const errorId = nextId(`${name}-err`);
  const error = h('p', { class: 'field-error', id: errorId, 'data-error-for': `evaluation_${name}` });
  const group = h('fieldset', { class: 'field degree', 'aria-describedby': errorId },
    h('legend', { id: legendId, text: t(`reports.eval_${name}`) }),
    DEGREES.map((d) => {
      const id = nextId(`${name}-${d}`);
      return h('label', { for: id, class: 'radio' },
        h('input', { type: 'radio', id, name, value: String(d), checked: value === d }),
        ` ${t(`reports.degree_${d}`)}`);
    }),
    error);
  return { el: group, get: () => {
    const c = group.querySelector('input:checked');
    return c ? Number(c.value) : null;
  } };
}

function form(page, ev) {
  const e = ev || { written_on: '', author: '', purpose_met: null, implemented: null, evaluated: 'nej', effect: '', attention: '', barriers: '', promoting: '' };
  const date = field({ label: t('reports.eval_date'), name: 'evaluation_written_on', value: e.written_on ? shortDate(e.written_on) : '', hint: t('reports.eval_date_hint') });
  const author = field({ label: t('reports.eval_author'), name: 'evaluation_author', value: e.author, required: true });
  const purpose = degreeGroup('purpose_met', e.purpose_met);
  const implemented = degreeGroup('implemented', e.implemented);
  const evaluated = field({ label: t('reports.eval_evaluated'), name: 'evaluation_evaluated', value: e.evaluated,
    options: EVALUATED.map((v) => ({ value: v, label: t(`reports.evaluated_${v}`) })) });
  const texts = Object.fromEntries(TEXTS.map((k) => [k, field({ label: t(`reports.eval_${k}`), name: `evaluation_${k}`, value: e[k], multiline: true, attrs: { rows: 4 } })]));
  const save = h('button', { class: 'btn', type: 'submit', id: 'evaluation-save', text: t('reports.eval_save') });
  const cancel = h('button', { class: 'btn secondary', type: 'button', text: t('reports.cancel'), onclick: () => draw(page) });
  const el = h('form', { class: 'card', id: 'evaluation-form', 'aria-labelledby': 'evaluation-form-h' },
    h('h3', { id: 'evaluation-form-h', text: ev ? t('reports.eval_edit') : t('reports.eval_new') }),
    h('div', { class: 'grid-2' }, date.wrap, author.wrap),
    purpose.el, implemented.el, evaluated.wrap,
    TEXTS.map((k) => texts[k].wrap),
    h('div', { class: 'actions form-end' }, save, cancel));
  el.addEventListener('input', () => { page.dirty = true; });
  el.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearErrors(el);
    const input = {
      id: ev ? ev.id : '',
      written_on: date.input.value, author: author.input.value,
      purpose_met: purpose.get(), implemented: implemented.get(), evaluated: evaluated.input.value,
      ...Object.fromEntries(TEXTS.map((k) => [k, texts[k].input.value])),
    };
    try {
      await page.api.evaluationSave(input);
      page.dirty = false;
      page.notify(t('reports.eval_saved'));
      await draw(page);
    } catch (err) { showFieldError(el, err, page.notify); }
  });
  return el;
}

function list(page) {
  if (!page.evaluations.length) return h('p', { class: 'hint', id: 'evaluations-none', text: t('reports.eval_none') });
  return h('table', { class: 'data', id: 'evaluations' },
    h('caption', { text: t('reports.eval_list') }),
    h('thead', {}, h('tr', {}, [t('reports.eval_date'), t('reports.eval_author'), t('reports.eval_purpose_met'), t('reports.eval_implemented'), t('reports.eval_evaluated'), ''].map((c) => h('th', { scope: 'col', text: c })))),
    h('tbody', {}, page.evaluations.map((e) => h('tr', { 'data-id': e.id },
      h('td', { text: shortDate(e.written_on) }),
      h('td', { text: e.author }),
      h('td', { text: t(`reports.degree_${e.purpose_met}`) }),
      h('td', { text: t(`reports.degree_${e.implemented}`) }),
      h('td', { text: t(`reports.evaluated_${e.evaluated}`) }),
      h('td', {},
        h('button', { class: 'btn secondary small', type: 'button', text: t('reports.edit'), onclick: () => page.slot.replaceChildren(form(page, e)) }),
        ' ',
        h('button', { class: 'btn danger small', type: 'button', text: t('reports.delete'), onclick: async () => {
          if (!(await confirmDialog(t('reports.eval_delete_q'), { ok: t('reports.delete'), cancel: t('reports.cancel'), danger: true }))) return;
          try { await page.api.evaluationDelete(e.id); await draw(page); } catch (err) { page.notify(err.message, 'error'); }
        } }))))));
}

async function draw(page) {
  page.dirty = false;
  page.evaluations = await page.api.evaluationsList();
  const write = h('button', { class: 'btn', type: 'button', id: 'evaluation-new', text: t('reports.eval_new'),
    onclick: () => { page.slot.replaceChildren(form(page, null)); page.slot.querySelector('input').focus(); } });
  page.slot = h('div', { id: 'evaluation-slot' });
  page.body.replaceChildren(
    h('section', { class: 'card' }, h('p', { text: t('reports.eval_intro') }), h('div', { class: 'actions' }, write), list(page)),
    page.slot);
}

export async function render(container, ctx) {
  const page = { api: ctx.api, notify: ctx.notify, evaluations: [], dirty: false, body: h('div', { id: 'evaluation-body' }), slot: null };
  container.append(page.body);
  await draw(page);
  return { canLeave: () => !page.dirty };
}
