//! Awards (priser): yearly award rounds where partners are nominated (most
//! often by themselves) on a round's criteria for one or more prizes; a
//! committee scores the nominations and a public vote, held outside the app,
//! is recorded; the winner of each prize is decided with the basis and any
//! override recorded, and gets an award diploma from the diploma area.
//!
//! Submodules: [`types`] (what is stored and shown), [`error`]
//! ([`AwardError`]), [`rounds`] (rounds, prizes, criteria, the committee),
//! [`nominations`] (nominating, texts per criterion, photo, consent, late
//! acceptance, GDPR erasure), [`scoring`] (scores and the committee's
//! standing: totals, ranking, spread, missing scores, ties), [`vote`] (the
//! public vote: the list and post text for it, typed counts, CSV import, the
//! kiosk ballot), [`decide`] (the winners and their award diplomas),
//! [`report`] (the round as text for the CLI, the partner page's view),
//! [`demo`] (a fictional demo round), [`catalogue`] (the nomination
//! catalogue and the scoring sheet, through [`crate::print`]). Partners are read only through
//! [`crate::partners::lookup`]; the tables are migration 008's.

pub mod catalogue;
pub mod decide;
pub mod demo;
pub mod error;
pub mod nominations;
pub mod report;
pub mod rounds;
pub mod scoring;
mod sql;
pub mod types;
pub mod vote;

#[cfg(test)]
mod tests;

pub use decide::{award_diploma, award_preview, decide, DecideInput};
pub use error::AwardError;
pub use nominations::{
    forget_partner, nominate, partner_choices, photo, remove_nomination, remove_photo, set_photo,
    update_nomination, NominationInput,
};
pub use report::{for_partner, report_text, written_by, PartnerAward, WrittenNomination};
pub use rounds::{
    add_member, create_round, find_round, remove_member, remove_prize, round, rounds, save_prize,
    set_status, update_round, MemberInput, PrizeInput, RoundInput,
};
pub use scoring::{set_scores, standing, ScoreInput};
pub use types::*;
pub use vote::{cast_ballot, import_votes_csv, set_votes, vote_post_text, VotesInput};

/// Frederiksberg's three criteria, exactly as DOMAIN.md words them: the
/// default of a new round.
pub const DEFAULT_CRITERIA: [&str; 3] = [
    "Indsatsen har styrket sundhed og trivsel for en gruppe mennesker",
    "Indsatsen har skabt opmærksomhed på deres arbejde med sundhed og trivsel i byen",
    "Indsatsen har skabt opmærksomhed om en vigtig eller overset problematik",
];

/// Longest name of a round, prize or member, or initiative title.
pub const MAX_NAME: usize = 200;
/// Longest criterion wording.
pub const MAX_CRITERION: usize = 400;
/// Longest text per criterion, goals, description or introduction.
pub const MAX_TEXT: usize = 6_000;
/// Longest reason or comment.
pub const MAX_REASON: usize = 1_000;
/// The most votes one nominee can be given (a town, not a country).
pub const MAX_VOTES: i64 = 10_000_000;
