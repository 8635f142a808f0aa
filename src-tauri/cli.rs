//! The headless command line: `sundby <subcommand>`, needing no display. It
//! reuses the same core as the window, for scripting and benchmarks. New
//! subcommands go in [`Command`] and [`run`], one arm each.

use clap::{Parser, Subcommand};
use std::process::ExitCode;
use sundby_core::files::{self, DocKind, Target};
use sundby_core::i18n::{Lang, Localize};
use sundby_core::store::{self, Store};

#[derive(Parser, Debug)]
#[command(
    name = "sundby",
    version,
    about = "Sund By Partner: partnerskaber for sunde byer (uden vindue: til scripts og målinger)",
    long_about = None
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Datamappe, databasefil, skemaversion og antal poster
    Info,
    // ── partners (issue 3) ──
    /// Indlæser demoprogrammet i en tom database: 60 opdigtede partnere og
    /// data i alle områder (indstillinger, diplomer, arrangementer, pulje,
    /// nyhedsbrev, aktiviteter og opfølgninger)
    Demo,
    /// Importér partnere fra en CSV- eller XLSX-fil: alt eller intet. Viser
    /// hvor mange der blev importeret og hvert problem i filen.
    Import {
        /// CSV (komma eller semikolon; UTF-8 eller Windows-1252) eller XLSX
        file: std::path::PathBuf,
        /// Mulige dubletter: skip (spring over), update (opdatér) eller import (importér alligevel)
        #[arg(long, default_value = "skip")]
        dubletter: String,
    },
    /// Eksportér partnerlisten (uden papirkurven) til FIL.csv eller FIL.xlsx
    Export {
        /// Filen, der skrives; endelsen .csv eller .xlsx vælger formatet
        file: std::path::PathBuf,
        /// Overskriv en eksisterende fil
        #[arg(long)]
        force: bool,
    },
    // ── diplomas (issue 4) ──
    /// Diplom til én partner som PDF
    Diploma {
        /// Partnerens navn eller id
        #[arg(long)]
        partner: String,
        /// PDF-filen der skal skrives
        #[arg(long)]
        out: std::path::PathBuf,
        /// Datoen på diplomet (dd.mm.åååå eller åååå-mm-dd); standard: i dag
        #[arg(long)]
        date: Option<String>,
        /// Stedet på diplomet
        #[arg(long, default_value = "")]
        place: String,
        /// Overskriv en eksisterende fil
        #[arg(long)]
        force: bool,
    },
    /// Diplomer til alle i køen (aktive partnere uden diplom), én side hver, i én PDF
    Diplomas {
        /// Alle partnere der venter på et diplom
        #[arg(long)]
        pending: bool,
        /// PDF-filen der skal skrives
        #[arg(long)]
        out: std::path::PathBuf,
        /// Datoen på diplomerne; standard: i dag
        #[arg(long)]
        date: Option<String>,
        /// Stedet på diplomerne
        #[arg(long, default_value = "")]
        place: String,
        /// Overskriv en eksisterende fil
        #[arg(long)]
        force: bool,
    },
    // ── events (issue 5) ──
    /// Nyhedsbrevet for en periode som HTML (tekstudgaven og modtagerne ved siden af)
    Newsletter {
        /// Periodens første dag (2026-09-01 eller 01.09.2026)
        #[arg(long)]
        from: String,
        /// Periodens sidste dag
        #[arg(long)]
        to: String,
        /// HTML-filen der skrives; .txt og .csv med samme navn ved siden af
        #[arg(long)]
        out: std::path::PathBuf,
        /// Registrér nummeret som udsendt i dag (dato og antal modtagere)
        #[arg(long)]
        record: bool,
        /// Overskriv eksisterende filer
        #[arg(long)]
        force: bool,
    },
    /// Et arrangement som kalenderfil (.ics) til Outlook og andre kalendere
    EventIcs {
        /// Arrangementets id
        #[arg(long)]
        event: String,
        #[arg(long)]
        out: std::path::PathBuf,
        /// Overskriv en eksisterende fil
        #[arg(long)]
        force: bool,
    },
    /// Deltagerlisten til underskrift for et arrangement (PDF)
    EventSignin {
        /// Arrangementets id
        #[arg(long)]
        event: String,
        #[arg(long)]
        out: std::path::PathBuf,
        /// Overskriv en eksisterende fil
        #[arg(long)]
        force: bool,
    },
    // ── grants (issue 6) ──
    /// Puljen for et år: beløb, bevilget, udbetalt og tilbage
    Grants {
        /// Året, fx 2026
        #[arg(long)]
        year: i32,
    },
    // ── data safety and privacy (issue 15) ──
    /// Tag en sikkerhedskopi nu: i backups/ ved databasen (og den anden mappe), eller til FIL
    Backup {
        /// Skriv kopien præcis hertil i stedet for i backups/
        #[arg(long)]
        out: Option<std::path::PathBuf>,
        /// Overskriv en eksisterende fil
        #[arg(long)]
        force: bool,
    },
    // ── copies and merging (issue 13) ──
    /// Tag en kopi med: skriver en kopi af databasen (til en messe-bærbar) som én fil
    Copy {
        /// Kopifilen der skrives (fx på et USB-stik)
        #[arg(long)]
        out: std::path::PathBuf,
        /// Overskriv en eksisterende fil
        #[arg(long)]
        force: bool,
    },
    // ── publications (issue 14) ──
    /// Inspirationskataloget for nye partnere som PDF (kun eksempler fra partnere med samtykke)
    Catalogue {
        /// Filen der skrives: .pdf (til tryk) eller .docx (Word, kan redigeres)
        #[arg(long)]
        out: std::path::PathBuf,
        /// Overskriv en eksisterende fil
        #[arg(long)]
        force: bool,
    },
    // ── awards (issue 11) ──
    /// En prisrunde: indstillinger, point, rangering, stemmer og vindere
    Awards {
        /// Prisrundens navn eller id
        #[arg(long)]
        round: String,
    },
    /// Indstillingskataloget for en prisrunde som PDF (eller pointarket med --pointark)
    AwardCatalogue {
        /// Prisrundens navn eller id
        #[arg(long)]
        round: String,
        /// PDF-filen der skal skrives
        #[arg(long)]
        out: std::path::PathBuf,
        /// Skriv udvalgets pointark i stedet for kataloget
        #[arg(long)]
        pointark: bool,
        /// Overskriv en eksisterende fil
        #[arg(long)]
        force: bool,
    },
    /// Gendan databasen fra en sikkerhedskopi (den nuværende gemmes først som kopi)
    Restore {
        /// Sikkerhedskopien (en fil, eller et navn fra backups/)
        file: std::path::PathBuf,
    },
    /// Registerudtræk (indsigt) for en partner: alt programmet har om den, som PDF eller JSON
    Extract {
        /// Partnerens navn eller id
        #[arg(long, required_unless_present = "contact", conflicts_with = "contact")]
        partner: Option<String>,
        /// En kontaktpersons navn eller id: udtræk af kun denne persons data
        #[arg(long)]
        contact: Option<String>,
        /// FIL.json (maskinlæsbar) eller FIL.pdf
        #[arg(long)]
        out: std::path::PathBuf,
        /// Overskriv en eksisterende fil
        #[arg(long)]
        force: bool,
    },
    // ── reports (issue 12) ──
    /// Statusrapporten for en periode som PDF (til sundhedsudvalget) eller XLSX (tallene)
    Report {
        /// Periodens første dag (2026-01-01 eller 01.01.2026); standard: programperiodens start
        #[arg(long, default_value = "")]
        from: String,
        /// Periodens sidste dag; standard: i dag (eller programperiodens slutning)
        #[arg(long, default_value = "")]
        to: String,
        /// Filen der skrives; endelsen .pdf eller .xlsx vælger formatet
        #[arg(long)]
        out: std::path::PathBuf,
        /// Overskriv en eksisterende fil
        #[arg(long)]
        force: bool,
    },
    /// Casen til Sund By Netværkets casebank som Word (.docx) eller ren tekst (.txt)
    Case {
        /// Filen der skrives; endelsen .docx eller .txt vælger formatet
        #[arg(long)]
        out: std::path::PathBuf,
        /// Overskriv en eksisterende fil
        #[arg(long)]
        force: bool,
    },
    // ── Overblik (issue 17) ──
    /// Overblikket som tekst: opfølgninger, diplomer, pulje, arrangementer,
    /// nyhedsbrev, rekruttering og data at udfylde
    Today,
    /// Flet en kopi ind: sammenligner kopien, dens udgangspunkt og databasen;
    /// konflikter beholder kontorets værdi (den anden gemmes i historikken)
    Merge {
        /// Kopifilen fra den bærbare
        file: std::path::PathBuf,
        /// Vis kun hvad der ville ske; intet ændres
        #[arg(long)]
        dry_run: bool,
        /// En konflikt (id fra --dry-run) hvor den bærbares værdi vælges; kan gentages
        #[arg(long = "choose-copy")]
        choose_copy: Vec<String>,
    },
    /// Partnersiderne til kommunens hjemmeside i en mappe; viser hvad der skal lægges op og fjernes
    Webpages {
        /// Mappen der skrives (ny eller tom)
        #[arg(long)]
        out: std::path::PathBuf,
        /// Skriv i en mappe, der ikke er tom
        #[arg(long)]
        force: bool,
    },
}

