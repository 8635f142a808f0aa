//! Which column of an import file goes into which partner field: the fields
//! an import can fill, and a guess from Danish and English header texts
//! ("Navn"/"Name", "Aktørtype"/"Type", "Tilmeldt"/"Joined", "E-mail", ...).

use serde::{Deserialize, Serialize};

/// A partner field an import column can fill. The key is the same as the
/// field key of validation errors, so a problem can name its column.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ImportField {
    Name,
    Kind,
    Status,
    JoinedOn,
    Goals,
    Initiative,
    TargetGroup,
    Arena,
    Address,
    Website,
    ContactName,
    ContactRole,
    Email,
    Phone,
    RecruitmentChannel,
    RecruitedBy,
    RecruitmentNotes,
    ConsentPublic,
    ConsentEmail,
    SomeCommitment,
    Notes,
}

impl ImportField {
    /// Every field, in the order the mapping step offers them.
    pub const ALL: [ImportField; 21] = [
        ImportField::Name,
        ImportField::Kind,
        ImportField::Status,
        ImportField::JoinedOn,
        ImportField::Goals,
        ImportField::Initiative,
        ImportField::TargetGroup,
        ImportField::Arena,
        ImportField::Address,
        ImportField::Website,
        ImportField::ContactName,
        ImportField::ContactRole,
        ImportField::Email,
        ImportField::Phone,
        ImportField::RecruitmentChannel,
        ImportField::RecruitedBy,
        ImportField::RecruitmentNotes,
        ImportField::ConsentPublic,
        ImportField::ConsentEmail,
        ImportField::SomeCommitment,
        ImportField::Notes,
    ];

    /// The stable key (`contact_name`), also used by validation errors.
    pub fn key(self) -> &'static str {
        match self {
            ImportField::Name => "name",
            ImportField::Kind => "kind",
            ImportField::Status => "status",
            ImportField::JoinedOn => "joined_on",
            ImportField::Goals => "goals",
            ImportField::Initiative => "initiative",
            ImportField::TargetGroup => "target_group",
            ImportField::Arena => "arena",
            ImportField::Address => "address",
            ImportField::Website => "website",
            ImportField::ContactName => "contact_name",
            ImportField::ContactRole => "contact_role",
            ImportField::Email => "email",
            ImportField::Phone => "phone",
            ImportField::RecruitmentChannel => "recruitment_channel",
            ImportField::RecruitedBy => "recruited_by",
            ImportField::RecruitmentNotes => "recruitment_notes",
            ImportField::ConsentPublic => "consent_public",
            ImportField::ConsentEmail => "consent_email",
            ImportField::SomeCommitment => "some_commitment",
            ImportField::Notes => "notes",
        }
    }

    pub fn from_key(key: &str) -> Option<ImportField> {
        ImportField::ALL.into_iter().find(|f| f.key() == key)
    }

    /// Header texts that mean this field, normalised by [`normalise`].
    fn aliases(self) -> &'static [&'static str] {
        match self {
            ImportField::Name => &[
                "navn",
                "name",
                "partner",
                "partnernavn",
                "aktør",
                "aktørnavn",
                "organisation",
                "organization",
                "virksomhed",
                "virksomhedsnavn",
                "forening",
                "foreningsnavn",
                "partnername",
                "mikropartner",
                "frontløber",
            ],
            ImportField::Kind => &[
                "type",
                "aktørtype",
                "partnertype",
                "kind",
                "kategori",
                "category",
                "partnertype",
                "typeafaktør",
            ],
            ImportField::Status => &["status", "partnerstatus", "state"],
            ImportField::JoinedOn => &[
                "tilmeldt",
                "tilmeldingsdato",
                "tilmeldtdato",
                "datotilmeldt",
                "indmeldt",
                "startdato",
                "joined",
                "joinedon",
                "datejoined",
                "joindate",
                "startdate",
                "medlemsiden",
                "partnersiden",
            ],
            ImportField::Goals => &[
                "målsætninger",
                "målsætning",
                "mål",
                "goals",
                "goal",
                "sundbymål",
                "målsætningsnumre",
            ],
            ImportField::Initiative => &[
                "indsats",
                "indsatsen",
                "initiativ",
                "initiative",
                "aktivitet",
                "aktiviteter",
                "beskrivelse",
                "description",
                "hvadgørpartneren",
            ],
            ImportField::TargetGroup => &["målgruppe", "målgrupper", "targetgroup", "audience"],
            ImportField::Arena => &["arena", "arenaer", "sted", "setting"],
            ImportField::Address => &["adresse", "address", "postadresse"],
            ImportField::Website => &[
                "hjemmeside",
                "website",
                "web",
                "url",
                "webadresse",
                "homepage",
                "www",
            ],
            ImportField::ContactName => &[
                "kontaktperson",
                "kontakt",
                "kontaktnavn",
                "kontaktpersonnavn",
                "contact",
                "contactperson",
                "contactname",
            ],
            ImportField::ContactRole => &[
                "rolle",
                "stilling",
                "titel",
                "kontaktrolle",
                "kontaktpersonensrolle",
                "role",
                "title",
                "jobtitle",
                "position",
            ],
            ImportField::Email => &[
                "email",
                "emailadresse",
                "mail",
                "mailadresse",
                "kontaktemail",
                "kontaktmail",
                "emailaddress",
            ],
            ImportField::Phone => &[
                "telefon",
                "tlf",
                "telefonnummer",
                "tlfnr",
                "mobil",
                "mobilnummer",
                "phone",
                "phonenumber",
                "telephone",
                "mobile",
            ],
            ImportField::RecruitmentChannel => &[
                "rekruttering",
                "rekrutteringskanal",
                "kanal",
                "recruitment",
                "recruitmentchannel",
                "channel",
                "hvordanrekrutteret",
            ],
            ImportField::RecruitedBy => &["rekrutteretaf", "recruitedby", "hvemrekrutterede"],
            ImportField::RecruitmentNotes => &[
                "noteromrekruttering",
                "rekrutteringsnoter",
                "recruitmentnotes",
            ],
            ImportField::ConsentPublic => &[
                "måomtalesoffentligt",
                "månævnesoffentligt",
                "samtykkeoffentlig",
                "samtykkeoffentliggørelse",
                "offentlig",
                "consentpublic",
                "public",
                "maybenamedpublicly",
            ],
            ImportField::ConsentEmail => &[
                "måfåemail",
                "måfåmail",
                "samtykkeemail",
                "samtykkemail",
                "nyhedsbrev",
                "consentemail",
                "mayemail",
                "newsletter",
            ],
            ImportField::SomeCommitment => &[
                "some",
                "someaftale",
                "deleriomsome",
                "somepresse",
                "somecommitment",
                "socialmedia",
            ],
            ImportField::Notes => &[
                "noter",
                "note",
                "bemærkninger",
                "bemærkning",
                "kommentar",
                "kommentarer",
                "notes",
                "comments",
                "comment",
                "remarks",
            ],
        }
    }
}

