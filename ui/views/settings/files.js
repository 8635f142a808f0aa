// Indstillinger, the documents: the one folder every document is saved in
// (or the default), its subfolder for each kind of document, and a field to
// choose another folder or go back to the default. Errors land at the field.
import { h, fill, field, clearErrors } from '../../dom.js';
import { t } from '../../i18n/index.js';
import { facts } from '../../facts.js';

function drawFiles(page, card, view, store) {
  const folder = field({
    label: t('settings.files_folder'), name: 'output_folder', value: view.folder,
    hint: t('settings.files_folder_hint'), attrs: { autocomplete: 'off', spellcheck: 'false', maxlength: 1000 },
  });
  folder.input.id = 'settings-output-folder';
  folder.wrap.querySelector('label').htmlFor = folder.input.id;
  const save = h('button', { class: 'btn', type: 'submit', id: 'settings-files-save', text: t('settings.files_save') });
  const reset = h('button', { class: 'btn secondary', type: 'button', id: 'settings-files-default', text: t('settings.files_use_default'), disabled: !view.folder });
  reset.addEventListener('click', () => store(''));
  fill(card,
    h('h3', { id: 'settings-files-h', tabindex: -1, text: t('settings.files') }),
    h('p', { class: 'hint', text: t('settings.files_intro') }),
    facts([[t('settings.files_in_use'), h('span', { id: 'settings-files-where' },
      view.folder ? null : `${t('settings.files_default')} `,
      h('code', { id: 'settings-files-path', text: view.path }))]]),
    h('table', { class: 'data files-kinds', id: 'settings-files-kinds' },
      h('caption', { class: 'sr-only', text: t('settings.files_kinds') }),
      h('thead', {}, h('tr', {},
        h('th', { scope: 'col', text: t('settings.files_kind_col') }),
        h('th', { scope: 'col', text: t('settings.files_path_col') }))),
      h('tbody', {}, view.kinds.map((k) => h('tr', { 'data-kind': k.kind },
        h('th', { scope: 'row', text: t(`settings.files_kind.${k.kind}`) }),
        h('td', {}, h('code', { text: k.path })))))),
    folder.wrap,
    h('div', { class: 'actions' }, save, reset));
}

export function filesCard(page) {
  const { api, notify } = page;
  const card = h('form', { class: 'card', 'aria-labelledby': 'settings-files-h', id: 'settings-files', novalidate: true });
  const store = async (value) => {
    clearErrors(card);
    const buttons = [...card.querySelectorAll('button')];
    buttons.forEach((b) => { b.disabled = true; });
    try {
      const view = await api.outputFolderSave(value);
      page.dirty.delete('files');
      drawFiles(page, card, view, store);
      notify(t('settings.files_saved', { path: view.path }));
      const again = document.getElementById('settings-output-folder');
      if (again) again.focus();
    } catch (err) {
      buttons.forEach((b) => { b.disabled = false; });
      page.fail(card)(err);
    }
  };
  card.addEventListener('input', () => page.dirty.add('files'));
  card.addEventListener('submit', (e) => {
    e.preventDefault();
    const input = card.querySelector('#settings-output-folder');
    if (input) store(input.value);
  });
  api.outputFolderGet()
    .then((view) => drawFiles(page, card, view, store))
    .catch((err) => notify(err.message, 'error'));
  return card;
}