/// Parses `args` (including the program name) and runs the subcommand.
pub fn main(args: Vec<std::ffi::OsString>) -> ExitCode {
    let cli = match Cli::try_parse_from(args) {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return if e.use_stderr() {
                ExitCode::from(2)
            } else {
                ExitCode::SUCCESS
            };
        }
    };
    match run(cli.command) {
        Ok(()) => ExitCode::SUCCESS,
        // The reader went away (`sundby info | head`): nothing to report.
        Err(Failure::OutputClosed) => ExitCode::SUCCESS,
        Err(msg) => {
            eprintln!("fejl: {msg}");
            ExitCode::FAILURE
        }
    }
}

/// Why a subcommand stopped.
pub enum Failure {
    /// Already rendered for the terminal (in Danish).
    Message(String),
    /// Standard output was closed by its reader: not an error to report.
    OutputClosed,
}

impl Failure {
    /// Standard output could not be written.
    fn output(e: std::io::Error) -> Failure {
        if e.kind() == std::io::ErrorKind::BrokenPipe {
            Failure::OutputClosed
        } else {
            Failure::Message(format!("kunne ikke skrive til standard output: {e}"))
        }
    }
}

/// `println!` that returns a [`Failure`] instead of panicking when standard
/// output is closed or full.
macro_rules! say {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        writeln!(std::io::stdout().lock(), $($arg)*).map_err(Failure::output)?;
    }};
}

