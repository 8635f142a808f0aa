// Every Danish string of the user interface. English is in en.js with the same keys.
export default {
  // ── shell ──
  'app.name': 'Sund By Partner',
  'app.skip': 'Gå til indhold',
  'app.nav_label': 'Hovedmenu',
  'app.version': 'Version {version}',
  'app.open_error_title': 'Databasen kunne ikke åbnes',
  'app.open_error_help': 'Intet er ændret i filen. Kontakt it-supporten, eller start programmet med en anden datamappe (SUNDBY_DATA_DIR).',
  'app.no_programme': 'Intet program navngivet endnu',
  'nav.partners': 'Partnere',
  'nav.diplomas': 'Diplomer',
  'nav.events': 'Arrangementer',
  'nav.grants': 'Pulje',
  'nav.awards': 'Priser',
  'nav.reports': 'Rapporter',
  'nav.settings': 'Indstillinger',
  'soon.title': '{area} kommer snart',
  'soon.body': 'Denne del af Sund By Partner er under udvikling. Alt andet virker som normalt, og intet af dine data er berørt.',
  'soon.back': 'Gå til Indstillinger',
  'common.save': 'Gem',
  'common.saving': 'Gemmer …',
  'common.saved': 'Gemt',
  'common.cancel': 'Annullér',
  'common.remove': 'Fjern',
  'common.add': 'Tilføj',
  'common.yes': 'Ja',
  'common.no': 'Nej',
  'common.close': 'Luk',
  'common.leave': 'Forlad siden',
  'common.stay': 'Bliv på siden',
  'common.unsaved': 'Du har ændringer, der ikke er gemt. Vil du forlade siden og kassere dem?',
  'common.error': 'Noget gik galt: {message}',
  'common.loading': 'Henter …',
  'common.date_hint': 'dd.mm.åååå',
  'common.required': 'skal udfyldes',

  // ── settings ──
  'settings.title': 'Indstillinger',
  'settings.intro': 'Programmets navn, periode, målsætninger, logo og underskrivere. Det bruges på diplomer, breve og rapporter.',
  'settings.programme': 'Programmet',
  'settings.municipality': 'Kommunens navn',
  'settings.programme_name': 'Programmets navn',
  'settings.period_from': 'Periode fra',
  'settings.period_to': 'Periode til',
  'settings.save_programme': 'Gem programmet',
  'settings.programme_saved': 'Programmet er gemt.',
  'settings.goals': 'Målsætninger',
  'settings.goals_intro': 'Partnere vælger en eller flere målsætninger. En målsætning, der tages ud af brug, bliver stående på de partnere, der allerede har den, men kan ikke vælges af nye.',
  'settings.goal_n': 'Målsætning {n}',
  'settings.goal_retired': 'Taget ud af brug',
  'settings.goal_up': 'Flyt op',
  'settings.goal_down': 'Flyt ned',
  'settings.goal_up_label': 'Flyt "{title}" op',
  'settings.goal_down_label': 'Flyt "{title}" ned',
  'settings.goal_rename': 'Gem tekst',
  'settings.goal_retire': 'Tag ud af brug',
  'settings.goal_unretire': 'Tag i brug igen',
  'settings.goal_new': 'Ny målsætning',
  'settings.goal_add': 'Tilføj målsætning',
  'settings.goal_added': 'Målsætningen er tilføjet.',
  'settings.goal_renamed': 'Målsætningen er omdøbt.',
  'settings.logo': 'Programmets logo',
  'settings.logo_intro': 'PNG eller JPEG, højst 10 MB. Logoet gemmes i databasen.',
  'settings.logo_file': 'Vælg logo-fil',
  'settings.logo_none': 'Intet logo valgt.',
  'settings.logo_alt': 'Programmets logo',
  'settings.logo_saved': 'Logoet er gemt.',
  'settings.logo_remove': 'Fjern logo',
  'settings.signatories': 'Underskrivere',
  'settings.signatories_intro': 'Op til to personer, der skriver under på diplomer, fx formanden for Sundhedsudvalget og borgmesteren.',
  'settings.signatory_n': 'Underskriver {n}',
  'settings.signatory_name': 'Navn',
  'settings.signatory_title': 'Titel',
  'settings.signatory_title_hint': 'fx Formand for Sundhedsudvalget',
  'settings.signatory_save': 'Gem underskriver',
  'settings.signatory_saved': 'Underskriveren er gemt.',
  'settings.signatory_remove': 'Fjern underskriver',
  'settings.signature_file': 'Underskrift (PNG eller JPEG)',
  'settings.signature_alt': 'Underskrift for {name}',
  'settings.signature_none': 'Ingen underskrift endnu.',
  'settings.signature_saved': 'Underskriften er gemt.',
  'settings.language': 'Sprog',
  'settings.language_label': 'Sprog i programmet',
  'settings.language_saved': 'Sproget er skiftet.',

  // ── partners (issue 3) ──


  // ── diplomas (issue 4) ──


  // ── events (issue 5) ──


  // ── grants (issue 6) ──


  // ── end ──
};
