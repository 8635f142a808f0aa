//! `sundby report` and `sundby case`: the status report of a period (PDF or
//! XLSX) and the case for the case bank (.docx or plain text), written by
//! the same core functions as the Rapporter view.

use super::{open, Failure, Target};
use std::path::Path;
use sundby_core::i18n::Lang;
use sundby_core::reports::{self, output, PeriodInput};

fn extension(out: &Path) -> String {
    out.extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default()
}

pub fn report(from: &str, to: &str, out: &Path, target: &Target) -> Result<(), Failure> {
    let store = open()?;
    let input = PeriodInput {
        from: from.into(),
        to: to.into(),
    };
    let start = std::time::Instant::now();
    let period = reports::period(&store.conn, &input, sundby_core::dates::today())?;
    let path = match extension(out).as_str() {
        "xlsx" => output::save_xlsx(&store.conn, period, Lang::Da, target)?,
        "pdf" => output::save_pdf(
            &store.conn,
            period,
            Lang::Da,
            sundby_core::dates::today(),
            target,
        )?,
        _ => {
            return Err(Failure::Message(
                "--out skal ende på .pdf eller .xlsx".into(),
            ))
        }
    };
    say!(
        "{} ({}), {:.0} ms",
        path.display(),
        period.label(Lang::Da),
        start.elapsed().as_secs_f64() * 1000.0
    );
    Ok(())
}

pub fn case(out: &Path, target: &Target) -> Result<(), Failure> {
    let store = open()?;
    let path = match extension(out).as_str() {
        "docx" => output::save_case_docx(&store.conn, sundby_core::dates::today(), target)?,
        "txt" => output::save_case_text(&store.conn, sundby_core::dates::today(), target)?,
        _ => {
            return Err(Failure::Message(
                "--out skal ende på .docx eller .txt".into(),
            ))
        }
    };
    say!("{}", path.display());
    Ok(())
}