impl std::fmt::Display for Failure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Failure::Message(m) => f.write_str(m),
            Failure::OutputClosed => f.write_str("standard output er lukket"),
        }
    }
}

impl<E: Localize> From<E> for Failure {
    fn from(e: E) -> Self {
        Failure::Message(e.message(Lang::Da))
    }
}

/// Opens the store the way the app does (the erasure log applied).
pub fn open() -> Result<Store, Failure> {
    let dir = store::data_dir()?;
    let mut store = Store::open_dir(&dir)?.0;
    sundby_core::backups::on_open(&mut store)?;
    Ok(store)
}

// ── data safety and privacy (issue 15) ──
mod safety;

fn run(command: Command) -> Result<(), Failure> {
    match command {
        Command::Info => info(),
        // ── partners (issue 3) ──
        Command::Demo => demo(),
        Command::Import { file, dubletter } => partner_import(&file, &dubletter),
        Command::Export { file, force } => partner_export(&file, force),
        // ── diplomas (issue 4) ──
        Command::Diploma {
            partner,
            out,
            date,
            place,
            force,
        } => diplomas(Some(&partner), &exact(&out, force), date, place),
        Command::Diplomas {
            pending,
            out,
            date,
            place,
            force,
        } => {
            if !pending {
                return Err(Failure::Message(
                    "angiv --pending (alle partnere i køen)".into(),
                ));
            }
            diplomas(None, &exact(&out, force), date, place)
        }
        // ── events (issue 5) ──
        Command::Newsletter {
            from,
            to,
            out,
            record,
            force,
        } => events_cli::newsletter(&from, &to, &exact(&out, force), record),
        Command::EventIcs { event, out, force } => {
            events_cli::event_ics(&event, &exact(&out, force))
        }
        Command::EventSignin { event, out, force } => {
            events_cli::event_signin(&event, &exact(&out, force))
        }
        // ── grants (issue 6) ──
        Command::Grants { year } => grants(year),
        // ── data safety and privacy (issue 15) ──
        Command::Backup { out, force } => safety::backup(out.as_deref(), force),
        Command::Restore { file } => safety::restore(&file),
        Command::Extract {
            partner,
            contact,
            out,
            force,
        } => match (partner, contact) {
            (_, Some(contact)) => safety::extract_contact(&contact, &out, force),
            (Some(partner), None) => safety::extract(&partner, &out, force),
            (None, None) => Err(Failure::Message(
                "angiv --partner NAVN_ELLER_ID eller --contact NAVN_ELLER_ID".into(),
            )),
        },
        // ── Overblik (issue 17) ──
        Command::Today => today(),
        // ── reports (issue 12) ──
        Command::Report {
            from,
            to,
            out,
            force,
        } => reports_cli::report(&from, &to, &out, &exact(&out, force)),
        Command::Case { out, force } => reports_cli::case(&out, &exact(&out, force)),
        // ── copies and merging (issue 13) ──
        Command::Copy { out, force } => sync_cli::copy(&exact(&out, force)),
        Command::Merge {
            file,
            dry_run,
            choose_copy,
        } => sync_cli::merge(&file, dry_run, &choose_copy),
        // ── awards (issue 11) ──
        Command::Awards { round } => awards(&round),
        Command::AwardCatalogue {
            round,
            out,
            pointark,
            force,
        } => award_catalogue(&round, &exact(&out, force), pointark),
        // ── publications (issue 14) ──
        Command::Catalogue { out, force } => publications_cli::catalogue(&exact(&out, force)),
        Command::Webpages { out, force } => publications_cli::webpages(&exact(&out, force)),
    }
}

