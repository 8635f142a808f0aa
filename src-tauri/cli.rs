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
    /// Indlæser demoprogrammet (60 opdigtede partnere) i en tom database
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
    // ── publications (issue 14) ──
    /// Inspirationskataloget for nye partnere som PDF (kun eksempler fra partnere med samtykke)
    Catalogue {
        /// PDF-filen der skrives
        #[arg(long)]
        out: std::path::PathBuf,
        /// Overskriv en eksisterende fil
        #[arg(long)]
        force: bool,
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

/// Opens the store the way the app does.
pub fn open() -> Result<Store, Failure> {
    let dir = store::data_dir()?;
    Ok(Store::open_dir(&dir)?.0)
}

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
    let version: u32 = store
        .conn
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .map_err(store::StoreError::from)?;
    if let Some(dir) = &store.data_dir {
        say!("datamappe:     {}", dir.display());
    }
    if let Some(path) = &store.db_path {
        say!("database:      {}", path.display());
    }
    say!("skemaversion:  {version}");
    for (table, count) in store::table_counts(&store.conn)? {
        say!("{table:<28} {count}");
    }
    Ok(())
}

// ── partners (issue 3) ──

fn demo() -> Result<(), Failure> {
    let mut store = open()?;
    let n = sundby_core::partners::demo::load(&mut store.conn)?;
    say!("{n} demopartnere indlæst");
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
        .map_err(|e| Failure::Message(format!("filen {} kan ikke læses: {e}", file.display())))?
        .len();
    if size > MAX_FILE_BYTES as u64 {
        return Err(ImportError::TooLarge {
            max_mb: import::read::MAX_FILE_MB,
        }
        .into());
    }
    let bytes = std::fs::read(file)
        .map_err(|e| Failure::Message(format!("filen {} kan ikke læses: {e}", file.display())))?;
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
        None => chrono::Local::now().date_naive().to_string(),
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
// ── events (issue 5) ──
mod events_cli {
    use super::{open, Failure, Target};
    use sundby_core::events::newsletter::{self, NewsletterInput};
    use sundby_core::events::{self, ics, signin};

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
            let issue = newsletter::record(&store.conn, &input, events::today())?;
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

// ── publications (issue 14) ──
mod publications_cli {
    use super::{open, Failure, Target};
    use sundby_core::events;
    use sundby_core::i18n::Lang;
    use sundby_core::publications::catalogue::{self, CatalogueInput};
    use sundby_core::publications::web;

    pub fn catalogue(target: &Target) -> Result<(), Failure> {
        let store = open()?;
        let path = catalogue::save(
            &store.conn,
            &CatalogueInput::default(),
            target,
            events::today(),
        )?;
        say!("{}", path.display());
        Ok(())
    }

    pub fn webpages(target: &Target) -> Result<(), Failure> {
        let mut store = open()?;
        let r = web::export(&mut store.conn, target, events::today())?;
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
