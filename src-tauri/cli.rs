//! The headless command line: `sundby <subcommand>`, needing no display. It
//! reuses the same core as the window, for scripting and benchmarks. New
//! subcommands go in [`Command`] and [`run`], one arm each.

use crate::i18n::{Lang, Localize};
use crate::store::{self, Store};
use clap::{Parser, Subcommand};
use std::process::ExitCode;

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

    // ── diplomas (issue 4) ──

    // ── events (issue 5) ──

    // ── grants (issue 6) ──
    /// Puljen for et år: beløb, bevilget, udbetalt og tilbage
    Grants {
        /// Året, fx 2026
        #[arg(long)]
        year: i32,
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
        Err(msg) => {
            eprintln!("fejl: {msg}");
            ExitCode::FAILURE
        }
    }
}

/// A failure already rendered for the terminal (in Danish).
pub struct Failure(String);

impl std::fmt::Display for Failure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl<E: Localize> From<E> for Failure {
    fn from(e: E) -> Self {
        Failure(e.message(Lang::Da))
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
        // ── grants (issue 6) ──
        Command::Grants { year } => grants(year),
    }
}

fn info() -> Result<(), Failure> {
    let store = open()?;
    let version: u32 = store
        .conn
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .map_err(store::StoreError::from)?;
    if let Some(dir) = &store.data_dir {
        println!("datamappe:     {}", dir.display());
    }
    if let Some(path) = &store.db_path {
        println!("database:      {}", path.display());
    }
    println!("skemaversion:  {version}");
    for (table, count) in store::table_counts(&store.conn)? {
        println!("{table:<28} {count}");
    }
    Ok(())
}

// ── grants (issue 6) ──
fn grants(year: i32) -> Result<(), Failure> {
    let store = open()?;
    let lang = crate::settings::language(&store.conn)?;
    print!("{}", crate::grants::summary_text(&store.conn, year, lang)?);
    Ok(())
}
