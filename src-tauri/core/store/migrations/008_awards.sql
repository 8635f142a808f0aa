-- 008: awards (priser): yearly award rounds with their prizes and criteria,
-- nominations with a text per criterion, the committee's members and scores,
-- the public vote's result, the winners (with recorded overrides), and the
-- award diplomas in the diploma area's own table.
-- A landed migration is never edited; add a new file instead.

CREATE TABLE award_rounds (
    id                   TEXT PRIMARY KEY,                 -- UUID
    name                 TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    intro                TEXT NOT NULL DEFAULT '',         -- the catalogue's introduction
    nomination_deadline  TEXT,                             -- ISO date (last day)
    celebration_on       TEXT,                             -- ISO date
    celebration_place    TEXT NOT NULL DEFAULT '',
    status               TEXT NOT NULL DEFAULT 'aaben'
                         CHECK (status IN ('aaben', 'bedoemmes', 'afgjort')),
    scale_min            INTEGER NOT NULL DEFAULT 1,
    scale_max            INTEGER NOT NULL DEFAULT 5,
    deleted_at           TEXT,
    created_at           TEXT NOT NULL,
    updated_at           TEXT NOT NULL,
    CHECK (scale_min >= 0 AND scale_max > scale_min AND scale_max <= 100)
);

-- A prize of a round, decided by the committee or by a public vote. The
-- decision (winner, on what basis, why) is recorded on the prize.
CREATE TABLE award_prizes (
    id                TEXT PRIMARY KEY,                    -- UUID
    round_id          TEXT NOT NULL REFERENCES award_rounds(id) ON DELETE CASCADE,
    position          INTEGER NOT NULL DEFAULT 0,
    name              TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    decided_by        TEXT NOT NULL CHECK (decided_by IN ('committee', 'vote')),
    description       TEXT NOT NULL DEFAULT '',
    vote_source       TEXT NOT NULL DEFAULT '',            -- "Facebook-afstemning", "stemmeurne"
    vote_closed_on    TEXT,                                -- ISO date the vote closed
    winner_id         TEXT REFERENCES award_nominations(id) ON DELETE SET NULL,
    winner_basis      TEXT CHECK (winner_basis IN ('ranking', 'vote', 'override', 'tie')),
    winner_reason     TEXT NOT NULL DEFAULT '',
    decided_on        TEXT,                                -- ISO date
    deleted_at        TEXT,
    created_at        TEXT NOT NULL,
    updated_at        TEXT NOT NULL
);
CREATE INDEX award_prizes_round ON award_prizes(round_id);

CREATE TABLE award_criteria (
    id          TEXT PRIMARY KEY,                          -- UUID
    round_id    TEXT NOT NULL REFERENCES award_rounds(id) ON DELETE CASCADE,
    position    INTEGER NOT NULL DEFAULT 0,
    text        TEXT NOT NULL CHECK (length(text) BETWEEN 1 AND 400),
    deleted_at  TEXT,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
);
CREATE INDEX award_criteria_round ON award_criteria(round_id);

-- A nomination of a partner for one or more prizes of a round. The partner's
-- name is kept beside the key so the round stays readable after a GDPR
-- erasure, which clears the personal data (and the key) and sets erased_at.
CREATE TABLE award_nominations (
    id                 TEXT PRIMARY KEY,                   -- UUID
    round_id           TEXT NOT NULL REFERENCES award_rounds(id) ON DELETE CASCADE,
    partner_id         TEXT REFERENCES partners(id) ON DELETE SET NULL,
    partner_name       TEXT NOT NULL DEFAULT '',
    title              TEXT NOT NULL DEFAULT '',           -- the initiative
    goals              TEXT NOT NULL DEFAULT '',           -- the initiative's goals
    nominated_by       TEXT NOT NULL DEFAULT 'self' CHECK (nominated_by IN ('self', 'other')),
    nominator_name     TEXT NOT NULL DEFAULT '',
    photo              BLOB,
    photo_mime         TEXT,
    consent_catalogue  INTEGER NOT NULL DEFAULT 0 CHECK (consent_catalogue IN (0, 1)),
    consent_vote       INTEGER NOT NULL DEFAULT 0 CHECK (consent_vote IN (0, 1)),
    consent_on         TEXT,                               -- ISO date of the consent
    received_on        TEXT NOT NULL,                      -- ISO date
    late_accepted      INTEGER NOT NULL DEFAULT 0 CHECK (late_accepted IN (0, 1)),
    late_reason        TEXT NOT NULL DEFAULT '',
    erased_at          TEXT,
    deleted_at         TEXT,
    created_at         TEXT NOT NULL,
    updated_at         TEXT NOT NULL
);
CREATE INDEX award_nominations_round ON award_nominations(round_id);
CREATE INDEX award_nominations_partner ON award_nominations(partner_id);

