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

// ── events (issue 5) ──

// ── grants (issue 6) ──
export const grantsPools = () => call('grants_pools');
export const grantsOverview = (year) => call('grants_overview', { year });
export const grantsPoolCreate = (year) => call('grants_pool_create', { year });
export const grantsPoolSave = (input) => call('grants_pool_save', { input });
export const grantsList = (year, filter) => call('grants_list', { year, filter });
export const grantsPartners = () => call('grants_partners');
export const grantsGet = (id) => call('grants_get', { id });
export const grantsCreate = (input) => call('grants_create', { input });
export const grantsUpdate = (id, input) => call('grants_update', { id, input });
export const grantsStartReview = (id) => call('grants_start_review', { id });
export const grantsDecide = (id, input) => call('grants_decide', { id, input });
export const grantsPay = (id, paidOn) => call('grants_pay', { id, paidOn });
export const grantsReport = (id, input) => call('grants_report', { id, input });
export const grantsAdjust = (id, input) => call('grants_adjust', { id, input });
export const grantsDelete = (id) => call('grants_delete', { id });
export const grantsSignerGet = () => call('grants_signer_get');
export const grantsExport = (year, open) => call('grants_export', { year, open });
export const grantsLetter = (id, signer, open) => call('grants_letter', { id, signer, open });

