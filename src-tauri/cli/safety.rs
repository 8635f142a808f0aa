//! `sundby backup`, `sundby restore` and `sundby extract` (issue 15): the same
//! core functions as Indstillinger's backup card and the partner page's
//! register extract.

use super::{exact, open, Failure};
use sundby_core::backups;
use sundby_core::i18n::Lang;
use sundby_core::privacy;
use sundby_core::store::{self, CopyKind};

pub fn backup(out: Option<&std::path::Path>, force: bool) -> Result<(), Failure> {
    let store = open()?;
    match out {
        Some(path) => {
            store::backup_to(&store.conn, path, force)?;
            say!("sikkerhedskopi: {} (kontrolleret)", path.display());
        }
        None => {
            let t = backups::take(&store, CopyKind::MANUAL)?;
            say!(
                "sikkerhedskopi: {} ({} KB, kontrolleret)",
                t.path.display(),
                t.bytes / 1024
            );
            match t.second_folder_ok {
                Some(true) => say!("anden mappe:    kopieret"),
                Some(false) => {
                    say!("anden mappe:    kunne ikke skrives (kopien i backups/ er taget)")
                }
                None => {}
            }
            if t.rotated_out > 0 {
                say!("ryddet op:      {} ældre kopier", t.rotated_out);
            }
        }
    }
    Ok(())
}

pub fn restore(file: &std::path::Path) -> Result<(), Failure> {
    let mut store = open()?;
    let r = if file.components().count() == 1 && !file.exists() {
        backups::restore_named(&mut store, &file.to_string_lossy())?
    } else {
        backups::restore(&mut store, file)?
    };
    say!(
        "gendannet:      {}{}",
        r.restored,
        r.taken_at
            .as_deref()
            .map(|t| format!(" (taget {t})"))
            .unwrap_or_default()
    );
    say!(
        "indhold:        {} partnere, {} diplomer, {} ansøgninger",
        r.partners,
        r.diplomas,
        r.grants
    );
    say!("før gendannelse: gemt som {}", r.before);
    if r.erased_again > 0 {
        say!(
            "slettet igen:   {} partnere (slettet efter kopien)",
            r.erased_again
        );
    }
    Ok(())
}

/// The format `out`'s extension asks for.
fn format_of(out: &std::path::Path) -> Result<privacy::Format, Failure> {
    let ext = out
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    match ext.as_str() {
        "json" => Ok(privacy::Format::Json),
        "pdf" => Ok(privacy::Format::Pdf),
        _ => Err(Failure::Message(format!(
            "{} skal ende på .json eller .pdf",
            out.display()
        ))),
    }
}

pub fn extract(partner: &str, out: &std::path::Path, force: bool) -> Result<(), Failure> {
    let format = format_of(out)?;
    let store = open()?;
    let id = privacy::find(&store.conn, partner)?;
    let path = privacy::save(&store.conn, &id, format, &exact(out, force), Lang::Da)?;
    say!("registerudtræk: {}", path.display());
    Ok(())
}

/// `sundby extract --contact NAVN_ELLER_ID`: one contact person's extract.
pub fn extract_contact(contact: &str, out: &std::path::Path, force: bool) -> Result<(), Failure> {
    let format = format_of(out)?;
    let store = open()?;
    let id = privacy::contact::find(&store.conn, contact)?;
    let path = privacy::contact::save(&store.conn, &id, format, &exact(out, force), Lang::Da)?;
    say!("registerudtræk: {}", path.display());
    Ok(())
}