CREATE TABLE award_nomination_prizes (
    nomination_id  TEXT NOT NULL REFERENCES award_nominations(id) ON DELETE CASCADE,
    prize_id       TEXT NOT NULL REFERENCES award_prizes(id) ON DELETE CASCADE,
    PRIMARY KEY (nomination_id, prize_id)
);
CREATE INDEX award_nomination_prizes_prize ON award_nomination_prizes(prize_id);

CREATE TABLE award_texts (
    nomination_id  TEXT NOT NULL REFERENCES award_nominations(id) ON DELETE CASCADE,
    criterion_id   TEXT NOT NULL REFERENCES award_criteria(id) ON DELETE CASCADE,
    text           TEXT NOT NULL DEFAULT '',
    updated_at     TEXT NOT NULL,
    PRIMARY KEY (nomination_id, criterion_id)
);

-- The committee of a round (bedømmelsesudvalget).
CREATE TABLE award_members (
    id          TEXT PRIMARY KEY,                          -- UUID
    round_id    TEXT NOT NULL REFERENCES award_rounds(id) ON DELETE CASCADE,
    position    INTEGER NOT NULL DEFAULT 0,
    name        TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    role        TEXT NOT NULL DEFAULT '',
    deleted_at  TEXT,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
);
CREATE INDEX award_members_round ON award_members(round_id);

-- One member's score of one nomination on one criterion (the round's scale).
CREATE TABLE award_scores (
    nomination_id  TEXT NOT NULL REFERENCES award_nominations(id) ON DELETE CASCADE,
    member_id      TEXT NOT NULL REFERENCES award_members(id) ON DELETE CASCADE,
    criterion_id   TEXT NOT NULL REFERENCES award_criteria(id) ON DELETE CASCADE,
    score          INTEGER NOT NULL CHECK (score BETWEEN 0 AND 100),
    comment        TEXT NOT NULL DEFAULT '',
    created_at     TEXT NOT NULL,
    updated_at     TEXT NOT NULL,
    PRIMARY KEY (nomination_id, member_id, criterion_id)
);

-- The public vote's result per prize and nominee (typed in, imported from a
-- CSV, or counted by the kiosk ballot).
CREATE TABLE award_votes (
    prize_id       TEXT NOT NULL REFERENCES award_prizes(id) ON DELETE CASCADE,
    nomination_id  TEXT NOT NULL REFERENCES award_nominations(id) ON DELETE CASCADE,
    votes          INTEGER NOT NULL CHECK (votes >= 0),
    created_at     TEXT NOT NULL,
    updated_at     TEXT NOT NULL,
    PRIMARY KEY (prize_id, nomination_id)
);

-- The diploma area's table learns award diplomas: `award_key` is the prize
-- the diploma was awarded for (NULL for the partnership diploma). A partner
-- keeps one original partnership diploma and may win any number of prizes;
-- a prize has one original award diploma. Numbers stay one series.
ALTER TABLE diplomas ADD COLUMN award_key TEXT;
DROP INDEX diplomas_partner_original;
CREATE UNIQUE INDEX diplomas_partner_original ON diplomas(partner_id)
    WHERE is_copy = 0 AND award_key IS NULL;
CREATE UNIQUE INDEX diplomas_award_original ON diplomas(award_key)
    WHERE is_copy = 0 AND award_key IS NOT NULL;
