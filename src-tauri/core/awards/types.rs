//! The awards area's values: what is stored (rounds, prizes, criteria,
//! members, nominations, scores, votes) and what is shown (a round with its
//! standings), and the stored text of each kind.

use crate::diploma::store::Issued;
use crate::i18n::Lang;
use crate::store::stored_as_text;
use serde::{Deserialize, Serialize};

/// Where a round is: open for nominations → being judged → decided.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RoundStatus {
    Aaben,
    Bedoemmes,
    Afgjort,
}

/// Who decides a prize.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DecidedBy {
    Committee,
    Vote,
}

/// On what basis a winner was set.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Basis {
    /// The first of the committee's ranking.
    Ranking,
    /// The most votes.
    Vote,
    /// Someone other than the first, with a recorded reason.
    Override,
    /// One of several tied at the top, chosen by a recorded decision.
    Tie,
}

/// Who wrote a nomination.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum NominatedBy {
    /// The partner nominated itself.
    #[default]
    #[serde(rename = "self")]
    Itself,
    /// Someone else did (named in `nominator_name`).
    Other,
}

macro_rules! text_enum {
    ($name:ty { $($v:ident => $s:literal, $da:literal, $en:literal);+ $(;)? }) => {
        impl $name {
            /// The value stored in the database and sent to the UI.
            pub fn as_str(self) -> &'static str {
                match self { $(Self::$v => $s),+ }
            }
            /// The name a person reads.
            pub fn label(self, lang: Lang) -> &'static str {
                match (lang, self) {
                    $((Lang::Da, Self::$v) => $da, (Lang::En, Self::$v) => $en),+
                }
            }
        }
        impl std::str::FromStr for $name {
            type Err = ();
            fn from_str(s: &str) -> Result<Self, ()> {
                match s { $($s => Ok(Self::$v),)+ _ => Err(()) }
            }
        }
    };
}

text_enum!(RoundStatus {
    Aaben => "aaben", "Åben for indstillinger", "Open for nominations";
    Bedoemmes => "bedoemmes", "Bedømmes", "Being judged";
    Afgjort => "afgjort", "Afgjort", "Decided";
});
text_enum!(DecidedBy {
    Committee => "committee", "Udvalget", "The committee";
    Vote => "vote", "Afstemning", "Public vote";
});
text_enum!(Basis {
    Ranking => "ranking", "Udvalgets rangering", "The committee's ranking";
    Vote => "vote", "Flest stemmer", "Most votes";
    Override => "override", "Tilsidesat rangering", "Ranking overridden";
    Tie => "tie", "Afgjort ved stemmelighed", "Tie decided";
});
text_enum!(NominatedBy {
    Itself => "self", "Selvindstilling", "Self-nomination";
    Other => "other", "Indstillet af en anden", "Nominated by someone else";
});

stored_as_text!(RoundStatus, DecidedBy, Basis, NominatedBy);

/// An award round ("Frontløberprisen 2021").
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Round {
    pub id: String,
    pub name: String,
    pub intro: String,
    /// ISO date: the last day for nominations.
    pub nomination_deadline: Option<String>,
    pub celebration_on: Option<String>,
    pub celebration_place: String,
    pub status: RoundStatus,
    pub scale_min: i64,
    pub scale_max: i64,
    pub prize_count: i64,
    pub nomination_count: i64,
    pub created_at: String,
}

/// A prize of a round, with its decision when made.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Prize {
    pub id: String,
    pub round_id: String,
    pub position: i64,
    pub name: String,
    pub decided_by: DecidedBy,
    pub description: String,
    pub vote_source: String,
    pub vote_closed_on: Option<String>,
    pub winner_id: Option<String>,
    pub winner_basis: Option<Basis>,
    pub winner_reason: String,
    pub decided_on: Option<String>,
    /// The award diploma, once issued.
    pub diploma: Option<Issued>,
}

/// A criterion of a round.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Criterion {
    pub id: String,
    pub position: i64,
    pub text: String,
}

