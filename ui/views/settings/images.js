// Indstillinger, the images: the programme's logo and the two signatories
// with their signatures.
import { h, field, clearErrors, fileToBase64 } from '../../dom.js';
import { t } from '../../i18n/index.js';

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
    const file = field({ label: t('settings.logo_file'), name: 'logo', type: 'file', attrs: { accept: 'image/png,image/jpeg' } });
    file.input.addEventListener('change', async () => {
      const f = file.input.files && file.input.files[0];
      if (!f) return;
      clearErrors(card);
      try {
        const data = await fileToBase64(f);
        page.settings.programme.logo = await api.logoSet(data);
        notify(t('settings.logo_saved'));
        draw();
      } catch (err) { page.fail(card)(err); }
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
      } catch (err) { page.fail(card)(err); }
    });
    card.onsubmit = async (e) => {
      e.preventDefault();
      clearErrors(card);
      try {
        const saved = await api.signatorySave({ slot, name: name.input.value, title: title.input.value });
        page.settings.signatories = page.settings.signatories.filter((x) => x.slot !== slot).concat([saved]);
        page.dirty.delete(`sig-${slot}`);
        notify(t('settings.signatory_saved'));
        draw();
      } catch (err) { page.fail(card)(err); }
    };
    card.oninput = () => page.dirty.add(`sig-${slot}`);
    card.replaceChildren(
      h('h3', { id: `sig-${slot}-h`, text: t('settings.signatory_n', { n: slot }) }),
      name.wrap, title.wrap,
      imageBox(api, s && s.signature, t('settings.signature_alt', { name: s ? s.name : '' }), t('settings.signature_none')),
      sigFile.wrap,
      h('div', { class: 'actions' }, save, remove));
  };
  draw();
  return card;
}
