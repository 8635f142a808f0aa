-- 003: diplomas: ceremonies (overrækkelser) and the diplomas issued at them.
-- A landed migration is never edited; add a new file instead.

-- A ceremony where diplomas are handed out. Issue 5's events can point at it
-- (events.ceremony_id REFERENCES ceremonies(id)) to show it as an event of
-- kind 'overrækkelse'.
CREATE TABLE ceremonies (
    id               TEXT PRIMARY KEY,            -- UUID
    held_on          TEXT NOT NULL,               -- ISO date
    place            TEXT NOT NULL DEFAULT '',
    signatory_slots  TEXT NOT NULL DEFAULT '1,2', -- who hands out: '', '1', '2' or '1,2'
    notes            TEXT NOT NULL DEFAULT '',
    deleted_at       TEXT,
    created_at       TEXT NOT NULL,
    updated_at       TEXT NOT NULL
);
CREATE INDEX ceremonies_held_on ON ceremonies(held_on);

-- Images as printed, by content digest, so a reprint is identical even when
-- the logo or a signature is replaced in the settings later.
CREATE TABLE diploma_images (
    digest      TEXT PRIMARY KEY,                 -- 16 hex digits (FNV-1a 64)
    bytes       BLOB NOT NULL,
    created_at  TEXT NOT NULL
);

-- An issued diploma. `snapshot` is the JSON of exactly what was printed
-- (the layout input, images replaced by their digests). A reprint is a new row
-- with is_copy = 1, the same number and copy_of pointing at the original.
CREATE TABLE diplomas (
    id           TEXT PRIMARY KEY,                -- UUID
    partner_id   TEXT NOT NULL REFERENCES partners(id) ON DELETE CASCADE,
    ceremony_id  TEXT REFERENCES ceremonies(id) ON DELETE SET NULL,
    number       INTEGER NOT NULL CHECK (number > 0),
    issued_on    TEXT NOT NULL,                   -- ISO date
    snapshot     TEXT NOT NULL,
    is_copy      INTEGER NOT NULL DEFAULT 0 CHECK (is_copy IN (0, 1)),
    copy_of      TEXT REFERENCES diplomas(id) ON DELETE SET NULL,
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL
);
-- The diploma number is unique in the programme (one programme per database).
CREATE UNIQUE INDEX diplomas_number ON diplomas(number) WHERE is_copy = 0;
-- A partner gets one original diploma.
CREATE UNIQUE INDEX diplomas_partner_original ON diplomas(partner_id) WHERE is_copy = 0;
CREATE INDEX diplomas_ceremony ON diplomas(ceremony_id);