/// Where a subcommand's `--out` goes: exactly there, an existing file
/// refused (the same message for every subcommand) unless `--force`.
fn exact(out: &std::path::Path, force: bool) -> Target {
    Target::Exact {
        path: out.to_path_buf(),
        replace: force,
    }
}

fn info() -> Result<(), Failure> {
    let store = open()?;
    // The same facts as the "Om Sund By Partner" page, from the same function.
    let about = sundby_core::about::about(&store)?;
    say!("version:       {}", about.version);
    if let Some(dir) = &about.data_dir {
        say!("datamappe:     {dir}");
    }
    if let Some(path) = &about.db_path {
        say!("database:      {path}");
    }
    say!("skemaversion:  {}", about.schema_version);
    for (table, count) in store::table_counts(&store.conn)? {
        say!("{table:<28} {count}");
    }
    Ok(())
}

// ── partners (issue 3) ──

fn demo() -> Result<(), Failure> {
    let mut store = open()?;
    let r = sundby_core::demo::load(&mut store.conn, sundby_core::dates::today())?;
    say!(
        "{} demopartnere indlæst, med {} diplomer, {} arrangementer, {} puljeansøgninger, \
         {} aktiviteter og {} opfølgninger",
        r.partners,
        r.diplomas,
        r.events,
        r.applications,
        r.activities,
        r.follow_ups
    );
    Ok(())
}

// ── partners (issue 3): import and export ──

