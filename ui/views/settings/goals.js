// Indstillinger, the programme's goals: rename, reorder, retire, add.
import { h, field, clearErrors, nextId } from '../../dom.js';
import { t } from '../../i18n/index.js';

// One goal as a list row; `reload(focus, fallback)` draws the list again.
function goalRow(page, goals, g, i, reload) {
  const { api, notify } = page;
  const id = nextId('goal');
  const input = h('input', { id, type: 'text', value: g.title, maxlength: 200, 'data-goal-id': g.id, 'aria-describedby': `${id}-err` });
  const error = h('p', { class: 'field-error', id: `${id}-err`, 'data-error-for': 'goal_title' });
  const renameBtn = h('button', { class: 'btn small secondary', type: 'button', text: t('settings.goal_rename'), disabled: true, 'data-action': 'rename' });
  const doRename = async () => {
    clearErrors(row);
    try {
      await api.goalRename(g.id, input.value);
      page.dirty.delete(`goal-${g.id}`);
      // The list is drawn again first: the notice comes once the page
      // shows the new name (and holds the controls that will stay).
      await reload(`[data-goal-id="${g.id}"]`);
      notify(t('settings.goal_renamed'));
    } catch (err) { page.fail(row)(err); }
  };
  input.addEventListener('input', () => {
    const changed = input.value !== g.title;
    renameBtn.disabled = !changed;
    if (changed) page.dirty.add(`goal-${g.id}`); else page.dirty.delete(`goal-${g.id}`);
  });
  input.addEventListener('keydown', (e) => { if (e.key === 'Enter') { e.preventDefault(); doRename(); } });
  renameBtn.addEventListener('click', doRename);
  const move = async (delta) => {
    const ids = goals.map((x) => x.id);
    const j = i + delta;
    [ids[i], ids[j]] = [ids[j], ids[i]];
    try {
      await api.goalsReorder(ids);
      await reload(`[data-row-goal="${g.id}"] [data-action="${delta < 0 ? 'up' : 'down'}"]`, `[data-goal-id="${g.id}"]`);
    } catch (err) { page.fail(row)(err); }
  };
  const up = h('button', { class: 'btn small secondary icon', type: 'button', text: '↑', 'data-action': 'up', 'aria-label': t('settings.goal_up_label', { title: g.title }), title: t('settings.goal_up'), disabled: i === 0 });
  const down = h('button', { class: 'btn small secondary icon', type: 'button', text: '↓', 'data-action': 'down', 'aria-label': t('settings.goal_down_label', { title: g.title }), title: t('settings.goal_down'), disabled: i === goals.length - 1 });
  up.addEventListener('click', () => move(-1));
  down.addEventListener('click', () => move(1));
  const retire = h('button', { class: 'btn small secondary', type: 'button', 'data-action': 'retire', text: g.retired ? t('settings.goal_unretire') : t('settings.goal_retire') });
  retire.addEventListener('click', async () => {
    try {
      await api.goalSetRetired(g.id, !g.retired);
      await reload(`[data-row-goal="${g.id}"] [data-action="retire"]`);
    } catch (err) { page.fail(row)(err); }
  });
  const row = h('li', { class: g.retired ? 'goal-row retired' : 'goal-row', 'data-row-goal': g.id },
    h('span', { class: 'goal-num', 'aria-hidden': 'true', text: `${i + 1}.` }),
    h('div', { class: 'field' },
      h('label', { for: id, class: 'label' }, t('settings.goal_n', { n: i + 1 }), g.retired ? h('span', { class: 'badge', text: ` ${t('settings.goal_retired')}` }) : null),
      input, error),
    h('div', { class: 'actions' }, up, down, renameBtn, retire));  return row;
}

function addGoalForm(page, reload) {
  const { api, notify } = page;
  const add = field({ label: t('settings.goal_new'), name: 'goal_new', attrs: { maxlength: 200, autocomplete: 'off' } });
  add.error.setAttribute('data-error-for', 'goal_title');
  const addBtn = h('button', { class: 'btn', type: 'submit', text: t('settings.goal_add') });
  const addForm = h('form', { class: 'goal-add', novalidate: true }, add.wrap, h('div', { class: 'actions' }, addBtn));
  addForm.addEventListener('input', () => { if (add.input.value) page.dirty.add('goal-new'); else page.dirty.delete('goal-new'); });
  addForm.addEventListener('submit', async (e) => {
    e.preventDefault();
    clearErrors(addForm);
    try {
      await api.goalAdd(add.input.value);
      page.dirty.delete('goal-new');
      await reload('#goal-add-input');
      notify(t('settings.goal_added'));
    } catch (err) { page.fail(addForm)(err); }
  });
  add.input.id = 'goal-add-input';
  add.wrap.querySelector('label').setAttribute('for', 'goal-add-input');  return addForm;
}

function drawGoals(page, goalsCard, focusSelector, fallback) {
  const reload = async (focus, alt) => {
    page.settings = await page.api.settingsGet();
    drawGoals(page, goalsCard, focus, alt);
  };
  const goals = page.settings.goals;
  goalsCard.replaceChildren(
    h('h3', { id: 'settings-goals-h', text: t('settings.goals') }),
    h('p', { class: 'hint', text: t('settings.goals_intro') }),
    h('ol', { class: 'goal-list', id: 'goal-list' }, goals.map((g, i) => goalRow(page, goals, g, i, reload))),
    addGoalForm(page, reload));
  if (focusSelector) {
    const el = goalsCard.querySelector(focusSelector);
    const alt = fallback ? goalsCard.querySelector(fallback) : null;
    if (el && !el.disabled) el.focus();
    else if (alt) alt.focus();
  }
}

export function goalsCard(page) {
  const card = h('section', { class: 'card', 'aria-labelledby': 'settings-goals-h' });
  drawGoals(page, card);
  return card;
}
