// Indstillinger, the UI language and the data: where it lives, the backups
// (taken each day and when the app closes after changes, on demand, and
// before an update), restoring one, the rotation and a second folder.
import { h, fill, field, showFieldError, clearErrors } from '../../dom.js';
import { t, tn, language } from '../../i18n/index.js';
import { count, decimal1, localStamp } from '../../format.js';
import { confirmDialog } from '../../dialog.js';
import { safetyChanged } from '../../safety.js';

export function languageCard(page) {
  const { api, notify } = page;
  const sel = field({
    label: t('settings.language_label'), name: 'language', value: language(),
    options: [{ value: 'da', label: 'Dansk' }, { value: 'en', label: 'English' }],
  });
  sel.input.addEventListener('change', async () => {
    try {
      const lang = await api.languageSet(sel.input.value);
      await page.ctx.changeLanguage(lang);
      notify(t('settings.language_saved'));
      const again = document.querySelector('select[name="language"]');
      if (again) again.focus();
    } catch (err) { page.fail(card)(err); }
  });
  const card = h('section', { class: 'card', 'aria-labelledby': 'settings-lang-h' },
    h('h3', { id: 'settings-lang-h', text: t('settings.language') }), sel.wrap);
  return card;
}

function sizeText(bytes) {
  return bytes < 1048576
    ? `${count(Math.max(1, Math.round(bytes / 1024)))} kB`
    : `${decimal1(bytes / 1048576)} MB`;
}

function kindText(kind, version) {
  const key = `settings.backup_kind.${kind}`;
  const text = t(key, { version });
  return text === key ? kind : text;
}

function focusHeading() {
  const again = document.getElementById('settings-data-h');
  if (again) again.focus();
}

function drawRows(page, card, list) {
  const { api, notify } = page;
  return list.map((b) => {
    const at = localStamp(b.taken_at);
    const restore = h('button', {
      class: 'btn', type: 'button', 'data-file': b.file_name,
      'aria-label': t('settings.backup_restore_label', { date: at.date, time: at.time }),
      text: t('settings.backup_restore'),
    });
    restore.disabled = !b.ok;
    restore.addEventListener('click', async () => {
      const yes = await confirmDialog(t('settings.backup_restore_confirm', { date: at.date, time: at.time }),
        { ok: t('settings.backup_restore'), danger: true });
      if (!yes) return;
      try {
        const r = await api.backupRestore(b.file_name);
        notify(t('settings.backup_restored', {
          date: at.date, time: at.time,
          partners: count(r.partners), diplomas: count(r.diplomas), grants: count(r.grants),
        }));
        await drawBackups(page, card);
        safetyChanged();
        focusHeading();
      } catch (err) { notify(err.message, 'error'); }
    });
    return h('tr', { 'data-file': b.file_name },
      h('td', { text: `${at.date} ${at.time}` }),
      h('td', { text: kindText(b.kind, b.version) }),
      h('td', { class: 'num', text: sizeText(b.bytes) }),
      h('td', { class: 'num', text: b.ok ? count(b.partners) : '–' }),
      h('td', { class: 'num', text: b.ok ? count(b.diplomas) : '–' }),
      h('td', { class: 'num', text: b.ok ? count(b.grants) : '–' }),
      h('td', {}, restore));
  });
}

function settingsForm(page, card, status) {
  const { api, notify } = page;
  const r = status.settings.rotation;
  const days = field({ label: t('settings.backup_days'), name: 'backup_days', type: 'number', value: String(r.days), attrs: { min: '0', max: '120' } });
  const weeks = field({ label: t('settings.backup_weeks'), name: 'backup_weeks', type: 'number', value: String(r.weeks), attrs: { min: '0', max: '120' } });
  const months = field({ label: t('settings.backup_months'), name: 'backup_months', type: 'number', value: String(r.months), attrs: { min: '0', max: '120' } });
  const folder = field({ label: t('settings.backup_folder'), name: 'backup_folder', value: status.settings.second_folder, hint: t('settings.backup_folder_hint') });
  const save = h('button', { class: 'btn', type: 'submit', id: 'settings-backup-save', text: t('settings.backup_settings_save') });
  const form = h('form', { id: 'settings-backup-form' },
    h('h4', { text: t('settings.backup_settings') }), days.wrap, weeks.wrap, months.wrap, folder.wrap,
    h('div', { class: 'actions' }, save));
  const num = (f) => Math.max(0, parseInt(f.input.value, 10) || 0);
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    clearErrors(form);
    try {
      await api.backupSettingsSave({
        rotation: { days: num(days), weeks: num(weeks), months: num(months) },
        second_folder: folder.input.value,
      });
      notify(t('settings.backup_settings_saved'));
    } catch (err) { showFieldError(form, err, notify); }
  });
  return form;
}