fn partner_import(file: &std::path::Path, on_duplicate: &str) -> Result<(), Failure> {
    use sundby_core::partners::import::{self, read::MAX_FILE_BYTES, ImportError, OnDuplicate};
    let on_duplicate: OnDuplicate = on_duplicate.parse().map_err(|_| {
        Failure::Message(format!(
            "--dubletter skal være skip, update eller import (ikke «{on_duplicate}»)"
        ))
    })?;
    let size = std::fs::metadata(file)
        .map_err(|e| unreadable(file, &e))?
        .len();
    if size > MAX_FILE_BYTES as u64 {
        return Err(ImportError::TooLarge {
            max_mb: import::read::MAX_FILE_MB,
        }
        .into());
    }
    let bytes = std::fs::read(file).map_err(|e| unreadable(file, &e))?;
    let mut store = open()?;
    let name = file
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    match import::run(&mut store.conn, &bytes, &name, None, on_duplicate, Lang::Da) {
        Ok(r) => {
            say!(
                "importeret: {} partnere fra {} ({} opdateret, {} sprunget over som dubletter)",
                r.created,
                r.file_name,
                r.updated,
                r.skipped
            );
            say!(
                "import-id:  {} (kan fortrydes samlet i programmet)",
                r.batch_id
            );
            Ok(())
        }
        Err(ImportError::InvalidRows(problems)) => {
            for p in &problems {
                eprintln!("{}", p.line(Lang::Da));
            }
            Err(ImportError::InvalidRows(problems).into())
        }
        Err(e) => Err(e.into()),
    }
}

/// A file the person named cannot be read: what happened, in Danish.
fn unreadable(file: &std::path::Path, e: &std::io::Error) -> Failure {
    let why = match e.kind() {
        std::io::ErrorKind::NotFound => "den findes ikke",
        std::io::ErrorKind::PermissionDenied => "du har ikke adgang til den",
        std::io::ErrorKind::IsADirectory => "det er en mappe",
        _ => "tjek at den findes, og at du kan læse den",
    };
    Failure::Message(format!("filen {} kan ikke læses: {why}", file.display()))
}

fn partner_export(file: &std::path::Path, force: bool) -> Result<(), Failure> {
    use sundby_core::partners::export::{self, ExportFormat};
    let format = ExportFormat::of_path(file)?;
    let store = open()?;
    let saved = export::save(
        &store.conn,
        &sundby_core::partners::ListQuery::default(),
        format,
        &exact(file, force),
        Lang::Da,
    )?;
    say!(
        "eksporteret: {} partnere til {}",
        saved.rows,
        saved.path.display()
    );
    Ok(())
}

// ── diplomas (issue 4) ──

/// Writes the diploma of one partner (or of every partner in the queue) to
/// `out`, printing warnings, the page count and the time taken.
fn diplomas(
    partner: Option<&str>,
    target: &Target,
    date: Option<String>,
    place: String,
) -> Result<(), Failure> {
    use sundby_core::diploma::{self, store as dstore};
    let store = open()?;
    let start = std::time::Instant::now();
    let held_on = match date {
        Some(d) => d,
        None => sundby_core::dates::iso(sundby_core::dates::today()),
    };
    let occasion = dstore::Occasion {
        held_on,
        place,
        signatory_slots: None,
    };
    let ids: Vec<String> = match partner {
        Some(p) => vec![dstore::find_partner(&store.conn, p)?.0],
        None => dstore::queue(&store.conn)?
            .into_iter()
            .map(|e| e.partner_id)
            .collect(),
    };
    if ids.is_empty() {
        return Err(Failure::Message(
            "ingen partnere venter på et diplom".into(),
        ));
    }
    let inputs = ids
        .iter()
        .map(|id| dstore::input_for(&store.conn, id, &occasion))
        .collect::<Result<Vec<_>, _>>()?;
    let r = diploma::render_pdf(&inputs, "Diplomer")?;
    for w in &r.warnings {
        eprintln!("advarsel: {}", w.message(Lang::Da));
    }
    let path = files::save(
        &store.conn,
        DocKind::Diplomas,
        target,
        "Diplomer.pdf",
        &r.pdf,
    )?;
    say!(
        "{} side(r), {} KB, {:.0} ms: {}",
        r.pages,
        r.pdf.len() / 1024,
        start.elapsed().as_secs_f64() * 1000.0,
        path.display()
    );
    Ok(())
}
// ── reports (issue 12) ──
#[path = "cli_reports.rs"]
mod reports_cli;

