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
export const backupsList = () => call('backups_list');
export const backupsDelete = () => call('backups_delete');

// saving documents: the documents folder (Indstillinger) and "Gem som".
// saveDialog(kind, name) → {path, cancelled}; kind: 'diplomas', 'grant_letters',
// 'grant_pool', 'partners', 'events' or 'newsletters'. Pass `path` on to the
// save call below; `path: null` saves in the kind's folder under a new name.
export const outputFolderGet = () => call('output_folder_get');
export const outputFolderSave = (folder) => call('output_folder_save', { folder });
export const saveDialog = (kind, name) => call('save_dialog', { kind, name });

// ── partners (issue 3) ──
export const partnersList = (query) => call('partners_list', { query });
export const partnerGet = (id) => call('partner_get', { id });
export const partnerCreate = (input) => call('partner_create', { input });
export const partnerUpdate = (id, input) => call('partner_update', { id, input });
export const partnerCheck = (id, input) => call('partner_check', { id, input });
export const partnerDuplicates = (name, emails, except) => call('partner_duplicates', { name, emails, except });
export const partnerDelete = (id) => call('partner_delete', { id });
export const partnerRestore = (id) => call('partner_restore', { id });
export const partnerErase = (id) => call('partner_erase', { id });
export const partnersEmptyBin = () => call('partners_empty_bin');
export const partnersDemo = () => call('partners_demo');

// partner import/export
export const partnerImportPreview = (data, mapping) => call('partner_import_preview', { data, mapping });
export const partnerImportRun = (data, fileName, mapping, onDuplicate) =>
  call('partner_import_run', { data, fileName, mapping, onDuplicate });
export const partnerImportUndo = (batchId) => call('partner_import_undo', { batchId });
export const partnerImportBatches = () => call('partner_import_batches');
export const partnerExport = (query, format, path = null) => call('partner_export', { query, format, path });

// ── diplomas (issue 4) ──
export const diplomaSettingsGet = () => call('diploma_settings_get');
export const diplomaSettingsSave = (input) => call('diploma_settings_save', { input });
export const diplomaQueue = () => call('diploma_queue');
export const ceremonyList = () => call('ceremony_list');
export const ceremonySave = (input) => call('ceremony_save', { input });
export const diplomaPreview = (partnerId, occasion, settings) => call('diploma_preview', { partnerId, occasion, settings });
export const diplomaGenerate = (ceremonyId, partnerIds, path = null) => call('diploma_generate', { ceremonyId, partnerIds, path });
export const diplomaMarkIssued = (ceremonyId, partnerIds) => call('diploma_mark_issued', { ceremonyId, partnerIds });
export const diplomasForPartner = (partnerId) => call('diplomas_for_partner', { partnerId });
export const ceremonyDiplomas = (ceremonyId) => call('ceremony_diplomas', { ceremonyId });
export const diplomaReprint = (diplomaId, path = null) => call('diploma_reprint', { diplomaId, path });
export const diplomaOpen = (path) => call('diploma_open', { path });
export const diplomaReveal = (path) => call('diploma_reveal', { path });

// ── events (issue 5) ──
export const eventsList = (filter) => call('events_list', { filter });
export const eventGet = (id) => call('event_get', { id });
export const eventSave = (input) => call('event_save', { input });
export const eventDelete = (id) => call('event_delete', { id });
export const eventPartnerOptions = () => call('event_partner_options');
export const eventInviteAllActive = (eventId) => call('event_invite_all_active', { eventId });
export const eventParticipantAdd = (eventId, partnerId) => call('event_participant_add', { eventId, partnerId });
export const eventParticipantsSetStatus = (eventId, ids, status) => call('event_participants_set_status', { eventId, ids, status });
export const eventParticipantUpdate = (id, input) => call('event_participant_update', { id, input });
export const eventParticipantRemove = (id) => call('event_participant_remove', { id });
export const eventIcsSave = (id, path = null) => call('event_ics_save', { id, path });
export const eventSigninSave = (id, path = null) => call('event_signin_save', { id, path });
export const partnerEvents = (partnerId) => call('partner_events', { partnerId });
export const newsletterStart = () => call('newsletter_start');
export const newsletterBuild = (input) => call('newsletter_build', { input });
export const newsletterDraftSave = (input) => call('newsletter_draft_save', { input });
export const newsletterSave = (input, path = null) => call('newsletter_save', { input, path });
export const newsletterRecord = (input) => call('newsletter_record', { input });

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
export const grantsExport = (year, open, path = null) => call('grants_export', { year, open, path });
export const grantsLetter = (id, signer, open, path = null) => call('grants_letter', { id, signer, open, path });

// ── publications (issue 14) ──
// input: {partner_ids: null | [id]} (null = every consenting active partner)
export const publicationsStart = (input) => call('publications_start', { input });
export const publicationTextSave = (key, body) => call('publication_text_save', { key, body });
export const catalogueSave = (input, path = null) => call('catalogue_save', { input, path });
export const webpagesExport = () => call('webpages_export');
