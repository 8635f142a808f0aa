// Indstillinger, the images: the programme's logo and the two signatories
// with their signatures.
import { h, field, clearErrors, fileToBase64 } from '../../dom.js';
import { t } from '../../i18n/index.js';
import { filePick } from '../../filepick.js';

function imageBox(api, ref, alt, emptyText) {
  const box = h('div', { class: 'image-box' }, emptyText);
  if (ref) {
    api.imageDataUrl(ref.id).then((url) => {
      if (url) box.replaceChildren(h('img', { src: url, alt }));
    }).catch(() => {});
  }
  return box;
}

export function logoCard(page) {
  const { api, notify } = page;
  const card = h('section', { class: 'card', 'aria-labelledby': 'settings-logo-h' });
  const draw = () => {
    const logo = page.settings.programme.logo;
    const file = filePick({ label: t('settings.logo_file'), name: 'logo', id: 'logo-file', accept: 'image/png,image/jpeg' });
    file.onChange(async (f) => {
      clearErrors(card);
      try {
        const data = await fileToBase64(f);
        page.settings.programme.logo = await api.logoSet(data);
        notify(t('settings.logo_saved'));
        draw();
      } catch (err) { file.clear(); page.fail(card)(err); }
    });
    const remove = h('button', { class: 'btn secondary', type: 'button', text: t('settings.logo_remove'), disabled: !logo });
    remove.addEventListener('click', async () => {
      try { await api.logoRemove(); page.settings.programme.logo = null; draw(); } catch (err) { page.fail(card)(err); }
    });
    card.replaceChildren(
      h('h3', { id: 'settings-logo-h', text: t('settings.logo') }),
      h('p', { class: 'hint', text: t('settings.logo_intro') }),
      imageBox(api, logo, t('settings.logo_alt'), t('settings.logo_none')),
      file.wrap,
      h('div', { class: 'actions' }, remove));
  };
  draw();
  return card;
}

export function signatoryCard(page, slot) {
  const { api, notify } = page;
  const card = h('form', { class: 'card', novalidate: true, 'aria-labelledby': `sig-${slot}-h`, 'data-slot': slot });
  const draw = () => {
    const s = page.settings.signatories.find((x) => x.slot === slot);
    const name = field({ label: t('settings.signatory_name'), name: 'signatory_name', value: s ? s.name : '', attrs: { maxlength: 200, autocomplete: 'off' } });
    const title = field({ label: t('settings.signatory_title'), name: 'signatory_title', value: s ? s.title : '', hint: t('settings.signatory_title_hint'), attrs: { maxlength: 200, autocomplete: 'off' } });
    const save = h('button', { class: 'btn', type: 'submit', text: t('settings.signatory_save') });
    const remove = h('button', { class: 'btn danger', type: 'button', text: t('settings.signatory_remove'), disabled: !s });
    remove.addEventListener('click', async () => {
      try {
        await api.signatoryRemove(slot);
        page.settings.signatories = page.settings.signatories.filter((x) => x.slot !== slot);
        page.dirty.delete(`sig-${slot}`);
        draw();
      } catch (err) { page.fail(card)(err); }
    });
    // The image waits in the form and is saved with the signatory (one
    // call, both or nothing): "Gem underskriver" never follows a refused image.
    const sigFile = filePick({
      label: t('settings.signature_file'), name: 'signature', id: `signature-file-${slot}`, accept: 'image/png,image/jpeg',
      hint: t('settings.signature_hint'), pending: t('settings.signature_pending'),
    });
    const preview = imageBox(api, s && s.signature, t('settings.signature_alt', { name: s ? s.name : '' }), t('settings.signature_none'));
    let objectUrl = null;
    sigFile.onChange((f) => {
      page.dirty.add(`sig-${slot}`);
      if (objectUrl) URL.revokeObjectURL(objectUrl);
      objectUrl = URL.createObjectURL(f);
      preview.replaceChildren(h('img', { src: objectUrl, alt: t('settings.signature_alt', { name: name.input.value }) }));
    });
    card.onsubmit = async (e) => {
      e.preventDefault();
      clearErrors(card);
      save.disabled = true;
      try {
        const chosen = sigFile.file();
        const data = chosen ? await fileToBase64(chosen) : null;
        const saved = await api.signatorySave({ slot, name: name.input.value, title: title.input.value }, data);
        page.settings.signatories = page.settings.signatories.filter((x) => x.slot !== slot).concat([saved]);
        page.dirty.delete(`sig-${slot}`);
        notify(t(chosen ? 'settings.signatory_saved_with_signature' : 'settings.signatory_saved'));
        draw();
      } catch (err) { page.fail(card)(err); } finally { save.disabled = false; }
    };
    card.oninput = () => page.dirty.add(`sig-${slot}`);
    card.replaceChildren(
      h('h3', { id: `sig-${slot}-h`, text: t('settings.signatory_n', { n: slot }) }),
      name.wrap, title.wrap,
      preview,
      sigFile.wrap,
      h('div', { class: 'actions' }, save, remove));
  };
  draw();
  return card;
}