// ── events (issue 5) ──
mod events_cli {
    use super::{open, Failure, Target};
    use sundby_core::events::newsletter::{self, NewsletterInput};
    use sundby_core::events::{ics, signin};

    pub fn newsletter(from: &str, to: &str, target: &Target, record: bool) -> Result<(), Failure> {
        let store = open()?;
        let input = NewsletterInput {
            from: from.into(),
            to: to.into(),
            stories: Vec::new(),
        };
        let (n, paths) = newsletter::save(&store.conn, &input, target)?;
        for p in &paths {
            say!("fil:            {}", p.display());
        }
        say!("nye partnere:   {}", n.new_partners.len());
        say!("arrangementer:  {}", n.upcoming.len());
        say!("bevillinger:    {}", n.grants.len());
        say!("modtagere:      {}", n.recipients.len());
        if record {
            let issue = newsletter::record(&store.conn, &input, sundby_core::dates::today())?;
            say!(
                "registreret:    {} ({} modtagere)",
                issue.issued_on,
                issue.recipient_count
            );
        }
        Ok(())
    }

    pub fn event_ics(id: &str, target: &Target) -> Result<(), Failure> {
        let store = open()?;
        let path = ics::save(&store.conn, id, target)?;
        say!("{}", path.display());
        Ok(())
    }

    pub fn event_signin(id: &str, target: &Target) -> Result<(), Failure> {
        let store = open()?;
        let path = signin::save(&store.conn, id, target)?;
        say!("{}", path.display());
        Ok(())
    }
}
// ── grants (issue 6) ──
fn grants(year: i32) -> Result<(), Failure> {
    let store = open()?;
    let lang = sundby_core::settings::language(&store.conn)?;
    let text = sundby_core::grants::summary_text(&store.conn, year, lang)?;
    say!("{}", text.trim_end_matches('\n'));
    Ok(())
}

// ── Overblik (issue 17) ──

fn today() -> Result<(), Failure> {
    let store = open()?;
    let lang = sundby_core::settings::language(&store.conn)?;
    let o = sundby_core::overview::overview(&store.conn, sundby_core::dates::now_local(), lang)?;
    say!(
        "{}",
        sundby_core::overview::text::text(&o, lang).trim_end_matches('\n')
    );
    Ok(())
}

// ── copies and merging (issue 13) ──
mod sync_cli {
    use super::{open, Failure, Target};
    use sundby_core::sync;

    pub fn copy(target: &Target) -> Result<(), Failure> {
        let store = open()?;
        let c = sync::take(&store, target)?;
        say!("kopi:          {}", c.path.display());
        say!("kopi-id:       {}", c.id);
        say!("skemaversion:  {}", c.schema_version);
        Ok(())
    }

