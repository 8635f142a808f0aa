//! [`AwardError`]: every way an awards change can be refused or fail, each
//! with a stable code, the field it concerns, and a Danish and English
//! message that names the field and what to do.

use crate::dates;
use crate::diploma::DiplomaError;
use crate::i18n::{field_label, Lang, Localize};
use crate::store::StoreError;
use crate::validate::ValidationError;
use chrono::NaiveDate;

/// Every way an awards change can be refused or fail.
#[derive(Debug, thiserror::Error)]
pub enum AwardError {
    #[error(transparent)]
    Invalid(#[from] ValidationError),
    #[error("no award round {0}")]
    RoundNotFound(String),
    #[error("several rounds are called {0}")]
    RoundAmbiguous(String),
    #[error("no prize {0}")]
    PrizeNotFound(String),
    #[error("no nomination {0}")]
    NominationNotFound(String),
    #[error("no committee member {0}")]
    MemberNotFound(String),
    #[error("no criterion {0}")]
    CriterionNotFound(String),
    #[error("no partner {0}")]
    PartnerNotFound(String),
    #[error("{partner} is already nominated for {prize}")]
    DuplicateNomination { partner: String, prize: String },
    #[error("received after the deadline {deadline}")]
    AfterDeadline { deadline: NaiveDate },
    #[error("no text for criterion {position}")]
    MissingText { position: usize, criterion: String },
    #[error("score {value} outside {min}..={max}")]
    ScoreOutOfRange { value: String, min: i64, max: i64 },
    #[error("row {row}: {value:?} is not a vote count")]
    BadVoteCount { row: usize, value: String },
    #[error("unknown names in the vote file: {0:?}")]
    UnknownNames(Vec<String>),
    #[error("the vote file has no rows")]
    EmptyVoteFile,
    #[error("{nominee} did not consent to the public vote")]
    NoVoteConsent { nominee: String },
    #[error("{nominee} is not nominated for {prize}")]
    NotNominatedForPrize { nominee: String, prize: String },
    #[error("a reason is required")]
    ReasonRequired { tie: bool },
    #[error("no winner decided for {0}")]
    NoWinner(String),
    #[error("diploma number {number} is issued; the winner cannot change")]
    WinnerHasDiploma { number: i64 },
    #[error("the nomination won {0}")]
    IsWinner(String),
    #[error("the nominee was erased")]
    Erased,
    #[error("scores already given outside the new scale {min}..={max}")]
    ScaleBelowScores { min: i64, max: i64 },
    #[error("a round needs at least one criterion")]
    NoCriteria,
    #[error("no prize selected")]
    NoPrizes,
    #[error(transparent)]
    Diploma(#[from] DiplomaError),
    #[error(transparent)]
    Files(#[from] crate::files::FileError),
    #[error("PDF error: {0}")]
    Pdf(String),
    #[error(transparent)]
    Print(#[from] crate::print::PrintError),
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl From<rusqlite::Error> for AwardError {
    fn from(e: rusqlite::Error) -> Self {
        AwardError::Store(StoreError::Sqlite(e))
    }
}

impl From<crate::settings::SettingsError> for AwardError {
    fn from(e: crate::settings::SettingsError) -> Self {
        AwardError::Diploma(DiplomaError::Settings(e))
    }
}

impl Localize for AwardError {
    fn code(&self) -> &'static str {
        use AwardError as E;
        match self {
            E::Invalid(e) => e.code(),
            E::RoundNotFound(_) => "awards.round_not_found",
            E::RoundAmbiguous(_) => "awards.round_ambiguous",
            E::PrizeNotFound(_) => "awards.prize_not_found",
            E::NominationNotFound(_) => "awards.nomination_not_found",
            E::MemberNotFound(_) => "awards.member_not_found",
            E::CriterionNotFound(_) => "awards.criterion_not_found",
            E::PartnerNotFound(_) => "awards.partner_not_found",
            E::DuplicateNomination { .. } => "awards.duplicate_nomination",
            E::AfterDeadline { .. } => "awards.after_deadline",
            E::MissingText { .. } => "awards.missing_text",
            E::ScoreOutOfRange { .. } => "awards.score_out_of_range",
            E::BadVoteCount { .. } => "awards.bad_vote_count",
            E::UnknownNames(_) => "awards.unknown_names",
            E::EmptyVoteFile => "awards.empty_vote_file",
            E::NoVoteConsent { .. } => "awards.no_vote_consent",
            E::NotNominatedForPrize { .. } => "awards.not_nominated_for_prize",
            E::ReasonRequired { .. } => "awards.reason_required",
            E::NoWinner(_) => "awards.no_winner",
            E::WinnerHasDiploma { .. } => "awards.winner_has_diploma",
            E::IsWinner(_) => "awards.is_winner",
            E::Erased => "awards.erased",
            E::ScaleBelowScores { .. } => "awards.scale_below_scores",
            E::NoCriteria => "awards.no_criteria",
            E::NoPrizes => "awards.no_prizes",
            E::Diploma(e) => e.code(),
            E::Files(e) => e.code(),
            E::Pdf(_) => "awards.pdf",
            E::Print(e) => e.code(),
            E::Store(e) => e.code(),
        }
    }

    fn field(&self) -> Option<&'static str> {
        use AwardError as E;
        match self {
            E::Invalid(e) => e.field(),
            E::Diploma(e) => e.field(),
            E::Files(e) => e.field(),
            E::PartnerNotFound(_) | E::DuplicateNomination { .. } => Some("award_partner"),
            E::AfterDeadline { .. } => Some("received_on"),
            E::MissingText { .. } => Some("criterion_text"),
            E::ScoreOutOfRange { .. } => Some("award_score"),
            E::BadVoteCount { .. } | E::NoVoteConsent { .. } => Some("award_votes"),
            E::UnknownNames(_) | E::EmptyVoteFile => Some("vote_file"),
            E::ReasonRequired { .. } => Some("winner_reason"),
            E::ScaleBelowScores { .. } => Some("scale_max"),
            E::NoCriteria => Some("criterion_text"),
            E::NoPrizes | E::NotNominatedForPrize { .. } => Some("nomination_prizes"),
            _ => None,
        }
    }

    fn message(&self, lang: Lang) -> String {
        use AwardError as E;
        let da = lang == Lang::Da;
        match self {
            E::Invalid(e) => e.message(lang),
            E::Diploma(e) => e.message(lang),
            E::Files(e) => e.message(lang),
            E::Store(e) => e.message(lang),
            E::Print(e) => e.message(lang),
            E::RoundNotFound(r) if da => {
                format!("Der findes ingen prisrunde med navnet eller id'et «{r}».")
            }
            E::RoundNotFound(r) => format!("There is no award round with the name or id «{r}»."),
            E::RoundAmbiguous(r) if da => {
                format!("Flere prisrunder hedder «{r}»; brug rundens id.")
            }
            E::RoundAmbiguous(r) => format!("Several award rounds are called «{r}»; use its id."),
            E::PrizeNotFound(_) if da => "Prisen findes ikke længere. Genindlæs siden.".into(),
            E::PrizeNotFound(_) => "The prize no longer exists. Reload the page.".into(),
            E::NominationNotFound(_) if da => {
                "Indstillingen findes ikke længere. Genindlæs siden.".into()
            }
            E::NominationNotFound(_) => "The nomination no longer exists. Reload the page.".into(),
            E::MemberNotFound(_) if da => {
                "Udvalgsmedlemmet findes ikke længere. Genindlæs siden.".into()
            }
            E::MemberNotFound(_) => "The committee member no longer exists. Reload the page.".into(),
            E::CriterionNotFound(_) if da => {
                "Kriteriet findes ikke længere. Genindlæs siden.".into()
            }
            E::CriterionNotFound(_) => "The criterion no longer exists. Reload the page.".into(),
            E::PartnerNotFound(_) if da => {
                "Partneren findes ikke (eller ligger i papirkurven)".into()
            }
            E::PartnerNotFound(_) => "The partner does not exist (or is in the bin)".into(),
            E::DuplicateNomination { partner, prize } if da => format!(
                "{partner} er allerede indstillet til {prize}. Ret den eksisterende indstilling i stedet."
            ),
            E::DuplicateNomination { partner, prize } => format!(
                "{partner} is already nominated for {prize}. Edit the existing nomination instead."
            ),
            E::AfterDeadline { deadline } if da => format!(
                "Indstillingen er modtaget efter fristen {}. Sæt flueben ved »Godkend trods fristen« for at tage den med; det bliver noteret.",
                dates::long_da(*deadline)
            ),
            E::AfterDeadline { deadline } => format!(
                "The nomination was received after the deadline {}. Tick \"Accept despite the deadline\" to include it; that is recorded.",
                dates::long(*deadline, Lang::En)
            ),
            E::MissingText { position, criterion } if da => {
                format!("Teksten til kriterium {position} (»{criterion}«) skal udfyldes")
            }
            E::MissingText { position, criterion } => {
                format!("The text for criterion {position} (\"{criterion}\") is required")
            }
            E::ScoreOutOfRange { value, min, max } if da => {
                format!("Point skal være et helt tal fra {min} til {max}; »{value}« kan ikke bruges")
            }
            E::ScoreOutOfRange { value, min, max } => {
                format!("A score must be a whole number from {min} to {max}; \"{value}\" cannot be used")
            }
            E::BadVoteCount { row, value } if da => format!(
                "Antal stemmer i række {row} skal være et helt tal, 0 eller mere; »{value}« kan ikke bruges. Intet er importeret."
            ),
            E::BadVoteCount { row, value } => format!(
                "The vote count in row {row} must be a whole number, 0 or more; \"{value}\" cannot be used. Nothing was imported."
            ),
            E::UnknownNames(names) if da => format!(
                "Disse navne i filen passer ikke til nogen indstillet: {}. Intet er importeret; ret navnene og prøv igen.",
                names.join("; ")
            ),
            E::UnknownNames(names) => format!(
                "These names in the file match no nominee: {}. Nothing was imported; correct the names and try again.",
                names.join("; ")
            ),
            E::EmptyVoteFile if da => "Filen med stemmer har ingen rækker.".into(),
            E::EmptyVoteFile => "The vote file has no rows.".into(),
            E::NoVoteConsent { nominee } if da => format!(
                "{nominee} har ikke givet samtykke til at deltage i afstemningen"
            ),
            E::NoVoteConsent { nominee } => {
                format!("{nominee} has not consented to take part in the public vote")
            }
            E::NotNominatedForPrize { nominee, prize } if da => {
                format!("{nominee} er ikke indstillet til {prize}")
            }
            E::NotNominatedForPrize { nominee, prize } => {
                format!("{nominee} is not nominated for {prize}")
            }
            E::ReasonRequired { tie: true } if da => format!(
                "{} skal udfyldes: flere står lige, og valget mellem dem skal begrundes",
                field_label("winner_reason", lang)
            ),
            E::ReasonRequired { tie: true } => format!(
                "{} is required: several are tied, and the choice between them needs a reason",
                field_label("winner_reason", lang)
            ),
            E::ReasonRequired { tie: false } if da => format!(
                "{} skal udfyldes, når vinderen ikke er nummer 1",
                field_label("winner_reason", lang)
            ),
            E::ReasonRequired { tie: false } => format!(
                "{} is required when the winner is not number 1",
                field_label("winner_reason", lang)
            ),
            E::NoWinner(p) if da => format!("Der er ikke valgt en vinder af {p} endnu"),
            E::NoWinner(p) => format!("No winner of {p} has been decided yet"),
            E::WinnerHasDiploma { number } if da => format!(
                "Vinderen har fået diplom nr. {number} og kan ikke ændres. Genudskriv diplomet i stedet."
            ),
            E::WinnerHasDiploma { number } => format!(
                "The winner has diploma no. {number} and cannot change. Reprint the diploma instead."
            ),
            E::IsWinner(p) if da => format!(
                "Indstillingen har vundet {p}. Vælg en anden vinder, før den trækkes tilbage."
            ),
            E::IsWinner(p) => {
                format!("The nomination won {p}. Choose another winner before withdrawing it.")
            }
            E::Erased if da => {
                "Den indstillede partners persondata er slettet; indstillingen kan ikke ændres.".into()
            }
            E::Erased => "The nominee's personal data was erased; the nomination cannot change.".into(),
            E::ScaleBelowScores { min, max } if da => format!(
                "Der er allerede givet point uden for skalaen {min}–{max}. Ret pointene først."
            ),
            E::ScaleBelowScores { min, max } => format!(
                "Scores outside the scale {min}–{max} have already been given. Correct them first."
            ),
            E::NoCriteria if da => "En prisrunde skal have mindst ét kriterium".into(),
            E::NoCriteria => "An award round needs at least one criterion".into(),
            E::NoPrizes if da => "Vælg mindst én pris, indstillingen gælder".into(),
            E::NoPrizes => "Pick at least one prize for the nomination".into(),
            E::Pdf(e) if da => format!("PDF'en kunne ikke laves: {e}"),
            E::Pdf(e) => format!("The PDF could not be made: {e}"),
        }
    }
}
