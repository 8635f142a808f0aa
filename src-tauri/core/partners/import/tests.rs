//! Unit tests of the import on an in-memory database.

use super::*;
use crate::store::Store;

fn db() -> Store {
    Store::open_in_memory().unwrap()
}

/// Imports `file` (CSV text) and expects it to succeed.
fn import(s: &mut Store, file: &str, name: &str, on_duplicate: OnDuplicate) -> ImportReport {
    run(
        &mut s.conn,
        file.as_bytes(),
        name,
        None,
        on_duplicate,
        Lang::Da,
    )
    .unwrap()
}

/// The id of the partner named `name`.
fn id_of(conn: &Connection, name: &str) -> String {
    conn.query_row("SELECT id FROM partners WHERE name = ?1", [name], |r| {
        r.get(0)
    })
    .unwrap()
}

fn count(conn: &Connection) -> i64 {
    conn.query_row("SELECT count(*) FROM partners", [], |r| r.get(0))
        .unwrap()
}

const GOOD: &str = "Navn;Type;Status;Målsætninger;E-mail;Telefon\n\
    Løbeklubben Ø;Forening;Aktiv;1, 2;loeb@eks.dk;12345678\n\
    Bageriet Å;Virksomhed;Interesseret;;;\n";

#[test]
fn preview_guesses_mapping_and_finds_no_problems_in_a_good_file() {
    let s = db();
    let p = preview(&s.conn, GOOD.as_bytes(), None, Lang::Da).unwrap();
    assert_eq!(p.row_count, 2);
    assert_eq!(p.columns[0].field, Some(ImportField::Name));
    assert_eq!(p.columns[3].field, Some(ImportField::Goals));
    assert_eq!(p.columns[0].samples, ["Løbeklubben Ø", "Bageriet Å"]);
    assert!(p.problems.is_empty(), "{:?}", p.problems);
    assert!(!p.name_missing);
    assert_eq!(count(&s.conn), 0);
}

#[test]
fn problems_name_row_column_and_reason() {
    let s = db();
    let file = "Navn;Type;E-mail\n\
        Ok;Forening;ok@eks.dk\n\
        ;Forening;\n\
        Dårlig mail;Forening;ikke-en-mail\n\
        Ukendt;Rumvæsen;\n\
        For mange;Forening;a@b.dk;ekstra\n";
    let p = preview(&s.conn, file.as_bytes(), None, Lang::Da).unwrap();
    let lines: Vec<String> = p.problems.iter().map(|p| p.line(Lang::Da)).collect();
    assert_eq!(
        lines,
        [
            "Række 3, kolonne «Navn»: Navnet skal udfyldes",
            "Række 4, kolonne «E-mail»: Kontaktperson 1: E-mailadressen er ikke gyldig (forventet fx navn@eksempel.dk)",
            "Række 5, kolonne «Type»: Aktørtypen har en ukendt værdi «Rumvæsen» (forventet: kommunal, virksomhed, forening, borger eller institution)",
            "Række 6: Rækken har 4 kolonner, men overskriftsrækken har 3",
        ]
    );
    assert_eq!(p.rows_with_problems, 4);
    let en = preview(&s.conn, file.as_bytes(), None, Lang::En).unwrap();
    assert_eq!(
        en.problems[0].line(Lang::En),
        "Row 3, column \"Navn\": The name is required"
    );
}

#[test]
fn an_invalid_row_imports_nothing() {
    let mut s = db();
    let file = format!("{GOOD}Dårlig;Forening;Aktiv;99;;\n");
    let err = run(
        &mut s.conn,
        file.as_bytes(),
        "x.csv",
        None,
        OnDuplicate::Skip,
        Lang::Da,
    )
    .unwrap_err();
    match err {
        ImportError::InvalidRows(p) => {
            assert_eq!(p.len(), 1, "{p:?}");
            assert_eq!(p[0].row, 4);
            assert_eq!(p[0].column.as_deref(), Some("Målsætninger"));
        }
        e => panic!("{e:?}"),
    }
    assert_eq!(count(&s.conn), 0);
    let batches: i64 = s
        .conn
        .query_row("SELECT count(*) FROM import_batches", [], |r| r.get(0))
        .unwrap();
    assert_eq!(batches, 0);
}

