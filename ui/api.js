// The only module that calls Tauri's `invoke`. Every command the UI uses has
// a named function here, so the set of calls into Rust is visible in one place.
// A failed command rejects with `{code, message, field}` from Rust.

const core = window.__TAURI__ && window.__TAURI__.core;

async function call(cmd, args) {
  if (!core) {
    throw { code: 'ui.no_backend', message: 'Sund By Partner kører ikke i sit eget vindue.', field: null };
  }
  try {
    return await core.invoke(cmd, args);
  } catch (err) {
    if (err && typeof err === 'object' && 'message' in err) throw err;
    throw { code: 'ui.invoke', message: String(err), field: null };
  }
}

// ── shell and settings ──
export const appInfo = () => call('app_info');
export const settingsGet = () => call('settings_get');
export const programmeSave = (input) => call('programme_save', { input });
export const goalAdd = (title) => call('goal_add', { title });
export const goalRename = (id, title) => call('goal_rename', { id, title });
export const goalSetRetired = (id, retired) => call('goal_set_retired', { id, retired });
export const goalsReorder = (ids) => call('goals_reorder', { ids });
export const logoSet = (data) => call('logo_set', { data });
export const logoRemove = () => call('logo_remove');
export const signatorySave = (input) => call('signatory_save', { input });
export const signatoryRemove = (slot) => call('signatory_remove', { slot });
export const signatureSet = (slot, data) => call('signature_set', { slot, data });
export const imageDataUrl = (id) => call('image_data_url', { id });
export const languageSet = (language) => call('language_set', { language });

// ── partners (issue 3) ──

// ── diplomas (issue 4) ──
export const diplomaSettingsGet = () => call('diploma_settings_get');
export const diplomaSettingsSave = (input) => call('diploma_settings_save', { input });
export const diplomaQueue = () => call('diploma_queue');
export const ceremonyList = () => call('ceremony_list');
export const ceremonySave = (input) => call('ceremony_save', { input });
export const diplomaPreview = (partnerId, occasion, settings) => call('diploma_preview', { partnerId, occasion, settings });
export const diplomaGenerate = (ceremonyId, partnerIds) => call('diploma_generate', { ceremonyId, partnerIds });
export const diplomaMarkIssued = (ceremonyId, partnerIds) => call('diploma_mark_issued', { ceremonyId, partnerIds });
export const diplomasForPartner = (partnerId) => call('diplomas_for_partner', { partnerId });
export const ceremonyDiplomas = (ceremonyId) => call('ceremony_diplomas', { ceremonyId });
export const diplomaReprint = (diplomaId) => call('diploma_reprint', { diplomaId });
export const diplomaOpen = (path) => call('diploma_open', { path });
export const diplomaReveal = (path) => call('diploma_reveal', { path });

// ── events (issue 5) ──

// ── grants (issue 6) ──

