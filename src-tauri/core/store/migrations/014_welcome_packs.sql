-- 017: the welcome packs sent to new partners (issue 14): which partner,
-- on which day. No personal data: the e-mail itself is not kept.
-- A landed migration is never edited; add a new file instead.

CREATE TABLE welcome_packs (
    id          TEXT PRIMARY KEY,                             -- UUID
    partner_id  TEXT NOT NULL REFERENCES partners(id) ON DELETE CASCADE,
    sent_on     TEXT NOT NULL,                                -- ISO day, Copenhagen
    created_at  TEXT NOT NULL,                                -- RFC 3339, UTC
    updated_at  TEXT NOT NULL
);

CREATE INDEX welcome_packs_partner ON welcome_packs (partner_id, sent_on);