#[test]
fn import_is_recorded_as_a_batch_and_undone_as_a_whole() {
    let mut s = db();
    let before = partners::create(
        &mut s.conn,
        &PartnerInput {
            name: "Eksisterende".into(),
            kind: "forening".into(),
            ..Default::default()
        },
    )
    .unwrap();
    let r = import(&mut s, GOOD, "liste.csv", OnDuplicate::Skip);
    assert_eq!((r.created, r.updated, r.skipped), (2, 0, 0));
    assert_eq!(count(&s.conn), 3);
    let b = batches(&s.conn).unwrap();
    assert_eq!(b.len(), 1);
    assert_eq!(b[0].file_name, "liste.csv");
    assert_eq!(b[0].partners, 2);
    // The imported partner has its goals and its contact.
    let id = id_of(&s.conn, "Løbeklubben Ø");
    let p = partners::get(&s.conn, &id).unwrap();
    assert_eq!(p.goals.len(), 2);
    assert_eq!(p.contacts[0].email, "loeb@eks.dk");
    assert_eq!(p.contacts[0].phone, "12 34 56 78");
    assert_eq!(p.import_batch_id.as_deref(), Some(r.batch_id.as_str()));

    let u = undo(&mut s.conn, &r.batch_id).unwrap();
    assert_eq!(u.removed, 2);
    assert_eq!(count(&s.conn), 1);
    assert!(partners::get(&s.conn, &before.id).is_ok());
    let contacts: i64 = s
        .conn
        .query_row("SELECT count(*) FROM contacts", [], |r| r.get(0))
        .unwrap();
    assert_eq!(contacts, 0);
    assert!(matches!(
        undo(&mut s.conn, &r.batch_id),
        Err(ImportError::AlreadyUndone)
    ));
    assert!(batches(&s.conn).unwrap()[0].undone_at.is_some());
}

#[test]
fn duplicates_are_skipped_updated_or_imported_anyway() {
    let mut s = db();
    import(&mut s, GOOD, "a.csv", OnDuplicate::Skip);
    // Same names with other spelling and an "ApS" suffix; one new.
    let again = "Navn;Type;Indsats\n\
        LØBEKLUBBEN  Ø;Forening;Løb hver tirsdag\n\
        Bageriet Å ApS;Virksomhed;\n\
        Ny forening;Forening;\n";
    let p = preview(&s.conn, again.as_bytes(), None, Lang::Da).unwrap();
    assert_eq!(p.duplicates.len(), 2);
    assert_eq!(p.duplicates[0].existing_name, "Løbeklubben Ø");

    let r = import(&mut s, again, "b.csv", OnDuplicate::Skip);
    assert_eq!((r.created, r.updated, r.skipped), (1, 0, 2));
    undo(&mut s.conn, &r.batch_id).unwrap();

    let r = import(&mut s, again, "c.csv", OnDuplicate::Import);
    assert_eq!((r.created, r.updated, r.skipped), (3, 0, 0));
    assert_eq!(count(&s.conn), 5);
    undo(&mut s.conn, &r.batch_id).unwrap();
    assert_eq!(count(&s.conn), 2);

    let id = id_of(&s.conn, "Løbeklubben Ø");
    let before = partners::get(&s.conn, &id).unwrap();
    let r = import(&mut s, again, "d.csv", OnDuplicate::Update);
    assert_eq!((r.created, r.updated, r.skipped), (1, 2, 0));
    let after = partners::get(&s.conn, &id).unwrap();
    assert_eq!(after.initiative, "Løb hver tirsdag");
    assert_eq!(after.name, "LØBEKLUBBEN  Ø".trim());
    // Goals and contact kept: the row had none.
    assert_eq!(after.goals.len(), 2);
    assert_eq!(after.contacts.len(), 1);

    // Undo puts the updated partner back exactly as it was.
    let u = undo(&mut s.conn, &r.batch_id).unwrap();
    assert_eq!((u.removed, u.restored), (1, 2));
    let restored = partners::get(&s.conn, &id).unwrap();
    assert_eq!(restored, before);
}

#[test]
fn name_must_be_mapped_and_mapping_must_fit() {
    let mut s = db();
    let m: Mapping = vec![None, Some(ImportField::Kind), None, None, None, None];
    let p = preview(&s.conn, GOOD.as_bytes(), Some(&m), Lang::Da).unwrap();
    assert!(p.name_missing);
    assert!(matches!(
        run(
            &mut s.conn,
            GOOD.as_bytes(),
            "x",
            Some(&m),
            OnDuplicate::Skip,
            Lang::Da
        ),
        Err(ImportError::NameNotMapped)
    ));
    assert!(matches!(
        preview(&s.conn, GOOD.as_bytes(), Some(&vec![None]), Lang::Da),
        Err(ImportError::MappingMismatch)
    ));
    // A header without rows.
    assert!(matches!(
        run(
            &mut s.conn,
            b"Navn;Type\n",
            "x",
            None,
            OnDuplicate::Skip,
            Lang::Da
        ),
        Err(ImportError::NoRows)
    ));
}

