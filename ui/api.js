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
export const signatorySave = (input, signature = null) => call('signatory_save', { input, signature });
export const signatoryRemove = (slot) => call('signatory_remove', { slot });
export const signatureSet = (slot, data) => call('signature_set', { slot, data });
export const imageDataUrl = (id) => call('image_data_url', { id });
export const languageSet = (language) => call('language_set', { language });
export const backupsList = () => call('backups_list');
export const backupsDelete = () => call('backups_delete');
// data safety and privacy (issue 15)
export const backupsStatus = () => call('backups_status');
export const backupTake = () => call('backup_take');
export const backupRestore = (fileName) => call('backup_restore', { fileName });
export const backupOpenDialog = () => call('backup_open_dialog');
export const backupRestoreFile = (path) => call('backup_restore_file', { path });
export const backupSettingsSave = (settings) => call('backup_settings_save', { settings });
export const dataLocation = () => call('data_location');
export const partnerConsents = (partnerId) => call('partner_consents', { partnerId });
export const partnerExtractSave = (partnerId, format, path) => call('partner_extract_save', { partnerId, format, path });
export const contactExtractSave = (contactId, format, path) => call('contact_extract_save', { contactId, format, path });
export const retentionList = () => call('retention_list');
export const retentionSettingsSave = (settings) => call('retention_settings_save', { settings });
export const retentionErase = () => call('retention_erase');

// the "Om Sund By Partner" page: {version, data_dir, db_path, schema_version, schema_known}
export const aboutInfo = () => call('about_info');

// saving documents: the documents folder (Indstillinger) and "Gem som".
// saveDialog(kind, name) → {path, cancelled}; kind: 'diplomas', 'grant_letters',
// 'grant_pool', 'partners', 'events', 'newsletters' or 'reports'. Pass `path` on to the
// 'grant_pool', 'partners', 'events', 'newsletters' or 'awards'. Pass `path` on to the
// save call below; `path: null` saves in the kind's folder under a new name.
export const outputFolderGet = () => call('output_folder_get');
export const outputFolderSave = (folder) => call('output_folder_save', { folder });
export const saveDialog = (kind, name) => call('save_dialog', { kind, name });
// A saved file handed to the system's program / file manager (see save.js's openSaved).
export const filesOpen = (path) => call('files_open', { path });
export const filesReveal = (path) => call('files_reveal', { path });

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
export const ceremonySelectionSave = (ceremonyId, partnerIds) => call('ceremony_selection_save', { ceremonyId, partnerIds });
export const diplomaPreview = (partnerId, occasion, settings) => call('diploma_preview', { partnerId, occasion, settings });
export const diplomaGenerate = (ceremonyId, partnerIds, path = null) => call('diploma_generate', { ceremonyId, partnerIds, path });
export const diplomaMarkIssued = (ceremonyId, partnerIds) => call('diploma_mark_issued', { ceremonyId, partnerIds });
export const diplomasForPartner = (partnerId) => call('diplomas_for_partner', { partnerId });
export const ceremonyDiplomas = (ceremonyId) => call('ceremony_diplomas', { ceremonyId });
export const diplomaReprint = (diplomaId, path = null) => call('diploma_reprint', { diplomaId, path });

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
export const grantsExport = (year, path = null) => call('grants_export', { year, path });
export const grantsLetter = (id, signer, path = null) => call('grants_letter', { id, signer, path });

// ── activities, follow-ups and the Overblik (issue 17) ──
export const activityAdd = (partnerId, input) => call('activity_add', { partnerId, input });
export const activityDelete = (id) => call('activity_delete', { id });
export const followUpAdd = (partnerId, input) => call('follow_up_add', { partnerId, input });
export const followUpSetDone = (id, done) => call('follow_up_set_done', { id, done });
export const followUpsForPartner = (partnerId) => call('follow_ups_for_partner', { partnerId });
export const followUpsDue = () => call('follow_ups_due');
export const partnerTimeline = (partnerId) => call('partner_timeline', { partnerId });
export const recruitmentPipeline = () => call('recruitment_pipeline');
export const overviewGet = () => call('overview_get');

// ── reports (issue 12) ──
export const reportsView = (period) => call('reports_view', { period });
export const reportsHighlightsSave = (items) => call('reports_highlights_save', { items });
export const reportsExportPdf = (period, path = null) => call('reports_export_pdf', { period, path });
export const reportsExportXlsx = (period, path = null) => call('reports_export_xlsx', { period, path });
export const evaluationsList = () => call('evaluations_list');
export const evaluationSave = (input) => call('evaluation_save', { input });
export const evaluationDelete = (id) => call('evaluation_delete', { id });
export const caseGet = () => call('case_get');
export const caseSave = (edits) => call('case_save', { edits });
export const caseText = () => call('case_text');
export const caseExport = (format, path = null) => call('case_export', { format, path });
export const contactGet = () => call('contact_get');
export const contactSave = (input) => call('contact_save', { input });