    pub fn merge(file: &std::path::Path, dry_run: bool, choose: &[String]) -> Result<(), Failure> {
        let mut store = open()?;
        if dry_run {
            let p = sync::preview(&store, file)?;
            say!("kopi:          {} ({})", p.copy_id, p.programme);
            say!(
                "{:<24} {:>5} {:>7} {:>6} {:>9} {:>9} {:>9}",
                "tabel",
                "nye",
                "ændret",
                "slettet",
                "papirkurv",
                "ikke ført",
                "konflikter"
            );
            for c in &p.counts {
                say!(
                    "{:<24} {:>5} {:>7} {:>6} {:>9} {:>9} {:>9}",
                    c.table,
                    c.new,
                    c.changed,
                    c.removed,
                    c.binned,
                    c.not_carried,
                    c.conflicts
                );
            }
            for l in &p.changes {
                if l.column.is_empty() {
                    say!("{:<12} {} «{}»", l.kind, l.table, l.label);
                } else {
                    say!(
                        "{:<12} {} «{}» {}: «{}» → «{}»",
                        l.kind,
                        l.table,
                        l.label,
                        l.column,
                        l.old,
                        l.new
                    );
                }
            }
            if p.more_changes > 0 {
                say!("… og {} ændringer mere", p.more_changes);
            }
            for c in &p.conflicts {
                say!(
                    "konflikt {}: {} «{}» {}: kontor «{}», bærbar «{}» (før «{}»)",
                    c.id,
                    c.table,
                    c.label,
                    c.column,
                    c.office,
                    c.copy,
                    c.base
                );
            }
            if p.erased_here > 0 {
                say!("{} partnere er slettet her efter kopien blev taget; intet af deres føres tilbage", p.erased_here);
            }
            say!("intet er ændret (--dry-run)");
            return Ok(());
        }
        let s = sync::apply(&mut store, file, choose)?;
        say!("flettet ind:   {}", s.copy_id);
        say!("nye:           {}", s.inserted);
        say!("ændret:        {}", s.updated);
        say!("i papirkurven: {}", s.binned);
        say!("fjernet:       {}", s.removed);
        say!("ikke ført:     {}", s.not_carried);
        say!(
            "konflikter:    {} (bærbarens værdi valgt i {})",
            s.conflicts,
            s.copy_won
        );
        say!("i historikken: {}", s.history_entries);
        Ok(())
    }
}

// ── awards (issue 11) ──
fn awards(round: &str) -> Result<(), Failure> {
    let store = open()?;
    let r = sundby_core::awards::find_round(&store.conn, round)?;
    let text = sundby_core::awards::report_text(&store.conn, &r.id)?;
    say!("{}", text.trim_end_matches('\n'));
    Ok(())
}

fn award_catalogue(round: &str, target: &Target, scoring_sheet: bool) -> Result<(), Failure> {
    use sundby_core::awards::catalogue;
    let store = open()?;
    let r = sundby_core::awards::find_round(&store.conn, round)?;
    let path = if scoring_sheet {
        catalogue::save_scoring_sheet(&store.conn, &r.id, target)?
    } else {
        catalogue::save_catalogue(&store.conn, &r.id, target)?
    };
    say!("{}", path.display());
    Ok(())
}
// ── publications (issue 14) ──
mod publications_cli {
    use super::{open, Failure, Target};
    use sundby_core::i18n::Lang;
    use sundby_core::publications::catalogue::{self, CatalogueInput};
    use sundby_core::publications::web;

    pub fn catalogue(target: &Target) -> Result<(), Failure> {
        let store = open()?;
        let format = match target {
            Target::Exact { path, .. }
                if path
                    .extension()
                    .is_some_and(|e| e.eq_ignore_ascii_case("docx")) =>
            {
                catalogue::Format::Docx
            }
            _ => catalogue::Format::Pdf,
        };
        let path = catalogue::save_as(
            &store.conn,
            &CatalogueInput::default(),
            target,
            sundby_core::dates::today(),
            format,
        )?;
        say!("{}", path.display());
        Ok(())
    }

    pub fn webpages(target: &Target) -> Result<(), Failure> {
        let mut store = open()?;
        let r = web::export(&mut store.conn, target, sundby_core::dates::today())?;
        say!("mappe:          {}", r.folder.display());
        say!("sider:          {}", r.pages);
        if r.ended {
            say!("programperioden er slut: alle partnersider skal fjernes");
        }
        for p in &r.new {
            say!("ny:             {} ({})", p.file_name, p.name);
        }
        for p in &r.changed {
            say!("ændret:         {} ({})", p.file_name, p.name);
        }
        say!("uændrede:       {}", r.unchanged);
        for p in &r.remove {
            say!(
                "fjern:          {} ({})",
                p.file_name,
                p.reason.label(Lang::Da)
            );
        }
        Ok(())
    }
}