async function drawBackups(page, card) {
  const { api, notify } = page;
  let info = null;
  let status = null;
  let place = null;
  try {
    [info, status, place] = await Promise.all([api.appInfo(), api.backupsStatus(), api.dataLocation()]);
  } catch (err) {
    notify(err.message, 'error');
  }
  const list = status ? status.copies : [];
  const take = h('button', { class: 'btn primary', type: 'button', id: 'settings-backup-take', text: t('settings.backup_take') });
  take.addEventListener('click', async () => {
    take.disabled = true;
    try {
      const taken = await api.backupTake();
      notify(taken.second_folder_ok === false ? t('settings.backup_taken_second_failed') : t('settings.backup_taken'));
      await drawBackups(page, card);
      safetyChanged();
      focusHeading();
    } catch (err) { notify(err.message, 'error'); take.disabled = false; }
  });
  const del = h('button', { class: 'btn danger', type: 'button', id: 'settings-backups-delete', text: t('settings.backups_delete') });
  del.addEventListener('click', async () => {
    const yes = await confirmDialog(tn('settings.backups_confirm', list.length), { ok: t('settings.backups_delete'), danger: true });
    if (!yes) return;
    try {
      const n = await api.backupsDelete();
      notify(tn('settings.backups_deleted', n));
      await drawBackups(page, card);
      focusHeading();
    } catch (err) { notify(err.message, 'error'); }
  });
  // A backup file from outside backups/ (a USB stick, the network drive),
  // chosen in the system's "Åbn" dialog; checked and migrated like
  // `sundby restore FILE`.
  const fromFile = h('button', { class: 'btn', type: 'button', id: 'settings-backup-from-file', text: t('settings.backup_restore_file') });
  fromFile.addEventListener('click', async () => {
    try {
      const path = await api.backupOpenDialog();
      if (!path) return;
      const name = path.split(/[\\/]/).pop();
      const yes = await confirmDialog(t('settings.backup_restore_file_confirm', { name }),
        { ok: t('settings.backup_restore'), danger: true });
      if (!yes) return;
      const r = await api.backupRestoreFile(path);
      notify(t('settings.backup_restored_file', {
        name, partners: count(r.partners), diplomas: count(r.diplomas), grants: count(r.grants),
      }));
      await drawBackups(page, card);
      safetyChanged();
      focusHeading();
    } catch (err) { notify(err.message, 'error'); }
  });
  let last = t('settings.backup_last_none');
  if (status && status.last_good) {
    const at = localStamp(status.last_good);
    last = t('settings.backup_last', { date: at.date, time: at.time });
  }
  fill(card,
    h('h3', { id: 'settings-data-h', tabindex: -1, text: t('settings.data') }),
    place ? h('p', { class: 'banner error', role: 'alert', id: 'settings-data-location', text: place.message }) : null,
    info && info.data_dir
      ? h('p', {}, t('settings.data_dir'), ' ', h('code', { id: 'settings-data-dir', text: info.data_dir }))
      : null,
    h('p', { class: 'hint', text: t('settings.backups_intro') }),
    h('p', { id: 'settings-backup-last', class: status && status.warn ? 'banner error' : '', text: last }),
    h('div', { class: 'actions' }, take, fromFile),
    list.length
      ? h('table', { class: 'data', id: 'settings-backups' },
        h('caption', { class: 'sr-only', text: t('settings.backups_caption') }),
        h('thead', {}, h('tr', {},
          h('th', { scope: 'col', text: t('settings.backup_col_when') }),
          h('th', { scope: 'col', text: t('settings.backup_col_kind') }),
          h('th', { scope: 'col', class: 'num', text: t('settings.backup_col_size') }),
          h('th', { scope: 'col', class: 'num', text: t('settings.backup_col_partners') }),
          h('th', { scope: 'col', class: 'num', text: t('settings.backup_col_diplomas') }),
          h('th', { scope: 'col', class: 'num', text: t('settings.backup_col_grants') }),
          h('th', { scope: 'col', text: t('settings.backup_col_action') }))),
        h('tbody', {}, drawRows(page, card, list)))
      : h('p', { id: 'settings-backups-none', text: t('settings.backups_none') }),
    list.length ? h('div', { class: 'actions' }, del) : null,
    status ? settingsForm(page, card, status) : null);
}

export function backupsCard(page) {
  const card = h('section', { class: 'card', 'aria-labelledby': 'settings-data-h', id: 'settings-data' });
  drawBackups(page, card);
  return card;
}