/// Lower-case letters and digits only: "E-mail " and "e_mail" are "email",
/// "Tlf." is "tlf". Danish letters stay.
pub fn normalise(header: &str) -> String {
    header
        .chars()
        .flat_map(char::to_lowercase)
        .filter(|c| c.is_alphanumeric())
        .collect()
}

/// The mapping of a file: for each column, the field it fills or `None`
/// when the column is left out.
pub type Mapping = Vec<Option<ImportField>>;

/// Guesses the mapping from the headers. Each field is given to at most one
/// column, the first that matches.
pub fn guess(headers: &[String]) -> Mapping {
    let mut used = Vec::new();
    headers
        .iter()
        .map(|h| {
            let key = normalise(h);
            let field = ImportField::ALL
                .into_iter()
                .find(|f| !used.contains(f) && f.aliases().contains(&key.as_str()));
            if let Some(f) = field {
                used.push(f);
            }
            field
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(h: &[&str]) -> Vec<String> {
        h.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn danish_headers_as_consultants_write_them() {
        let m = guess(&headers(&[
            "Navn",
            "Aktørtype",
            "Status",
            "Tilmeldt",
            "Målsætninger",
            "Indsats",
            "Målgruppe",
            "Arena",
            "Kontaktperson",
            "E-mail",
            "Tlf.",
            "Adresse",
            "Hjemmeside",
            "Bemærkninger",
        ]));
        use ImportField::*;
        assert_eq!(
            m,
            [
                Name,
                Kind,
                Status,
                JoinedOn,
                Goals,
                Initiative,
                TargetGroup,
                Arena,
                ContactName,
                Email,
                Phone,
                Address,
                Website,
                Notes
            ]
            .map(Some)
        );
    }

    #[test]
    fn english_headers_and_unknown_columns() {
        let m = guess(&headers(&[
            "Name",
            "Type",
            "Joined",
            "Goals",
            "Contact",
            "Email",
            "Phone",
            "Shoe size",
        ]));
        use ImportField::*;
        assert_eq!(
            m,
            vec![
                Some(Name),
                Some(Kind),
                Some(JoinedOn),
                Some(Goals),
                Some(ContactName),
                Some(Email),
                Some(Phone),
                None
            ]
        );
    }

    #[test]
    fn a_field_goes_to_the_first_matching_column_only() {
        let m = guess(&headers(&["Navn", "Name", "E-mail", "Mail"]));
        assert_eq!(
            m,
            vec![
                Some(ImportField::Name),
                None,
                Some(ImportField::Email),
                None
            ]
        );
    }

    #[test]
    fn keys_round_trip() {
        for f in ImportField::ALL {
            assert_eq!(ImportField::from_key(f.key()), Some(f));
        }
        assert_eq!(normalise(" E-mail_Adresse "), "emailadresse");
    }
}
