// Every English string of the user interface, with the same keys as da.js.
export default {
  // ── shell ──
  'app.name': 'Sund By Partner',
  'app.skip': 'Skip to content',
  'app.nav_label': 'Main menu',
  'app.version': 'Version {version}',
  'app.open_error_title': 'The database could not be opened',
  'app.open_error_help': 'Nothing in the file has been changed. Contact IT support, or start the app with another data directory (SUNDBY_DATA_DIR).',
  'app.no_programme': 'No programme named yet',
  'nav.partners': 'Partners',
  'nav.diplomas': 'Diplomas',
  'nav.events': 'Events',
  'nav.grants': 'Grant pool',
  'nav.awards': 'Awards',
  'nav.reports': 'Reports',
  'nav.settings': 'Settings',
  'soon.title': '{area} is coming soon',
  'soon.body': 'This part of Sund By Partner is being built. Everything else works as usual, and none of your data is affected.',
  'soon.back': 'Go to Settings',
  'common.save': 'Save',
  'common.saving': 'Saving …',
  'common.saved': 'Saved',
  'common.cancel': 'Cancel',
  'common.remove': 'Remove',
  'common.add': 'Add',
  'common.yes': 'Yes',
  'common.no': 'No',
  'common.close': 'Close',
  'common.leave': 'Leave the page',
  'common.stay': 'Stay on the page',
  'common.unsaved': 'You have unsaved changes. Leave the page and discard them?',
  'common.error': 'Something went wrong: {message}',
  'common.loading': 'Loading …',
  'common.date_hint': 'dd.mm.yyyy',
  'common.required': 'required',

  // ── settings ──
  'settings.title': 'Settings',
  'settings.intro': 'The programme’s name, period, goals, logo and signatories. They are used on diplomas, letters and reports.',
  'settings.programme': 'The programme',
  'settings.municipality': 'Municipality',
  'settings.programme_name': 'Programme name',
  'settings.period_from': 'Period from',
  'settings.period_to': 'Period to',
  'settings.save_programme': 'Save programme',
  'settings.programme_saved': 'The programme has been saved.',
  'settings.goals': 'Goals',
  'settings.goals_intro': 'Partners commit to one or more goals. A retired goal stays on the partners that already have it but cannot be chosen for new ones.',
  'settings.goal_n': 'Goal {n}',
  'settings.goal_retired': 'Retired',
  'settings.goal_up': 'Move up',
  'settings.goal_down': 'Move down',
  'settings.goal_up_label': 'Move "{title}" up',
  'settings.goal_down_label': 'Move "{title}" down',
  'settings.goal_rename': 'Save text',
  'settings.goal_retire': 'Retire',
  'settings.goal_unretire': 'Bring back',
  'settings.goal_new': 'New goal',
  'settings.goal_add': 'Add goal',
  'settings.goal_added': 'The goal has been added.',
  'settings.goal_renamed': 'The goal has been renamed.',
  'settings.logo': 'Programme logo',
  'settings.logo_intro': 'PNG or JPEG, at most 10 MB. The logo is stored in the database.',
  'settings.logo_file': 'Choose logo file',
  'settings.logo_none': 'No logo chosen.',
  'settings.logo_alt': 'The programme logo',
  'settings.logo_saved': 'The logo has been saved.',
  'settings.logo_remove': 'Remove logo',
  'settings.signatories': 'Signatories',
  'settings.signatories_intro': 'Up to two people who sign diplomas, e.g. the chair of the health committee and the mayor.',
  'settings.signatory_n': 'Signatory {n}',
  'settings.signatory_name': 'Name',
  'settings.signatory_title': 'Title',
  'settings.signatory_title_hint': 'e.g. Formand for Sundhedsudvalget',
  'settings.signatory_save': 'Save signatory',
  'settings.signatory_saved': 'The signatory has been saved.',
  'settings.signatory_remove': 'Remove signatory',
  'settings.signature_file': 'Signature (PNG or JPEG)',
  'settings.signature_alt': 'Signature of {name}',
  'settings.signature_none': 'No signature yet.',
  'settings.signature_saved': 'The signature has been saved.',
  'settings.language': 'Language',
  'settings.language_label': 'Language of the app',
  'settings.language_saved': 'The language has been changed.',

  // ── partners (issue 3) ──


  // ── diplomas (issue 4) ──


  // ── events (issue 5) ──


  // ── grants (issue 6) ──


  // ── end ──
};