#[test]
fn html_and_sql_looking_text_is_stored_verbatim() {
    let mut s = db();
    let file = "Navn;Type;Noter\n\
        <script>alert(1)</script>;Forening;\"Robert'); DROP TABLE partners;--\"\n";
    import(&mut s, file, "x", OnDuplicate::Skip);
    let (name, notes): (String, String) = s
        .conn
        .query_row("SELECT name, notes FROM partners", [], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })
        .unwrap();
    assert_eq!(name, "<script>alert(1)</script>");
    assert_eq!(notes, "Robert'); DROP TABLE partners;--");
}

#[test]
fn file_errors_have_clear_messages_in_both_languages() {
    let e = ImportError::UnclosedQuote { row: 4, column: 2 };
    assert_eq!(
        e.message(Lang::Da),
        "Række 4, kolonne 2: et anførselstegn (\") åbner feltet, men det lukkes aldrig. Ret filen og prøv igen."
    );
    assert!(ImportError::TooLarge { max_mb: 50 }
        .message(Lang::En)
        .contains("50 MB"));
    assert_eq!(ImportError::EmptyFile.code(), "import.empty_file");
}

#[test]
fn undo_is_refused_while_a_partner_of_the_batch_has_a_diploma() {
    let mut s = db();
    let r = import(&mut s, GOOD, "a.csv", OnDuplicate::Skip);
    let id = id_of(&s.conn, "Bageriet Å");
    s.conn
        .execute(
            "INSERT INTO diplomas (id, partner_id, number, issued_on, snapshot, created_at, updated_at)
             VALUES ('d1', ?1, 1, '2026-01-01', '{}', 'x', 'x')",
            [&id],
        )
        .unwrap();
    assert!(matches!(
        undo(&mut s.conn, &r.batch_id),
        Err(ImportError::BatchInUse)
    ));
    // Nothing was removed, and the diploma is still there.
    assert_eq!(count(&s.conn), 2);
    let diplomas: i64 = s
        .conn
        .query_row("SELECT count(*) FROM diplomas", [], |r| r.get(0))
        .unwrap();
    assert_eq!(diplomas, 1);
    assert!(batches(&s.conn).unwrap()[0].undone_at.is_none());
}

#[test]
fn an_update_keeps_its_undo_snapshot_only_until_the_partner_is_erased() {
    let mut s = db();
    import(&mut s, GOOD, "a.csv", OnDuplicate::Skip);
    let again = "Navn;Type;Indsats\nLøbeklubben Ø;Forening;Løb hver tirsdag\n";
    let r = import(&mut s, again, "b.csv", OnDuplicate::Update);
    assert_eq!(r.updated, 1);
    let snapshots = |conn: &Connection| -> i64 {
        conn.query_row(
            "SELECT count(*) FROM import_undo_snapshots WHERE batch_id = ?1",
            [&r.batch_id],
            |r| r.get(0),
        )
        .unwrap()
    };
    assert_eq!(snapshots(&s.conn), 1);
    // The snapshot holds the contact's email: personal data.
    let json: String = s
        .conn
        .query_row("SELECT snapshot FROM import_undo_snapshots", [], |r| {
            r.get(0)
        })
        .unwrap();
    assert!(json.contains("loeb@eks.dk"), "{json}");
    // Nothing is kept in app_settings any more.
    let legacy: i64 = s
        .conn
        .query_row(
            "SELECT count(*) FROM app_settings WHERE key LIKE 'import%'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(legacy, 0);

    let id = id_of(&s.conn, "Løbeklubben Ø");
    partners::erase(&mut s.conn, &id).unwrap();
    assert_eq!(snapshots(&s.conn), 0, "erasure removes the copy too");
    // Undoing the update batch now restores nothing: erased stays erased.
    let u = undo(&mut s.conn, &r.batch_id).unwrap();
    assert_eq!((u.removed, u.restored), (0, 0));
    assert!(partners::get(&s.conn, &id).is_err());
    // The first batch's other partner is untouched.
    assert_eq!(count(&s.conn), 1);
}