/// A member of a round's committee.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Member {
    pub id: String,
    pub name: String,
    pub role: String,
}

/// The text a nomination gives for one criterion.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CriterionText {
    pub criterion_id: String,
    pub text: String,
}

/// A nomination (indstilling).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Nomination {
    pub id: String,
    pub round_id: String,
    /// `None` once the partner was erased under GDPR.
    pub partner_id: Option<String>,
    /// The partner's current name (kept readable after erasure: an
    /// organisation's name, "—" for a private person).
    pub partner_name: String,
    pub title: String,
    pub goals: String,
    pub nominated_by: NominatedBy,
    pub nominator_name: String,
    pub has_photo: bool,
    pub consent_catalogue: bool,
    pub consent_vote: bool,
    pub consent_on: Option<String>,
    pub received_on: String,
    pub late_accepted: bool,
    pub late_reason: String,
    pub erased: bool,
    pub prize_ids: Vec<String>,
    /// In the round's order of criteria.
    pub texts: Vec<CriterionText>,
}

/// One member's score of one nomination on one criterion.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Score {
    pub nomination_id: String,
    pub member_id: String,
    pub criterion_id: String,
    pub score: i64,
    pub comment: String,
}

/// The public vote's count for a nominee.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct VoteCount {
    pub prize_id: String,
    pub nomination_id: String,
    pub votes: i64,
}

/// A nominee's line in a prize's standing.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StandingRow {
    pub nomination_id: String,
    pub nominee: String,
    pub title: String,
    /// 1 for the first; equal places share a rank (1, 1, 3).
    pub rank: usize,
    /// Shares its rank with another nominee.
    pub tied: bool,
    /// Committee: the sum of every score given.
    pub total: i64,
    /// Committee: how many scores are given, and how many are expected
    /// (members × criteria).
    pub scores_given: i64,
    pub scores_expected: i64,
    /// Committee: the mean score given (0 when none).
    pub mean: f64,
    /// Committee: each member's sum over the criteria (`None`: not complete).
    pub member_totals: Vec<Option<i64>>,
    /// Committee: the highest member total less the lowest (complete ones).
    pub spread: Option<i64>,
    /// Vote: the number of votes (`None`: none recorded).
    pub votes: Option<i64>,
}

/// A member who has not scored a nomination on every criterion.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MissingScore {
    pub member_id: String,
    pub member: String,
    pub nomination_id: String,
    pub nominee: String,
    pub missing: i64,
}

/// A prize's standing: the ranking (by mean score for the committee, by
/// votes for a public vote), who has not scored, and ties at the top.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Standing {
    pub prize_id: String,
    pub decided_by: DecidedBy,
    pub rows: Vec<StandingRow>,
    pub missing: Vec<MissingScore>,
    /// The nominations sharing first place (empty: no scores or votes yet).
    pub leaders: Vec<String>,
}

/// A round with everything in it, as the round's page shows it.
#[derive(Debug, Clone, Serialize)]
pub struct RoundDetail {
    pub round: Round,
    pub prizes: Vec<Prize>,
    pub criteria: Vec<Criterion>,
    pub members: Vec<Member>,
    pub nominations: Vec<Nomination>,
    pub scores: Vec<Score>,
    pub votes: Vec<VoteCount>,
    pub standings: Vec<Standing>,
}

impl RoundDetail {
    /// The nomination with this id.
    pub fn nomination(&self, id: &str) -> Option<&Nomination> {
        self.nominations.iter().find(|n| n.id == id)
    }

    /// The prize with this id.
    pub fn prize(&self, id: &str) -> Option<&Prize> {
        self.prizes.iter().find(|p| p.id == id)
    }

    /// The nominee's name as shown (an erased private person keeps "—").
    pub fn nominee(&self, id: &str) -> String {
        self.nomination(id)
            .map(|n| n.partner_name.clone())
            .unwrap_or_default()
    }
}
