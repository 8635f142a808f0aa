// Indstillinger, the UI language and the data: where it lives and the copies
// taken before updates, which can be deleted.
import { h, fill, field } from '../../dom.js';
import { t, tn, language } from '../../i18n/index.js';
import { count, decimal1, localStamp } from '../../format.js';
import { confirmDialog } from '../../dialog.js';

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

async function drawBackups(page, backupsCard) {
  const { api, notify } = page;
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
      await drawBackups(page, backupsCard);
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

export function backupsCard(page) {
  const card = h('section', { class: 'card', 'aria-labelledby': 'settings-data-h', id: 'settings-data' });
  drawBackups(page, card);
  return card;
}
