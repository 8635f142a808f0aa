// Indstillinger: the programme, its goals, the logo, the signatories, the
// UI language and the data (where it lives, the copies taken before updates).
// Each section saves on its own; errors appear at their field.
import { h, fill, field, showFieldError, clearErrors, fileToBase64, nextId } from '../../dom.js';
import { t, tn, language } from '../../i18n/index.js';
import { shortDate, count, decimal1, localStamp } from '../../format.js';
import { confirmDialog } from '../../dialog.js';

export async function render(main, ctx) {
  const { api, notify } = ctx;
  let settings = await api.settingsGet();
  const dirty = new Set();

  const page = h('div', { class: 'settings' });
  main.append(
    h('div', { class: 'page-head' },
      h('h2', { text: t('settings.title') }),
      h('p', { class: 'lead', text: t('settings.intro') })),
    page);

  const fail = (scope) => (err) => showFieldError(scope, err, notify);

  // ── programme ──
  function programmeCard() {
    const p = settings.programme;
    const muni = field({ label: t('settings.municipality'), name: 'municipality', value: p.municipality, required: true, attrs: { maxlength: 200, autocomplete: 'off' } });
    const name = field({ label: t('settings.programme_name'), name: 'programme_name', value: p.name, required: true, attrs: { maxlength: 200, autocomplete: 'off' } });
    const from = field({ label: t('settings.period_from'), name: 'period_from', value: shortDate(p.period_from), hint: t('common.date_hint') });
    const to = field({ label: t('settings.period_to'), name: 'period_to', value: shortDate(p.period_to), hint: t('common.date_hint') });
    const save = h('button', { class: 'btn', type: 'submit', text: t('settings.save_programme') });
    const form = h('form', { class: 'card', 'aria-labelledby': 'settings-programme-h', novalidate: true },
      h('h3', { id: 'settings-programme-h', text: t('settings.programme') }),
      h('div', { class: 'grid-2' }, muni.wrap, name.wrap, from.wrap, to.wrap),
      h('div', { class: 'actions' }, save));
    form.addEventListener('input', () => dirty.add('programme'));
    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      clearErrors(form);
      save.disabled = true;
      try {
        settings.programme = await api.programmeSave({
          municipality: muni.input.value,
          name: name.input.value,
          period_from: from.input.value,
          period_to: to.input.value,
        });
        dirty.delete('programme');
        notify(t('settings.programme_saved'));
        await ctx.refreshHeader();
      } catch (err) {
        fail(form)(err);
      } finally {
        save.disabled = false;
      }
    });
    return form;
  }

  // ── goals ──
  const goalsCard = h('section', { class: 'card', 'aria-labelledby': 'settings-goals-h' });
  function drawGoals(focusSelector, fallback) {
    goalsCard.replaceChildren(
      h('h3', { id: 'settings-goals-h', text: t('settings.goals') }),
      h('p', { class: 'hint', text: t('settings.goals_intro') }));
    const list = h('ol', { class: 'goal-list', id: 'goal-list' });
    const goals = settings.goals;
    goals.forEach((g, i) => {
      const id = nextId('goal');
      const input = h('input', { id, type: 'text', value: g.title, maxlength: 200, 'data-goal-id': g.id, 'aria-describedby': `${id}-err` });
      const error = h('p', { class: 'field-error', id: `${id}-err`, 'data-error-for': 'goal_title' });
      const renameBtn = h('button', { class: 'btn small secondary', type: 'button', text: t('settings.goal_rename'), disabled: true, 'data-action': 'rename' });
      const doRename = async () => {
        clearErrors(row);
        try {
          await api.goalRename(g.id, input.value);
          dirty.delete(`goal-${g.id}`);
          notify(t('settings.goal_renamed'));
          await reload(`[data-goal-id="${g.id}"]`);
        } catch (err) { fail(row)(err); }
      };
      input.addEventListener('input', () => {
        const changed = input.value !== g.title;
        renameBtn.disabled = !changed;
        if (changed) dirty.add(`goal-${g.id}`); else dirty.delete(`goal-${g.id}`);
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
        } catch (err) { fail(row)(err); }
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
        } catch (err) { fail(row)(err); }
      });
      const row = h('li', { class: g.retired ? 'goal-row retired' : 'goal-row', 'data-row-goal': g.id },
        h('span', { class: 'goal-num', 'aria-hidden': 'true', text: `${i + 1}.` }),
        h('div', { class: 'field' },
          h('label', { for: id, class: 'label' }, t('settings.goal_n', { n: i + 1 }), g.retired ? h('span', { class: 'badge', text: ` ${t('settings.goal_retired')}` }) : null),
          input, error),
        h('div', { class: 'actions' }, up, down, renameBtn, retire));
      list.append(row);
    });
    const add = field({ label: t('settings.goal_new'), name: 'goal_new', attrs: { maxlength: 200, autocomplete: 'off' } });
    add.error.setAttribute('data-error-for', 'goal_title');
    const addBtn = h('button', { class: 'btn', type: 'submit', text: t('settings.goal_add') });
    const addForm = h('form', { class: 'goal-add', novalidate: true }, add.wrap, h('div', { class: 'actions' }, addBtn));
    addForm.addEventListener('input', () => { if (add.input.value) dirty.add('goal-new'); else dirty.delete('goal-new'); });
    addForm.addEventListener('submit', async (e) => {
      e.preventDefault();
      clearErrors(addForm);
      try {
        await api.goalAdd(add.input.value);
        dirty.delete('goal-new');
        notify(t('settings.goal_added'));
        await reload('#goal-add-input');
      } catch (err) { fail(addForm)(err); }
    });
    add.input.id = 'goal-add-input';
    add.wrap.querySelector('label').setAttribute('for', 'goal-add-input');
    goalsCard.append(list, addForm);
    if (focusSelector) {
      const el = goalsCard.querySelector(focusSelector);
      const alt = fallback ? goalsCard.querySelector(fallback) : null;
      if (el && !el.disabled) el.focus();
      else if (alt) alt.focus();
    }
  }
  async function reload(focusSelector, fallback) {
    settings = await api.settingsGet();
    drawGoals(focusSelector, fallback);
  }

  // ── images ──
  function imageBox(ref, alt, emptyText) {
    const box = h('div', { class: 'image-box' }, emptyText);
    if (ref) {
      api.imageDataUrl(ref.id).then((url) => {
        if (url) box.replaceChildren(h('img', { src: url, alt }));
      }).catch(() => {});
    }
    return box;
  }

  function logoCard() {
    const card = h('section', { class: 'card', 'aria-labelledby': 'settings-logo-h' });
    const draw = () => {
      const logo = settings.programme.logo;
      const file = field({ label: t('settings.logo_file'), name: 'logo', type: 'file', attrs: { accept: 'image/png,image/jpeg' } });
      file.input.addEventListener('change', async () => {
        const f = file.input.files && file.input.files[0];
        if (!f) return;
        clearErrors(card);
        try {
          const data = await fileToBase64(f);
          settings.programme.logo = await api.logoSet(data);
          notify(t('settings.logo_saved'));
          draw();
        } catch (err) { fail(card)(err); }
      });
      const remove = h('button', { class: 'btn secondary', type: 'button', text: t('settings.logo_remove'), disabled: !logo });
      remove.addEventListener('click', async () => {
        try { await api.logoRemove(); settings.programme.logo = null; draw(); } catch (err) { fail(card)(err); }
      });
      card.replaceChildren(
        h('h3', { id: 'settings-logo-h', text: t('settings.logo') }),
        h('p', { class: 'hint', text: t('settings.logo_intro') }),
        imageBox(logo, t('settings.logo_alt'), t('settings.logo_none')),
        file.wrap,
        h('div', { class: 'actions' }, remove));
    };
    draw();
    return card;
  }

  // ── signatories ──
  function signatoryCard(slot) {
    const card = h('form', { class: 'card', novalidate: true, 'aria-labelledby': `sig-${slot}-h`, 'data-slot': slot });
    const draw = () => {
      const s = settings.signatories.find((x) => x.slot === slot);
      const name = field({ label: t('settings.signatory_name'), name: 'signatory_name', value: s ? s.name : '', attrs: { maxlength: 200, autocomplete: 'off' } });
      const title = field({ label: t('settings.signatory_title'), name: 'signatory_title', value: s ? s.title : '', hint: t('settings.signatory_title_hint'), attrs: { maxlength: 200, autocomplete: 'off' } });
      const save = h('button', { class: 'btn', type: 'submit', text: t('settings.signatory_save') });
      const remove = h('button', { class: 'btn danger', type: 'button', text: t('settings.signatory_remove'), disabled: !s });
      remove.addEventListener('click', async () => {
        try {
          await api.signatoryRemove(slot);
          settings.signatories = settings.signatories.filter((x) => x.slot !== slot);
          dirty.delete(`sig-${slot}`);
          draw();
        } catch (err) { fail(card)(err); }
      });
      const sigFile = field({ label: t('settings.signature_file'), name: 'signature', type: 'file', attrs: { accept: 'image/png,image/jpeg', disabled: !s } });
      sigFile.input.addEventListener('change', async () => {
        const f = sigFile.input.files && sigFile.input.files[0];
        if (!f) return;
        clearErrors(card);
        try {
          const ref = await api.signatureSet(slot, await fileToBase64(f));
          s.signature = ref;
          notify(t('settings.signature_saved'));
          draw();
        } catch (err) { fail(card)(err); }
      });
      card.onsubmit = async (e) => {
        e.preventDefault();
        clearErrors(card);
        try {
          const saved = await api.signatorySave({ slot, name: name.input.value, title: title.input.value });
          settings.signatories = settings.signatories.filter((x) => x.slot !== slot).concat([saved]);
          dirty.delete(`sig-${slot}`);
          notify(t('settings.signatory_saved'));
          draw();
        } catch (err) { fail(card)(err); }
      };
      card.oninput = () => dirty.add(`sig-${slot}`);
      card.replaceChildren(
        h('h3', { id: `sig-${slot}-h`, text: t('settings.signatory_n', { n: slot }) }),
        name.wrap, title.wrap,
        imageBox(s && s.signature, t('settings.signature_alt', { name: s ? s.name : '' }), t('settings.signature_none')),
        sigFile.wrap,
        h('div', { class: 'actions' }, save, remove));
    };
    draw();
    return card;
  }

  // ── language ──
  function languageCard() {
    const sel = field({
      label: t('settings.language_label'), name: 'language', value: language(),
      options: [{ value: 'da', label: 'Dansk' }, { value: 'en', label: 'English' }],
    });
    sel.input.addEventListener('change', async () => {
      try {
        const lang = await api.languageSet(sel.input.value);
        await ctx.changeLanguage(lang);
        notify(t('settings.language_saved'));
        const again = document.querySelector('select[name="language"]');
        if (again) again.focus();
      } catch (err) { fail(card)(err); }
    });
    const card = h('section', { class: 'card', 'aria-labelledby': 'settings-lang-h' },
      h('h3', { id: 'settings-lang-h', text: t('settings.language') }), sel.wrap);
    return card;
  }

  // ── data and backups ──
  const backupsCard = h('section', { class: 'card', 'aria-labelledby': 'settings-data-h', id: 'settings-data' });
  async function drawBackups() {
    let info = null;
    let list = [];
    try {
      [info, list] = await Promise.all([api.appInfo(), api.backupsList()]);
    } catch (err) {
      notify(err.message, 'error');
    }
    const items = list.map((b) => {
      const at = localStamp(b.taken_at);
      const size = b.bytes < 1048576
        ? `${count(Math.max(1, Math.round(b.bytes / 1024)))} kB`
        : `${decimal1(b.bytes / 1048576)} MB`;
      return h('li', {}, t('settings.backup_item', { date: at.date, time: at.time, version: b.version, size }));
    });
    const del = h('button', { class: 'btn danger', type: 'button', id: 'settings-backups-delete', text: t('settings.backups_delete') });
    del.addEventListener('click', async () => {
      const yes = await confirmDialog(tn('settings.backups_confirm', list.length), { ok: t('settings.backups_delete'), danger: true });
      if (!yes) return;
      try {
        const n = await api.backupsDelete();
        notify(tn('settings.backups_deleted', n));
        await drawBackups();
        const again = document.getElementById('settings-data-h');
        if (again) again.focus();
      } catch (err) {
        notify(err.message, 'error');
      }
    });
    fill(backupsCard,
      h('h3', { id: 'settings-data-h', tabindex: -1, text: t('settings.data') }),
      info && info.data_dir
        ? h('p', {}, t('settings.data_dir'), ' ', h('code', { id: 'settings-data-dir', text: info.data_dir }))
        : null,
      h('p', { class: 'hint', text: t('settings.backups_intro') }),
      list.length
        ? h('ul', { id: 'settings-backups' }, items)
        : h('p', { id: 'settings-backups-none', text: t('settings.backups_none') }),
      list.length ? h('div', { class: 'actions' }, del) : null);
  }

  drawGoals();
  drawBackups();
  page.append(
    programmeCard(),
    goalsCard,
    logoCard(),
    h('section', { 'aria-labelledby': 'settings-sig-h' },
      h('h3', { id: 'settings-sig-h', text: t('settings.signatories') }),
      h('p', { class: 'lead', text: t('settings.signatories_intro') }),
      h('div', { class: 'grid-2' }, signatoryCard(1), signatoryCard(2))),
    languageCard(),
    backupsCard);

  return { canLeave: () => dirty.size === 0 };
}