// ── fair mode (issue 13) ──
export const fairState = (eventId) => call('fair_state', { eventId });
export const fairSignUp = (eventId, input) => call('fair_sign_up', { eventId, input });
export const fairUndo = (signupId) => call('fair_undo', { signupId });
export const fairCount = (eventId, delta) => call('fair_count', { eventId, delta });
export const fairCheckIn = (eventId, partnerId, on) => call('fair_check_in', { eventId, partnerId, on });
export const fairSetActive = (eventId) => call('fair_set_active', { eventId });
export const fairActive = () => call('fair_active');

// ── copies and merging (issue 13) ──
export const copyTake = (path = null) => call('copy_take', { path });
export const copyInfo = () => call('copy_info');
export const copyStartNotice = () => call('copy_start_notice');
export const copiesList = () => call('copies_list');
export const copyFiles = () => call('copy_files');
export const copyOpenDialog = () => call('copy_open_dialog');
export const mergePreview = (path) => call('merge_preview', { path });
export const mergeApply = (path, copyWins) => call('merge_apply', { path, copyWins });
export const mergeHistoryPartner = (partnerId) => call('merge_history_partner', { partnerId });
export const mergeHistoryEvent = (eventId) => call('merge_history_event', { eventId });
export const copyOpen = (path) => call('copy_open', { path });
export const copyClose = () => call('copy_close');

// ── awards (issue 11) ──
export const awardsRounds = () => call('awards_rounds');
export const awardsRound = (id) => call('awards_round', { id });
export const awardsRoundCreate = (input) => call('awards_round_create', { input });
export const awardsRoundUpdate = (id, input) => call('awards_round_update', { id, input });
export const awardsRoundStatus = (id, status) => call('awards_round_status', { id, status });
export const awardsPrizeSave = (input) => call('awards_prize_save', { input });
export const awardsPrizeRemove = (id) => call('awards_prize_remove', { id });
export const awardsMemberAdd = (input) => call('awards_member_add', { input });
export const awardsMemberRemove = (id) => call('awards_member_remove', { id });
export const awardsPartners = () => call('awards_partners');
export const awardsNominate = (input) => call('awards_nominate', { input });
export const awardsNominationUpdate = (id, input) => call('awards_nomination_update', { id, input });
export const awardsNominationRemove = (id) => call('awards_nomination_remove', { id });
export const awardsPhotoSet = (id, data) => call('awards_photo_set', { id, data });
export const awardsPhotoRemove = (id) => call('awards_photo_remove', { id });
export const awardsPhotoDataUrl = (id) => call('awards_photo_data_url', { id });
export const awardsScoresSet = (roundId, scores) => call('awards_scores_set', { roundId, scores });
export const awardsVotesSet = (input) => call('awards_votes_set', { input });
export const awardsVotesImport = (prizeId, csv, source, closedOn) => call('awards_votes_import', { prizeId, csv, source, closedOn });
export const awardsVoteText = (prizeId) => call('awards_vote_text', { prizeId });
export const awardsBallotCast = (prizeId, nominationId) => call('awards_ballot_cast', { prizeId, nominationId });
export const awardsDecide = (input) => call('awards_decide', { input });
export const awardsDiplomaPreview = (prizeId) => call('awards_diploma_preview', { prizeId });
export const awardsDiplomaIssue = (prizeId, path = null) => call('awards_diploma_issue', { prizeId, path });
export const awardsForPartner = (partnerId) => call('awards_for_partner', { partnerId });
export const awardsCatalogueSave = (roundId, path = null) => call('awards_catalogue_save', { roundId, path });
export const awardsScoringSheetSave = (roundId, path = null) => call('awards_scoring_sheet_save', { roundId, path });
// ── publications (issue 14) ──
// input: {partner_ids: null | [id]} (null = every consenting active partner)
export const publicationsStart = (input) => call('publications_start', { input });
export const publicationTextSave = (key, body) => call('publication_text_save', { key, body });
export const catalogueSave = (input, path = null, format = 'pdf') => call('catalogue_save', { input, path, format });
export const webpagesExport = () => call('webpages_export');
export const welcomeBuild = (partnerId) => call('welcome_build', { partnerId });
export const welcomeSave = (partnerId) => call('welcome_save', { partnerId });
export const welcomeRecordSent = (partnerId) => call('welcome_record_sent', { partnerId });
