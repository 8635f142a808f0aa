//! The consultant who answers for the programme: name, title, unit, phone
//! and e-mail, a part of the programme settings that the case for Sund By
//! Netværket's case bank shows as its contact.

use super::Result;
use crate::store::now;
use crate::validate::{self, Problem, ValidationError};
use rusqlite::{params, Connection, OptionalExtension};
use serde::{Deserialize, Serialize};

/// Longest text of a contact field.
pub const MAX_FIELD: usize = 200;

/// The consultant's contact, as stored and as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Contact {
    pub name: String,
    pub title: String,
    pub unit: String,
    pub phone: String,
    pub email: String,
}

/// The stored contact (empty fields when none is saved yet).
pub fn get(conn: &Connection) -> Result<Contact> {
    Ok(conn
        .query_row(
            "SELECT name, title, unit, phone, email FROM programme_contact WHERE id = 1",
            [],
            |r| {
                Ok(Contact {
                    name: r.get(0)?,
                    title: r.get(1)?,
                    unit: r.get(2)?,
                    phone: r.get(3)?,
                    email: r.get(4)?,
                })
            },
        )
        .optional()?
        .unwrap_or_default())
}

/// Checks and saves the contact; every field may be empty.
pub fn save(conn: &Connection, input: &Contact) -> Result<Contact> {
    let c = Contact {
        name: validate::text(
            "programme_contact_name",
            &input.name,
            MAX_FIELD,
            false,
            false,
        )?,
        title: validate::text(
            "programme_contact_title",
            &input.title,
            MAX_FIELD,
            false,
            false,
        )?,
        unit: validate::text(
            "programme_contact_unit",
            &input.unit,
            MAX_FIELD,
            false,
            false,
        )?,
        phone: validate::text("programme_contact_phone", &input.phone, 40, false, false)?,
        email: validate::text("programme_contact_email", &input.email, 254, false, false)?,
    };
    if !c.phone.is_empty()
        && !c
            .phone
            .chars()
            .all(|ch| ch.is_ascii_digit() || " +-()".contains(ch))
    {
        return Err(ValidationError::new("programme_contact_phone", Problem::InvalidPhone).into());
    }
    if !c.email.is_empty() && !plausible_email(&c.email) {
        return Err(ValidationError::new("programme_contact_email", Problem::InvalidEmail).into());
    }
    conn.execute(
        "INSERT INTO programme_contact (id, name, title, unit, phone, email, updated_at)
         VALUES (1, ?1, ?2, ?3, ?4, ?5, ?6)
         ON CONFLICT(id) DO UPDATE SET name = ?1, title = ?2, unit = ?3, phone = ?4,
             email = ?5, updated_at = ?6",
        params![c.name, c.title, c.unit, c.phone, c.email, now()],
    )?;
    Ok(c)
}

/// One `@` with text on both sides and a dot in the domain, no spaces.
fn plausible_email(s: &str) -> bool {
    match s.split_once('@') {
        Some((local, domain)) => {
            !local.is_empty()
                && domain.contains('.')
                && !domain.starts_with('.')
                && !domain.ends_with('.')
                && !s.contains(char::is_whitespace)
                && !domain.contains('@')
        }
        None => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::Store;

    #[test]
    fn the_contact_is_saved_and_read_back_and_bad_input_refused() {
        let s = Store::open_in_memory().unwrap();
        assert_eq!(get(&s.conn).unwrap(), Contact::default());
        let c = Contact {
            name: " Michela Jørgensen ".into(),
            title: "Strategisk sundhedskonsulent".into(),
            unit: "Sekretariat for beskæftigelse og velfærd".into(),
            phone: "20 60 46 13".into(),
            email: "michela.jorgensen@fredericia.dk".into(),
        };
        let saved = save(&s.conn, &c).unwrap();
        assert_eq!(saved.name, "Michela Jørgensen");
        assert_eq!(get(&s.conn).unwrap(), saved);
        let bad = Contact {
            email: "ikke en adresse".into(),
            ..c.clone()
        };
        let e = save(&s.conn, &bad).unwrap_err();
        assert_eq!(
            crate::i18n::Localize::field(&e),
            Some("programme_contact_email")
        );
        let bad = Contact {
            phone: "ring mig".into(),
            ..c
        };
        assert!(save(&s.conn, &bad).is_err());
        assert_eq!(get(&s.conn).unwrap(), saved, "nothing lost on a refusal");
    }
}
